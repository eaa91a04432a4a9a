// GUI tests: the real app drawn headlessly under Xvfb (ctest starts the server), checked by its
// pixels: size, not blank, theme background, scale.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "tests/app/png_image.h"
#include "tests/app/run_command.h"

namespace gradlab::test {
namespace {

std::string outPath(const std::string& name) {
  return ::testing::TempDir() + "gradlab_" + name;
}

const char* kLabs[] = {"optimizer", "activations", "networks", "elbows", "stochastic", "backprop"};

TEST(GuiRender, EveryLabRendersANonBlankPngOfTheRequestedSize) {
  for (const char* lab : kLabs) {
    const std::string png = outPath(std::string(lab) + ".png");
    std::remove(png.c_str());
    CommandResult r =
        runGradlab(std::string("render --lab ") + lab + " --size 800x500 --out " + png);
    ASSERT_EQ(r.exit_code, 0) << lab << ": " << r.output;
    Image image = loadPng(png);
    ASSERT_EQ(image.width, 800) << lab;
    ASSERT_EQ(image.height, 500) << lab;
    EXPECT_GT(lumaVariance(image), 20.0) << lab << " looks blank";
  }
}

TEST(GuiRender, LightThemeBackgroundIsWhite) {
  const std::string png = outPath("light.png");
  CommandResult r =
      runGradlab("render --lab activations --theme light --size 640x400 --out " + png);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  Image image = loadPng(png);
  ASSERT_EQ(image.width, 640);
  EXPECT_EQ(dominantColor(image), (std::array<int, 3>{255, 255, 255}));
}

TEST(GuiRender, DarkThemeBackgroundIsDark) {
  const std::string png = outPath("dark.png");
  CommandResult r = runGradlab("render --lab activations --theme dark --size 640x400 --out " + png);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  std::array<int, 3> bg = dominantColor(loadPng(png));
  EXPECT_LT(bg[0] + bg[1] + bg[2], 3 * 64);
}

TEST(GuiRender, ScaleTwoDoublesThePixelSize) {
  const std::string png = outPath("scale2.png");
  CommandResult r = runGradlab("render --lab backprop --size 400x300 --scale 2 --out " + png);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  Image image = loadPng(png);
  EXPECT_EQ(image.width, 800);
  EXPECT_EQ(image.height, 600);
}

TEST(GuiRender, EveryEmbeddedShaderCompiles) {
  CommandResult r = runGradlab("check-shaders");
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("field.frag: ok"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find(" 0 failed"), std::string::npos) << r.output;
}

TEST(GuiRender, BenchFramesPrintsEveryKey) {
  CommandResult r = runGradlab("bench-frames --lab activations --frames 20 --size 640x400", false);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  for (const char* key : {"frames: 20", "p50_ms: ", "p90_ms: ", "p99_ms: ", "max_ms: ",
                          "cpu_ms_per_frame: ", "peak_rss_mb: "})
    EXPECT_NE(r.output.find(key), std::string::npos) << key << " missing in\n" << r.output;
}

TEST(GuiRender, WithoutADisplayRenderExits2NamingXvfbRun) {
  CommandResult r =
      runGradlab("render --out /tmp/never.png", true, "env -u DISPLAY -u WAYLAND_DISPLAY");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("xvfb-run"), std::string::npos) << r.output;
  EXPECT_EQ(countLines(r.output), 1) << r.output;
}

TEST(GuiRender, WithoutOpenGL33TheErrorIsOneLineNotACrash) {
  // Mesa can pretend to offer only OpenGL 3.0: context creation must fail cleanly.
  CommandResult r = runGradlab("render --size 200x200 --out /tmp/never.png", true,
                               "env MESA_GL_VERSION_OVERRIDE=3.0");
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("cannot create an OpenGL 3.3 core context"), std::string::npos)
      << r.output;
  EXPECT_EQ(countLines(r.output), 1) << r.output;
}

// Issue 15 item 12: a missing directory is bad input (exit 2), found before any window is made
// (it was exit 1, "cannot write ...", after rendering).
TEST(GuiRender, UnwritableOutputIsAOneLineErrorNotACrash) {
  CommandResult r = runGradlab("render --size 200x200 --out /nonexistent-dir/x.png");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.output, "gradlab: error: --out: the directory '/nonexistent-dir' does not exist\n");
}

}  // namespace
}  // namespace gradlab::test
