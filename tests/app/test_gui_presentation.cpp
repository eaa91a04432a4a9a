// Presentation mode under Xvfb: every lab hides its side panel, so its plots move left and grow
// (measured from the kept figures' frames in `render --report`); the figures' style scale grows
// by 1.5 (thicker lines, larger markers).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <sstream>
#include <string>

#include "tests/app/run_command.h"

namespace gradlab::test {
namespace {

const char* kLabs[] = {"optimizer", "activations", "networks", "elbows", "stochastic", "backprop"};

// The figures of one render: their leftmost edge and their widest frame, in pixels.
struct FigureSpan {
  int count = 0;
  double left = 1e9, widest = 0;
};

FigureSpan figureSpan(const std::string& report) {
  FigureSpan span;
  std::istringstream lines(report);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("figure: ", 0) != 0) continue;
    const std::size_t at = line.rfind("| frame ");
    double x = 0, y = 0, w = 0, h = 0;
    if (at == std::string::npos ||
        std::sscanf(line.c_str() + at, "| frame %lf %lf %lf %lf", &x, &y, &w, &h) != 4)
      continue;
    ++span.count;
    span.left = std::min(span.left, x);
    span.widest = std::max(span.widest, w);
  }
  return span;
}

FigureSpan renderSpan(const std::string& lab, const std::string& size, bool presentation) {
  const std::string out = ::testing::TempDir() + "gradlab_presentation_" + lab + ".png";
  const CommandResult r =
      runGradlab("render --lab " + lab + " --size " + size +
                     (presentation ? " --presentation" : "") + " --report --out " + out,
                 false);
  EXPECT_EQ(r.exit_code, 0) << lab << ": " << r.output;
  return figureSpan(r.output);
}

TEST(GuiPresentation, EveryLabHidesItsSidePanelSoItsPlotsFillTheWindow) {
  for (const char* size : {"1600x900", "1024x768"}) {
    for (const char* lab : kLabs) {
      const FigureSpan normal = renderSpan(lab, size, false);
      const FigureSpan shown = renderSpan(lab, size, true);
      ASSERT_GT(normal.count, 0) << lab;
      ASSERT_GT(shown.count, 0) << lab;
      // The controls panel is at least 16 em (272 px at 17 px) wide: the plots start well left.
      EXPECT_LT(shown.left, normal.left - 200) << lab << " at " << size;
      EXPECT_LT(shown.left, 40) << lab << " at " << size;
      EXPECT_GT(shown.widest, normal.widest * 1.1) << lab << " at " << size;
    }
  }
}

TEST(GuiPresentation, LinesAndMarkersAreOneAndAHalfTimesThicker) {
  // The figure's style scale is what multiplies line widths and marker sizes.
  const std::string out = ::testing::TempDir() + "gradlab_presentation_scale.png";
  const CommandResult normal =
      runGradlab("render --lab activations --report --out " + out + " --ui-scale 2", false);
  const CommandResult shown = runGradlab(
      "render --lab activations --report --presentation --out " + out + " --ui-scale 2", false);
  ASSERT_EQ(normal.exit_code, 0) << normal.output;
  ASSERT_EQ(shown.exit_code, 0) << shown.output;
  EXPECT_NE(normal.output.find("| style scale 2 |"), std::string::npos) << normal.output;
  EXPECT_NE(shown.output.find("| style scale 3 |"), std::string::npos) << shown.output;
}

}  // namespace
}  // namespace gradlab::test
