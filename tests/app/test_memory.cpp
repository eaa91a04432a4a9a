// The app's allocator setting (app/memory.h): memory the app frees goes back to the system. The
// soak (scripts/soak.sh) saw the resident size creep up by several MB a minute because glibc
// had raised its mmap threshold after a large run was freed, so later medium vectors piled up in
// the heap. This replays that pattern with plain malloc/free and measures the resident size.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "app/memory.h"
#include "tests/app/resident_memory.h"

namespace gradlab {
namespace {

using test::allocate;
using test::release;
using test::residentBytes;

// A block written all through (resident), then freed.
void touchAndFree(std::size_t bytes) {
  auto* p = static_cast<char*>(allocate(bytes));
  ASSERT_NE(p, nullptr);
  std::memset(p, 1, bytes);
  release(p);
}

TEST(Memory, FreedBlocksLeaveTheResidentSizeAfterALargeRunWasFreed) {
#if !defined(__GLIBC__) || defined(__SANITIZE_ADDRESS__) || defined(GRADLAB_SANITIZE)
  GTEST_SKIP() << "glibc's allocator only";
#else
  ASSERT_TRUE(returnFreedMemoryToSystem());
  ASSERT_GT(residentBytes(), 0);
  // A 100,000-iteration run's trajectory (64 bytes an iterate), freed: without the setting,
  // glibc now serves every block below this size from the heap and keeps it when freed.
  touchAndFree(6400064);
  const long before = residentBytes();
  // Then what the lab makes and drops while it is used: trajectories of 10,000-iteration runs
  // (640 KiB), field grids and sweeps of other sizes. Each is freed before the next is made.
  long highest = before;
  for (int round = 0; round < 40; ++round) {
    touchAndFree(640064 + 4096 * std::size_t(round));
    touchAndFree(3 * 1024 * 1024 + 1000 * std::size_t(round));
    highest = std::max(highest, residentBytes());
  }
  const long grown = highest - before;
  EXPECT_LT(grown, 1024 * 1024) << "freed blocks stayed resident: +" << grown / 1024 << " KiB";
#endif
}

}  // namespace
}  // namespace gradlab
