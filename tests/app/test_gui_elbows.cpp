// The elbow lab drawn headlessly (render under Xvfb): every unit's elbow marker must sit at the
// pixel column the core's -b_j/a_j gives, in the colour of its output weight's sign (grey when
// dead). `render --report` tells where the fit plot lies and each elbow's data x. Also: the
// export writes its three figures with no display, and a bad option is a one-line error.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "app/labs/elbows/elbow_figures.h"
#include "tests/app/png_image.h"
#include "tests/app/report_figures.h"
#include "tests/app/run_command.h"

namespace gradlab::test {
namespace {

struct Elbow {
  double x = 0, px = -1, u = 0;
  bool dead = false;
};

struct Report {
  double x = 0, y = 0, w = 0, h = 0;
  double x_min = 0, x_max = 0, y_min = 0, y_max = 0;
  std::vector<Elbow> elbows;
  bool ok = false;
};

Report parseReport(const std::string& output) {
  Report r;
  std::istringstream in(output);
  std::string line;
  int found = 0;
  while (std::getline(in, line)) {
    if (std::sscanf(line.c_str(), "fit_area_px: %lf %lf %lf %lf", &r.x, &r.y, &r.w, &r.h) == 4)
      ++found;
    if (std::sscanf(line.c_str(), "fit_window: %lf %lf %lf %lf", &r.x_min, &r.x_max, &r.y_min,
                    &r.y_max) == 4)
      ++found;
    int j = 0;
    char px[32], state[16];
    Elbow e;
    if (std::sscanf(line.c_str(), "elbow %d: %lf %31s %15s %lf", &j, &e.x, px, state, &e.u) == 5) {
      e.px = std::string(px) == "none" ? -1 : std::atof(px);
      e.dead = std::string(state) == "dead";
      r.elbows.push_back(e);
    }
  }
  r.ok = found == 2 && r.w > 0 && r.h > 0 && !r.elbows.empty();
  return r;
}

double colorDistance(const Image& image, int x, int y, const plot::Color& c) {
  const unsigned char* p = image.at(x, y);
  const double dr = p[0] - 255.0 * c.r, dg = p[1] - 255.0 * c.g, db = p[2] - 255.0 * c.b;
  return std::sqrt(dr * dr + dg * dg + db * db);
}

// Of 30 rows spread down the elbow band (the bottom kElbowBand of the plot area), how many show
// colour c within +-2 px of column cx.
int rowsShowing(const Image& image, const Report& r, double cx, const plot::Color& c) {
  int hits = 0;
  const double top = r.y + r.h * (1 - kElbowBand);
  for (int k = 0; k < 30; ++k) {
    const int y = int(top + r.h * kElbowBand * (0.05 + 0.9 * k / 29.0));
    double best = 1e9;
    for (int x = int(std::floor(cx)) - 2; x <= int(std::floor(cx)) + 2; ++x)
      best = std::min(best, colorDistance(image, x, y, c));
    hits += best < 40;
  }
  return hits;
}

// want_dead: the number of dead units the report must list (-1: any).
void checkMarkers(const std::string& options, int want_dead) {
  const std::string png = ::testing::TempDir() + "gradlab_elbows.png";
  std::remove(png.c_str());
  CommandResult run = runGradlab(
      "render --lab elbows --theme dark --size 1600x900 --report --out " + png + " " + options,
      false);
  ASSERT_EQ(run.exit_code, 0) << run.output;
  const Image image = loadPng(png);
  const Report r = parseReport(run.output);
  ASSERT_TRUE(r.ok) << run.output;
  int checked = 0, dead = 0;
  for (std::size_t j = 0; j < r.elbows.size(); ++j) {
    const Elbow& e = r.elbows[j];
    dead += e.dead;
    if (e.px < 0) continue;
    // The report's pixel is the core's elbow through the plot's transform.
    EXPECT_NEAR(e.px, r.x + (e.x - r.x_min) / (r.x_max - r.x_min) * r.w, 0.01);
    // Markers closer than 8 px to another one may be covered by it: skip those.
    bool alone = true;
    for (std::size_t k = 0; k < r.elbows.size(); ++k)
      if (k != j && r.elbows[k].px >= 0 && std::abs(r.elbows[k].px - e.px) < 8) alone = false;
    if (!alone) continue;
    const plot::Color c = unitColor(e.u, e.dead);
    // Dead units are dashed: about half the rows.
    EXPECT_GE(rowsShowing(image, r, e.px, c), e.dead ? 10 : 15)
        << "unit " << j << " at x = " << e.x;
    // 7 px to the side the marker's colour is (mostly) absent: it is a line at the right place.
    EXPECT_LE(rowsShowing(image, r, e.px + 7, c), 8) << "unit " << j;
    ++checked;
  }
  EXPECT_GE(checked, 2) << run.output;
  if (want_dead >= 0) {
    EXPECT_EQ(dead, want_dead);
  }
}

TEST(GuiElbows, ElbowMarkersSitWhereTheCorePutsThem) {
  checkMarkers("--units 8 --steps 300", -1);
}

TEST(GuiElbows, DeadUnitsAreDrawnGreyAtTheirElbows) {
  checkMarkers("--preset e3", 3);
}

TEST(GuiElbows, ExportWritesFitLossAndTraceWithoutADisplay) {
  const std::string dir = ::testing::TempDir() + "gradlab_elbows_export";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  CommandResult r =
      runGradlab("export --lab elbows --steps 2000 --out-dir " + dir + " --size 640x480", true,
                 "env -u DISPLAY -u WAYLAND_DISPLAY");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  for (const char* name : {"elbows-fit.png", "elbows-loss.png", "elbows-trace.png"}) {
    const Image image = loadPng(dir + "/" + name);
    EXPECT_EQ(image.width, 640) << name;
    EXPECT_EQ(image.height, 480) << name;
  }
}

TEST(GuiElbows, BadOptionIsAOneLineErrorExitingTwo) {
  CommandResult r = runGradlab("render --lab elbows --units 99 --out /tmp/never.png");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("units must be in [1, 64] (got 99)"), std::string::npos) << r.output;
}

}  // namespace
}  // namespace gradlab::test

