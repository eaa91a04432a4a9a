// The Network lab's ImGui views. Every change goes through the lab's logic (network_lab.h), which
// recomputes what it invalidates in the same frame.
#include "app/labs/networks/network_lab_ui.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "app/labs/networks/network_figures.h"
#include "app/plot/plot_imgui.h"
#include "app/ui_widgets.h"

namespace gradlab {
namespace {

const ImVec4 kGood(0.35f, 0.80f, 0.45f, 1.0f);
const ImVec4 kBad(0.95f, 0.40f, 0.35f, 1.0f);

ImVec4 toImVec4(plot::Color c) {
  return ImVec4(c.r, c.g, c.b, c.a);
}

void sectionHeader(const char* text) {
  ImGui::Spacing();
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(text);
  ImGui::PopTextWrapPos();
  ImGui::Separator();
}

// A combo of every activation; true when one was picked.
bool activationCombo(const char* id, Activation* a) {
  bool changed = false;
  if (ImGui::BeginCombo(id, activationInfo(*a).display_name)) {
    for (const ActivationInfo& info : activationTable()) {
      if (ImGui::Selectable(info.display_name, info.id == *a)) {
        *a = info.id;
        changed = true;
      }
    }
    ImGui::EndCombo();
  }
  return changed;
}

// An int slider with a "-" and "+" beside it (exact steps on a projector).
bool stepperInt(const char* label, int* value, int lo, int hi) {
  ImGui::PushID(label);
  bool changed = false;
  if (ImGui::Button("-") && *value > lo) --*value, changed = true;
  ImGui::SameLine();
  if (ImGui::Button("+") && *value < hi) ++*value, changed = true;
  ImGui::SameLine();
  // The slider takes what the label leaves: a long label is never clipped at the panel's edge.
  const float label_w = ImGui::CalcTextSize(label).x + ImGui::GetStyle().ItemSpacing.x;
  ImGui::SetNextItemWidth(
      std::max(ImGui::GetContentRegionAvail().x - label_w, ImGui::GetFontSize() * 3));
  changed |= ImGui::SliderInt("##slider", value, lo, hi, "%d", ImGuiSliderFlags_AlwaysClamp);
  ImGui::SameLine();
  ImGui::TextUnformatted(label);
  ImGui::PopID();
  return changed;
}

void drawRows(NetworkLab& lab) {
  sectionHeader("The homework's random networks (B1)");
  ImGui::TextDisabled("Rows: activations");
  const float h = ImGui::GetFrameHeight();
  for (int r = 0; r < networkRows(lab); ++r) {
    ImGui::PushID(r);
    Activation a = lab.scene.activations[std::size_t(r)];
    ImGui::ColorButton("##swatch", toImVec4(networkCurveColor(a)),
                       ImGuiColorEditFlags_NoTooltip | ImGuiColorEditFlags_NoDragDrop,
                       ImVec2(h * 0.6f, h));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.6f);
    if (activationCombo("##activation", &a)) setRowActivation(lab, r, a);
    const ActivationInfo& info = activationInfo(a);
    // The parameter under the first row that uses it (one value per activation).
    bool first = true;
    for (int k = 0; k < r; ++k) first &= lab.scene.activations[std::size_t(k)] != a;
    if (info.param && first) {
      double value = lab.scene.params[int(a)];
      ImGui::Indent();
      ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.5f);
      if (SliderDouble(info.param, &value, info.param_min, info.param_max))
        setActivationParameter(lab, a, value);
      ImGui::Unindent();
    }
    ImGui::PopID();
  }
  int rows = networkRows(lab);
  if (stepperInt("rows", &rows, 1, kNetworkMaxRows)) setRowCount(lab, rows);
}

void drawColumns(NetworkLab& lab) {
  sectionHeader("Columns: weight seeds");
  for (int c = 0; c < networkColumns(lab); ++c) {
    ImGui::PushID(c);
    std::uint64_t seed = lab.scene.seeds[std::size_t(c)];
    const std::uint64_t step = 1;
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.6f);
    char label[32];
    std::snprintf(label, sizeof label, "column %d", c + 1);
    if (ImGui::InputScalar(label, ImGuiDataType_U64, &seed, &step, nullptr, "%llu",
                           ImGuiInputTextFlags_EnterReturnsTrue) ||
        (ImGui::IsItemDeactivatedAfterEdit() && seed != lab.scene.seeds[std::size_t(c)]))
      setColumnSeed(lab, c, seed);
    ImGui::PopID();
  }
  int columns = networkColumns(lab);
  if (stepperInt("columns", &columns, 1, kNetworkMaxColumns)) setColumnCount(lab, columns);
}

