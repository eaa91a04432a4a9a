// Colour maps (endpoints against matplotlib's published values, lightness order) and palette.
#include <gtest/gtest.h>

#include <cmath>

#include "app/plot/colormap.h"

namespace gradlab::plot {
namespace {

// CIE L* of an sRGB colour (IEC 61966-2-1 linearisation, Rec. 709 luminance).
double Lightness(const Color& c) {
  auto lin = [](double u) { return u <= 0.04045 ? u / 12.92 : std::pow((u + 0.055) / 1.055, 2.4); };
  const double y = 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
  const double f = y > 216.0 / 24389 ? std::cbrt(y) : (24389.0 / 27 * y + 16) / 116;
  return 116 * f - 16;
}

void ExpectHex(const Color& c, unsigned rgb) {
  EXPECT_NEAR(c.r * 255, (rgb >> 16) & 0xff, 1.0);
  EXPECT_NEAR(c.g * 255, (rgb >> 8) & 0xff, 1.0);
  EXPECT_NEAR(c.b * 255, rgb & 0xff, 1.0);
}

TEST(Colormap, ViridisEndpointsMatchMatplotlib) {
  ExpectHex(SampleColormap(Colormap::Viridis, 0), 0x440154);
  ExpectHex(SampleColormap(Colormap::Viridis, 1), 0xfde725);
  ExpectHex(SampleColormap(Colormap::Viridis, 0.5), 0x21918c);
}

TEST(Colormap, CividisAndCoolwarmEndpoints) {
  ExpectHex(SampleColormap(Colormap::Cividis, 0), 0x00224e);
  ExpectHex(SampleColormap(Colormap::Cividis, 1), 0xfee838);
  ExpectHex(SampleColormap(Colormap::Coolwarm, 0), 0x3b4cc0);
  ExpectHex(SampleColormap(Colormap::Coolwarm, 1), 0xb40426);
}

TEST(Colormap, SequentialMapsGetMonotonicallyLighter) {
  for (Colormap m : {Colormap::Viridis, Colormap::Cividis}) {
    double prev = -1;
    for (int i = 0; i <= 255; ++i) {
      const double l = Lightness(SampleColormap(m, i / 255.0));
      EXPECT_GT(l, prev) << ColormapName(m) << " entry " << i;
      prev = l;
    }
  }
}

TEST(Colormap, DivergingMapIsLightestInTheMiddle) {
  const double mid = Lightness(SampleColormap(Colormap::Coolwarm, 0.5));
  EXPECT_GT(mid, Lightness(SampleColormap(Colormap::Coolwarm, 0)) + 20);
  EXPECT_GT(mid, Lightness(SampleColormap(Colormap::Coolwarm, 1)) + 20);
  double prev = -1;
  for (int i = 0; i <= 120; ++i) {
    const double l = Lightness(SampleColormap(Colormap::Coolwarm, i / 255.0));
    EXPECT_GT(l, prev);
    prev = l;
  }
}

TEST(Colormap, ClampsAndSurvivesNaN) {
  ExpectHex(SampleColormap(Colormap::Viridis, -3), 0x440154);
  ExpectHex(SampleColormap(Colormap::Viridis, 7), 0xfde725);
  ExpectHex(SampleColormap(Colormap::Viridis, NAN), 0x440154);
}

TEST(Colormap, NamesRoundTrip) {
  for (int i = 0; i < kColormapCount; ++i) {
    Colormap m = Colormap::Viridis;
    EXPECT_TRUE(ColormapFromName(ColormapName(static_cast<Colormap>(i)), &m));
    EXPECT_EQ(static_cast<int>(m), i);
  }
  Colormap m = Colormap::Cividis;
  EXPECT_FALSE(ColormapFromName("jet", &m));
  EXPECT_EQ(m, Colormap::Cividis);
}

TEST(RunColor, SixteenDistinctColoursThenWraps) {
  for (int i = 0; i < kRunPaletteSize; ++i) {
    for (int j = 0; j < i; ++j) {
      const Color a = RunColor(i), b = RunColor(j);
      const double d = std::fabs(a.r - b.r) + std::fabs(a.g - b.g) + std::fabs(a.b - b.b);
      EXPECT_GT(d, 0.1) << i << " vs " << j;
    }
  }
  EXPECT_EQ(RunColor(16).r, RunColor(0).r);
  EXPECT_EQ(RunColor(-1).r, RunColor(15).r);
  ExpectHex(RunColor(0), 0x0072B2);
}

}  // namespace
}  // namespace gradlab::plot