namespace gradlab::test {
namespace {

// A wide, low view (1600 x 900 at UI scale 2) puts the fit, the loss and the elbow trace in one
// row, each the whole height (stacked, the fit's plot was 70 pixels high and the trace's 40); at
// UI scale 1 the trace stays under the other two, as wide as both.
TEST(GuiElbows, AWideLowViewPutsTheThreePlotsInOneRow) {
  const std::string png = ::testing::TempDir() + "gradlab_elbows_row.png";
  for (const bool low : {true, false}) {
    CommandResult r =
        runGradlab(std::string("render --lab elbows --size 1600x900 --report --out ") + png +
                       (low ? " --ui-scale 2" : ""),
                   false);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const std::vector<ReportFigure> figures = reportFigures(r.stdout_only);
    ASSERT_EQ(figures.size(), 3u) << r.output;
    const auto by = [&](const char* part) {  // the titles shorten in narrow plots
      for (const ReportFigure& f : figures)
        if (f.title.find(part) != std::string::npos) return f.frame;
      ADD_FAILURE() << "no figure " << part << "\n" << r.output;
      return ReportRect{};
    };
    const ReportRect fit = by("fit and elbows"), trace = by("-b_j/a_j"), loss = by("loss (MSE)");
    if (low) {
      EXPECT_EQ(trace.y, fit.y);
      EXPECT_EQ(trace.h, fit.h);
      EXPECT_GT(trace.x, fit.x + fit.w);
      EXPECT_GT(fit.h, 400);
    } else {
      EXPECT_GT(trace.y, fit.y + fit.h - 1);
      EXPECT_NEAR(trace.w, fit.w + loss.w, 20);
    }
  }
}

}  // namespace
}  // namespace gradlab::test
