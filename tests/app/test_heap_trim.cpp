// Idle heap trimming (app/heap_trim.h): the rule on made-up byte counts, and the allocator
// itself: memory freed in holes between blocks still in use stays resident (glibc trims a heap
// only from its top, which is what the soak saw) until trimHeapWhenIdle gives it back.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "app/heap_trim.h"
#include "app/memory.h"
#include "tests/app/resident_memory.h"

namespace gradlab {
namespace {

constexpr std::size_t kMiB = std::size_t(1) << 20;

TEST(HeapTrimRule, TheFirstIdleMomentOnlySetsTheFloor) {
  HeapTrimRule rule;
  EXPECT_FALSE(shouldTrimHeap(rule, 50 * kMiB));
  EXPECT_EQ(rule.floor, 50 * kMiB);
}

TEST(HeapTrimRule, TrimsOnceTheFreeBytesGrewByTheThreshold) {
  HeapTrimRule rule;
  shouldTrimHeap(rule, 10 * kMiB);
  EXPECT_FALSE(shouldTrimHeap(rule, 10 * kMiB + kTrimAfterFreedBytes - 1));
  EXPECT_TRUE(shouldTrimHeap(rule, 10 * kMiB + kTrimAfterFreedBytes));
  // The trim keeps the free chunks (only their pages go): the same free bytes are no new reason.
  EXPECT_FALSE(shouldTrimHeap(rule, 10 * kMiB + kTrimAfterFreedBytes));
}

TEST(HeapTrimRule, TheFloorFollowsTheFreeBytesDown) {
  HeapTrimRule rule;
  shouldTrimHeap(rule, 20 * kMiB);
  // Trimmed holes reused (their pages resident again), then freed again: that is a new reason.
  EXPECT_FALSE(shouldTrimHeap(rule, 12 * kMiB));
  EXPECT_EQ(rule.floor, 12 * kMiB);
  EXPECT_TRUE(shouldTrimHeap(rule, 12 * kMiB + kTrimAfterFreedBytes));
}

using test::allocate;
using test::release;
using test::residentBytes;

// The allocation pattern and its checks, in a child process (EXPECT_EXIT): the holes it leaves
// in this process's heap would change what later tests of the allocator see. The child is a
// fresh run of the test binary ("threadsafe" death tests), not a fork: a fork inherits the heap
// that earlier tests left, whose free chunks can put the small blocks elsewhere, so the 16 KiB
// blocks merge when freed and glibc returns them at once (it did, once enough tests ran first).
// Exits 0 when the trim gave the holes back, else 1 with the reason on stderr.
void freeHolesThenTrim() {
  if (!returnFreedMemoryToSystem()) std::exit(2);
  HeapTrimmer trimmer;
  // 24 MiB of 16 KiB blocks (heap, not mmap), each followed by a small block that stays: a
  // run's pieces and the small state made after them, as a sweep or a set of runs leaves.
  constexpr int kBlocks = 24 * 64;
  constexpr std::size_t kBlock = 16 * 1024;
  std::vector<char*> freed(kBlocks), kept(kBlocks);
  for (int i = 0; i < kBlocks; ++i) {
    freed[i] = static_cast<char*>(allocate(kBlock));
    kept[i] = static_cast<char*>(allocate(64));
    if (freed[i] == nullptr || kept[i] == nullptr) std::exit(2);
    std::memset(freed[i], 1, kBlock);
    std::memset(kept[i], 1, 64);
  }
  // The floor: the heap with the blocks in use.
  const bool trimmed_early = trimHeapWhenIdle(trimmer);
  const long full = residentBytes();
  for (char* p : freed) release(p);
  const long after_free = residentBytes();
  const bool trimmed = trimHeapWhenIdle(trimmer);
  const long after_trim = residentBytes();
  const bool trimmed_again = trimHeapWhenIdle(trimmer);
  std::fprintf(stderr, "resident KiB: %ld in use, %ld freed, %ld trimmed\n", full / 1024,
               after_free / 1024, after_trim / 1024);
  // What the old code left: most of the holes resident (glibc trims a heap only at its top).
  const bool kept_by_glibc = after_free > full - long(12 * kMiB);
  // The trim gave most of the 24 MiB back (each hole keeps the page with its chunk header:
  // about 3 of its 4 pages go), once: nothing more was freed after it.
  const bool given_back = after_trim < after_free - long(12 * kMiB);
  std::exit(!trimmed_early && kept_by_glibc && trimmed && given_back && !trimmed_again ? 0 : 1);
}

TEST(HeapTrim, FreedHolesBetweenLiveBlocksGoBackWhenIdle) {
#if !defined(__GLIBC__) || defined(__SANITIZE_ADDRESS__) || defined(GRADLAB_SANITIZE)
  GTEST_SKIP() << "glibc's allocator only";
#else
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(freeHolesThenTrim(), testing::ExitedWithCode(0), "");
#endif
}

}  // namespace
}  // namespace gradlab
