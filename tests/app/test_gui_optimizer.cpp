// The Optimizer lab drawn headlessly: contours and trajectories must sit where the core says.
// `render --report` tells where the contour plot lies; pixels there are compared with the colour
// map at the core's f, and with the run colours at the core's trajectory end points.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>

#include "app/plot/color.h"
#include "app/plot/colormap.h"
#include "core/objective.h"
#include "core/run.h"
#include "tests/app/png_image.h"
#include "tests/app/run_command.h"

namespace gradlab::test {
namespace {

struct ContourPlacement {
  double x = 0, y = 0, w = 0, h = 0;                  // plot area in output pixels
  double x_min = 0, x_max = 0, y_min = 0, y_max = 0;  // data window shown
  bool ok = false;
  int px(double wx) const { return int(std::floor(x + (wx - x_min) / (x_max - x_min) * w)); }
  int py(double wy) const { return int(std::floor(y + (y_max - wy) / (y_max - y_min) * h)); }
};

ContourPlacement parseReport(const std::string& output) {
  ContourPlacement p;
  std::istringstream in(output);
  std::string line;
  int found = 0;
  while (std::getline(in, line)) {
    if (std::sscanf(line.c_str(), "contour_area_px: %lf %lf %lf %lf", &p.x, &p.y, &p.w, &p.h) == 4)
      ++found;
    if (std::sscanf(line.c_str(), "contour_window: %lf %lf %lf %lf", &p.x_min, &p.x_max, &p.y_min,
                    &p.y_max) == 4)
      ++found;
  }
  p.ok = found == 2 && p.w > 0 && p.h > 0 && p.x_max > p.x_min && p.y_max > p.y_min;
  return p;
}

struct Rendered {
  Image image;
  ContourPlacement placement;
  std::string output;
};

Rendered renderOptimizer(const std::string& name, const std::string& extra) {
  const std::string png = ::testing::TempDir() + "gradlab_opt_" + name + ".png";
  std::remove(png.c_str());
  CommandResult r = runGradlab("render --lab optimizer --report --out " + png + " " + extra, false);
  Rendered out;
  out.output = r.output;
  if (r.exit_code != 0) return out;
  out.image = loadPng(png);
  out.placement = parseReport(r.output);
  return out;
}

double colorDistance(const unsigned char* p, const plot::Color& c) {
  const double dr = p[0] - 255.0 * c.r, dg = p[1] - 255.0 * c.g, db = p[2] - 255.0 * c.b;
  return std::sqrt(dr * dr + dg * dg + db * db);
}

// The colour map's position of f as the lab maps it: linear between the visible minimum and
// maximum, which for two-bumps' default window are ~0 and the maxima's f.
constexpr double kTwoBumpsMax = 1.0600767905778838;

TEST(GuiOptimizer, ContourColoursMatchTheCoreValues) {
  Rendered r = renderOptimizer("contour", "--size 1200x800");
  ASSERT_TRUE(r.placement.ok) << r.output;
  std::string error;
  ObjectivePtr f = makeObjective(ObjectiveSpec{}, &error);
  ASSERT_TRUE(f) << error;
  // Points away from markers and trajectories, spread over the colour map.
  const Vec2 points[] = {{0.0, 1.6}, {2.5, -1.5}, {1.4, 0.2}, {-0.6, 0.9}, {0.9, -0.6}};
  for (const Vec2& w : points) {
    const double t = f->value(w) / kTwoBumpsMax;
    // The pixel within one of the point (the map is placed to a pixel; an iso-line may pass a
    // pixel away) whose colour is nearest the colour map's at f.
    const plot::Color expected = plot::SampleColormap(plot::Colormap::Viridis, t);
    const unsigned char* px = nullptr;
    double right = 1e9;
    for (int dy = -1; dy <= 1; ++dy)
      for (int dx = -1; dx <= 1; ++dx) {
        const unsigned char* q = r.image.at(r.placement.px(w.x()) + dx, r.placement.py(w.y()) + dy);
        if (colorDistance(q, expected) < right) {
          right = colorDistance(q, expected);
          px = q;
        }
      }
    // A mirrored or shifted field would show the colour of a different f: compare with the colour
    // map well away from t.
    const double wrong_low =
        colorDistance(px, plot::SampleColormap(plot::Colormap::Viridis, t - 0.25));
    const double wrong_high =
        colorDistance(px, plot::SampleColormap(plot::Colormap::Viridis, t + 0.25));
    EXPECT_LT(right, 40.0) << "at (" << w.x() << ", " << w.y() << ") f = " << f->value(w);
    if (t > 0.25) {
      EXPECT_LT(right, wrong_low) << w.transpose();
    }
    if (t < 0.75) {
      EXPECT_LT(right, wrong_high) << w.transpose();
    }
  }
}

TEST(GuiOptimizer, StartsAndEndPointsSitWhereTheCorePutsThem) {
  Rendered r = renderOptimizer("runs", "--size 1200x800");
  ASSERT_TRUE(r.placement.ok) << r.output;
  std::string error;
  ObjectivePtr f = makeObjective(ObjectiveSpec{}, &error);
  ASSERT_TRUE(f);
  RunConfig config = defaultRunConfig(Method::GradientDescent, true);
  config.step_size = 0.1;
  const auto& starts = f->info().starts;
  ASSERT_EQ(starts.size(), 3u);
  for (int i = 0; i < 3; ++i) {
    const plot::Color color = plot::RunColor(i);
    const unsigned char* start_px =
        r.image.at(r.placement.px(starts[i].x()), r.placement.py(starts[i].y()));
    EXPECT_LT(colorDistance(start_px, color), 30.0) << "start of run " << i + 1;
  }
  // End markers: runs 1 and 3 both stop at the first maximum, and later runs are drawn on top,
  // so the pixel there shows the last run that ends within a few pixels of it.
  std::vector<Vec2> ends;
  for (int i = 0; i < 3; ++i) {
    const Trajectory t = run(*f, config, starts[i]);
    ASSERT_EQ(t.status, RunStatus::Converged);
    ends.push_back(t.iterates.back().w);
  }
  for (int i = 0; i < 3; ++i) {
    int top = i;
    for (int j = i + 1; j < 3; ++j)
      if (std::abs(r.placement.px(ends[j].x()) - r.placement.px(ends[i].x())) <= 3 &&
          std::abs(r.placement.py(ends[j].y()) - r.placement.py(ends[i].y())) <= 3)
        top = j;
    const unsigned char* end_px =
        r.image.at(r.placement.px(ends[i].x()), r.placement.py(ends[i].y()));
    EXPECT_LT(colorDistance(end_px, plot::RunColor(top)), 30.0) << "end of run " << i + 1;
  }
}

// The report's line for one kept figure, "" when absent.
std::string figureLine(const std::string& output, const std::string& title) {
  std::istringstream in(output);
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("figure: " + title + " |", 0) == 0) return line;
  return "";
}

TEST(GuiOptimizer, NewtonReachingZeroGradientIsMarkedOnTheLogAxisAndLegendsAvoidTheData) {
  // EXERCISES C5: Newton from (1, 1) lands on (2, 1) in one step, where grad f = 0 exactly.
  Rendered r = renderOptimizer("newton_zero", "--function quadratic --method newton");
  ASSERT_TRUE(r.placement.ok) << r.output;
  const std::string grad = figureLine(r.output, "||grad f|| versus iteration");
  ASSERT_FALSE(grad.empty()) << r.output;
  // The iteration axis still spans the step that went to 0, marked at the bottom edge.
  double x0 = 0, x1 = 0, y0 = 0, y1 = 0;
  ASSERT_EQ(std::sscanf(grad.c_str(), "figure: ||grad f|| versus iteration | x %lf %lf | y %lf %lf",
                        &x0, &x1, &y0, &y1),
            4)
      << grad;
  EXPECT_LE(x0, 0.0);
  EXPECT_GE(x1, 1.0);
  EXPECT_NE(grad.find("text \"0 \u2193\" at 1 "), std::string::npos) << grad;
  // ||grad f(1, 1)|| = ||(-2, 1)|| = sqrt(5) is inside the fitted view.
  EXPECT_GT(y1, std::sqrt(5.0));
  // The small curve plots carry no legend (issue 15, item 10); the map's names the run.
  EXPECT_NE(figureLine(r.output, "f versus iteration").find("legend none"), std::string::npos);
  const std::string map = figureLine(r.output, "");  // the map has no title
  ASSERT_FALSE(map.empty()) << r.output;
  EXPECT_EQ(map.find("legend none"), std::string::npos) << map;
}

TEST(GuiOptimizer, TheKeptContourImageSaysHowToDrawItAgain) {
  // What SVG export will need: the function, its parameters and the colour mapping.
  Rendered r = renderOptimizer("source_id", "--function rosenbrock");
  ASSERT_TRUE(r.placement.ok) << r.output;
  const std::size_t at = r.output.find("| image {");
  ASSERT_NE(at, std::string::npos) << r.output;
  const std::string image = r.output.substr(at, r.output.find('\n', at) - at);
  for (const char* piece :
       {"\"kind\":\"contour\"", "\"function\":\"rosenbrock\"", "\"a\":1.0", "\"b\":100.0",
        "\"colormap\":\"viridis\"", "\"log_levels\":true", "\"levels\":14", "\"map_range\":["})
    EXPECT_NE(image.find(piece), std::string::npos) << piece << " in " << image;
}

TEST(GuiOptimizer, InvalidExpressionKeepsThePreviousFunctionAndShowsTheError) {
  // x^2 + y^2 is typed first, then a broken edit of it: the contour must stay x^2 + y^2.
  Rendered good = renderOptimizer("before", "--size 1200x800 --type-expr \"x^2 + y^2\"");
  Rendered bad = renderOptimizer("bad_expr", "--size 1200x800 --type-expr \"x^2 + (y\"");
  ASSERT_TRUE(good.placement.ok && bad.placement.ok) << bad.output;
  for (const Vec2& w : {Vec2(1.5, 2.0), Vec2(-2.0, -1.0), Vec2(0.5, -2.5)}) {
    const int x = good.placement.px(w.x()), y = good.placement.py(w.y());
    for (int c = 0; c < 3; ++c) EXPECT_NEAR(good.image.at(x, y)[c], bad.image.at(x, y)[c], 2);
  }
  // The error is shown in red in the controls panel (left of the contour); none before.
  auto redPixels = [](const Rendered& r) {
    int red = 0;
    for (int py = 0; py < r.image.height; ++py) {
      for (int px = 0; px < int(r.placement.x) - 40; ++px) {
        const unsigned char* p = r.image.at(px, py);
        // The error's red (235, 77, 64), not run 2's vermillion swatch (213, 94, 0).
        red += p[0] > 200 && p[1] < 110 && p[2] > 45 && p[2] < 100;
      }
    }
    return red;
  };
  EXPECT_GT(redPixels(bad), 60) << "no red error text in the controls panel";
  EXPECT_LT(redPixels(good), 10);
}

TEST(GuiOptimizer, InvalidExpressionOnTheCommandLineExits2WithItsColumn) {
  CommandResult r = runGradlab("render --lab optimizer --expr \"x^2 + (y\" --out /tmp/never.png");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("column"), std::string::npos) << r.output;
  EXPECT_EQ(countLines(r.output), 1) << r.output;
}