void drawShape(NetworkLab& lab) {
  sectionHeader("Network");
  int depth = lab.scene.depth, width = lab.scene.width;
  if (stepperInt("layers", &depth, 1, kNetworkMaxDepth)) setNetworkDepth(lab, depth);
  if (stepperInt("width", &width, 1, kNetworkMaxWidth)) setNetworkWidth(lab, width);
  int init = lab.scene.init == MlpInit::StandardNormal ? 0 : 1;
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.6f);
  if (ImGui::Combo("init", &init, "N(0, 1)\0PyTorch nn.Linear\0"))
    setNetworkInit(lab, init == 0 ? MlpInit::StandardNormal : MlpInit::TorchDefault);
  ImGui::SameLine();
  HelpMarker(
      "N(0, 1): every weight and bias a standard normal (torch.randn).\n"
      "PyTorch nn.Linear: U(-1/sqrt(fan_in), 1/sqrt(fan_in)) for weights and biases\n"
      "(kaiming_uniform with a = sqrt(5)). Same seed, same weights, on every machine.");
  bool bias = lab.scene.bias, out = lab.scene.activate_output;
  if (ImGui::Checkbox("biases", &bias)) setNetworkBias(lab, bias);
  if (ImGui::Checkbox("activation on the output", &out)) setActivateOutput(lab, out);
}

void drawSweep(NetworkLab& lab, NetworkLabView& view) {
  sectionHeader("What is plotted");
  int input = lab.scene.input + 1, output = lab.scene.output + 1;
  if (stepperInt("input x_i", &input, 1, lab.scene.width)) setSweptInput(lab, input - 1);
  if (stepperInt("output y_j", &output, 1, lab.scene.width)) setPlottedOutput(lab, output - 1);
  double range[2] = {lab.scene.x_min, lab.scene.x_max};
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.6f);
  const double lo = -kNetworkRangeLimit, hi = kNetworkRangeLimit;
  if (ImGui::DragScalarN("sweep", ImGuiDataType_Double, range, 2, 0.05f, &lo, &hi, "%.3g",
                         ImGuiSliderFlags_AlwaysClamp))
    view.range_error = setNetworkRange(lab, range[0], range[1]);
  if (!view.range_error.empty()) ImGui::TextColored(kBad, "%s", view.range_error.c_str());
  if (ImGui::Button("Re-draw the fixed inputs")) redrawFixedInputs(lab);
  ImGui::PushTextWrapPos(0);
  ImGui::TextDisabled("%s", fixedInputsText(lab).c_str());
  // How many kinks each piecewise-linear row has, per column.
  for (int r = 0; r < networkRows(lab); ++r) {
    const Activation a = lab.scene.activations[std::size_t(r)];
    if (!isPiecewiseLinear(a) || a == Activation::Linear) continue;
    std::string counts;
    for (int c = 0; c < networkColumns(lab); ++c)
      counts += (c ? ", " : "") + std::to_string(networkCell(lab, r, c).kinks.size());
    ImGui::TextDisabled("%s kinks (faint lines): %s", activationInfo(a).display_name,
                        counts.c_str());
  }
  ImGui::PopTextWrapPos();
}

void drawColumnPicker(NetworkLab& lab) {
  ImGui::TextUnformatted("weights of column");
  for (int c = 0; c < networkColumns(lab); ++c) {
    ImGui::SameLine();
    char label[16];
    std::snprintf(label, sizeof label, "%d", c + 1);
    if (ImGui::RadioButton(label, lab.scene.linear_column == c)) setLinearColumn(lab, c);
  }
}

