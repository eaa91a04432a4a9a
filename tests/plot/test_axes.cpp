// Transforms, scales and view math: round trips, y flip, log axes, pan, zoom, aspect, fit.
#include <gtest/gtest.h>

#include <cmath>

#include "app/plot/axes.h"

namespace gradlab::plot {
namespace {

Transform MakeTransform(Scale sx = Scale::Linear, Scale sy = Scale::Linear) {
  Transform t;
  t.limits = {{-2, 3}, {-1, 4}};
  if (sx == Scale::Log) t.limits.x = {1e-2, 1e3};
  if (sy == Scale::Log) t.limits.y = {1, 1e4};
  t.x_scale = sx;
  t.y_scale = sy;
  t.area = {100, 50, 600, 450};
  return t;
}

TEST(Transform, CornersMapToPlotAreaWithYFlipped) {
  const Transform t = MakeTransform();
  EXPECT_DOUBLE_EQ(t.xToPixel(-2), 100);
  EXPECT_DOUBLE_EQ(t.xToPixel(3), 600);
  EXPECT_DOUBLE_EQ(t.yToPixel(-1), 450);  // y_min at the bottom
  EXPECT_DOUBLE_EQ(t.yToPixel(4), 50);    // y_max at the top
  EXPECT_DOUBLE_EQ(t.xToPixel(0.5), 350);
  EXPECT_DOUBLE_EQ(t.yToPixel(1.5), 250);
}

TEST(Transform, DataToPixelToDataRoundTrips) {
  for (Scale sx : {Scale::Linear, Scale::Log}) {
    for (Scale sy : {Scale::Linear, Scale::Log}) {
      const Transform t = MakeTransform(sx, sy);
      const Point pts[] = {{0.5, 2}, {0.02, 3}, {17, 1.5}, {2.5, 3.9}};
      for (Point p : pts) {
        const Point back = t.toData(t.toPixel(p));
        EXPECT_NEAR(back.x, p.x, 1e-12 * std::fabs(p.x));
        EXPECT_NEAR(back.y, p.y, 1e-12 * std::fabs(p.y));
      }
      const Point px{321, 123};
      const Point again = t.toPixel(t.toData(px));
      EXPECT_NEAR(again.x, px.x, 1e-9);
      EXPECT_NEAR(again.y, px.y, 1e-9);
    }
  }
}

TEST(Transform, LogAxisSpacesDecadesEvenly) {
  const Transform t = MakeTransform(Scale::Log, Scale::Log);
  EXPECT_DOUBLE_EQ(t.xToPixel(1e-2), 100);
  EXPECT_DOUBLE_EQ(t.xToPixel(1e3), 600);
  EXPECT_NEAR(t.xToPixel(1e-1) - t.xToPixel(1e-2), 100, 1e-9);  // 5 decades over 500 px
  EXPECT_NEAR(t.xToPixel(1e2) - t.xToPixel(1e1), 100, 1e-9);
  EXPECT_NEAR(t.yToPixel(100), 250, 1e-9);  // half way up 4 decades
  EXPECT_TRUE(std::isnan(t.xToPixel(0)));
  EXPECT_TRUE(std::isnan(t.xToPixel(-1)));
}

TEST(EqualAspect, WidensTheAxisWithFewerPixelsPerUnit) {
  // 5 x 5 units in 500 x 400 px: x has 100 px/unit, y 80; y must stay, x must widen.
  const Limits l = EqualAspect({{-2, 3}, {-1, 4}}, 500, 400);
  EXPECT_DOUBLE_EQ(l.y.min, -1);
  EXPECT_DOUBLE_EQ(l.y.max, 4);
  EXPECT_NEAR(l.x.size() / 500, l.y.size() / 400, 1e-15);
  EXPECT_NEAR(0.5 * (l.x.min + l.x.max), 0.5, 1e-12);  // centred
  EXPECT_LE(l.x.min, -2);
  EXPECT_GE(l.x.max, 3);
  // Tall plot: x stays, y widens.
  const Limits tall = EqualAspect({{-2, 3}, {-1, 4}}, 300, 600);
  EXPECT_DOUBLE_EQ(tall.x.min, -2);
  EXPECT_NEAR(tall.y.size(), 10, 1e-12);
  // Already square: unchanged, so applying it again is a no-op.
  const Limits again = EqualAspect(l, 500, 400);
  EXPECT_DOUBLE_EQ(again.x.min, l.x.min);
  EXPECT_DOUBLE_EQ(again.y.max, l.y.max);
}

TEST(ZoomAbout, KeepsThePointUnderTheCursorFixed) {
  for (Scale s : {Scale::Linear, Scale::Log}) {
    Transform t = MakeTransform(s, s);
    const double px = 237, py = 311;
    const Point before = t.toData({px, py});
    for (double factor : {0.8, 0.5, 1.25, 3.0}) {
      Transform z = t;
      z.limits = ZoomAbout(t, px, py, factor);
      const Point after = z.toData({px, py});
      EXPECT_NEAR(after.x, before.x, 1e-12 * std::fabs(before.x));
      EXPECT_NEAR(after.y, before.y, 1e-12 * std::fabs(before.y));
    }
  }
}

TEST(ZoomAbout, ShrinksSpansByTheFactorAndCanZoomOneAxis) {
  const Transform t = MakeTransform();
  const Limits l = ZoomAbout(t, 350, 250, 0.5);
  EXPECT_NEAR(l.x.size(), 2.5, 1e-12);
  EXPECT_NEAR(l.y.size(), 2.5, 1e-12);
  const Limits only_x = ZoomAbout(t, 350, 250, 0.5, true, false);
  EXPECT_NEAR(only_x.x.size(), 2.5, 1e-12);
  EXPECT_DOUBLE_EQ(only_x.y.min, -1);
  EXPECT_DOUBLE_EQ(only_x.y.max, 4);
  EXPECT_LT(WheelZoomFactor(1), 1);
  EXPECT_GT(WheelZoomFactor(-1), 1);
  EXPECT_NEAR(WheelZoomFactor(1) * WheelZoomFactor(-1), 1, 1e-15);
}

TEST(Pan, DraggingMovesTheContentWithTheMouse) {
  const Transform t = MakeTransform();
  const Point grabbed = t.toData({200, 100});
  Transform moved = t;
  moved.limits = Pan(t, 50, -30);  // right and up
  const Point now = moved.toData({250, 70});
  EXPECT_NEAR(now.x, grabbed.x, 1e-12);
  EXPECT_NEAR(now.y, grabbed.y, 1e-12);
  EXPECT_NEAR(moved.limits.x.size(), 5, 1e-12);   // spans unchanged
  EXPECT_LT(moved.limits.x.min, t.limits.x.min);  // content right: view left
  EXPECT_LT(moved.limits.y.min, t.limits.y.min);  // content up: view down
}

TEST(Pan, LogAxisPansByConstantFactor) {
  const Transform t = MakeTransform(Scale::Log, Scale::Log);
  const Limits l = Pan(t, -100, 0);  // 100 px is one decade
  EXPECT_NEAR(l.x.min, 1e-1, 1e-14);
  EXPECT_NEAR(l.x.max, 1e4, 1e-8);
}

TEST(LimitsOfPixelRect, BoxZoomSelectsTheDataUnderTheBox) {
  const Transform t = MakeTransform();
  const Limits l = LimitsOfPixelRect(t, {350, 450, 100, 250});  // corners in any order
  EXPECT_NEAR(l.x.min, -2, 1e-12);
  EXPECT_NEAR(l.x.max, 0.5, 1e-12);
  EXPECT_NEAR(l.y.min, -1, 1e-12);
  EXPECT_NEAR(l.y.max, 1.5, 1e-12);
}

TEST(FitRange, PadsTheDataExtent) {
  Extent e;
  for (double v : {0.5, -1.0, 3.0, double(NAN), double(INFINITY)}) e.add(v, Scale::Linear);
  EXPECT_EQ(e.min, -1);
  EXPECT_EQ(e.max, 3);
  const Range r = FitRange(e, Scale::Linear, 0.05);
  EXPECT_NEAR(r.min, -1.2, 1e-12);
  EXPECT_NEAR(r.max, 3.2, 1e-12);
}

TEST(FitRange, LogAxisIgnoresNonPositiveAndPadsInDecades) {
  Extent e;
  for (double v : {-5.0, 0.0, 1e-3, 10.0}) e.add(v, Scale::Log);
  EXPECT_EQ(e.min, 1e-3);
  const Range r = FitRange(e, Scale::Log, 0.25);  // 4 decades -> one decade each side
  EXPECT_NEAR(r.min, 1e-4, 1e-16);
  EXPECT_NEAR(r.max, 100, 1e-10);
}

TEST(FitRange, DegenerateAndEmptyExtentsStillGiveAView) {
  Extent single;
  single.add(2, Scale::Linear);
  const Range r = FitRange(single, Scale::Linear, 0.05);
  EXPECT_LT(r.min, 2);
  EXPECT_GT(r.max, 2);
  const Range none = FitRange(Extent{}, Scale::Linear, 0.05);
  EXPECT_EQ(none.min, 0);
  EXPECT_EQ(none.max, 1);
  EXPECT_EQ(FitRange(Extent{}, Scale::Log, 0.05).min, 1);
}

TEST(SanitizeRange, RepairsUnusableRanges) {
  const Range swapped = SanitizeRange({3, -1}, Scale::Linear);
  EXPECT_EQ(swapped.min, -1);
  EXPECT_EQ(swapped.max, 3);
  const Range empty = SanitizeRange({1, 1}, Scale::Linear);
  EXPECT_LT(empty.min, 1);
  EXPECT_GT(empty.max, 1);
  const Range log = SanitizeRange({-1, 100}, Scale::Log);
  EXPECT_GT(log.min, 0);
  EXPECT_EQ(log.max, 100);
  const Range inf = SanitizeRange({NAN, 1}, Scale::Linear);
  EXPECT_TRUE(std::isfinite(inf.min) && inf.min < inf.max);
}

}  // namespace
}  // namespace gradlab::plot
