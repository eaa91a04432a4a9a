// The scatter image: each square covers exactly the pixels GL fills for the painter's square (the
// pixels whose centres it contains), overlapping squares blend as if drawn one over the other,
// and the image's edges lie on whole framebuffer pixels of the plot area.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "app/plot/scatter_image.h"

namespace gradlab::plot {
namespace {

// Data [0, 100] x [0, 50] on the area [10.25, 110.25] x [20, 70]: one data unit is one pixel,
// y up.
Transform testTransform() {
  Transform t;
  t.limits = {{0, 100}, {0, 50}};
  t.area = {10.25, 20, 110.25, 70};
  return t;
}

std::uint8_t alphaAt(const ScatterImage& im, int x, int y) {
  return im.rgba[std::size_t(4 * (y * im.width + x) + 3)];
}

TEST(ScatterImage, CoversThePlotAreaOnWholePixels) {
  const Transform t = testTransform();
  ScatterImage im;
  PaintSquaresImage({}, {}, t, 1.0, 1.3, Color{1, 1, 1, 0.5f}, im);
  // The area touches framebuffer columns 10..110 (x 10.25 to 110.25) and rows 20..69.
  EXPECT_EQ(im.width, 101);
  EXPECT_EQ(im.height, 50);
  EXPECT_DOUBLE_EQ(t.xToPixel(im.x_min), 10);
  EXPECT_DOUBLE_EQ(t.xToPixel(im.x_max), 111);
  EXPECT_DOUBLE_EQ(t.yToPixel(im.y_max), 20);
  EXPECT_DOUBLE_EQ(t.yToPixel(im.y_min), 70);
  for (std::size_t i = 3; i < im.rgba.size(); i += 4) ASSERT_EQ(im.rgba[i], 0);
  // At twice the pixels, twice the size.
  PaintSquaresImage({}, {}, t, 2.0, 1.3, Color{1, 1, 1, 0.5f}, im);
  EXPECT_EQ(im.width, 201);
  EXPECT_EQ(im.height, 100);
}

TEST(ScatterImage, ASquareFillsThePixelsWhoseCentresItContains) {
  const Transform t = testTransform();
  ScatterImage im;
  // x = 40 is pixel x 50.25: the square [48.95, 51.55) holds the centres 49.5, 50.5 and 51.5,
  // columns 49-51, image columns 39-41. y = 25 is pixel y 45: [43.7, 46.3) holds the centres
  // 44.5 and 45.5 (not 43.5, not 46.5), image rows 24 and 25.
  const Color c{0.2f, 0.4f, 0.6f, 0.45f};
  PaintSquaresImage({40}, {25}, t, 1.0, 1.3, c, im);
  int covered = 0;
  for (int y = 0; y < im.height; ++y)
    for (int x = 0; x < im.width; ++x)
      if (alphaAt(im, x, y) > 0) {
        ++covered;
        EXPECT_TRUE(x >= 39 && x <= 41 && y >= 24 && y <= 25) << x << " " << y;
      }
  EXPECT_EQ(covered, 6);
  // The colour as ImGui packs a vertex colour: round(v * 255).
  const std::size_t p = std::size_t(4 * (24 * im.width + 40));
  EXPECT_EQ(im.rgba[p + 0], 51);
  EXPECT_EQ(im.rgba[p + 1], 102);
  EXPECT_EQ(im.rgba[p + 2], 153);
  EXPECT_EQ(im.rgba[p + 3], 115);
}

TEST(ScatterImage, OverlappingSquaresBlendAsDrawnOneOverTheOther) {
  const Transform t = testTransform();
  ScatterImage im;
  const Color c{1, 1, 1, 0.45f};  // 115 / 255
  PaintSquaresImage({40, 40, 40}, {25, 25, 25}, t, 1.0, 1.3, c, im);
  const double a = 115 / 255.0;
  EXPECT_EQ(alphaAt(im, 40, 24), std::lround(255 * (1 - std::pow(1 - a, 3))));
  // One pixel apart: columns 39-41 and 40-42, two of them shared.
  PaintSquaresImage({40, 41}, {25, 25}, t, 1.0, 1.3, c, im);
  EXPECT_EQ(alphaAt(im, 39, 24), 115);
  EXPECT_EQ(alphaAt(im, 40, 24), std::lround(255 * (1 - std::pow(1 - a, 2))));
  EXPECT_EQ(alphaAt(im, 41, 24), std::lround(255 * (1 - std::pow(1 - a, 2))));
  EXPECT_EQ(alphaAt(im, 42, 24), 115);
  EXPECT_EQ(alphaAt(im, 43, 24), 0);
}

TEST(ScatterImage, PointsThatDoNotMapOrLieOutsideAreLeftOut) {
  const Transform t = testTransform();
  ScatterImage im;
  const double nan = std::numeric_limits<double>::quiet_NaN();
  PaintSquaresImage({nan, 1e300, -500, 40}, {25, 25, 25, nan}, t, 1.0, 1.3, Color{}, im);
  for (std::size_t i = 3; i < im.rgba.size(); i += 4) ASSERT_EQ(im.rgba[i], 0);
  // A point on the area's edge keeps the part of its square that is inside.
  PaintSquaresImage({0}, {25}, t, 1.0, 1.3, Color{1, 1, 1, 1}, im);
  EXPECT_GT(alphaAt(im, 0, 24), 0);
}

}  // namespace
}  // namespace gradlab::plot