TEST(GuiOptimizer, UnknownFunctionOnTheCommandLineIsAOneLineError) {
  CommandResult r = runGradlab("render --lab optimizer --function nope --out /tmp/never.png");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("unknown function 'nope'"), std::string::npos) << r.output;
  EXPECT_EQ(countLines(r.output), 1) << r.output;
}

TEST(GuiOptimizer, IdleFramesRecomputeNothingAndDragFramesRerun) {
  CommandResult idle = runGradlab("bench-frames --lab optimizer --frames 20 --size 800x500", false);
  ASSERT_EQ(idle.exit_code, 0) << idle.output;
  EXPECT_NE(idle.output.find("run_recomputes: 0\n"), std::string::npos) << idle.output;
  EXPECT_NE(idle.output.find("field_evaluations: 0\n"), std::string::npos) << idle.output;
  EXPECT_NE(idle.output.find("contour_shades: 0\n"), std::string::npos) << idle.output;
  CommandResult drag =
      runGradlab("bench-frames --lab optimizer --frames 20 --size 800x500 --drag", false);
  ASSERT_EQ(drag.exit_code, 0) << drag.output;
  // Every dragged frame moves the start, so every frame reruns (in that same frame); the press
  // frame may count too (the grab point rounds through float pixels).
  int recomputes = -1;
  const std::size_t at = drag.output.find("run_recomputes: ");
  if (at != std::string::npos) recomputes = std::atoi(drag.output.c_str() + at + 16);
  EXPECT_GE(recomputes, 19) << drag.output;
  EXPECT_LE(recomputes, 20) << drag.output;
  EXPECT_NE(drag.output.find("field_evaluations: 0\n"), std::string::npos) << drag.output;
}

}  // namespace
}  // namespace gradlab::test

