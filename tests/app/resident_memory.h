// What the allocator tests (test_memory, test_heap_trim) measure with: this process's resident
// size, and malloc/free the compiler cannot pair up and drop.
#pragma once

#include <unistd.h>

#include <cstddef>
#include <cstdio>
#include <cstdlib>

namespace gradlab::test {

// Resident set size of this process in bytes (/proc/self/statm, second field in pages).
inline long residentBytes() {
  std::FILE* f = std::fopen("/proc/self/statm", "r");
  if (f == nullptr) return -1;
  long size = 0, resident = -1;
  if (std::fscanf(f, "%ld %ld", &size, &resident) != 2) resident = -1;
  std::fclose(f);
  return resident < 0 ? -1 : resident * sysconf(_SC_PAGESIZE);
}

// Through volatile pointers, so the compiler cannot pair up and drop an allocation and its free.
inline void* (*volatile allocate)(std::size_t) = std::malloc;
inline void (*volatile release)(void*) = std::free;

}  // namespace gradlab::test
