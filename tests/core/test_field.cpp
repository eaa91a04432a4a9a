// Grid evaluation and iso-lines: threads change nothing, circles come out round and closed,
// NaN regions are skipped, and the level rules are as documented.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>

#include "core/field.h"

namespace gradlab {
namespace {

// f(w) = ||w||^2, with NaN where x > nan_beyond (to test NaN regions).
class SquaredNorm : public Objective {
 public:
  explicit SquaredNorm(double nan_beyond = std::numeric_limits<double>::infinity())
      : nan_beyond_(nan_beyond) {
    info_.name = "squared-norm";
  }
  double value(const Vec2& w) const override {
    return w.x() > nan_beyond_ ? std::numeric_limits<double>::quiet_NaN() : w.squaredNorm();
  }
  double valueAndGradient(const Vec2& w, Vec2& grad) const override {
    grad = 2 * w;
    return value(w);
  }
  Eval eval(const Vec2& w) const override {
    Eval e;
    e.f = valueAndGradient(w, e.grad);
    e.hess = 2 * Mat2::Identity();
    return e;
  }

 private:
  double nan_beyond_;
};

// A function with many saddles, cheap and with irrational values (for the bit-for-bit test).
class Wavy : public SquaredNorm {
 public:
  double value(const Vec2& w) const override {
    return std::sin(3.1 * w.x()) * std::cos(2.7 * w.y()) + 0.1 * w.x() * w.y();
  }
};

const Window kSquare{-2, 2, -2, 2};

TEST(ScalarField, GridCornersAndLayoutAreRowMajorWithYRows) {
  const SquaredNorm f;
  const ScalarField field = evaluateField(f, {-1, 3, 0, 2}, 5, 3);
  ASSERT_EQ(field.nx, 5);
  ASSERT_EQ(field.ny, 3);
  EXPECT_EQ(field.x(0), -1);
  EXPECT_EQ(field.x(4), 3);
  EXPECT_EQ(field.y(2), 2);
  EXPECT_EQ(field.values[0], 1);          // (-1, 0)
  EXPECT_EQ(field.values[4], 9);          // (3, 0): end of row 0
  EXPECT_EQ(field.values[2 * 5 + 0], 5);  // (-1, 2): start of row 2
  EXPECT_EQ(field.at(1, 1), 1);           // (0, 1)
  EXPECT_EQ(field.min, 0);
  EXPECT_EQ(field.max, 13);
  EXPECT_EQ(field.finite_count, 15);
}

TEST(ScalarField, ThreadedResultEqualsSingleThreadedBitForBit) {
  const Wavy f;
  const ScalarField one = evaluateField(f, kSquare, 301, 257, 1);
  for (int threads : {2, 3, 7, 0}) {
    const ScalarField many = evaluateField(f, kSquare, 301, 257, threads);
    ASSERT_EQ(many.values.size(), one.values.size());
    EXPECT_EQ(
        0, std::memcmp(many.values.data(), one.values.data(), one.values.size() * sizeof(double)))
        << threads << " threads";
  }
}

TEST(ScalarField, MoreThreadsThanRowsAndTooSmallGridsAreFine) {
  const SquaredNorm f;
  EXPECT_EQ(evaluateField(f, kSquare, 4, 2, 16).finite_count, 8);
  EXPECT_TRUE(evaluateField(f, kSquare, 1, 10).empty());
  EXPECT_TRUE(evaluateField(f, kSquare, 10, 0).empty());
}

TEST(ScalarField, StatisticsIgnoreNaN) {
  const SquaredNorm f(1.0);  // NaN where x > 1, which holds the largest values
  const ScalarField field = evaluateField(f, {0, 2, 0, 2}, 41, 41);
  EXPECT_EQ(field.finite_count, 21 * 41);
  EXPECT_EQ(field.min, 0);
  EXPECT_EQ(field.max, 5);  // at (1, 2)
  const SquaredNorm none(-10);
  const ScalarField empty = evaluateField(none, kSquare, 5, 5);
  EXPECT_EQ(empty.finite_count, 0);
  EXPECT_TRUE(std::isnan(empty.min));
}

TEST(IsoLine, CircleOfSquaredNormLiesOnItsRadius) {
  const SquaredNorm f;
  const int n = 201;
  const double h = 4.0 / (n - 1);
  const ScalarField field = evaluateField(f, kSquare, n, n);
  for (double r : {0.5, 1.0, 1.7}) {
    const IsoLine line = isoLine(field, r * r);
    ASSERT_EQ(line.polylines.size(), 1u) << r;
    const Polyline& pl = line.polylines[0];
    EXPECT_TRUE(pl.closed);
    EXPECT_GT(pl.points.size(), 50u);
    double worst = 0;
    for (const Vec2& p : pl.points) worst = std::max(worst, std::fabs(p.norm() - r));
    // Linear interpolation of r^2 along an edge errs by O(h^2 / r).
    EXPECT_LT(worst, h * h / r) << r;
    EXPECT_GT(worst, 0);
  }
}

TEST(IsoLine, ClosedPolylinesEndWhereTheyStart) {
  const Wavy f;
  const ScalarField field = evaluateField(f, {-3, 3, -3, 3}, 120, 100);
  int closed = 0, open = 0;
  for (const IsoLine& line : isoLines(field, linearLevels(field.min, field.max, 10))) {
    for (const Polyline& pl : line.polylines) {
      ASSERT_GE(pl.points.size(), 2u);
      if (pl.closed) {
        ++closed;
        EXPECT_EQ(pl.points.front(), pl.points.back());
      } else {
        ++open;
        // An open line ends on the border of the grid.
        for (const Vec2& end : {pl.points.front(), pl.points.back()}) {
          const bool on_border = end.x() == -3 || end.x() == 3 || end.y() == -3 || end.y() == 3;
          EXPECT_TRUE(on_border) << end.transpose();
        }
      }
    }
  }
  EXPECT_GT(closed, 0);
  EXPECT_GT(open, 0);
}

TEST(IsoLine, EverySegmentIsUsedOnce) {
  // A closed ring's point count equals the number of crossed edges + 1: none dropped or doubled.
  const SquaredNorm f;
  const ScalarField field = evaluateField(f, kSquare, 11, 11);
  const IsoLine line = isoLine(field, 1.0);
  ASSERT_EQ(line.polylines.size(), 1u);
  int crossed = 0;
  for (int j = 0; j < field.ny; ++j) {
    for (int i = 0; i < field.nx; ++i) {
      const bool in = field.at(i, j) >= 1.0;
      if (i + 1 < field.nx && in != (field.at(i + 1, j) >= 1.0)) ++crossed;
      if (j + 1 < field.ny && in != (field.at(i, j + 1) >= 1.0)) ++crossed;
    }
  }
  EXPECT_EQ(static_cast<int>(line.polylines[0].points.size()), crossed + 1);
}

TEST(IsoLine, SaddleIsResolvedByTheCentreValue) {
  // One cell, corners 1 at (0,0) and (1,1), 0 at the others: a saddle for level 0.5.
  ScalarField field;
  field.window = {0, 1, 0, 1};
  field.nx = field.ny = 2;
  field.values = {1, 0, 0, 1};
  updateFieldStats(field);
  // Centre 0.5 >= 0.4: the high corners connect, so the low corners are cut off.
  IsoLine low = isoLine(field, 0.4);
  ASSERT_EQ(low.polylines.size(), 2u);
  for (const Polyline& pl : low.polylines) {
    const Vec2 mid = 0.5 * (pl.points.front() + pl.points.back());
    EXPECT_GT(std::fabs(mid.x() - mid.y()), 0.5);  // near (1, 0) or (0, 1)
  }
  // Centre 0.5 < 0.6: the high corners are cut off.
  IsoLine high = isoLine(field, 0.6);
  ASSERT_EQ(high.polylines.size(), 2u);
  for (const Polyline& pl : high.polylines) {
    const Vec2 mid = 0.5 * (pl.points.front() + pl.points.back());
    EXPECT_LT(std::fabs(mid.x() - mid.y()), 0.1);  // near (0, 0) or (1, 1)
  }
}

TEST(IsoLine, NaNRegionsAreSkippedWithoutCrashing) {
  const SquaredNorm f(0.3);  // NaN for x > 0.3: the unit circle is cut
  const ScalarField field = evaluateField(f, kSquare, 81, 81);
  const IsoLine line = isoLine(field, 1.0);
  ASSERT_FALSE(line.polylines.empty());
  for (const Polyline& pl : line.polylines) {
    EXPECT_FALSE(pl.closed);
    for (const Vec2& p : pl.points) {
      EXPECT_LE(p.x(), 0.3 + 1e-12);
      EXPECT_NEAR(p.norm(), 1.0, 0.01);
    }
  }
  const SquaredNorm all_nan(-10);
  EXPECT_TRUE(isoLine(evaluateField(all_nan, kSquare, 20, 20), 1.0).polylines.empty());
  EXPECT_TRUE(isoLine(field, std::numeric_limits<double>::quiet_NaN()).polylines.empty());
  EXPECT_TRUE(isoLine(ScalarField{}, 1.0).polylines.empty());
}

TEST(Levels, LinearLevelsAreEvenlySpacedStrictlyInside) {
  EXPECT_EQ(linearLevels(0, 10, 4), (std::vector<double>{2, 4, 6, 8}));
  EXPECT_TRUE(linearLevels(1, 1, 4).empty());
  EXPECT_TRUE(linearLevels(0, 1, 0).empty());
}

TEST(Levels, LogLevelsAreEvenInLogOfHeightAboveMinimum) {
  const double min = -3, max = 997, eps = 1;  // log(f - min + eps) from 0 to log(1001)
  const std::vector<double> levels = logLevels(min, max, 5, eps);
  ASSERT_EQ(levels.size(), 5u);
  double prev_g = std::log(eps);
  const double step = std::log(max - min + eps) / 6;
  for (double level : levels) {
    EXPECT_GT(level, min);
    EXPECT_LT(level, max);
    const double g = std::log(level - min + eps);
    EXPECT_NEAR(g - prev_g, step, 1e-12);
    prev_g = g;
  }
  // Default eps: three decades.
  const std::vector<double> def = logLevels(0, 1000, 2);
  EXPECT_NEAR(def[0], 1 * std::pow(1001.0, 1.0 / 3) - 1, 1e-9);
  EXPECT_TRUE(logLevels(5, 5, 3).empty());
}

}  // namespace
}  // namespace gradlab
