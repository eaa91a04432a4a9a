// The Backprop lab's controls column and its G4 panel. See backprop_lab_ui.h.
#include <imgui.h>

#include <cstdio>
#include <cstring>
#include <string>

#include "app/labs/backprop/backprop_lab_ui.h"
#include "app/ui_widgets.h"
#include "core/text_format.h"

namespace gradlab {
namespace {

constexpr const char* kNumberFormat = "%.6g";
const ImVec4 kErrorColor(0.95f, 0.55f, 0.2f, 1);

void disabledWrapped(const char* text) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("%s", text);
  ImGui::PopStyleColor();
}

bool inputRow(const char* id, double* values, int count) {
  ImGui::SetNextItemWidth(-1);
  return ImGui::InputScalarN(id, ImGuiDataType_Double, values, count, nullptr, nullptr,
                             kNumberFormat);
}

void drawG2Controls(BackpropLab& lab) {
  double ab[2] = {lab.scene.a, lab.scene.b};
  ImGui::TextUnformatted("inputs a, b");
  if (inputRow("##ab", ab, 2)) setG2Inputs(lab, ab[0], ab[1]);
  ImGui::TextWrapped(
      "c = a + b and d = b + 1 both read b, so de/db is the sum of what the two "
      "paths carry back: d (through c) + c (through d).");
}

void drawG1Controls(BackpropLab& lab, BackpropLabView& view) {
  NetworkG1 net = lab.scene.network;
  bool changed = false;
  ImGui::TextUnformatted("input x");
  changed |= inputRow("##x", net.x, 3);
  ImGui::TextUnformatted("W1 (rows: z1, z2)");
  changed |= inputRow("##w1r0", net.w1[0], 3);
  changed |= inputRow("##w1r1", net.w1[1], 3);
  ImGui::TextUnformatted("W2 (rows: o1, o2)");
  changed |= inputRow("##w2r0", net.w2[0], 2);
  changed |= inputRow("##w2r1", net.w2[1], 2);
  if (changed) view.edit_error = setNetwork(lab, net);
  ImGui::TextUnformatted("true class y");
  ImGui::SameLine();
  int label = lab.scene.network.label;
  bool picked = ImGui::RadioButton("0##label", &label, 0);
  ImGui::SameLine();
  picked |= ImGui::RadioButton("1##label", &label, 1);
  if (picked) setLabel(lab, label);
  ImGui::SameLine();
  HelpMarker(
      "The loss is the softmax cross-entropy -log p_y. With y = 0 the network is already "
      "right (p_0 ~ 1) and every gradient is ~1e-16; pick y = 1 to see large gradients.");

  ImGui::Spacing();
  double eta = lab.scene.step_size;
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
  if (ImGui::InputDouble("step size", &eta, 0, 0, kNumberFormat))
    view.edit_error = setStepSize(lab, eta);
  if (ImGui::Button("Gradient step")) takeGradientStep(lab);
  SameLineIfFits(ImGui::CalcTextSize("Reset weights").x + ImGui::GetStyle().FramePadding.x * 2);
  if (ImGui::Button("Reset weights")) resetNetworkWeights(lab);
  if (!lab.loss_history.empty()) {
    const std::vector<double>& h = lab.loss_history;
    ImGui::TextWrapped("%d step(s): L %s -> %s", int(h.size()) - 1,
                       formatNodeNumber(h.front()).c_str(), formatNodeNumber(h.back()).c_str());
  }
  disabledWrapped("W <- W - step size * dL/dW (the edges' \xe2\x88\x87)");
}

void drawTypedControls(BackpropLab& lab, BackpropLabView& view) {
  if (view.expression_synced < 0) {
    std::snprintf(view.expression, sizeof view.expression, "%s", lab.expression_text.c_str());
    view.expression_synced = 0;
  }
  ImGui::TextUnformatted("f(x, y) =");
  ImGui::SetNextItemWidth(-1);
  if (ImGui::InputText("##expr", view.expression, sizeof view.expression))
    typeExpression(lab, view.expression);
  if (ImGui::IsItemDeactivated()) commitExpression(lab);
  if (!lab.expression_error.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, kErrorColor);
    ImGui::TextWrapped("%s (the graph shows the last formula that compiled)",
                       lab.expression_error.c_str());
    ImGui::PopStyleColor();
  }
  double at[2] = {lab.scene.x, lab.scene.y};
  ImGui::TextUnformatted("at (x, y)");
  if (inputRow("##at", at, 2)) setPoint(lab, at[0], at[1]);
  ImGui::Spacing();
  const Vec2 graph = expressionGraphGradient(lab.graph, lab.pass);
  ImGui::TextWrapped(
      "graph (reverse mode): \xe2\x88\x87"
      "f = (%s, %s)",
      formatNodeNumber(graph(0)).c_str(), formatNodeNumber(graph(1)).c_str());
  ImGui::TextWrapped("compiler (forward-mode duals): (%s, %s)",
                     formatNodeNumber(lab.compiler_gradient(0)).c_str(),
                     formatNodeNumber(lab.compiler_gradient(1)).c_str());
  ImGui::TextDisabled("largest difference: %.3g", compilerDifference(lab));
}

