// The Activation lab drawn headlessly: its curves must sit where the core puts them. `render
// --report` tells where each plot lies and what it shows; the pixel at (x, f(x)) must have the
// curve's colour, and pixels well above and below must not.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>

#include "app/labs/activations/activation_figures.h"
#include "app/plot/color.h"
#include "core/activations.h"
#include "tests/app/png_image.h"
#include "tests/app/run_command.h"

namespace gradlab::test {
namespace {

struct PlotPlacement {
  double x = 0, y = 0, w = 0, h = 0;
  double x_min = 0, x_max = 0, y_min = 0, y_max = 0;
  bool ok = false;
  double px(double wx) const { return x + (wx - x_min) / (x_max - x_min) * w; }
  double py(double wy) const { return y + (y_max - wy) / (y_max - y_min) * h; }
};

PlotPlacement parsePlot(const std::string& output, int order) {
  PlotPlacement p;
  std::istringstream in(output);
  std::string line;
  while (std::getline(in, line)) {
    int k = -1;
    if (std::sscanf(line.c_str(), "activation_plot %d: %lf %lf %lf %lf | x %lf %lf | y %lf %lf", &k,
                    &p.x, &p.y, &p.w, &p.h, &p.x_min, &p.x_max, &p.y_min, &p.y_max) == 9 &&
        k == order) {
      p.ok = p.w > 0 && p.h > 0 && p.x_max > p.x_min && p.y_max > p.y_min;
      return p;
    }
  }
  return p;
}

struct Rendered {
  Image image;
  std::string output;
  bool ok = false;
};

Rendered renderActivations(const std::string& name, const std::string& extra) {
  const std::string png = ::testing::TempDir() + "gradlab_act_" + name + ".png";
  std::remove(png.c_str());
  CommandResult r =
      runGradlab("render --lab activations --report --out " + png + " " + extra, false);
  Rendered out;
  out.output = r.output;
  if (r.exit_code != 0) return out;
  out.image = loadPng(png);
  out.ok = true;
  return out;
}

double colorDistance(const unsigned char* p, const plot::Color& c) {
  const double dr = p[0] - 255.0 * c.r, dg = p[1] - 255.0 * c.g, db = p[2] - 255.0 * c.b;
  return std::sqrt(dr * dr + dg * dg + db * db);
}

// The smallest colour distance to `c` within `radius` pixels of (px, py).
double nearestColor(const Image& image, double px, double py, const plot::Color& c, int radius) {
  double best = 1e9;
  for (int dy = -radius; dy <= radius; ++dy)
    for (int dx = -radius; dx <= radius; ++dx) {
      const int x = int(std::floor(px)) + dx, y = int(std::floor(py)) + dy;
      if (x < 0 || y < 0 || x >= image.width || y >= image.height) continue;
      best = std::min(best, colorDistance(image.at(x, y), c));
    }
  return best;
}

// sigmoid and its derivative, alone, at 1200x800: every checked pixel is the core's value.
TEST(GuiActivations, SigmoidAndItsDerivativeSitAtTheCoreValues) {
  Rendered r = renderActivations("sigmoid", "--size 1200x800 --show sigmoid --range -4,4");
  ASSERT_TRUE(r.ok) << r.output;
  const PlotPlacement values = parsePlot(r.output, 0), slopes = parsePlot(r.output, 1);
  ASSERT_TRUE(values.ok && slopes.ok) << r.output;
  EXPECT_DOUBLE_EQ(values.x_min, -4);
  EXPECT_DOUBLE_EQ(values.x_max, 4);
  const plot::Color color = activationColor(Activation::Sigmoid);
  for (double x : {-1.5, -0.5, 0.5, 1.5, 2.5}) {
    const ActivationValue v = activationEval(Activation::Sigmoid, x, 0);
    EXPECT_LT(nearestColor(r.image, values.px(x), values.py(v.f), color, 1), 40.0) << "f at " << x;
    EXPECT_LT(nearestColor(r.image, slopes.px(x), slopes.py(v.d1), color, 1), 40.0)
        << "f' at " << x;
    // A curve shifted by a tenth of the plot would not pass: nothing of its colour there.
    EXPECT_GT(nearestColor(r.image, values.px(x), values.py(v.f) - 0.1 * values.h, color, 1), 80.0)
        << "above f at " << x;
    EXPECT_GT(nearestColor(r.image, values.px(x), values.py(v.f) + 0.1 * values.h, color, 1), 80.0)
        << "below f at " << x;
  }
}

// The leaky-ReLU identity at alpha = 0 at 1600x900 and UI scale 1.5: the ReLU overlay is drawn in
// the highlight colour along relu(x), and the note says so.
TEST(GuiActivations, LeakyIdentityAtAlphaZeroHighlightsRelu) {
  Rendered r = renderActivations(
      "leaky", "--size 1600x900 --ui-scale 1.5 --show leaky_relu --identity leaky --alpha 0");
  ASSERT_TRUE(r.ok) << r.output;
  const PlotPlacement values = parsePlot(r.output, 0);
  ASSERT_TRUE(values.ok) << r.output;
  for (double x : {1.0, 2.0, 3.0, -2.5})
    EXPECT_LT(
        nearestColor(r.image, values.px(x), values.py(std::max(x, 0.0)), leakyLimitColor(), 2),
        40.0)
        << "at " << x;
  EXPECT_NE(r.output.find("text \"alpha = 0: leaky ReLU is ReLU (max |difference| 0)\""),
            std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("text \"leaky ReLU(x) = max(alpha x, x):  max |difference| 0\""),
            std::string::npos)
      << r.output;
}

TEST(GuiActivations, BadOptionsAreOneLineErrors) {
  CommandResult r = runGradlab("render --lab activations --show swish --out /tmp/never.png");
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("'swish' is not an activation"), std::string::npos) << r.output;
  EXPECT_EQ(countLines(r.output), 1) << r.output;
}

TEST(GuiActivations, ExportWritesTheValueAndDerivativePlotsWithoutADisplay) {
  const std::string dir = ::testing::TempDir() + "gradlab_act_export";
  std::system(("rm -rf '" + dir + "' && mkdir -p '" + dir + "'").c_str());
  CommandResult r = runGradlab(
      "export --lab activations --out-dir " + dir + " --second --identity tanh --size 640x480",
      true, "env -u DISPLAY -u WAYLAND_DISPLAY");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  for (const char* name : {"values", "derivatives", "second-derivatives"}) {
    const Image image = loadPng(dir + "/activations-" + name + ".png");
    EXPECT_EQ(image.width, 640) << name;
    EXPECT_EQ(image.height, 480) << name;
    EXPECT_GT(lumaVariance(image), 20.0) << name;
  }
}

}  // namespace
}  // namespace gradlab::test
