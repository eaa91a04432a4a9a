// Trajectory and curve thinning: bounded work for long runs, never a point that is not a real
// iterate, and nothing that would change the picture by more than a pixel.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "app/views/thinning.h"

namespace gradlab {
namespace {

// A run spiralling in to the origin in five turns: n + 1 iterates with f = ||w||^2 and a wobbling
// gradient. Its path is about 20 units long: 2,000 pixels of a 400-pixel view of [-2, 2]^2.
Trajectory spiral(int n) {
  Trajectory t;
  for (int i = 0; i <= n; ++i) {
    Iterate it;
    const double r = 2.0 * std::exp(-3.0 * i / n), a = 10 * M_PI * i / n;
    it.w = Vec2(r * std::cos(a), r * std::sin(a));
    it.f = r * r;
    it.grad = Vec2(2 * r * (1.5 + std::sin(0.3 * i)), 0);  // ||grad f|| varies along the spiral
    t.iterates.push_back(it);
  }
  return t;
}

TEST(TrajectoryThinning, ShortRunsGetAnArrowPerStep) {
  const Trajectory t = spiral(50);
  TrajectoryPath p;
  buildTrajectoryPath(t, 50, true, Window{-2, 2, -2, 2}, 400, 400, p);
  ASSERT_EQ(p.arrow_x.size(), 51u);
  EXPECT_TRUE(p.path_x.empty());
  for (int i = 0; i <= 50; ++i) {
    EXPECT_EQ(p.arrow_i[i], i);
    EXPECT_EQ(p.arrow_x[i], t.iterates[i].w.x());
  }
  buildTrajectoryPath(t, 20, true, Window{-2, 2, -2, 2}, 400, 400, p);  // animation at 20
  EXPECT_EQ(p.arrow_x.size(), 21u);
}

TEST(TrajectoryThinning, LongRunsAreBoundedAndEveryKeptPointIsARealIterateAPixelApart) {
  const int n = 100000;
  const Trajectory t = spiral(n);
  const Window window{-2, 2, -2, 2};
  TrajectoryPath p;
  buildTrajectoryPath(t, n, true, window, 400, 400, p);
  // No more points than pixels along the path (about 2,000), whatever the iterate count.
  EXPECT_LT(p.path_x.size(), 5000u);
  EXPECT_EQ(p.path_i.front(), 0);
  EXPECT_EQ(p.path_i.back(), n);  // the line ends where the run ends
  const double px = 4.0 / 400;
  for (std::size_t k = 0; k < p.path_x.size(); ++k) {
    const Iterate& it = t.iterates[std::size_t(p.path_i[k])];
    EXPECT_EQ(p.path_x[k], it.w.x());
    EXPECT_EQ(p.path_y[k], it.w.y());
    if (k > 0 && k + 1 < p.path_x.size()) {
      const bool apart = std::fabs(p.path_x[k] - p.path_x[k - 1]) > px ||
                         std::fabs(p.path_y[k] - p.path_y[k - 1]) > px;
      EXPECT_TRUE(apart) << "point " << k << " is within a pixel of the one before";
    }
  }
  // At most kMaxTrajectoryArrows + 1 arrows, NaN-separated, each a real step i -> i + 1.
  ASSERT_EQ(p.arrow_x.size() % 3, 0u);
  EXPECT_LE(p.arrow_x.size() / 3, std::size_t(kMaxTrajectoryArrows) + 1);
  for (std::size_t k = 0; k < p.arrow_x.size(); k += 3) {
    EXPECT_EQ(p.arrow_i[k] + 1, p.arrow_i[k + 1]);
    EXPECT_TRUE(std::isnan(p.arrow_x[k + 2]));
  }
}

// C4 at eta = 1: gradient ascent that never settles, 10,000 steps round a cycle of four points
// that slowly shrinks onto its limit. Every pixel it covers is still drawn, each once: the path
// is about one lap plus the drift, not 10,000 retraced segments.
TEST(TrajectoryThinning, AnOscillatingRunDrawsEachRetracedSegmentOnce) {
  const int n = 10000;
  Trajectory t;
  const Vec2 corners[4] = {{0.2, 0.9}, {0.9, 0.1}, {0.1, 0.3}, {0.8, 1.2}};
  for (int i = 0; i <= n; ++i) {
    Iterate it;
    const double shrink = 1 + 0.5 * std::exp(-i / 400.0);  // drifts onto the cycle
    it.w = Vec2(0.5, 0.5) + shrink * (corners[i % 4] - Vec2(0.5, 0.5));
    t.iterates.push_back(it);
  }
  const Window window{-2, 3, -2, 3};
  TrajectoryPath p;
  buildTrajectoryPath(t, n, false, window, 800, 600, p);
  EXPECT_LT(p.path_x.size(), 1500u);  // the laps that drift into new pixels, not 10,000 segments
  ASSERT_EQ(p.path_x.size(), p.path_i.size());
  EXPECT_EQ(p.path_i.front(), 0);
  // Every point drawn is a real iterate, or a NaN break with index -1.
  for (std::size_t k = 0; k < p.path_x.size(); ++k) {
    if (std::isnan(p.path_x[k])) {
      EXPECT_EQ(p.path_i[k], -1);
      continue;
    }
    EXPECT_EQ(p.path_x[k], t.iterates[std::size_t(p.path_i[k])].w.x());
    EXPECT_EQ(p.path_y[k], t.iterates[std::size_t(p.path_i[k])].w.y());
  }
  // Every step's both ends are drawn within a pixel: nothing the run visits is missing.
  const double px_x = 5.0 / 800, px_y = 5.0 / 600;
  for (int i = 0; i <= n; i += 7) {
    bool near = false;
    for (std::size_t k = 0; k < p.path_x.size() && !near; ++k)
      near = std::fabs(p.path_x[k] - t.iterates[std::size_t(i)].w.x()) <= 2 * px_x &&
             std::fabs(p.path_y[k] - t.iterates[std::size_t(i)].w.y()) <= 2 * px_y;
    EXPECT_TRUE(near) << "iterate " << i;
  }
}

TEST(CurveThinning, TheEnvelopeKeepsEachColumnsExtremesInOrder) {
  const int n = 100000;
  const Trajectory t = spiral(n);
  CurveEnvelope e;
  buildEnvelope(t, n + 1, 300, e);
  EXPECT_LE(e.iter.size(), 4u * 300 + 1);
  EXPECT_EQ(e.iter.front(), 0);
  EXPECT_EQ(e.iter.back(), n);
  for (std::size_t k = 1; k < e.iter.size(); ++k) EXPECT_LT(e.iter[k - 1], e.iter[k]);
  // Each kept point is the iterate it names, and within every bucket the largest and smallest
  // ||grad f|| are kept (the oscillation's envelope is what a pixel column shows).
  for (std::size_t k = 0; k < e.iter.size(); ++k) {
    const Iterate& it = t.iterates[std::size_t(e.iter[k])];
    EXPECT_EQ(e.f[k], it.f);
    EXPECT_EQ(e.grad_norm[k], it.gradNorm());
  }
  double true_max = 0, kept_max = 0;
  for (const Iterate& it : t.iterates) true_max = std::max(true_max, it.gradNorm());
  for (double g : e.grad_norm) kept_max = std::max(kept_max, g);
  EXPECT_EQ(kept_max, true_max);
}

TEST(CurveThinning, ShortCurvesAreKeptWhole) {
  const Trajectory t = spiral(40);
  CurveEnvelope e;
  buildEnvelope(t, 25, 300, e);  // 25 iterates shown
  ASSERT_EQ(e.iter.size(), 25u);
  EXPECT_EQ(e.iter.back(), 24);
  buildEnvelope(t, 0, 300, e);
  EXPECT_TRUE(e.iter.empty());
}

TEST(CurveThinning, ValueEnvelopeKeepsEachBucketsExtremesInOrder) {
  std::vector<double> values(10001);
  for (std::size_t i = 0; i < values.size(); ++i)
    values[i] = std::sin(0.37 * double(i)) - 1e-4 * double(i);
  std::vector<double> iter, ys;
  buildValueEnvelope(values.data(), 10001, 10001, 200, iter, ys);
  EXPECT_LE(iter.size(), 2u * 200 + 2);
  EXPECT_EQ(iter.front(), 0);
  EXPECT_EQ(iter.back(), 10000);
  for (std::size_t k = 1; k < iter.size(); ++k) EXPECT_LT(iter[k - 1], iter[k]);
  for (std::size_t k = 0; k < iter.size(); ++k) EXPECT_EQ(ys[k], values[std::size_t(iter[k])]);
  EXPECT_EQ(*std::max_element(ys.begin(), ys.end()),
            *std::max_element(values.begin(), values.end()));
  EXPECT_EQ(*std::min_element(ys.begin(), ys.end()),
            *std::min_element(values.begin(), values.end()));
  buildValueEnvelope(values.data(), 30, 30, 200, iter, ys);
  EXPECT_EQ(iter.size(), 30u);
}

// While a run plays, the envelope of its first k values is a prefix of the envelope of more:
// every point of a finished bucket stays, so only the curve's end is redrawn.
TEST(CurveThinning, AGrowingCurveKeepsItsFinishedBucketsPoints) {
  std::vector<double> values(10001);
  for (std::size_t i = 0; i < values.size(); ++i) values[i] = std::cos(0.11 * double(i)) / (1 + i);
  std::vector<double> iter, ys, full_iter, full_ys;
  buildValueEnvelope(values.data(), 10001, 10001, 100, full_iter, full_ys);
  for (const int count : {150, 2345, 5000, 9999}) {
    buildValueEnvelope(values.data(), count, 10001, 100, iter, ys);
    EXPECT_EQ(iter.back(), count - 1);
    // Bucket b covers [b * 10001 / 100, (b + 1) * 10001 / 100): those ending by `count` are done.
    const int finished_end = count / 100 * 10001 / 100;
    std::size_t k = 0;
    for (; k < full_iter.size() && full_iter[k] < finished_end; ++k) {
      ASSERT_LT(k, iter.size()) << "count " << count;
      EXPECT_EQ(iter[k], full_iter[k]) << "count " << count;
      EXPECT_EQ(ys[k], full_ys[k]);
    }
    EXPECT_GT(k, std::size_t(count / 100)) << "count " << count;
  }
  // A span shorter than the count is the count.
  buildValueEnvelope(values.data(), 10001, 50, 100, iter, ys);
  EXPECT_EQ(iter, full_iter);
}

}  // namespace
}  // namespace gradlab
