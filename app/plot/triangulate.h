// Triangulation of simple polygons (ImDrawList fills only convex shapes; SVG needs none of it).
#pragma once

#include <array>
#include <vector>

#include "app/plot/axes.h"

namespace gradlab::plot {

// Ear clipping (O(n^2), fine for the few hundred vertices of a plot polygon). Works for simple
// polygons of either orientation; returns n - 2 triangles as vertex indices, or fewer when the
// polygon is degenerate or self-intersecting (what could be cut is returned).
std::vector<std::array<int, 3>> TriangulatePolygon(const std::vector<Point>& pts);

}  // namespace gradlab::plot
