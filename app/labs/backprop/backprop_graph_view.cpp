// The computational-graph view. See backprop_graph_view.h.
#include "app/labs/backprop/backprop_graph_view.h"

#include <algorithm>
#include <cmath>

#include "core/text_format.h"

namespace gradlab {
namespace {

constexpr ImU32 kHighlight = IM_COL32(240, 150, 30, 255);

ImU32 styleColor(ImGuiCol col, float alpha = 1) {
  ImVec4 c = ImGui::GetStyleColorVec4(col);
  c.w *= alpha;
  return ImGui::ColorConvertFloat4ToU32(c);
}

// Fills by node kind, soft enough for the theme's text on top.
ImU32 nodeFill(const GraphNode& n, Theme theme) {
  const bool dark = theme == Theme::Dark;
  switch (n.kind) {
    case NodeKind::Input:
      return dark ? IM_COL32(32, 62, 98, 255) : IM_COL32(214, 230, 248, 255);
    case NodeKind::Constant:
      return dark ? IM_COL32(52, 52, 56, 255) : IM_COL32(232, 232, 232, 255);
    case NodeKind::SoftmaxLoss:
      return dark ? IM_COL32(78, 44, 92, 255) : IM_COL32(236, 220, 244, 255);
    default:
      return dark ? IM_COL32(40, 72, 56, 255) : IM_COL32(218, 240, 226, 255);
  }
}

// A relu whose input is not positive passes no gradient back: drawn dimmed and labelled.
bool isDeadRelu(const BackpropLab& lab, int i) {
  const GraphNode& n = lab.graph.nodes[std::size_t(i)];
  return n.kind == NodeKind::Op && n.op == ExprOp::Relu &&
         !(lab.pass.values[std::size_t(n.inputs[0])] > 0);
}

std::string derivativeName(const BackpropLab& lab, int i) {
  return "\xe2\x88\x82" + lab.graph.nodes.back().name + "/\xe2\x88\x82" +
         lab.graph.nodes[std::size_t(i)].name;  // ∂e/∂c
}

}  // namespace

std::vector<std::string> nodeBoxLines(const BackpropLab& lab, int i) {
  const GraphNode& n = lab.graph.nodes[std::size_t(i)];
  std::vector<std::string> lines;
  std::string title = n.name;
  if (n.kind == NodeKind::Input) title += "  (input)";
  if (n.kind == NodeKind::Constant) title = "constant";
  if (!n.label.empty()) title += "  " + n.label;
  lines.push_back(title);
  lines.push_back("= " + formatNodeNumber(lab.pass.values[std::size_t(i)]));
  lines.push_back(derivativeName(lab, i) + " = " +
                  formatNodeNumber(lab.pass.adjoints[std::size_t(i)]));
  const std::vector<double>& p = lab.pass.softmax[std::size_t(i)];
  if (!p.empty()) {
    std::string text = "p = (";
    for (std::size_t k = 0; k < p.size(); ++k) text += (k ? ", " : "") + formatNodeNumber(p[k]);
    lines.push_back(text + ")");
  }
  if (isDeadRelu(lab, i)) lines.push_back("dead: relu' = 0");
  return lines;
}

std::string edgeText(const BackpropLab& lab, const GraphEdge& e) {
  const GraphNode& to = lab.graph.nodes[std::size_t(e.to)];
  if (to.kind == NodeKind::WeightedSum)
    return "w " + formatNodeNumber(e.local) + "  \xe2\x88\x87 " +
           formatNodeNumber(e.weight_gradient);  // ∇
  return "\xc3\x97" + formatNodeNumber(e.local) + " \xe2\x86\x90 " +
         formatNodeNumber(e.carried);  // ×1 ← 2
}

int drawGraphView(const BackpropLab& lab, GraphView& view, ImVec2 size, Theme theme) {
  view.drawn = false;
  view.boxes.clear();
  const int count = int(lab.graph.nodes.size());
  view.truncated = count > kGraphViewMaxNodes;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("##graph", size);
  const bool clicked = ImGui::IsItemClicked(ImGuiMouseButton_Left);
  const bool hovered = ImGui::IsItemHovered();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  if (view.truncated) {
    draw->AddText(ImVec2(origin.x + 8, origin.y + 8), styleColor(ImGuiCol_Text),
                  formatText("This graph has %d nodes; the view draws at most %d. Its gradient is "
                             "checked below.",
                             count, kGraphViewMaxNodes)
                      .c_str());
    return -1;
  }

  // Sizes at full text size: boxes as wide as the widest line, columns as far apart as the
  // widest edge label needs; then one zoom factor makes the whole graph fit the area.
  ImFont* font = ImGui::GetFont();
  const float full = ImGui::GetFontSize();
  float text_w = full * 5, label_w = 0;
  std::size_t max_lines = 3;
  std::vector<std::vector<std::string>> lines(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) {
    lines[std::size_t(i)] = nodeBoxLines(lab, i);
    max_lines = std::max(max_lines, lines[std::size_t(i)].size());
    for (const std::string& l : lines[std::size_t(i)])
      text_w = std::max(text_w, font->CalcTextSizeA(full, 1e9f, 0, l.c_str()).x);
  }
  std::vector<std::string> labels;
  float selected_label_w = 0;  // the highlighted node's outgoing edges' widest label
  for (const GraphEdge& e : lab.pass.edges) {
    labels.push_back(edgeText(lab, e));
    const float w = font->CalcTextSizeA(full, 1e9f, 0, labels.back().c_str()).x;
    label_w = std::max(label_w, w);
    if (e.from == lab.selected) selected_label_w = std::max(selected_label_w, w);
  }
  const GraphLayering layers = layerGraph(lab.graph);
  const int columns = int(layers.column_sizes.size());
  const int tallest = *std::max_element(layers.column_sizes.begin(), layers.column_sizes.end());
  const float line_full = ImGui::GetTextLineHeight();
  const float box_w_full = text_w + full * 0.9f;
  const float box_h_full = float(max_lines) * line_full + full * 0.9f;
  const float need_w = float(columns) * box_w_full + float(columns - 1) * (label_w + full);
  const float need_h = float(tallest) * box_h_full + float(tallest - 1) * full;
  // Text below 0.55 of the UI's (9 pixels at UI scale 1) is not readable. A fixed 9 pixels made
  // the floor 0.35 at UI scale 2, a projector's: 10-pixel numbers on a 1600-pixel screen.
  const float min_zoom = 0.55f;
  float zoom = std::min(size.x / need_w, size.y / need_h);
  if (zoom < min_zoom) {
    // Even the smallest text leaves no room for every edge label: the graph is fitted without
    // them (only the highlighted node's edges keep theirs), so no box is cut off.
    // The columns stay as far apart as those labels need; one line under the graph says so.
    const float bare_w =
        float(columns) * box_w_full + float(columns - 1) * (selected_label_w + full);
    zoom = std::min(size.x / bare_w, (size.y - line_full) / need_h);
  }
  zoom = std::clamp(zoom, min_zoom, 1.0f);
  const float fs = full * zoom, pad = fs * 0.45f, line_h = line_full * zoom;
  const float box_w = box_w_full * zoom, box_h = box_h_full * zoom;
  // Too narrow even zoomed out: only the highlighted edges keep their labels.
  const bool all_labels = need_w * zoom <= size.x + 0.5f;
  const float note_h = all_labels ? 0 : line_h;  // the line that says so
  const std::vector<NodeBox> boxes =
      placeGraph(lab.graph, origin.x + pad, origin.y + pad, size.x - 2 * pad,
                 size.y - 2 * pad - note_h, box_w, box_h, fs * 1.2f);
  view.boxes = boxes;
  draw->PushClipRect(origin, ImVec2(origin.x + size.x, origin.y + size.y), true);

  // Edges first, under the boxes; the selected node's outgoing edges last, on top.
  const float scale = fs / 15.0f;
  std::vector<int> order;
  for (int k = 0; k < int(lab.pass.edges.size()); ++k)
    if (lab.pass.edges[std::size_t(k)].from != lab.selected) order.push_back(k);
  for (int k = 0; k < int(lab.pass.edges.size()); ++k)
    if (lab.pass.edges[std::size_t(k)].from == lab.selected) order.push_back(k);
  for (int k : order) {
    const GraphEdge& e = lab.pass.edges[std::size_t(k)];
    const NodeBox& a = boxes[std::size_t(e.from)];
    const NodeBox& b = boxes[std::size_t(e.to)];
    const bool highlight = e.from == lab.selected;
    const ImVec2 p0(float(a.x + a.w), float(a.y + a.h / 2));
    const ImVec2 p1(float(b.x), float(b.y + b.h / 2));
    const bool dead = e.local == 0;
    const ImU32 color = highlight ? kHighlight : styleColor(ImGuiCol_Text, dead ? 0.25f : 0.55f);
    draw->AddLine(p0, p1, color, (highlight ? 3.0f : 1.5f) * scale);
  }
  // Edge labels after every line, so no line crosses a label; where several edges meet a node
  // the label sits three quarters of the way to it, where edges into different nodes are apart.
  // The highlighted node's come after the boxes: where the columns are close they overlap one.
  const auto drawEdgeLabel = [&](int k) {
    const GraphEdge& e = lab.pass.edges[std::size_t(k)];
    const bool highlight = e.from == lab.selected;
    const NodeBox& a = boxes[std::size_t(e.from)];
    const NodeBox& b = boxes[std::size_t(e.to)];
    const std::string& text = labels[std::size_t(k)];
    const ImVec2 ts = font->CalcTextSizeA(fs, 1e9f, 0, text.c_str());
    const float t = lab.graph.nodes[std::size_t(e.to)].inputs.size() > 1 ? 0.72f : 0.5f;
    const float x0 = float(a.x + a.w), x1 = float(b.x);
    const float cx = x0 + (x1 - x0) * t;
    const float cy = float(a.y + a.h / 2 + (b.y - a.y) * t);
    const float lx = std::clamp(cx - ts.x / 2, x0 + 2, std::max(x0 + 2, x1 - ts.x - 2));
    const ImVec2 tl(lx, cy - ts.y / 2), br(lx + ts.x, cy + ts.y / 2);
    draw->AddRectFilled(ImVec2(tl.x - 2, tl.y - 1), ImVec2(br.x + 2, br.y + 1),
                        styleColor(ImGuiCol_WindowBg), 3);
    if (highlight)
      draw->AddRect(ImVec2(tl.x - 2, tl.y - 1), ImVec2(br.x + 2, br.y + 1), kHighlight, 3);
    draw->AddText(font, fs, tl, highlight ? kHighlight : styleColor(ImGuiCol_Text, 0.9f),
                  text.c_str());
  };
  for (int k : order)
    if (all_labels && lab.pass.edges[std::size_t(k)].from != lab.selected) drawEdgeLabel(k);
  // Boxes.
  int hovered_node = -1;
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  for (int i = 0; i < count; ++i) {
    const NodeBox& nb = boxes[std::size_t(i)];
    const ImVec2 tl(float(nb.x), float(nb.y)), br(float(nb.x + nb.w), float(nb.y + nb.h));
    const bool dead = isDeadRelu(lab, i);
    draw->AddRectFilled(tl, br, nodeFill(lab.graph.nodes[std::size_t(i)], theme), 5 * zoom);
    const bool selected = i == lab.selected;
    draw->AddRect(tl, br, selected ? kHighlight : styleColor(ImGuiCol_Border, dead ? 0.5f : 1),
                  5 * zoom, 0, (selected ? 3.0f : 1.0f) * scale);
    for (std::size_t l = 0; l < lines[std::size_t(i)].size(); ++l) {
      const float alpha = dead ? 0.6f : (l == 0 ? 1.0f : 0.92f);
      draw->AddText(font, fs, ImVec2(tl.x + pad, tl.y + pad + float(l) * line_h),
                    styleColor(ImGuiCol_Text, alpha), lines[std::size_t(i)][l].c_str());
    }
    if (hovered && mouse.x >= tl.x && mouse.x < br.x && mouse.y >= tl.y && mouse.y < br.y)
      hovered_node = i;
  }
  for (int k : order)
    if (lab.pass.edges[std::size_t(k)].from == lab.selected) drawEdgeLabel(k);
  if (!all_labels) {
    draw->AddText(font, fs, ImVec2(origin.x + pad, origin.y + size.y - line_h - pad),
                  styleColor(ImGuiCol_Text, 0.6f),
                  "edge labels shown for the highlighted node only: widen the window for all");
  }
  draw->PopClipRect();
  view.drawn = true;
  if (hovered_node >= 0) {
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(adjointSumText(lab, hovered_node).c_str());
    ImGui::TextDisabled("click to highlight the edges this sum comes from");
    ImGui::EndTooltip();
  }
  return clicked ? hovered_node : -1;
}

}  // namespace gradlab
