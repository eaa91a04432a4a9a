// Idle heap trimming. See heap_trim.h.
#include "app/heap_trim.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>  // defines __GLIBC__ on glibc

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace gradlab {
namespace {

#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__) && __GLIBC_PREREQ(2, 33)
constexpr bool kCanTrim = true;
#else
constexpr bool kCanTrim = false;
#endif

double millisecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
      .count();
}

}  // namespace

std::size_t freeHeapBytes() {
#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__) && __GLIBC_PREREQ(2, 33)
  return mallinfo2().fordblks;
#else
  return 0;
#endif
}

bool shouldTrimHeap(HeapTrimRule& rule, std::size_t free_bytes) {
  if (!rule.started || free_bytes < rule.floor) {
    rule.started = true;
    rule.floor = free_bytes;
    return false;
  }
  if (free_bytes - rule.floor < kTrimAfterFreedBytes) return false;
  rule.floor = free_bytes;
  return true;
}

bool trimHeapWhenIdle(HeapTrimmer& trimmer) {
  if (!kCanTrim) return false;
  HeapTrimStats& s = trimmer.stats;
  const auto check_start = std::chrono::steady_clock::now();
  const bool trim = shouldTrimHeap(trimmer.rule, freeHeapBytes());
  const double check_ms = millisecondsSince(check_start);
  ++s.checks;
  s.check_ms_total += check_ms;
  s.check_ms_max = std::max(s.check_ms_max, check_ms);
  if (!trim) return false;
#if defined(__GLIBC__)
  const auto trim_start = std::chrono::steady_clock::now();
  malloc_trim(0);
  const double trim_ms = millisecondsSince(trim_start);
  ++s.trims;
  s.trim_ms_total += trim_ms;
  s.trim_ms_max = std::max(s.trim_ms_max, trim_ms);
#endif
  return true;
}

void printHeapTrimStats(const HeapTrimStats& s) {
  std::fprintf(stderr,
               "heap trims: %d checks (%.1f ms in all, at most %.2f ms), %d trims (%.1f ms in all, "
               "at most %.2f ms)\n",
               s.checks, s.check_ms_total, s.check_ms_max, s.trims, s.trim_ms_total, s.trim_ms_max);
}

}  // namespace gradlab