void drawLinearPanel(NetworkLab& lab, NetworkLabView& view) {
  sectionHeader("Linear network: M = W_K ... W_1 (B2)");
  drawColumnPicker(lab);
  const LinearAnalysis& a = lab.linear;
  ImGui::PushTextWrapPos(0);
  std::string sv;
  for (Eigen::Index i = 0; i < a.singular_values.size(); ++i) {
    char part[32];
    std::snprintf(part, sizeof part, "%s%.3g", i ? ", " : "", a.singular_values(i));
    sv += part;
  }
  ImGui::Text("singular values of M: %s", sv.c_str());
  ImGui::Text("rank %d of %d (tolerance %.2g)", a.rank, int(a.product.cols()), a.tolerance);
  ImGui::SameLine();
  HelpMarker(
      "Rank: singular values above sigma_max * n * machine epsilon (numpy's matrix_rank).\n"
      "y = M x (+ the biases' offset) is injective iff M has full column rank;\n"
      "for square layers: bijective iff M is invertible iff every W_i is invertible.");
  if (a.square) ImGui::Text("det M = %.4g", a.determinant);
  ImGui::TextColored(a.verdict == LinearVerdict::NotInjective ? kBad : kGood, "verdict: %s",
                     linearVerdictText(a.verdict));
  std::string singular;
  for (std::size_t i = 0; i < a.layers.size(); ++i)
    if (a.layers[i].deficient())
      singular += (singular.empty() ? "" : ", ") + std::string("W") + std::to_string(i + 1) +
                  " (rank " + std::to_string(a.layers[i].rank) + ")";
  if (singular.empty()) {
    ImGui::TextDisabled("every W_i is invertible");
  } else {
    ImGui::TextColored(kBad, "singular: %s", singular.c_str());
  }
  for (const std::string& p : lab.edit_problems) ImGui::TextColored(kBad, "%s", p.c_str());
  ImGui::PopTextWrapPos();

  view.edit_layer = std::clamp(view.edit_layer, 0, lab.scene.depth - 1);
  view.edit_row = std::clamp(view.edit_row, 0, lab.scene.width - 1);
  view.copy_from = std::clamp(view.copy_from, 0, lab.scene.width - 1);
  int layer = view.edit_layer + 1, row = view.edit_row + 1, from = view.copy_from + 1;
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.4f);
  if (ImGui::SliderInt("W_i", &layer, 1, lab.scene.depth, "W%d", ImGuiSliderFlags_AlwaysClamp))
    view.edit_layer = layer - 1;
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.4f);
  if (ImGui::SliderInt("row", &row, 1, lab.scene.width, "%d", ImGuiSliderFlags_AlwaysClamp))
    view.edit_row = row - 1;
  if (ImGui::Button("Zero the row")) zeroRow(lab, view.edit_layer, view.edit_row);
  if (lab.scene.width > 1) {
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.4f);
    if (ImGui::SliderInt("copy from row", &from, 1, lab.scene.width, "%d",
                         ImGuiSliderFlags_AlwaysClamp))
      view.copy_from = from - 1;
    if (ImGui::Button("Make the rows equal"))
      makeRowsEqual(lab, view.edit_layer, view.copy_from, view.edit_row);
  }
  if (ImGui::Button("Restore this column's weights"))
    clearColumnEdits(lab, lab.scene.linear_column);
}

void drawSymmetryPanel(NetworkLab& lab) {
  sectionHeader("Weight-space symmetry (B3)");
  ImGui::PushTextWrapPos(0);
  if (lab.scene.depth < 2) {
    ImGui::TextDisabled("Needs a hidden layer: two or more layers of weights.");
    ImGui::PopTextWrapPos();
    return;
  }
  int hidden = lab.scene.symmetry_layer + 1;
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.4f);
  if (ImGui::SliderInt("hidden layer", &hidden, 1, lab.scene.depth - 1, "%d",
                       ImGuiSliderFlags_AlwaysClamp))
    setSymmetryLayer(lab, hidden - 1);
  ImGui::SameLine();
  HelpMarker(
      "Permuting a layer's units (rows of W_i and b_i, columns of W_i+1) never changes the\n"
      "function. Flipping a tanh unit's incoming weights, bias and outgoing weights does not\n"
      "either, since tanh(-z) = -tanh(z); for ReLU it does.");
  ImGui::Text("%s equivalent weight settings", symmetryCountText(lab.scene.width).c_str());
  drawColumnPicker(lab);
  if (lab.scene.width > 1 && ImGui::Button("Permute units"))
    permuteHiddenUnits(lab, lab.scene.linear_column);
  ImGui::SameLine();
  if (ImGui::Button("Flip signs")) flipHiddenUnits(lab, lab.scene.linear_column);
  const SymmetryCheck& s = lab.symmetry;
  if (s.done && s.max_difference.size() == lab.scene.activations.size()) {
    ImGui::Text("%s layer %d of column %d; max |change of %s|:",
                s.kind == WeightEditKind::Permute ? "permuted" : "flipped", s.layer + 1,
                s.column + 1, plottedOutputName(lab.scene).c_str());
    for (std::size_t r = 0; r < s.max_difference.size(); ++r) {
      const Activation a = lab.scene.activations[r];
      const bool kept = s.max_difference[r] <= 1e-12;
      ImGui::TextColored(kept ? kGood : kBad, "  %s: %.2g%s", activationInfo(a).display_name,
                         s.max_difference[r], kept ? " (the same function)" : " (changed)");
    }
  }
  ImGui::PopTextWrapPos();
}

