// The Stochastic lab drawn headlessly (render under Xvfb): the ellipses must sit where the core
// says. `render --report` tells where the ellipse plot lies; pixels on the true Sigma's 95% ellipse
// and on each start's P0^-1 ellipse (at iteration 0) must show those items' colours, and pixels
// on a wrongly scaled ellipse must not. Also: the export writes the four figures with no display.
#include <gtest/gtest.h>

#include <Eigen/LU>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "app/labs/stochastic/stochastic_figures.h"
#include "app/labs/stochastic/stochastic_lab.h"
#include "app/plot/color.h"
#include "core/gaussian_sgd.h"
#include "tests/app/png_image.h"
#include "tests/app/report_figures.h"
#include "tests/app/run_command.h"

namespace gradlab::test {
namespace {

struct Placement {
  double x = 0, y = 0, w = 0, h = 0;
  double x_min = 0, x_max = 0, y_min = 0, y_max = 0;
  bool ok = false;
  int px(double wx) const { return int(std::floor(x + (wx - x_min) / (x_max - x_min) * w)); }
  int py(double wy) const { return int(std::floor(y + (y_max - wy) / (y_max - y_min) * h)); }
};

Placement parseReport(const std::string& output) {
  Placement p;
  std::istringstream in(output);
  std::string line;
  int found = 0;
  while (std::getline(in, line)) {
    if (std::sscanf(line.c_str(), "ellipse_area_px: %lf %lf %lf %lf", &p.x, &p.y, &p.w, &p.h) == 4)
      ++found;
    if (std::sscanf(line.c_str(), "ellipse_window: %lf %lf %lf %lf", &p.x_min, &p.x_max, &p.y_min,
                    &p.y_max) == 4)
      ++found;
  }
  p.ok = found == 2 && p.w > 0 && p.h > 0 && p.x_max > p.x_min && p.y_max > p.y_min;
  return p;
}

// The smallest colour distance to c within a 5x5 pixel neighbourhood (lines are antialiased).
double nearestColor(const Image& image, int cx, int cy, const plot::Color& c) {
  double best = 1e9;
  for (int y = cy - 2; y <= cy + 2; ++y)
    for (int x = cx - 2; x <= cx + 2; ++x) {
      if (x < 0 || y < 0 || x >= image.width || y >= image.height) continue;
      const unsigned char* p = image.at(x, y);
      const double dr = p[0] - 255.0 * c.r, dg = p[1] - 255.0 * c.g, db = p[2] - 255.0 * c.b;
      best = std::min(best, std::sqrt(dr * dr + dg * dg + db * db));
    }
  return best;
}

// How many of the ellipse's points show colour c, for the ellipse scaled by `scale`.
int pointsShowing(const Image& image, const Placement& p, const Mat2& covariance, double scale,
                  const plot::Color& c, int* total) {
  std::vector<double> xs, ys;
  ellipsePoints(Vec2(0, 0), covariance, kEllipseRadius * scale, 48, xs, ys);
  int hits = 0;
  *total = 48;
  for (int i = 0; i < 48; ++i)
    if (nearestColor(image, p.px(xs[i]), p.py(ys[i]), c) < 45) ++hits;
  return hits;
}

TEST(GuiStochastic, EllipsesSitWhereTheCorePutsThem) {
  const std::string png = ::testing::TempDir() + "gradlab_stochastic.png";
  std::remove(png.c_str());
  CommandResult r = runGradlab(
      "render --lab stochastic --theme dark --size 1600x900 --report --at 0 --out " + png, false);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const Image image = loadPng(png);
  const Placement p = parseReport(r.output);
  ASSERT_TRUE(p.ok) << r.output;

  int total = 0;
  const Mat2 sigma = GaussianSpec{}.covariance;
  const plot::Color truth = truthColor(Theme::Dark);
  EXPECT_GE(pointsShowing(image, p, sigma, 1.0, truth, &total), total * 8 / 10);
  EXPECT_LE(pointsShowing(image, p, sigma, 1.25, truth, &total), total * 3 / 10);

  // At iteration 0 each run's ellipse is its start's P0^-1 (the same for every step size).
  const GaussianSgdExperiment e = prepareExperiment(GaussianSpec{}, 3);
  for (int j = 0; j < 3; ++j) {
    const Mat2 covariance = precisionMatrix(e.starts[j]).inverse();
    const int hits = pointsShowing(image, p, covariance, 1.0, startColor(j), &total);
    EXPECT_GE(hits, total * 6 / 10) << "start " << j + 1;
    EXPECT_LE(pointsShowing(image, p, covariance, 0.7, startColor(j), &total), total * 3 / 10)
        << "start " << j + 1;
  }
}

// The samples are one image under the ellipses (app/views/scatter_layer.h): each sample's square
// must show, at the core's sample position, the samples' colour blended over the background, and
// not 6 pixels away.
TEST(GuiStochastic, SamplesSitWhereTheCorePutsThem) {
  const std::string png = ::testing::TempDir() + "gradlab_stochastic_samples.png";
  std::remove(png.c_str());
  CommandResult r = runGradlab(
      "render --lab stochastic --theme dark --size 1600x900 --report "
      "--samples 40 --at 0 --out " +
          png,
      false);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const Image image = loadPng(png);
  const Placement p = parseReport(r.output);
  ASSERT_TRUE(p.ok) << r.output;
  GaussianSpec spec;
  spec.sample_count = 40;
  const GaussianData data = sampleGaussian(spec);
  // The background: a plot-area corner, far from the data.
  const unsigned char* bg = image.at(int(p.x) + 3, int(p.y) + 3);
  const plot::Color c = samplesItem(StochasticLab{}, Theme::Dark).color;
  const double a = std::lround(255.0 * c.a) / 255.0;
  const plot::Color blended{float((bg[0] * (1 - a) + 255 * c.r * a) / 255),
                            float((bg[1] * (1 - a) + 255 * c.g * a) / 255),
                            float((bg[2] * (1 - a) + 255 * c.b * a) / 255), 1};
  int at = 0, beside = 0;
  for (const Vec2& x : data.points) {
    if (nearestColor(image, p.px(x.x()), p.py(x.y()), blended) < 12) ++at;
    if (nearestColor(image, p.px(x.x()) + 6, p.py(x.y()) + 6, blended) < 12) ++beside;
  }
  EXPECT_GE(at, 36) << "of 40 samples";  // a few lie under ellipse lines
  EXPECT_LE(beside, 8) << "of 40 samples";
}

TEST(GuiStochastic, ExportWritesTheThreeObjectivePlotsAndTheEllipsesWithoutADisplay) {
  const std::string dir = ::testing::TempDir() + "gradlab_stochastic_export";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  CommandResult r = runGradlab("export --lab stochastic --out-dir " + dir + " --size 640x480", true,
                               "env -u DISPLAY -u WAYLAND_DISPLAY");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  for (const char* name : {"stochastic-objective-1.png", "stochastic-objective-2.png",
                           "stochastic-objective-3.png", "stochastic-ellipses.png"}) {
    const Image image = loadPng(dir + "/" + name);
    EXPECT_EQ(image.width, 640) << name;
    EXPECT_EQ(image.height, 480) << name;
  }
}

TEST(GuiStochastic, BadOptionIsAOneLineErrorExitingTwo) {
  CommandResult r = runGradlab("render --lab stochastic --steps 1e-3,-2 --out /tmp/never.png");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("step size 2 must be in (0, 10]"), std::string::npos) << r.output;
}

}  // namespace
}  // namespace gradlab::test

