// A word-at-a-time hash (multiply and rotate, as in MurmurHash's mixing): about 20 µs for a
// 10,000-vertex frame. Not cryptographic: a collision would show one stale frame. Used by the
// frame fingerprint and the damage tracker.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace gradlab {

struct WordHasher {
  std::uint64_t h = 0x9E3779B97F4A7C15ull;
  void word(std::uint64_t w) {
    w *= 0x87C37B91114253D5ull;
    w = (w << 31) | (w >> 33);
    h ^= w * 0x4CF5AD432745937Full;
    h = ((h << 27) | (h >> 37)) * 5 + 0x52DCE729;
  }
  void bytes(const void* data, std::size_t size) {
    const auto* p = static_cast<const unsigned char*>(data);
    std::size_t i = 0;
    for (; i + 8 <= size; i += 8) {
      std::uint64_t w;
      std::memcpy(&w, p + i, 8);
      word(w);
    }
    std::uint64_t tail = 0;
    std::memcpy(&tail, p + i, size - i);
    word(tail ^ (std::uint64_t(size) << 56));
  }
  void number(float v) { bytes(&v, sizeof v); }
};

}  // namespace gradlab
