// FrameStats: the last few seconds of frame times, for the status bar.
#pragma once

#include <algorithm>
#include <array>

namespace gradlab {

struct FrameStats {
  static constexpr int kCapacity = 120;
  std::array<float, kCapacity> ms{};
  int count = 0, next = 0;

  void add(float frame_ms) {
    ms[next] = frame_ms;
    next = (next + 1) % kCapacity;
    count = std::min(count + 1, kCapacity);
  }
  float mean() const {
    float sum = 0;
    for (int i = 0; i < count; ++i) sum += ms[i];
    return count ? sum / count : 0.0f;
  }
  float max() const {
    float m = 0;
    for (int i = 0; i < count; ++i) m = std::max(m, ms[i]);
    return m;
  }
};

}  // namespace gradlab