// G3's logits and true class (the plot moves the true class's logit, the others stay).
void drawCrossEntropyControls(BackpropLab& lab, BackpropLabView& view) {
  std::vector<double> logits = lab.scene.logits;
  int label = lab.scene.g3_label;
  ImGui::TextUnformatted("G3: logits f (the plot moves f_y)");
  bool changed = inputRow("##logits", logits.data(), int(logits.size()));
  ImGui::TextUnformatted("y =");
  for (int k = 0; k < int(logits.size()); ++k) {
    ImGui::SameLine();
    const std::string id = std::to_string(k) + "##g3label";
    changed |= ImGui::RadioButton(id.c_str(), &label, k);
  }
  if (changed) view.edit_error = setG3(lab, logits, label);
}

}  // namespace

void drawBackpropControls(BackpropLab& lab, BackpropLabView& view) {
  ImGui::TextUnformatted("Graph");
  int choice = int(lab.scene.graph);
  bool picked = false;
  picked |= ImGui::RadioButton("G2: e = (a + b)(b + 1)", &choice, int(GraphChoice::G2));
  picked |= ImGui::RadioButton("G1: 3-2-2 ReLU network", &choice, int(GraphChoice::G1));
  picked |= ImGui::RadioButton("a typed formula", &choice, int(GraphChoice::Typed));
  if (picked) setGraphChoice(lab, GraphChoice(choice));
  ImGui::Separator();
  switch (lab.scene.graph) {
    case GraphChoice::G2:
      drawG2Controls(lab);
      break;
    case GraphChoice::G1:
      drawG1Controls(lab, view);
      break;
    case GraphChoice::Typed:
      drawTypedControls(lab, view);
      break;
  }
  if (!view.edit_error.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, kErrorColor);
    ImGui::TextWrapped("%s", view.edit_error.c_str());
    ImGui::PopStyleColor();
  }
  ImGui::Separator();
  drawCrossEntropyControls(lab, view);
  ImGui::Separator();
  if (lab.selected >= 0) {
    ImGui::TextUnformatted("Adjoint of the highlighted node:");
    ImGui::TextWrapped("%s", adjointSumText(lab, lab.selected).c_str());
  } else {
    disabledWrapped("Click a node: its adjoint is written as the sum over its paths.");
  }
}

void drawMatrixGradientPanel(BackpropLab& lab, BackpropLabView& view) {
  ImGui::TextWrapped("G4: f(W) = sum_i g(w_i^T z) has the gradient g'(Wz) z^T, an outer product");
  BackpropScene s = lab.scene;
  bool changed = false;
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
  if (ImGui::BeginCombo("g", activationInfo(s.g).name)) {
    for (const ActivationInfo& info : activationTable()) {
      if (ImGui::Selectable(info.name, info.id == s.g)) {
        s.g = info.id;
        changed = true;
      }
    }
    ImGui::EndCombo();
  }
  double row0[3] = {s.w(0, 0), s.w(0, 1), s.w(0, 2)}, row1[3] = {s.w(1, 0), s.w(1, 1), s.w(1, 2)};
  double z[3] = {s.z(0), s.z(1), s.z(2)};
  ImGui::TextUnformatted("W");
  changed |= inputRow("##g4w0", row0, 3);
  changed |= inputRow("##g4w1", row1, 3);
  ImGui::TextUnformatted("z");
  changed |= inputRow("##g4z", z, 3);
  if (changed) {
    for (int j = 0; j < 3; ++j) {
      s.w(0, j) = row0[j];
      s.w(1, j) = row1[j];
      s.z(j) = z[j];
    }
    view.edit_error = setG4(lab, s.w, s.z, s.g);
  }
  // One row per row of W: the outer product above, central differences below, column by column.
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp;
  if (ImGui::BeginTable("g4table", 4, flags)) {
    ImGui::TableSetupColumn("df/dW");
    for (const char* col : {"j = 1", "j = 2", "j = 3"}) ImGui::TableSetupColumn(col);
    ImGui::TableHeadersRow();
    for (int block = 0; block < 2; ++block) {
      const Eigen::MatrixXd& m = block == 0 ? lab.g4_gradient : lab.g4_finite_difference;
      for (int i = 0; i < 2; ++i) {
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::Text(block == 0 ? "outer product, row %d" : "finite diff., row %d", i + 1);
        for (int j = 0; j < 3; ++j) {
          ImGui::TableSetColumnIndex(1 + j);
          ImGui::Text("%.6f", m(i, j));
        }
      }
    }
    ImGui::EndTable();
  }
  ImGui::TextDisabled("central differences with h = 1e-6; largest difference: %.2g",
                      (lab.g4_gradient - lab.g4_finite_difference).cwiseAbs().maxCoeff());
}

}  // namespace gradlab
