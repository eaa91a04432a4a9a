// Trajectory and curve thinning. See thinning.h.
#include "app/views/thinning.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <unordered_set>
#include <utility>

namespace gradlab {
namespace {
struct CellPairHash {
  std::size_t operator()(const std::pair<std::int64_t, std::int64_t>& p) const {
    return std::hash<std::int64_t>()(p.first * 1000003 ^ p.second);
  }
};
}  // namespace

void buildTrajectoryPath(const Trajectory& t, int shown, bool arrows, const Window& window,
                         double width_px, double height_px, TrajectoryPath& c) {
  c.path_x.clear();
  c.path_y.clear();
  c.arrow_x.clear();
  c.arrow_y.clear();
  c.path_i.clear();
  c.arrow_i.clear();
  if (t.iterates.empty()) return;
  shown = std::clamp(shown, 0, int(t.iterates.size()) - 1);
  if (shown <= kMaxTrajectoryArrows && arrows) {
    for (int i = 0; i <= shown; ++i) {
      c.arrow_x.push_back(t.iterates[i].w.x());
      c.arrow_y.push_back(t.iterates[i].w.y());
      c.arrow_i.push_back(i);
    }
    return;
  }
  const double px_x = (window.x_max - window.x_min) / std::max(1.0, width_px);
  const double px_y = (window.y_max - window.y_min) / std::max(1.0, height_px);
  // A run that oscillates (C4 at eta = 1: 10,000 steps round one cycle) retraces the same pixels
  // thousands of times, and a rasterizer walks every edge of a stroke on every row it covers
  // (exporting that map took 2 s of Cairo). Each pixel-cell segment is drawn once: a retraced one
  // is left out, and the line resumes (after a NaN break, unless it came back to the same cell)
  // at the next segment not yet drawn.
  const auto cell = [&](double x, double y) {
    const double cx = std::floor((x - window.x_min) / px_x),
                 cy = std::floor((y - window.y_min) / px_y);
    if (!(std::fabs(cx) < 1e9 && std::fabs(cy) < 1e9)) return std::int64_t(-1);  // far off: new
    return std::int64_t((std::int64_t(cx) + 1000000000) * std::int64_t(4000000001) +
                        (std::int64_t(cy) + 1000000000));
  };
  std::unordered_set<std::pair<std::int64_t, std::int64_t>, CellPairHash> drawn;
  double last_x = t.iterates[0].w.x(), last_y = t.iterates[0].w.y();
  std::int64_t last_cell = cell(last_x, last_y), pushed_cell = last_cell;
  c.path_x.push_back(last_x);
  c.path_y.push_back(last_y);
  c.path_i.push_back(0);
  int last_i = 0;
  for (int i = 1; i <= shown; ++i) {
    const double x = t.iterates[i].w.x(), y = t.iterates[i].w.y();
    if (i != shown && std::fabs(x - last_x) <= px_x && std::fabs(y - last_y) <= px_y) continue;
    const std::int64_t here = cell(x, y);
    const bool far = here < 0 || last_cell < 0;
    if (far || drawn.insert(std::minmax(last_cell, here)).second) {
      if (pushed_cell != last_cell) {  // resume where the retraced part ended
        c.path_x.insert(c.path_x.end(), {std::nan(""), last_x});
        c.path_y.insert(c.path_y.end(), {std::nan(""), last_y});
        c.path_i.insert(c.path_i.end(), {-1, last_i});
      }
      c.path_x.push_back(x);
      c.path_y.push_back(y);
      c.path_i.push_back(i);
      pushed_cell = here;
    }
    last_x = x;
    last_y = y;
    last_cell = here;
    last_i = i;
  }
  if (arrows && shown >= 1) {
    const int stride = std::max(1, shown / kMaxTrajectoryArrows);
    const double nan = std::nan("");
    for (int i = 0; i < shown; i += stride) {
      c.arrow_x.insert(c.arrow_x.end(), {t.iterates[i].w.x(), t.iterates[i + 1].w.x(), nan});
      c.arrow_y.insert(c.arrow_y.end(), {t.iterates[i].w.y(), t.iterates[i + 1].w.y(), nan});
      c.arrow_i.insert(c.arrow_i.end(), {i, i + 1, -1});
    }
  }
}

void buildEnvelope(const Trajectory& t, int count, int buckets, CurveEnvelope& c) {
  c.iter.clear();
  c.f.clear();
  c.grad_norm.clear();
  count = std::min(count, int(t.iterates.size()));
  if (count <= 0) return;
  auto add = [&](int i) {
    c.iter.push_back(double(i));
    c.f.push_back(t.iterates[i].f);
    c.grad_norm.push_back(t.iterates[i].gradNorm());
  };
  if (count <= 2 * buckets) {
    for (int i = 0; i < count; ++i) add(i);
    return;
  }
  // f and ||grad f|| each get their own extremes: keep the union, in order.
  std::vector<int> keep;
  for (int b = 0; b < buckets; ++b) {
    const int begin = int(std::int64_t(b) * count / buckets);
    const int end = int(std::int64_t(b + 1) * count / buckets);
    int f_lo = begin, f_hi = begin, g_lo = begin, g_hi = begin;
    for (int i = begin; i < end; ++i) {
      const Iterate& it = t.iterates[i];
      if (it.f < t.iterates[f_lo].f) f_lo = i;
      if (it.f > t.iterates[f_hi].f) f_hi = i;
      if (it.gradNorm() < t.iterates[g_lo].gradNorm()) g_lo = i;
      if (it.gradNorm() > t.iterates[g_hi].gradNorm()) g_hi = i;
    }
    keep = {f_lo, f_hi, g_lo, g_hi};
    std::sort(keep.begin(), keep.end());
    keep.erase(std::unique(keep.begin(), keep.end()), keep.end());
    for (int i : keep) add(i);
  }
  if (c.iter.back() != double(count - 1)) add(count - 1);  // the curve ends where the run is
}

void buildValueEnvelope(const double* values, int count, int span, int buckets,
                        std::vector<double>& iter, std::vector<double>& ys) {
  iter.clear();
  ys.clear();
  if (count <= 0) return;
  span = std::max(span, count);
  auto add = [&](int i) {
    iter.push_back(double(i));
    ys.push_back(values[i]);
  };
  if (span <= 2 * buckets) {
    for (int i = 0; i < count; ++i) add(i);
    return;
  }
  add(0);  // the curve starts where the run does
  for (int b = 0; b < buckets; ++b) {
    const int begin = int(std::int64_t(b) * span / buckets);
    const int end = std::min(count, int(std::int64_t(b + 1) * span / buckets));
    if (begin >= end) break;
    int lo = begin, hi = begin;
    for (int i = begin; i < end; ++i) {
      if (values[i] < values[lo]) lo = i;
      if (values[i] > values[hi]) hi = i;
    }
    if (std::min(lo, hi) > 0) add(std::min(lo, hi));
    if (hi != lo) add(std::max(lo, hi));
  }
  if (iter.back() != double(count - 1)) add(count - 1);  // the curve ends where the run is
}

}  // namespace gradlab
