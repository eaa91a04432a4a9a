// Grid evaluation of an objective over a window (on all cores) and marching-squares iso-lines.
#pragma once

#include <vector>

#include "core/objective.h"

namespace gradlab {

// Values of an objective at nx x ny grid points spanning a window, corners included.
// Row-major with y rows: values[j * nx + i] is f(x(i), y(j)); row 0 is y_min (so a texture
// uploaded row by row has y_min at its first row).
struct ScalarField {
  Window window;
  int nx = 0, ny = 0;
  std::vector<double> values;
  // Statistics over the finite values (NaN and +-inf are excluded); min = max = NaN when none.
  double min = 0, max = 0;
  int finite_count = 0;

  bool empty() const { return nx < 2 || ny < 2 || values.empty(); }
  double x(int i) const { return window.x_min + (window.x_max - window.x_min) * i / (nx - 1); }
  double y(int j) const { return window.y_min + (window.y_max - window.y_min) * j / (ny - 1); }
  double at(int i, int j) const { return values[static_cast<std::size_t>(j) * nx + i]; }
};

// Evaluates f on an nx x ny grid (each at least 2; otherwise returns an empty field). Rows are
// split into contiguous blocks over `threads` threads (0: std::thread::hardware_concurrency);
// each row is one Objective::values() call, so expressions use their batched evaluator. The
// result does not depend on the thread count, bit for bit.
ScalarField evaluateField(const Objective& f, const Window& window, int nx, int ny,
                          int threads = 0);

// Recomputes min, max and finite_count from the values.
void updateFieldStats(ScalarField& field);

// One connected piece of an iso-line, in data coordinates. A closed polyline repeats its first
// point at the end (so it can be drawn as is); an open one ends on the grid border or at cells
// that were skipped (a corner value not finite).
struct Polyline {
  std::vector<Vec2> points;
  bool closed = false;
};

struct IsoLine {
  double level = 0;
  std::vector<Polyline> polylines;
};

// Marching squares. A corner counts as "inside" when its value >= level; crossings are placed
// by linear interpolation along cell edges; the two saddle cases (diagonal corners inside) are
// decided by the cell-centre value, the mean of the four corners: if it is >= level the inside
// corners are connected through the centre. Cells with a non-finite corner are skipped.
// Segments are joined into polylines through the edge crossings they share.
std::vector<IsoLine> isoLines(const ScalarField& field, const std::vector<double>& levels);
IsoLine isoLine(const ScalarField& field, double level);

// n levels evenly spaced strictly inside (min, max): min + k (max - min) / (n + 1), k = 1..n
// (the extremes themselves would give single points). Empty when n < 1 or max <= min.
std::vector<double> linearLevels(double min, double max, int n);

// n levels evenly spaced in g = log(f - min + eps) strictly inside [log(eps), log(max - min +
// eps)], mapped back: level_k = min - eps + eps * r^(k / (n + 1)), r = (max - min + eps) / eps,
// k = 1..n. Dense near the minimum and sparse on steep walls, as a valley like Rosenbrock's
// needs. eps <= 0 picks eps = 1e-3 (max - min), which spreads the levels over three decades.
std::vector<double> logLevels(double min, double max, int n, double eps = 0);

}  // namespace gradlab
