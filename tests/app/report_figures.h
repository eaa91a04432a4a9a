// The "figure: ..." lines of `gradlab render --report`: each kept figure's title, limits, frame
// and plot area in output pixels, for tests that check where plots were laid out.
#pragma once

#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

namespace gradlab::test {

struct ReportRect {
  double x = 0, y = 0, w = 0, h = 0;
};

struct ReportFigure {
  std::string title;
  double x_min = 0, x_max = 0, y_min = 0, y_max = 0;
  ReportRect frame, area;
};

// Every figure line that names its limits, frame and area; others are skipped.
inline std::vector<ReportFigure> reportFigures(const std::string& report) {
  std::vector<ReportFigure> out;
  std::istringstream in(report);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("figure: ", 0) != 0) continue;
    ReportFigure f;
    f.title = line.substr(8, line.find(" |") - 8);
    const std::size_t x = line.find("| x "), y = line.find("| y ");
    const std::size_t frame = line.rfind("| frame "), area = line.rfind("| area ");
    if (x == std::string::npos || y == std::string::npos || frame == std::string::npos ||
        area == std::string::npos ||
        std::sscanf(line.c_str() + x, "| x %lf %lf", &f.x_min, &f.x_max) != 2 ||
        std::sscanf(line.c_str() + y, "| y %lf %lf", &f.y_min, &f.y_max) != 2 ||
        std::sscanf(line.c_str() + frame, "| frame %lf %lf %lf %lf", &f.frame.x, &f.frame.y,
                    &f.frame.w, &f.frame.h) != 4 ||
        std::sscanf(line.c_str() + area, "| area %lf %lf %lf %lf", &f.area.x, &f.area.y, &f.area.w,
                    &f.area.h) != 4)
      continue;
    out.push_back(f);
  }
  return out;
}

}  // namespace gradlab::test
