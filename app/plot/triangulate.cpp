// Ear-clipping triangulation.
#include "app/plot/triangulate.h"

namespace gradlab::plot {

namespace {

double Cross(const Point& a, const Point& b, const Point& c) {
  return (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
}

bool InTriangle(const Point& p, const Point& a, const Point& b, const Point& c) {
  const double d1 = Cross(a, b, p), d2 = Cross(b, c, p), d3 = Cross(c, a, p);
  const bool neg = d1 < 0 || d2 < 0 || d3<0, pos = d1> 0 || d2 > 0 || d3 > 0;
  return !(neg && pos);
}

}  // namespace

std::vector<std::array<int, 3>> TriangulatePolygon(const std::vector<Point>& pts) {
  std::vector<std::array<int, 3>> tris;
  const int n = static_cast<int>(pts.size());
  if (n < 3) return tris;
  double area2 = 0;  // twice the signed area: its sign is the orientation
  for (int i = 0; i < n; ++i) {
    const Point& a = pts[i];
    const Point& b = pts[(i + 1) % n];
    area2 += a.x * b.y - b.x * a.y;
  }
  const double orient = area2 >= 0 ? 1 : -1;
  std::vector<int> left(n);
  for (int i = 0; i < n; ++i) left[i] = i;
  int guard = 0;
  std::size_t i = 0;
  while (left.size() > 3 && guard < 2 * n * n) {
    ++guard;
    const std::size_t m = left.size();
    const int ia = left[(i + m - 1) % m], ib = left[i % m], ic = left[(i + 1) % m];
    const Point &a = pts[ia], &b = pts[ib], &c = pts[ic];
    const double turn = orient * Cross(a, b, c);
    if (turn == 0) {  // b lies on a-c: drop it, it adds no area
      left.erase(left.begin() + static_cast<long>(i % m));
      if (i >= left.size()) i = 0;
      continue;
    }
    bool ear = turn > 0;
    for (std::size_t k = 0; ear && k < m; ++k) {
      const int q = left[k];
      if (q != ia && q != ib && q != ic && InTriangle(pts[q], a, b, c)) ear = false;
    }
    if (ear) {
      tris.push_back({ia, ib, ic});
      left.erase(left.begin() + static_cast<long>(i % m));
    } else {
      ++i;
    }
    if (i >= left.size()) i = 0;
  }
  if (left.size() == 3) tris.push_back({left[0], left[1], left[2]});
  return tris;
}

}  // namespace gradlab::plot
