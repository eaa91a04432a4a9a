// Presentation mode under Xvfb: every lab hides its side panel, so its plots move left and grow
// (measured from the kept figures' frames in `render --report`); the figures' style scale grows
// (thicker lines, larger markers); F5, Esc and F11 work in the live window.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <tuple>

#include "tests/app/report_figures.h"
#include "tests/app/run_command.h"

namespace gradlab::test {
namespace {

const char* kLabs[] = {"optimizer", "activations", "networks", "elbows", "stochastic", "backprop"};

// The figures of one render: their leftmost edge and widest frame, in pixels.
struct FigureSpan {
  int count = 0;
  double left = 1e9, widest = 0;
};

FigureSpan figureSpan(const std::string& report) {
  FigureSpan span;
  for (const ReportFigure& f : reportFigures(report)) {
    ++span.count;
    span.left = std::min(span.left, f.frame.x);
    span.widest = std::max(span.widest, f.frame.w);
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
  // A projector's 1024 x 768, where the panel takes the largest share.
  for (const char* lab : kLabs) {
    const FigureSpan normal = renderSpan(lab, "1024x768", false);
    const FigureSpan shown = renderSpan(lab, "1024x768", true);
    ASSERT_GT(normal.count, 0) << lab;
    ASSERT_GT(shown.count, 0) << lab;
    // The controls panel is at least 16 em (272 px at 17 px) wide: the plots start at the
    // window's left edge instead, and the widest grows (by 29 px to 500 px: labs share the
    // panel's width out among several plots).
    EXPECT_LT(shown.left, normal.left - 200) << lab;
    EXPECT_LT(shown.left, 40) << lab;
    EXPECT_GT(shown.widest, normal.widest + 20) << lab;
  }
}

TEST(GuiPresentation, LinesAndMarkersAreThicker) {
  // The figure's style scale is what multiplies line widths and marker sizes.
  const std::string out = ::testing::TempDir() + "gradlab_presentation_scale.png";
  // 1.5x at UI scale 1; at UI scale 2 (lines already twice as thick) 2.5x.
  for (const auto& [ui_scale, normal_scale, presentation_scale] :
       {std::tuple{"1", "1", "1.5"}, std::tuple{"2", "2", "2.5"}}) {
    const std::string common =
        std::string("render --lab activations --report --out ") + out + " --ui-scale " + ui_scale;
    const CommandResult normal = runGradlab(common, false);
    const CommandResult shown = runGradlab(common + " --presentation", false);
    ASSERT_EQ(normal.exit_code, 0) << normal.output;
    ASSERT_EQ(shown.exit_code, 0) << shown.output;
    EXPECT_NE(normal.output.find(std::string("| style scale ") + normal_scale + " |"),
              std::string::npos)
        << normal.output;
    EXPECT_NE(shown.output.find(std::string("| style scale ") + presentation_scale + " |"),
              std::string::npos)
        << shown.output;
  }
}

// Runs `xdotool_commands` (shell) against the live 1200 x 700 window on the test's Xvfb display
// and returns what the app reports at exit.
std::string driveTheWindow(const std::string& xdotool_commands) {
  const std::string dir = ::testing::TempDir();
  const std::string script = dir + "gradlab_presentation_keys.sh";
  std::ofstream(script)
      << "export XDG_CONFIG_HOME='" << testConfigHome() << "'\n"
      << "'" << GRADLAB_EXE << "' gui --no-settings --size 1200x700 --quit-after 7 --report-ui "
      << "> '" << dir << "gradlab_keys.out' 2>&1 &\n"
      << "app=$!\n"
      << "window=$(xdotool search --sync --name '^gradlab$' | head -1)\n"
      << "sleep 1; xdotool windowfocus $window 2>/dev/null; xdotool mousemove 600 350; sleep 0.3\n"
      << xdotool_commands << "\n"
      << "wait $app\n"
      << "cat '" << dir << "gradlab_keys.out'\n";
  std::string output;
  FILE* pipe = popen(("bash '" + script + "' 2>&1").c_str(), "r");
  if (!pipe) return output;
  char buffer[4096];
  for (std::size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) output.append(buffer, n);
  pclose(pipe);
  return output;
}

// Each key is held 150 ms: ImGui 1.86 sees a key only if it is down at a frame. The first key
// after the focus arrives is not delivered: a harmless Shift goes first.
std::string typeKeysIntoTheWindow(const std::string& keys) {
  return driveTheWindow("for key in shift " + keys +
                        "; do xdotool keydown $key; sleep 0.15; xdotool keyup $key; sleep 0.35; "
                        "done");
}

TEST(GuiPresentation, KeysToggleModeAndFullScreenInTheLiveWindow) {
  if (std::system("command -v xdotool >/dev/null 2>&1") != 0)
    GTEST_SKIP() << "xdotool is not installed";
  std::string out = typeKeysIntoTheWindow("F5 F11");
  EXPECT_NE(out.find("presentation: 1\n"), std::string::npos) << out;
  EXPECT_NE(out.find("fullscreen: 1\n"), std::string::npos) << out;
  EXPECT_NE(out.find("window: 1200x700\n"), std::string::npos) << out;  // the size to return to
  // Esc leaves presentation mode; F11 again returns to the window's size.
  out = typeKeysIntoTheWindow("F5 Escape F11 F11");
  EXPECT_NE(out.find("presentation: 0\n"), std::string::npos) << out;
  EXPECT_NE(out.find("fullscreen: 0\n"), std::string::npos) << out;
  EXPECT_NE(out.find("window: 1200x700\n"), std::string::npos) << out;
}

// View > UI scale > 2x in the running app: the loop hands the scale to the platform, which
// re-rasterizes the font at twice the pixels (not FontGlobalScale). The menu's positions are
// those of the 1x layout (File, Edit, View, ... at 17 px).
TEST(GuiPresentation, ViewMenuScaleTwoRerasterizesTheFontLive) {
  if (std::system("command -v xdotool >/dev/null 2>&1") != 0)
    GTEST_SKIP() << "xdotool is not installed";
  const std::string out = driveTheWindow(
      "xdotool mousemove 116 11; sleep 0.3; xdotool click 1; sleep 0.5; "             // View
      "xdotool mousemove 131 128; sleep 0.5; xdotool mousemove 351 128; sleep 0.4; "  // UI scale
      "xdotool mousemove 351 190; sleep 0.3; xdotool click 1; sleep 0.8");            // 2x
  EXPECT_NE(out.find("ui_scale: 2\n"), std::string::npos) << out;
  EXPECT_NE(out.find("font_raster_px: 34\n"), std::string::npos) << out;
  EXPECT_NE(out.find("font_global_scale: 1\n"), std::string::npos) << out;
}

}  // namespace
}  // namespace gradlab::test
