// Threaded grid evaluation and marching-squares iso-lines with polyline joining.
#include "core/field.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <thread>

namespace gradlab {

namespace {

void evaluateRows(const Objective& f, ScalarField& field, int row_begin, int row_end) {
  std::vector<double> xs(field.nx), ys(field.nx);
  for (int i = 0; i < field.nx; ++i) xs[i] = field.x(i);
  for (int j = row_begin; j < row_end; ++j) {
    std::fill(ys.begin(), ys.end(), field.y(j));
    f.values(xs.data(), ys.data(), field.values.data() + static_cast<std::size_t>(j) * field.nx,
             static_cast<std::size_t>(field.nx));
  }
}

}  // namespace

ScalarField evaluateField(const Objective& f, const Window& window, int nx, int ny, int threads) {
  ScalarField field;
  field.window = window;
  if (nx < 2 || ny < 2) return field;
  field.nx = nx;
  field.ny = ny;
  field.values.assign(static_cast<std::size_t>(nx) * ny, 0.0);
  if (threads <= 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  threads = std::min(threads, ny);
  if (threads == 1) {
    evaluateRows(f, field, 0, ny);
  } else {
    std::vector<std::thread> pool;
    pool.reserve(threads - 1);
    // Block t gets rows [t * ny / threads, (t + 1) * ny / threads); this thread takes the last.
    for (int t = 0; t + 1 < threads; ++t) {
      pool.emplace_back(evaluateRows, std::cref(f), std::ref(field), t * ny / threads,
                        (t + 1) * ny / threads);
    }
    evaluateRows(f, field, (threads - 1) * ny / threads, ny);
    for (std::thread& th : pool) th.join();
  }
  updateFieldStats(field);
  return field;
}

void updateFieldStats(ScalarField& field) {
  double lo = std::numeric_limits<double>::infinity(), hi = -lo;
  int count = 0;
  for (double v : field.values) {
    if (!std::isfinite(v)) continue;
    lo = std::min(lo, v);
    hi = std::max(hi, v);
    ++count;
  }
  const double nan = std::numeric_limits<double>::quiet_NaN();
  field.min = count > 0 ? lo : nan;
  field.max = count > 0 ? hi : nan;
  field.finite_count = count;
}

namespace {

// Edge ids: the horizontal edge from corner (i, j) to (i+1, j) is 2 (j nx + i), the vertical
// edge from (i, j) to (i, j+1) is 2 (j nx + i) + 1. Two segments meet where they share an edge.
struct Segment {
  int a, b;  // edge ids of the two ends
};

// Marching-squares segments of one cell, as pairs of cell edges: 0 bottom, 1 right, 2 top,
// 3 left. Case bits: 1 = (i, j), 2 = (i+1, j), 4 = (i+1, j+1), 8 = (i, j+1) inside.
// The saddles 5 and 10 have two layouts each: [case][centre inside].
int cellSegments(int c, bool centre_inside, std::array<std::array<int, 2>, 2>& out) {
  switch (c) {
    case 0:
    case 15:
      return 0;
    case 1:
    case 14:
      out[0] = {3, 0};
      return 1;
    case 2:
    case 13:
      out[0] = {0, 1};
      return 1;
    case 3:
    case 12:
      out[0] = {3, 1};
      return 1;
    case 4:
    case 11:
      out[0] = {1, 2};
      return 1;
    case 6:
    case 9:
      out[0] = {0, 2};
      return 1;
    case 7:
    case 8:
      out[0] = {3, 2};
      return 1;
    case 5:  // (i, j) and (i+1, j+1) inside
      if (centre_inside) {
        out[0] = {3, 2}, out[1] = {0, 1};  // cut off the outside corners (i, j+1), (i+1, j)
      } else {
        out[0] = {3, 0}, out[1] = {1, 2};  // cut off the inside corners
      }
      return 2;
    case 10:  // (i+1, j) and (i, j+1) inside
      if (centre_inside) {
        out[0] = {3, 0}, out[1] = {1, 2};
      } else {
        out[0] = {0, 1}, out[1] = {3, 2};
      }
      return 2;
  }
  return 0;
}

// at_edge: scratch of 2 nx ny slots, all {-1, -1} on entry and on return (reused across levels).
IsoLine isoLineWithScratch(const ScalarField& field, double level,
                           std::vector<std::array<int, 2>>& at_edge) {
  IsoLine line;
  line.level = level;
  if (field.empty() || !std::isfinite(level)) return line;
  const int nx = field.nx, ny = field.ny;
  auto edgeId = [nx](int i, int j, int side) {
    switch (side) {
      case 0:
        return 2 * (j * nx + i);  // bottom
      case 1:
        return 2 * (j * nx + i + 1) + 1;  // right
      case 2:
        return 2 * ((j + 1) * nx + i);  // top
      default:
        return 2 * (j * nx + i) + 1;  // left
    }
  };

  // Corner states, one row at a time: 0 below the level, 1 at or above, 2 not finite.
  std::vector<unsigned char> lower(nx), upper(nx);
  auto classify = [&](int j, std::vector<unsigned char>& out) {
    const double* row = field.values.data() + static_cast<std::size_t>(j) * nx;
    for (int i = 0; i < nx; ++i) out[i] = std::isfinite(row[i]) ? (row[i] >= level ? 1 : 0) : 2;
  };
  std::vector<Segment> segments;
  classify(0, lower);
  for (int j = 0; j + 1 < ny; ++j) {
    classify(j + 1, upper);
    for (int i = 0; i + 1 < nx; ++i) {
      const int a = lower[i], b = lower[i + 1], c = upper[i + 1], d = upper[i];
      if ((a | b | c | d) & 2) continue;  // a corner is NaN or infinite: skip the cell
      const int cell = a | (b << 1) | (c << 2) | (d << 3);
      if (cell == 0 || cell == 15) continue;
      bool centre_inside = false;
      if (cell == 5 || cell == 10) {
        centre_inside = 0.25 * (field.at(i, j) + field.at(i + 1, j) + field.at(i + 1, j + 1) +
                                field.at(i, j + 1)) >=
                        level;
      }
      std::array<std::array<int, 2>, 2> s;
      const int n = cellSegments(cell, centre_inside, s);
      for (int k = 0; k < n; ++k) {
        segments.push_back({edgeId(i, j, s[k][0]), edgeId(i, j, s[k][1])});
      }
    }
    std::swap(lower, upper);
  }
  if (segments.empty()) return line;

  // Where the level crosses an edge: linear interpolation between its two corners.
  auto crossing = [&](int edge) -> Vec2 {
    const int corner = edge / 2, i = corner % nx, j = corner / nx;
    const bool vertical = edge % 2 == 1;
    const int i2 = vertical ? i : i + 1, j2 = vertical ? j + 1 : j;
    const double a = field.at(i, j), b = field.at(i2, j2);
    const double t = a == b ? 0.5 : std::clamp((level - a) / (b - a), 0.0, 1.0);
    return {field.x(i) + t * (field.x(i2) - field.x(i)),
            field.y(j) + t * (field.y(j2) - field.y(j))};
  };

  // Each edge is shared by at most two segments (the two cells beside it).
  for (int s = 0; s < static_cast<int>(segments.size()); ++s) {
    for (int e : {segments[s].a, segments[s].b}) {
      auto& slot = at_edge[e];
      (slot[0] < 0 ? slot[0] : slot[1]) = s;
    }
  }
  std::vector<char> used(segments.size(), 0);
  auto other = [&](int e, int s) {
    const auto& slot = at_edge[e];
    return slot[0] == s ? slot[1] : slot[0];
  };
  // Walks from segment s, entering through edge `from`, until the chain ends or closes.
  auto walk = [&](int s, int from, Polyline& pl) {
    pl.points.push_back(crossing(from));
    int e = from;
    while (s >= 0 && !used[s]) {
      used[s] = 1;
      e = segments[s].a == e ? segments[s].b : segments[s].a;
      pl.points.push_back(crossing(e));
      s = other(e, s);
    }
    return e;
  };
  // Open chains first (they start at an edge with a single segment), then the closed loops.
  for (int pass = 0; pass < 2; ++pass) {
    for (int s = 0; s < static_cast<int>(segments.size()); ++s) {
      if (used[s]) continue;
      int start = segments[s].a;
      if (pass == 0) {
        if (other(segments[s].a, s) < 0) {
          start = segments[s].a;
        } else if (other(segments[s].b, s) < 0) {
          start = segments[s].b;
        } else {
          continue;
        }
      }
      Polyline pl;
      const int end = walk(s, start, pl);
      pl.closed = pass == 1 && end == start;
      line.polylines.push_back(std::move(pl));
    }
  }
  for (const Segment& seg : segments) at_edge[seg.a] = at_edge[seg.b] = {-1, -1};
  return line;
}

std::vector<std::array<int, 2>> edgeScratch(const ScalarField& field) {
  if (field.empty()) return {};
  return std::vector<std::array<int, 2>>(static_cast<std::size_t>(2) * field.nx * field.ny,
                                         {-1, -1});
}

}  // namespace

IsoLine isoLine(const ScalarField& field, double level) {
  std::vector<std::array<int, 2>> scratch = edgeScratch(field);
  return isoLineWithScratch(field, level, scratch);
}

std::vector<IsoLine> isoLines(const ScalarField& field, const std::vector<double>& levels) {
  std::vector<IsoLine> lines;
  lines.reserve(levels.size());
  std::vector<std::array<int, 2>> scratch = edgeScratch(field);
  for (double level : levels) lines.push_back(isoLineWithScratch(field, level, scratch));
  return lines;
}

std::vector<double> linearLevels(double min, double max, int n) {
  std::vector<double> levels;
  if (n < 1 || !(max > min) || !std::isfinite(max - min)) return levels;
  for (int k = 1; k <= n; ++k) levels.push_back(min + k * (max - min) / (n + 1));
  return levels;
}

std::vector<double> logLevels(double min, double max, int n, double eps) {
  std::vector<double> levels;
  if (n < 1 || !(max > min) || !std::isfinite(max - min)) return levels;
  if (!(eps > 0)) eps = 1e-3 * (max - min);
  const double r = (max - min + eps) / eps;
  for (int k = 1; k <= n; ++k) {
    levels.push_back(min - eps + eps * std::pow(r, static_cast<double>(k) / (n + 1)));
  }
  return levels;
}

}  // namespace gradlab
