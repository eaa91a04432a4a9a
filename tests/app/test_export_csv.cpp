// `gradlab export --format csv`: the data behind the optimizer lab's plots against core's
// iterates (EXERCISES C4), the stochastic lab's F1 error table against the numbers the lab shows,
// tables written with every format, and export's light default theme.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "app/labs/optimizer/optimizer_lab.h"
#include "app/labs/stochastic/stochastic_lab.h"
#include "tests/app/png_image.h"
#include "tests/app/run_command.h"

namespace gradlab::test {
namespace {

const char* kNoDisplay = "env -u DISPLAY -u WAYLAND_DISPLAY";

std::string freshDir(const std::string& name) {
  const std::string dir = ::testing::TempDir() + "gradlab_export_csv_" + name;
  std::system(("rm -rf '" + dir + "' && mkdir -p '" + dir + "'").c_str());
  return dir;
}

using Rows = std::vector<std::vector<std::string>>;

// RFC 4180 as figure_csv writes it: quoted cells may hold commas and doubled quotes.
Rows readCsv(const std::string& path) {
  std::ifstream in(path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  Rows rows;
  std::vector<std::string> row;
  std::string cell;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(cell);
      cell.clear();
    } else if (c == '\n') {
      row.push_back(cell);
      rows.push_back(row);
      row.clear();
      cell.clear();
    } else {
      cell += c;
    }
  }
  return rows;
}

// The rows of one kind and label (columns: item,kind,label,index,x,y,x_end,y_end,value).
Rows rowsOf(const Rows& rows, const std::string& kind, const std::string& label) {
  Rows out;
  for (const auto& r : rows)
    if (r.size() == 9 && r[1] == kind && r[2] == label) out.push_back(r);
  return out;
}

double num(const std::string& text) {
  return std::strtod(text.c_str(), nullptr);
}

TEST(ExportCsv, OptimizerMapHasEveryIterateOfEachC4RunFromItsStart) {
  const std::string dir = freshDir("optimizer");
  CommandResult r =
      runGradlab("export --lab optimizer --format csv --out-dir " + dir, true, kNoDisplay);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const Rows map = readCsv(dir + "/optimizer-map.csv");
  ASSERT_FALSE(map.empty());
  EXPECT_EQ(map[0], (std::vector<std::string>{"item", "kind", "label", "index", "x", "y", "x_end",
                                              "y_end", "value"}));

  // The same scene in-process: EXERCISES C4, gradient ascent with eta = 0.1 from three starts.
  OptimizerLab lab;
  resetOptimizerLab(lab);
  recomputeRuns(lab);
  ASSERT_EQ(lab.runs.size(), 3u);
  const Rows run1 = rowsOf(map, "arrows", "run 1");
  ASSERT_FALSE(run1.empty()) << "no arrows of run 1 in optimizer-map.csv";
  // The homework's first start, (0.2, 0.5), and one row per iterate (56: 55 steps).
  EXPECT_EQ(num(run1[0][4]), 0.2);
  EXPECT_EQ(num(run1[0][5]), 0.5);
  EXPECT_EQ(run1.size(), lab.runs[0].iterates.size());
  EXPECT_EQ(run1.size(), 56u);
  for (int run = 0; run < 3; ++run) {
    const Rows rows = rowsOf(map, "arrows", "run " + std::to_string(run + 1));
    const auto& its = lab.runs[std::size_t(run)].iterates;
    ASSERT_EQ(rows.size(), its.size()) << "run " << run + 1;
    for (std::size_t i = 0; i < its.size(); ++i) {
      EXPECT_EQ(rows[i][3], std::to_string(i));
      EXPECT_EQ(num(rows[i][4]), its[i].w.x()) << "run " << run + 1 << " iterate " << i;
      EXPECT_EQ(num(rows[i][5]), its[i].w.y()) << "run " << run + 1 << " iterate " << i;
      if (i + 1 < its.size()) {  // the arrow w_i -> w_i+1
        EXPECT_EQ(num(rows[i][6]), its[i + 1].w.x());
        EXPECT_EQ(num(rows[i][7]), its[i + 1].w.y());
      } else {
        EXPECT_EQ(rows[i][6], "");
      }
    }
  }
  // The contour's grid: f at a sample equals the function there to the image's float precision.
  const Rows samples = rowsOf(map, "sample", "field");
  ASSERT_GT(samples.size(), 100u);
  for (std::size_t k = 0; k < samples.size(); k += samples.size() / 7) {
    const double x = num(samples[k][4]), y = num(samples[k][5]);
    const double f = std::exp(-x * x - 2 * (y - 1) * (y - 1)) +
                     std::exp(-(x - 1) * (x - 1) - 2 * y * y);  // EXERCISES C4's f
    EXPECT_NEAR(num(samples[k][8]), f, 1e-6) << x << ", " << y;
  }

  // f against iteration: one row per iterate, f as core computed it.
  const Rows f = rowsOf(readCsv(dir + "/optimizer-f.csv"), "line", "run 2");
  const auto& its = lab.runs[1].iterates;
  ASSERT_EQ(f.size(), its.size());
  for (std::size_t i = 0; i < its.size(); ++i) {
    EXPECT_EQ(num(f[i][4]), double(i));
    EXPECT_EQ(num(f[i][5]), its[i].f);
  }
}

// EXERCISES F1: the nine estimation errors ||Sigma^-1 - P_hat||^2, exactly as the lab's table.
TEST(ExportCsv, StochasticErrorTableHoldsTheNineNumbersTheLabShows) {
  const std::string dir = freshDir("stochastic");
  CommandResult r = runGradlab("export --lab stochastic --out-dir " + dir, true, kNoDisplay);
  ASSERT_EQ(r.exit_code, 0) << r.output;  // PNG figures, and the table as CSV beside them
  const Rows table = readCsv(dir + "/stochastic-errors.csv");
  ASSERT_EQ(table.size(), 4u);
  EXPECT_EQ(table[0],
            (std::vector<std::string>{"step_size", "iteration", "start 1", "start 2", "start 3"}));
  StochasticLab lab;
  resetStochasticLab(lab);
  // The lab's own table text ("Copy table"): a title line, a header, then tab-separated rows.
  std::istringstream shown(errorTableText(lab));
  std::string line;
  std::getline(shown, line);
  std::getline(shown, line);
  for (int s = 0; s < 3; ++s) {
    const auto& row = table[std::size_t(s) + 1];
    ASSERT_EQ(row.size(), 5u);
    EXPECT_EQ(num(row[0]), lab.scene.sgd.step_sizes[std::size_t(s)]);
    EXPECT_EQ(row[1], "10000");
    std::getline(shown, line);
    std::istringstream cells(line);
    std::string cell;
    std::getline(cells, cell, '\t');  // the step size
    for (int j = 0; j < 3; ++j) {
      const double error = shownError(lab, runAt(lab, s, j));
      EXPECT_EQ(num(row[std::size_t(j) + 2]), error) << "step " << s << " start " << j;
      std::getline(cells, cell, '\t');
      EXPECT_EQ(num(row[std::size_t(j) + 2]), num(cell)) << "step " << s << " start " << j;
    }
  }
}

TEST(ExportCsv, DefaultThemeIsTheLightPrintThemeAndDarkStillWorks) {
  const std::string dir = freshDir("theme");
  CommandResult r = runGradlab("export --lab activations --out-dir " + dir, true, kNoDisplay);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const Image light = loadPng(dir + "/activations-values.png");
  ASSERT_GT(light.width, 0);
  for (int c = 0; c < 3; ++c) EXPECT_GE(light.at(2, 2)[c], 240) << "corner is not light";
  r = runGradlab("export --lab activations --theme dark --out-dir " + dir, true, kNoDisplay);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const Image dark = loadPng(dir + "/activations-values.png");
  for (int c = 0; c < 3; ++c) EXPECT_LE(dark.at(2, 2)[c], 60) << "corner is not dark";
}

TEST(ExportCsv, CsvIsAFormatOfTheCommandAndABadOneIsNamed) {
  const std::string dir = freshDir("bad");
  CommandResult r = runGradlab("export --lab optimizer --format xls --out-dir " + dir);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("csv"), std::string::npos) << r.output;
  EXPECT_EQ(countLines(r.output), 1) << r.output;
}

}  // namespace
}  // namespace gradlab::test
