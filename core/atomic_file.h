// Atomic file writes: the bytes go to a temporary file beside the target, which is then renamed
// over it, so a crash or full disk never leaves a half-written figure, scene or settings file.
#pragma once

#include <string>

namespace gradlab {

// Writes `size` bytes to `path` atomically. Returns false with a one-line *error on failure
// (the target is then untouched).
bool writeFileAtomic(const std::string& path, const void* data, std::size_t size,
                     std::string* error);

}  // namespace gradlab
