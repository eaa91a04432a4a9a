// Process-wide allocator settings for the long-running app.
#pragma once

namespace gradlab {

// Makes memory that the app frees go back to the system instead of piling up in the heap.
//
// glibc serves blocks of 128 KiB and more with mmap and unmaps them on free, but by default it
// raises that threshold to the size of each such block freed (up to 32 MiB), and the heap's
// trim threshold to twice that. One freed 6 MiB trajectory (a 100,000-iteration run reserves
// that much) then sends every later vector below 6 MiB - field grids, trajectories, sweeps,
// run caches - into the main heap, which gives free pages back only from its top: under random
// use the resident size crept up by several MB a minute (issue 15, scripts/soak.sh). Fixed
// thresholds (mmap at the default 128 KiB, trim at 1 MiB) keep large blocks in mmap and give
// the heap's free top back; free holes below the top go back when the app idles (heap_trim.h).
// Call once at start-up; it applies to the allocations after it.
// Returns false when the allocator ignores it (not glibc, or a sanitizer's allocator).
bool returnFreedMemoryToSystem();

}  // namespace gradlab