namespace gradlab::test {
namespace {

// Issue 15, items 9 and 10: at 1x, 1.5x and 2x, and at 1024 x 768 and 800 x 600, the small curve
// plots carry no legend (it covered half of each and the tolerance label) and keep a title.
TEST(GuiOptimizer, SmallCurvePlotsHaveNoLegendAtEveryScaleAndSize) {
  for (const char* extra : {"--size 1600x900", "--size 1600x900 --ui-scale 1.5",
                            "--size 1600x900 --ui-scale 2", "--size 1024x768", "--size 800x600"}) {
    Rendered r = renderOptimizer("legend", extra);
    ASSERT_TRUE(r.placement.ok) << extra << "\n" << r.output;
    int curve_figures = 0;
    std::istringstream in(r.output);
    std::string line;
    while (std::getline(in, line)) {
      if (line.rfind("figure: f", 0) != 0 && line.rfind("figure: ||grad f||", 0) != 0) continue;
      ++curve_figures;
      EXPECT_NE(line.find("| legend none"), std::string::npos) << extra << ": " << line;
    }
    EXPECT_EQ(curve_figures, 2) << extra << "\n" << r.output;
  }
}

}  // namespace
}  // namespace gradlab::test

namespace gradlab::test {
namespace {

// Issue 15, item 5: the sweep's marks had no legend, and its axes did not follow new data. Once
// the sweep lands, the plot spans the swept steps (1e-4 to 10) and a legend names the outcomes.
TEST(GuiOptimizer, TheSweepFitsItsDataAndNamesItsOutcomes) {
  Rendered r = renderOptimizer("sweep", "--tab sweep --frames 60");
  ASSERT_TRUE(r.placement.ok) << r.output;
  const std::string sweep = figureLine(r.output, "iterations to converge versus step size");
  ASSERT_FALSE(sweep.empty()) << r.output;
  double x0 = 0, x1 = 0;
  ASSERT_EQ(std::sscanf(sweep.c_str(),
                        "figure: iterations to converge versus step size | x %lf %lf", &x0, &x1),
            2)
      << sweep;
  EXPECT_LE(x0, 1e-4);
  EXPECT_GE(x1, 10.0);
  EXPECT_EQ(sweep.find("legend none"), std::string::npos) << sweep;
}

}  // namespace
}  // namespace gradlab::test
