// Where a computational graph's nodes are drawn: a layered layout, inputs on the left and the
// output on the right, with no two boxes overlapping.
#pragma once

#include <vector>

#include "core/graph.h"

namespace gradlab {

// A node's column (its longest path from a leaf) and its row within the column.
struct GraphLayering {
  std::vector<int> column, row;
  std::vector<int> column_sizes;  // nodes per column
};

// Leaves in column 0, every other node one column right of its rightmost input. Within a column
// nodes are ordered by the mean row of their inputs (the barycentre heuristic: fewer crossings),
// leaves in graph order.
GraphLayering layerGraph(const Graph& graph);

struct NodeBox {
  double x = 0, y = 0, w = 0, h = 0;  // top-left corner and size
};

// Boxes of size box_w x box_h for every node in the area (x0, y0, width, height): columns spread
// evenly across the width, each column's rows evenly down the height and centred. When the area
// is too small, boxes keep their size and a minimum gap (gap) and the layout grows beyond it, so
// boxes never overlap.
std::vector<NodeBox> placeGraph(const Graph& graph, double x0, double y0, double width,
                                double height, double box_w, double box_h, double gap);

// True when two boxes share interior points.
bool boxesOverlap(const NodeBox& a, const NodeBox& b);

}  // namespace gradlab