void drawCell(const NetworkLab& lab, NetworkLabView& view, int row, int column, ImVec2 size,
              Theme theme, bool refit) {
  NetworkLabView::Placement& p = view.cells[row * kNetworkMaxColumns + column];
  p.drawn = false;
  char id[160];
  std::snprintf(id, sizeof id, "%s##cell%d_%d", networkCellTitle(lab.scene, row, column).c_str(),
                row, column);
  if (!plot::BeginPlot(id, size, plot::PlotFlags_NoLegend)) return;
  const std::string x_label = sweptInputName(lab.scene), y_label = plottedOutputName(lab.scene);
  plot::SetupAxes(x_label.c_str(), y_label.c_str());
  const plot::Limits home = networkCellLimits(lab, row, column);
  plot::SetupAxesLimits(home.x.min, home.x.max, home.y.min, home.y.max,
                        refit ? ImGuiCond_Always : ImGuiCond_Once);
  const plot::Limits limits = plot::GetPlotLimits();
  const ImVec2 plot_size = plot::GetPlotSize();
  for (plot::Item& item :
       networkCellItems(lab, row, column, theme, limits, plot_size.x, plot_size.y))
    plot::PlotItem(std::move(item));
  const ImVec2 pos = plot::GetPlotPos();
  p = {true, pos.x, pos.y, plot_size.x, plot_size.y, limits};
  plot::EndPlot();
}

void drawGrid(NetworkLab& lab, NetworkLabView& view, Theme theme) {
  const bool refit = view.fitted_version != lab.version;
  view.fitted_version = lab.version;
  const int rows = networkRows(lab), columns = networkColumns(lab);
  for (NetworkLabView::Placement& p : view.cells) p.drawn = false;
  const ImVec2 spacing = ImGui::GetStyle().ItemSpacing;
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const ImVec2 size((avail.x - spacing.x * float(columns - 1)) / float(columns),
                    (avail.y - spacing.y * float(rows - 1)) / float(rows));
  if (size.x < 20 || size.y < 20) return;
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < columns; ++c) {
      if (c > 0) ImGui::SameLine();
      drawCell(lab, view, r, c, size, theme, refit);
    }
  }
}

}  // namespace

void drawNetworkLab(NetworkLab& lab, NetworkLabView& view, plot::PlotContext& plots, Theme theme,
                    bool presentation) {
  plot::SetCurrentContext(&plots);
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  if (avail.x < 50 || avail.y < 50) return;  // a window too small to draw into
  const float controls_w = ControlColumnWidth(avail.x, 0.28f, 16.0f, 24.0f);

  if (presentation) {  // presentation mode: the grid fills the window
    drawGrid(lab, view, theme);
    return;
  }
  ImGui::BeginChild("network controls", ImVec2(controls_w, 0), false);
  if (ImGui::BeginTabBar("network panels")) {
    static const char* const kTitles[] = {"Grid", "Linear", "Symmetry"};
    // A scene (or --panel) that names another tab selects it until it shows; afterwards the
    // user's clicks choose.
    const int wanted = int(lab.scene.panel);
    const bool force = view.shown_panel != wanted;
    for (int k = 0; k < 3; ++k) {
      const int flags = force && k == wanted ? ImGuiTabItemFlags_SetSelected : 0;
      if (!ImGui::BeginTabItem(kTitles[k], nullptr, flags)) continue;
      if (!force) lab.scene.panel = NetworkPanel(k);
      view.shown_panel = k;
      ImGui::BeginChild("panel");
      if (k == 0) {
        drawRows(lab);
        drawColumns(lab);
        drawShape(lab);
        drawSweep(lab, view);
      } else if (k == 1) {
        drawLinearPanel(lab, view);
      } else {
        drawSymmetryPanel(lab);
      }
      ImGui::EndChild();
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }
  ImGui::EndChild();
  ImGui::SameLine();

  ImGui::BeginChild("network grid", ImVec2(0, 0), false,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  drawGrid(lab, view, theme);
  ImGui::EndChild();
}

}  // namespace gradlab
