// The Network lab drawn headlessly: each grid cell's curve must sit where the core puts y1.
// `render --report` tells where each cell's plot area lies and what it shows; the pixel at
// (x1, y1(x1)) must have the activation's colour, and pixels a tenth of the plot above and below
// must not.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>

#include "app/labs/networks/network_figures.h"
#include "app/labs/networks/network_lab.h"
#include "tests/app/png_image.h"
#include "tests/app/run_command.h"

namespace gradlab::test {
namespace {

struct CellPlacement {
  double x = 0, y = 0, w = 0, h = 0;
  double x_min = 0, x_max = 0, y_min = 0, y_max = 0;
  int kinks = -1;
  bool ok = false;
  double px(double wx) const { return x + (wx - x_min) / (x_max - x_min) * w; }
  double py(double wy) const { return y + (y_max - wy) / (y_max - y_min) * h; }
};

CellPlacement parseCell(const std::string& output, int row, int column) {
  CellPlacement p;
  std::istringstream in(output);
  std::string line;
  while (std::getline(in, line)) {
    int r = -1, c = -1;
    if (std::sscanf(line.c_str(),
                    "network_cell %d %d: %lf %lf %lf %lf | x %lf %lf | y %lf %lf | kinks %d", &r,
                    &c, &p.x, &p.y, &p.w, &p.h, &p.x_min, &p.x_max, &p.y_min, &p.y_max,
                    &p.kinks) == 11 &&
        r == row && c == column) {
      p.ok = p.w > 0 && p.h > 0 && p.x_max > p.x_min && p.y_max > p.y_min;
      return p;
    }
  }
  return p;
}

double colorDistance(const unsigned char* p, const plot::Color& c) {
  const double dr = p[0] - 255.0 * c.r, dg = p[1] - 255.0 * c.g, db = p[2] - 255.0 * c.b;
  return std::sqrt(dr * dr + dg * dg + db * db);
}

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

TEST(GuiNetworks, EveryCellsCurveSitsAtTheCoresY1) {
  const std::string png = ::testing::TempDir() + "gradlab_networks.png";
  std::remove(png.c_str());
  const CommandResult r =
      runGradlab("render --lab networks --report --size 1600x900 --out " + png, false);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const Image image = loadPng(png);
  NetworkLab lab;
  resetNetworkLab(lab);
  for (int row = 0; row < 3; ++row) {
    for (int column = 0; column < 3; ++column) {
      const CellPlacement cell = parseCell(r.output, row, column);
      ASSERT_TRUE(cell.ok) << row << " " << column << "\n" << r.output;
      EXPECT_DOUBLE_EQ(cell.x_min, -10);
      EXPECT_DOUBLE_EQ(cell.x_max, 10);
      EXPECT_EQ(cell.kinks, int(networkCell(lab, row, column).kinks.size()));
      const plot::Color color = networkCurveColor(lab.scene.activations[std::size_t(row)]);
      for (double x1 : {-7.3, -2.1, 0.4, 3.7, 8.2}) {
        const double y1 = networkOutputAt(lab, row, column, x1);
        EXPECT_LT(nearestColor(image, cell.px(x1), cell.py(y1), color, 1), 40.0)
            << "cell " << row << "," << column << " at x1 = " << x1;
        // A flat curve passes under any shift; only test where the curve is not near the probes.
        for (double shift : {-0.1, 0.1}) {
          const double probe = y1 + shift * (cell.y_max - cell.y_min);
          bool curve_near = false;
          for (double dx = -0.3; dx <= 0.3; dx += 0.01)
            curve_near |= std::abs(networkOutputAt(lab, row, column, x1 + dx) - probe) <
                          0.03 * (cell.y_max - cell.y_min);
          // Off the plot area or on its frame: another thing's pixels.
          const double py = cell.py(probe);
          if (curve_near || py < cell.y + 4 || py > cell.y + cell.h - 4) continue;
          EXPECT_GT(nearestColor(image, cell.px(x1), cell.py(probe), color, 1), 80.0)
              << "cell " << row << "," << column << " off the curve at x1 = " << x1;
        }
      }
    }
  }
}

TEST(GuiNetworks, BadOptionsAreOneLineErrors) {
  const CommandResult r = runGradlab("render --lab networks --depth 0 --out /tmp/never.png");
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("--depth: depth must be in [1, 8]"), std::string::npos) << r.output;
  EXPECT_EQ(countLines(r.output), 1) << r.output;
}

TEST(GuiNetworks, ExportWritesNineCellFiguresWithoutADisplay) {
  const std::string dir = ::testing::TempDir() + "gradlab_net_export";
  std::system(("rm -rf '" + dir + "' && mkdir -p '" + dir + "'").c_str());
  const CommandResult r = runGradlab("export --lab networks --out-dir " + dir + " --size 480x360",
                                     true, "env -u DISPLAY -u WAYLAND_DISPLAY");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  NetworkLab lab;
  resetNetworkLab(lab);
  for (int row = 0; row < 3; ++row)
    for (int column = 0; column < 3; ++column) {
      const std::string name = networkCellFileName(lab.scene, row, column);
      const Image image = loadPng(dir + "/networks-" + name + ".png");
      EXPECT_EQ(image.width, 480) << name;
      EXPECT_EQ(image.height, 360) << name;
      EXPECT_GT(lumaVariance(image), 20.0) << name;
    }
}

}  // namespace
}  // namespace gradlab::test
