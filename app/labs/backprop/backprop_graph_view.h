// The computational-graph view: node boxes (name and operation, forward value, adjoint) and
// edges (local derivative or weight, and the adjoint each carries back), drawn with ImGui's draw
// list in a layered layout (core/graph_layout.h). The selected node's outgoing edges are
// highlighted: their carried adjoints are the terms of its sum (G2: both paths into b).
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

#include "app/labs/backprop/backprop_lab.h"
#include "app/theme.h"
#include "core/graph_layout.h"

namespace gradlab {

struct GraphView {
  std::vector<NodeBox> boxes;  // this frame's node boxes in screen pixels (render --report)
  bool drawn = false;
  bool truncated = false;  // the graph has more nodes than the view draws
};

constexpr int kGraphViewMaxNodes = 40;  // larger typed graphs: values listed, not drawn

// The text lines of node i's box: "c  +", "= 3", "∂e/∂c = 2" (and softmax's "p = (...)").
std::vector<std::string> nodeBoxLines(const BackpropLab& lab, int node);
// The text an edge carries: "×1 ← 2" (local derivative, carried adjoint) or, on a weighted edge,
// "w 2  ∇ 12" (the weight and dL/dw).
std::string edgeText(const BackpropLab& lab, const GraphEdge& edge);

// Draws the graph into a region of `size` at the cursor; returns the node clicked (-1 none).
int drawGraphView(const BackpropLab& lab, GraphView& view, ImVec2 size, Theme theme);

}  // namespace gradlab
