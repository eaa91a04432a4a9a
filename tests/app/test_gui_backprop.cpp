// The Backprop lab drawn headlessly (render under Xvfb): `render --report` lists every node box in
// output pixels with its forward value and adjoint; the values must be the core's (G2: e = 6,
// de/db = 5) and the boxes must be drawn where reported, without overlapping. Also: export writes
// the G3 plot with no display, and a bad option is a one-line error.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <sstream>
#include <string>

#include "core/graph_layout.h"
#include "tests/app/png_image.h"
#include "tests/app/run_command.h"

namespace gradlab::test {
namespace {

struct ReportedNode {
  NodeBox box;
  double value = 0, grad = 0;
};

std::map<std::string, ReportedNode> parseNodes(const std::string& output) {
  std::map<std::string, ReportedNode> nodes;
  std::istringstream in(output);
  std::string line;
  while (std::getline(in, line)) {
    int index = 0;
    char name[64] = {};
    ReportedNode n;
    if (std::sscanf(line.c_str(), "graph_node %d %63[^:]: %lf %lf %lf %lf | value %lf | grad %lf",
                    &index, name, &n.box.x, &n.box.y, &n.box.w, &n.box.h, &n.value, &n.grad) == 8)
      nodes[name] = n;
  }
  return nodes;
}

// The node fill of an input in the dark theme (backprop_graph_view.cpp).
bool isInputFill(const unsigned char* p) {
  return std::abs(p[0] - 32) < 12 && std::abs(p[1] - 62) < 12 && std::abs(p[2] - 98) < 12;
}

TEST(GuiBackprop, G2NodesAreDrawnWhereReportedWithTheCoresValues) {
  const std::string png = ::testing::TempDir() + "gradlab_backprop_g2.png";
  std::remove(png.c_str());
  CommandResult r = runGradlab(
      "render --lab backprop --graph g2 --theme dark --size 1600x900 --report --out " + png, false);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::map<std::string, ReportedNode> nodes = parseNodes(r.output);
  ASSERT_EQ(nodes.size(), 6u) << r.output;
  EXPECT_EQ(nodes.at("e").value, 6);
  EXPECT_EQ(nodes.at("e").grad, 1);
  EXPECT_EQ(nodes.at("b").grad, 5);  // both paths summed
  EXPECT_EQ(nodes.at("a").grad, 2);
  for (const auto& [name, n] : nodes)
    for (const auto& [other, m] : nodes)
      if (name < other) {
        EXPECT_FALSE(boxesOverlap(n.box, m.box)) << name << " " << other;
      }

  const Image image = loadPng(png);
  for (const char* input : {"a", "b"}) {
    const NodeBox& b = nodes.at(input).box;
    // The bottom padding of the box (no text there) shows the input fill; just outside does not.
    const int x = int(b.x + b.w / 2), y = int(b.y + b.h - 3);
    ASSERT_TRUE(x > 0 && y > 0 && x < image.width && y < image.height);
    EXPECT_TRUE(isInputFill(image.at(x, y))) << input;
    EXPECT_FALSE(isInputFill(image.at(x, int(b.y + b.h + 6)))) << input;
  }
}

TEST(GuiBackprop, G1ReportShowsTheDeadReluAndScalesWithTheUi) {
  const std::string png = ::testing::TempDir() + "gradlab_backprop_g1.png";
  CommandResult r = runGradlab(
      "render --lab backprop --label 1 --theme light --size 1600x900 "
      "--ui-scale 1.5 --report --out " +
          png,
      false);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::map<std::string, ReportedNode> nodes = parseNodes(r.output);
  ASSERT_EQ(nodes.size(), 10u) << r.output;
  EXPECT_EQ(nodes.at("h1").value, 9);
  EXPECT_EQ(nodes.at("h2").value, 0);
  EXPECT_EQ(nodes.at("o1").value, 54);
  EXPECT_EQ(nodes.at("o2").value, 18);
  EXPECT_EQ(nodes.at("z2").grad, 0);  // dead ReLU
  EXPECT_NEAR(nodes.at("z1").grad, 4, 1e-12);
  for (const auto& [name, n] : nodes) {
    EXPECT_GE(n.box.x, 0) << name;
    EXPECT_LE(n.box.x + n.box.w, 1600) << name;
    EXPECT_LE(n.box.y + n.box.h, 900) << name;
  }
  EXPECT_LT(nodes.at("x1").box.x, nodes.at("z1").box.x);
  EXPECT_LT(nodes.at("o1").box.x, nodes.at("L").box.x);
}

TEST(GuiBackprop, ExportWritesTheG3PlotWithoutADisplay) {
  const std::string dir = ::testing::TempDir() + "gradlab_backprop_export";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  CommandResult r = runGradlab("export --lab backprop --out-dir " + dir + " --size 640x480", true,
                               "env -u DISPLAY -u WAYLAND_DISPLAY");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const Image image = loadPng(dir + "/backprop-g3.png");
  EXPECT_EQ(image.width, 640);
  EXPECT_EQ(image.height, 480);
}

TEST(GuiBackprop, BadOptionIsAOneLineErrorExitingTwo) {
  CommandResult r = runGradlab("render --lab backprop --expr '2x' --out /tmp/never.png");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("for a product write 2*x"), std::string::npos) << r.output;
  EXPECT_EQ(countLines(r.output), 1) << r.output;
}

}  // namespace
}  // namespace gradlab::test

namespace gradlab::test {
namespace {

// The graph's text grows with the UI scale, a projector's: at UI scale 2 the floor was 9 pixels
// as at 1, so the boxes were no taller than at 1 (10-pixel numbers); now text stays above 0.55 of
// the UI's, the edge labels give way first, and every box stays inside the window.
TEST(GuiBackprop, TheGraphsTextGrowsWithTheUiScale) {
  const std::string png = ::testing::TempDir() + "gradlab_backprop_scale.png";
  double height[3] = {0, 0, 0};
  for (const int scale : {1, 2}) {
    CommandResult r = runGradlab("render --lab backprop --size 1600x900 --ui-scale " +
                                     std::to_string(scale) + " --report --out " + png,
                                 false);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const std::map<std::string, ReportedNode> nodes = parseNodes(r.output);
    ASSERT_EQ(nodes.size(), 10u) << r.output;
    height[scale] = nodes.at("x1").box.h;
    for (const auto& [name, n] : nodes) {
      EXPECT_GE(n.box.x, 0) << name;
      EXPECT_LE(n.box.x + n.box.w, 1600) << name;
    }
  }
  EXPECT_GT(height[2], 1.3 * height[1]);
}

}  // namespace
}  // namespace gradlab::test
