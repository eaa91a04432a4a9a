// Giving freed heap memory back to the system when the app goes idle.
//
// glibc returns a heap's free pages only from its top (app/memory.h keeps that top small), so
// memory freed below a block still in use stays resident: a sweep or a set of runs replaced
// under random use leaves megabytes of free, resident holes behind (issue 15, scripts/soak.sh).
// malloc_trim(0) gives the free pages inside the heaps back too. It walks every free chunk, so
// it runs only when the event loop goes idle, and only when the heaps hold at least
// kTrimAfterFreedBytes more free bytes than after the last trim (or than their lowest since).
#pragma once

#include <cstddef>

namespace gradlab {

constexpr std::size_t kTrimAfterFreedBytes = std::size_t(4) << 20;

// The heaps' free bytes (glibc's mallinfo2: all arenas, resident or not); 0 where unknown.
std::size_t freeHeapBytes();

// The trim rule, apart from the allocator (unit-tested with made-up byte counts).
struct HeapTrimRule {
  std::size_t floor = 0;  // free heap bytes after the last trim, or their lowest since
  bool started = false;   // false until the first idle moment sets the floor
};
// At an idle moment with `free_bytes` free in the heaps: true when they grew by at least
// kTrimAfterFreedBytes over the floor (the floor then moves to them: the trim keeps the free
// chunks, only their pages go); otherwise the floor follows them down.
bool shouldTrimHeap(HeapTrimRule& rule, std::size_t free_bytes);

// What the trims cost, for the soak's log (GRADLAB_TRIM_REPORT=1 prints it at exit).
struct HeapTrimStats {
  int checks = 0, trims = 0;
  double check_ms_total = 0, check_ms_max = 0;  // freeHeapBytes() at idle moments
  double trim_ms_total = 0, trim_ms_max = 0;    // malloc_trim(0)
};

struct HeapTrimmer {
  HeapTrimRule rule;
  HeapTrimStats stats;
};

// Call when the event loop is about to sleep after drawing: checks the rule and trims. Returns
// true when it trimmed. Does nothing where the allocator has no trim (not glibc, sanitizers).
bool trimHeapWhenIdle(HeapTrimmer& trimmer);

// "heap trims: ..." in one line.
void printHeapTrimStats(const HeapTrimStats& stats);

}  // namespace gradlab