namespace gradlab::test {
namespace {

// The objective plots' figures ("eta = ..." when narrow, "log L(P), ..." when wide).
std::vector<ReportFigure> objectiveFigures(const std::string& report) {
  std::vector<ReportFigure> out;
  for (const ReportFigure& f : reportFigures(report))
    if (f.title.rfind("eta = ", 0) == 0 || f.title.rfind("log L(P)", 0) == 0) out.push_back(f);
  return out;
}

// At 1024 x 768 and UI scale 1.5 the three objective plots share one y axis: the same limits,
// the tick labels only on the first, and plot areas as wide as each other (before, the first was
// 45 pixels wide and the others 170). At 1600 x 900 each keeps its own axis and full title.
TEST(GuiStochastic, NarrowObjectivePlotsShareOneYAxisAndEqualAreas) {
  const std::string png = ::testing::TempDir() + "gradlab_stochastic_narrow.png";
  CommandResult narrow = runGradlab(
      "render --lab stochastic --size 1024x768 --ui-scale 1.5 --report --out " + png, false);
  ASSERT_EQ(narrow.exit_code, 0) << narrow.output;
  const std::vector<ReportFigure> row = objectiveFigures(narrow.stdout_only);
  ASSERT_EQ(row.size(), 3u) << narrow.output;
  for (const ReportFigure& f : row) {
    EXPECT_EQ(f.title.rfind("eta = ", 0), 0u) << f.title;
    EXPECT_EQ(f.y_min, row[0].y_min) << f.title;
    EXPECT_EQ(f.y_max, row[0].y_max) << f.title;
    EXPECT_NEAR(f.area.w, row[0].area.w, 2.0) << f.title;
    EXPECT_GT(f.area.w, 100) << f.title;
  }
  CommandResult wide =
      runGradlab("render --lab stochastic --size 1600x900 --report --out " + png, false);
  ASSERT_EQ(wide.exit_code, 0) << wide.output;
  const std::vector<ReportFigure> full = objectiveFigures(wide.stdout_only);
  ASSERT_EQ(full.size(), 3u) << wide.output;
  for (const ReportFigure& f : full)
    EXPECT_EQ(f.title.rfind("log L(P), step size ", 0), 0u) << f.title;
  EXPECT_NE(full[0].y_min, full[2].y_min) << "each row keeps its own limits when wide";
}

}  // namespace
}  // namespace gradlab::test
