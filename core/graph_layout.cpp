// The layered graph layout. See graph_layout.h.
#include "core/graph_layout.h"

#include <algorithm>
#include <numeric>

namespace gradlab {

GraphLayering layerGraph(const Graph& graph) {
  const std::size_t count = graph.nodes.size();
  GraphLayering layers;
  layers.column.assign(count, 0);
  layers.row.assign(count, 0);
  int columns = 0;
  for (std::size_t i = 0; i < count; ++i) {
    for (int in : graph.nodes[i].inputs)
      layers.column[i] = std::max(layers.column[i], layers.column[std::size_t(in)] + 1);
    columns = std::max(columns, layers.column[i] + 1);
  }
  // A formula's constant sits just left of its first reader, not far away in column 0.
  std::vector<int> first_reader(count, columns);
  for (std::size_t i = 0; i < count; ++i)
    for (int in : graph.nodes[i].inputs)
      first_reader[std::size_t(in)] = std::min(first_reader[std::size_t(in)], layers.column[i]);
  for (std::size_t i = 0; i < count; ++i)
    if (graph.nodes[i].kind == NodeKind::Constant && first_reader[i] < columns)
      layers.column[i] = std::max(0, first_reader[i] - 1);
  layers.column_sizes.assign(std::size_t(columns), 0);
  // Column by column, left to right: order by the inputs' mean row (ties in graph order).
  for (int c = 0; c < columns; ++c) {
    std::vector<int> members;
    std::vector<double> key(count, 0);
    for (std::size_t i = 0; i < count; ++i) {
      if (layers.column[i] != c) continue;
      members.push_back(int(i));
      const std::vector<int>& inputs = graph.nodes[i].inputs;
      if (inputs.empty()) {
        // Inputs in graph order at the top; constants below the column's operations.
        const bool constant = graph.nodes[i].kind == NodeKind::Constant && c > 0;
        key[i] = (constant ? 1e9 : 0) + double(members.size());
        continue;
      }
      double sum = 0;
      for (int in : inputs) sum += layers.row[std::size_t(in)];
      key[i] = sum / double(inputs.size());
    }
    std::stable_sort(members.begin(), members.end(),
                     [&](int a, int b) { return key[std::size_t(a)] < key[std::size_t(b)]; });
    for (std::size_t r = 0; r < members.size(); ++r) layers.row[std::size_t(members[r])] = int(r);
    layers.column_sizes[std::size_t(c)] = int(members.size());
  }
  return layers;
}

std::vector<NodeBox> placeGraph(const Graph& graph, double x0, double y0, double width,
                                double height, double box_w, double box_h, double gap) {
  const GraphLayering layers = layerGraph(graph);
  const int columns = int(layers.column_sizes.size());
  const int tallest =
      columns == 0 ? 0 : *std::max_element(layers.column_sizes.begin(), layers.column_sizes.end());
  // Column pitch and row pitch: spread over the area, never closer than a box plus the gap.
  const double pitch_x =
      columns > 1 ? std::max(box_w + gap, (width - box_w) / double(columns - 1)) : 0;
  const double pitch_y =
      tallest > 1
          ? std::max(box_h + gap, std::min((height - box_h) / double(tallest - 1), box_h * 2.2))
          : 0;
  std::vector<NodeBox> boxes(graph.nodes.size());
  const double used_w = columns > 1 ? pitch_x * (columns - 1) + box_w : box_w;
  const double left = x0 + std::max(0.0, (width - used_w) / 2);
  for (std::size_t i = 0; i < boxes.size(); ++i) {
    const int c = layers.column[i];
    const int size = layers.column_sizes[std::size_t(c)];
    const double column_h = pitch_y * (size - 1) + box_h;
    const double top = y0 + std::max(0.0, (height - column_h) / 2);
    boxes[i] = {left + pitch_x * c, top + pitch_y * layers.row[i], box_w, box_h};
  }
  return boxes;
}

bool boxesOverlap(const NodeBox& a, const NodeBox& b) {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

}  // namespace gradlab
