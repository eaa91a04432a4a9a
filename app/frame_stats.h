// FrameStats: the last few seconds of frame times, for the status bar.
#pragma once

#include <algorithm>
#include <array>

namespace gradlab {

struct FrameStats {
  static constexpr int kCapacity = 120;
  static constexpr double kShowEvery = 0.5;  // seconds between updates of the shown figures
  std::array<float, kCapacity> ms{};
  int count = 0, next = 0;
  // What the status bar shows: a snapshot taken at most every kShowEvery seconds.
  float shown_mean = 0, shown_max = 0;
  int shown_count = 0;
  double shown_at = -1e300;

  void refreshShown(double now) {
    if (now - shown_at < kShowEvery) return;
    shown_mean = mean();
    shown_max = max();
    shown_count = count;
    shown_at = now;
  }

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
