// The λ-label rule of the Hessian inspector: a segment's label never covers the label placed
// before it when the other end of the segment has room.
#include <gtest/gtest.h>

#include "app/plot/label_placement.h"

namespace gradlab::plot {
namespace {

TEST(LabelPlacement, BoxFollowsItsAnchorAndOffset) {
  const PixelRect left = LabelBox(100, 50, 40, 10, 0, 0.5, 9, 0);
  EXPECT_DOUBLE_EQ(left.x0, 109);
  EXPECT_DOUBLE_EQ(left.x1, 149);
  EXPECT_DOUBLE_EQ(left.y0, 45);
  EXPECT_DOUBLE_EQ(left.y1, 55);
  const PixelRect right = LabelBox(100, 50, 40, 10, 1, 0.5, -9, 0);
  EXPECT_DOUBLE_EQ(right.x0, 51);
  EXPECT_DOUBLE_EQ(right.x1, 91);
}

TEST(LabelPlacement, OverlapIsTheSharedAreaAndZeroForTouchingBoxes) {
  EXPECT_DOUBLE_EQ(OverlapArea({0, 0, 10, 10}, {5, 5, 20, 20}), 25);
  EXPECT_DOUBLE_EQ(OverlapArea({0, 0, 10, 10}, {10, 0, 20, 10}), 0);
  EXPECT_DOUBLE_EQ(OverlapArea({0, 0, 10, 10}, {30, 30, 40, 40}), 0);
}

TEST(LabelPlacement, AFreeEndKeepsTheLabelLeftAlignedThere) {
  const PixelRect taken = LabelBox(300, 300, 60, 14, 0, 0.5, 9, 0);
  const SegmentLabel place = PlaceSegmentLabel(80, 100, 120, 100, 60, 14, 9, taken);
  EXPECT_FALSE(place.at_start);
  EXPECT_EQ(place.anchor_x, 0);
  EXPECT_EQ(place.offset_x, 9);
}

// The case the old rule got wrong: two short perpendicular axes from the same pin. λ1's axis ends
// 20 px right of the pin, λ2's 12 px below it, so λ2's label beyond its end would sit on λ1's.
TEST(LabelPlacement, ShortAxesMoveTheSecondLabelToTheOtherEndAndApart) {
  const double pin_x = 400, pin_y = 300, w = 70, h = 15, gap = 9;
  const PixelRect first = LabelBox(pin_x + 20, pin_y, w, h, 0, 0.5, gap, 0);
  const double sx = pin_x, sy = pin_y - 12, ex = pin_x, ey = pin_y + 12;
  ASSERT_GT(OverlapArea(LabelBox(ex, ey, w, h, 0, 0.5, gap, 0), first), 0);  // the clash
  const SegmentLabel place = PlaceSegmentLabel(sx, sy, ex, ey, w, h, gap, first);
  EXPECT_TRUE(place.at_start);
  EXPECT_EQ(place.anchor_x, 1);
  const PixelRect second = LabelBox(place.at_start ? sx : ex, place.at_start ? sy : ey, w, h,
                                    place.anchor_x, 0.5, place.offset_x, 0);
  EXPECT_EQ(OverlapArea(second, first), 0);
}

// When both ends clash, the label takes the end where it covers less.
TEST(LabelPlacement, WhenBothEndsClashTheSmallerOverlapWins) {
  const PixelRect taken{0, 0, 1000, 1000};
  // From x = 10 to x = 500: right-aligned before the start, the box is nearly all off `taken`.
  const SegmentLabel place = PlaceSegmentLabel(10, 500, 500, 500, 70, 15, 9, taken);
  EXPECT_TRUE(place.at_start);
  const SegmentLabel same = PlaceSegmentLabel(500, 500, 520, 500, 70, 15, 9, taken);
  EXPECT_FALSE(same.at_start);  // equal overlap: the end stays
}

}  // namespace
}  // namespace gradlab::plot
