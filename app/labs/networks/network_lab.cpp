// The Network lab's state changes and what its grid draws. See network_lab.h.
#include "app/labs/networks/network_lab.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace gradlab {
namespace {

// The column's weights (its seed, then its edits) with row 0's activation; the rows differ only
// in their activation.
Mlp columnNetwork(const NetworkScene& s, int column, std::vector<std::string>* problems) {
  Mlp net = initMlp(networkSpec(s, 0, column));
  for (const WeightEdit& e : s.edits) {
    if (e.column != column) continue;
    bool ok = false;
    switch (e.kind) {
      case WeightEditKind::ZeroRow:
        ok = e.units.size() == 1 && zeroWeightRow(net, e.layer, e.units[0]);
        break;
      case WeightEditKind::EqualRows:
        ok = e.units.size() == 2 && copyWeightRow(net, e.layer, e.units[0], e.units[1]);
        break;
      case WeightEditKind::Permute:
        ok = permuteUnits(net, e.layer, e.units);
        break;
      case WeightEditKind::Flip:
        ok = flipUnitSigns(net, e.layer, e.units);
        break;
    }
    if (!ok && problems) {
      problems->push_back(std::string(weightEditName(e.kind)) + " on W" +
                          std::to_string(e.layer + 1) + " of seed column " +
                          std::to_string(column + 1) + " does not fit this network: skipped");
    }
  }
  return net;
}

// y_output of `net` at each t of xs (the other inputs fixed).
std::vector<double> outputsAlong(const NetworkLab& lab, const Mlp& net,
                                 const std::vector<double>& xs) {
  Eigen::MatrixXd x = lab.fixed_inputs.replicate(1, Eigen::Index(xs.size()));
  for (std::size_t k = 0; k < xs.size(); ++k) x(lab.scene.input, Eigen::Index(k)) = xs[k];
  const Eigen::MatrixXd y = mlpForward(net, x);
  std::vector<double> out(xs.size());
  for (std::size_t k = 0; k < xs.size(); ++k) out[k] = y(lab.scene.output, Eigen::Index(k));
  return out;
}

NetworkCell buildCell(NetworkLab& lab, const Mlp& net, int row, int column) {
  const NetworkScene& s = lab.scene;
  NetworkCell c;
  c.row = row;
  c.column = column;
  c.activation = net.activation;
  c.kinks = mlpKinksAlongLine(net, lab.fixed_inputs, s.input, s.x_min, s.x_max);
  std::vector<double> extra;
  for (const MlpKink& k : c.kinks) extra.push_back(k.t);
  // The kinks themselves are samples: the drawn corners are the network's, not the sampling's.
  c.xs = samplePoints(s.x_min, s.x_max, kNetworkSamples, extra);
  c.ys = outputsAlong(lab, net, c.xs);
  ++lab.networks_evaluated;
  c.y_min = c.y_max = c.ys.empty() ? 0 : c.ys.front();
  for (double y : c.ys) {
    if (!std::isfinite(y)) continue;
    c.y_min = std::min(c.y_min, y);
    c.y_max = std::max(c.y_max, y);
  }
  return c;
}

// Drops the edits the structure change invalidates and recomputes.
void shapeChanged(NetworkLab& lab) {
  lab.scene.edits.clear();
  lab.symmetry = SymmetryCheck{};
  recomputeNetworkLab(lab);
}

// The next seeded random generator for a B3 button.
SeededRandom nextEditRandom(NetworkLab& lab) {
  return SeededRandom(0x9E3779B97F4A7C15ull * ++lab.edit_counter + lab.scene.inputs_seed);
}

// Applies a B3 edit to `column` and measures how much each row's output moved over the sweep.
void applySymmetryEdit(NetworkLab& lab, WeightEdit edit) {
  const int rows = networkRows(lab);
  std::vector<std::vector<double>> before_xs(static_cast<std::size_t>(rows));
  std::vector<std::vector<double>> before_ys(static_cast<std::size_t>(rows));
  for (int r = 0; r < rows; ++r) {
    before_xs[std::size_t(r)] = networkCell(lab, r, edit.column).xs;
    before_ys[std::size_t(r)] = networkCell(lab, r, edit.column).ys;
  }
  lab.scene.edits.push_back(edit);
  recomputeNetworkLab(lab);
  SymmetryCheck check;
  check.done = true;
  check.kind = edit.kind;
  check.column = edit.column;
  check.layer = edit.layer;
  for (int r = 0; r < rows; ++r) {
    const Mlp& net = lab.nets[std::size_t(r * networkColumns(lab) + edit.column)];
    const std::vector<double> after = outputsAlong(lab, net, before_xs[std::size_t(r)]);
    double d = 0;
    for (std::size_t k = 0; k < after.size(); ++k)
      d = std::max(d, std::abs(after[k] - before_ys[std::size_t(r)][k]));
    check.max_difference.push_back(d);
  }
  lab.symmetry = check;
}

bool validColumn(const NetworkLab& lab, int column) {
  return column >= 0 && column < networkColumns(lab);
}

}  // namespace

const char* weightEditName(WeightEditKind kind) {
  static const char* const kNames[] = {"zero_row", "equal_rows", "permute", "flip"};
  return kNames[int(kind)];
}

bool weightEditFromName(const std::string& name, WeightEditKind* kind) {
  for (int k = 0; k < 4; ++k) {
    if (name == weightEditName(WeightEditKind(k))) {
      *kind = WeightEditKind(k);
      return true;
    }
  }
  return false;
}

const char* networkPanelName(NetworkPanel panel) {
  static const char* const kNames[] = {"grid", "linear", "symmetry"};
  return kNames[int(panel)];
}

bool networkPanelFromName(const std::string& name, NetworkPanel* panel) {
  for (int k = 0; k < 3; ++k) {
    if (name == networkPanelName(NetworkPanel(k))) {
      *panel = NetworkPanel(k);
      return true;
    }
  }
  return false;
}

NetworkScene defaultNetworkScene() {
  NetworkScene s;
  for (const ActivationInfo& info : activationTable()) s.params[int(info.id)] = info.param_default;
  return s;
}

std::string validateNetworkScene(const NetworkScene& s) {
  char text[128];
  const auto bad = [&](const char* format, auto... args) {
    std::snprintf(text, sizeof text, format, args...);
    return std::string(text);
  };
  if (s.activations.empty() || int(s.activations.size()) > kNetworkMaxRows)
    return bad("activations must list 1 to %d activations", kNetworkMaxRows);
  if (s.seeds.empty() || int(s.seeds.size()) > kNetworkMaxColumns)
    return bad("seeds must list 1 to %d seeds", kNetworkMaxColumns);
  if (s.depth < 1 || s.depth > kNetworkMaxDepth)
    return bad("depth must be in [1, %d]", kNetworkMaxDepth);
  if (s.width < 1 || s.width > kNetworkMaxWidth)
    return bad("width must be in [1, %d]", kNetworkMaxWidth);
  for (const ActivationInfo& info : activationTable()) {
    if (!info.param) continue;
    const double v = s.params[int(info.id)];
    if (!(std::isfinite(v) && v >= info.param_min && v <= info.param_max))
      return bad("params.%s must be in [%g, %g]", info.name, info.param_min, info.param_max);
  }
  if (s.input < 0 || s.input >= s.width) return bad("input must be in [1, %d]", s.width);
  if (s.output < 0 || s.output >= s.width) return bad("output must be in [1, %d]", s.width);
  for (double v : {s.x_min, s.x_max})
    if (!(std::isfinite(v) && std::abs(v) <= kNetworkRangeLimit))
      return bad("x_range must be within [-%g, %g]", kNetworkRangeLimit, kNetworkRangeLimit);
  if (!(s.x_max - s.x_min >= 1e-3)) return "x_range: the end must exceed the start by 0.001";
  for (std::size_t i = 0; i < s.edits.size(); ++i) {
    const WeightEdit& e = s.edits[i];
    if (e.column < 0 || e.column >= int(s.seeds.size()))
      return bad("edits[%d].column must be in [1, %d]", int(i), int(s.seeds.size()));
    if (e.layer < 0 || e.layer >= s.depth)
      return bad("edits[%d].layer must be in [1, %d]", int(i), s.depth);
    for (int u : e.units)
      if (u < 0 || u >= s.width) return bad("edits[%d].units must be in [1, %d]", int(i), s.width);
  }
  if (s.linear_column < 0 || s.linear_column >= int(s.seeds.size()))
    return bad("linear_column must be in [1, %d]", int(s.seeds.size()));
  if (s.symmetry_layer < 0 || s.symmetry_layer >= std::max(1, s.depth - 1))
    return bad("symmetry_layer must be in [1, %d]", std::max(1, s.depth - 1));
  return "";
}

MlpSpec networkSpec(const NetworkScene& s, int row, int column) {
  MlpSpec spec;
  spec.widths.assign(std::size_t(s.depth + 1), s.width);
  spec.activation = s.activations[std::size_t(row)];
  spec.activation_param = s.params[int(spec.activation)];
  spec.bias = s.bias;
  spec.activate_output = s.activate_output;
  spec.init = s.init;
  spec.seed = s.seeds[std::size_t(column)];
  return spec;
}

void resetNetworkLab(NetworkLab& lab) {
  lab.scene = defaultNetworkScene();
  lab.symmetry = SymmetryCheck{};
  recomputeNetworkLab(lab);
}

void recomputeNetworkLab(NetworkLab& lab) {
  const NetworkScene& s = lab.scene;
  SeededRandom random(s.inputs_seed);
  lab.fixed_inputs.resize(s.width);
  for (int i = 0; i < s.width; ++i) lab.fixed_inputs(i) = random.normal();
  lab.edit_problems.clear();
  const int rows = networkRows(lab), columns = networkColumns(lab);
  lab.nets.assign(std::size_t(rows * columns), Mlp{});
  lab.cells.clear();
  for (int c = 0; c < columns; ++c) {
    const Mlp base = columnNetwork(s, c, &lab.edit_problems);
    if (c == s.linear_column) lab.linear = analyzeLinearNetwork(base);
    for (int r = 0; r < rows; ++r) {
      Mlp& net = lab.nets[std::size_t(r * columns + c)];
      net = base;
      net.activation = s.activations[std::size_t(r)];
      net.activation_param = s.params[int(net.activation)];
    }
  }
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < columns; ++c)
      lab.cells.push_back(buildCell(lab, lab.nets[std::size_t(r * columns + c)], r, c));
  ++lab.version;
}

std::string applyNetworkScene(NetworkLab& lab, const NetworkScene& scene) {
  const std::string problem = validateNetworkScene(scene);
  if (!problem.empty()) return problem;
  lab.scene = scene;
  lab.symmetry = SymmetryCheck{};
  recomputeNetworkLab(lab);
  return "";
}

void setNetworkDepth(NetworkLab& lab, int depth) {
  lab.scene.depth = std::clamp(depth, 1, kNetworkMaxDepth);
  lab.scene.symmetry_layer = std::clamp(lab.scene.symmetry_layer, 0, std::max(0, depth - 2));
  shapeChanged(lab);
}

void setNetworkWidth(NetworkLab& lab, int width) {
  NetworkScene& s = lab.scene;
  s.width = std::clamp(width, 1, kNetworkMaxWidth);
  s.input = std::min(s.input, s.width - 1);
  s.output = std::min(s.output, s.width - 1);
  shapeChanged(lab);
}

void setNetworkInit(NetworkLab& lab, MlpInit init) {
  lab.scene.init = init;
  shapeChanged(lab);
}

void setNetworkBias(NetworkLab& lab, bool bias) {
  lab.scene.bias = bias;
  shapeChanged(lab);
}

void setActivateOutput(NetworkLab& lab, bool on) {
  lab.scene.activate_output = on;
  recomputeNetworkLab(lab);
}

void setRowActivation(NetworkLab& lab, int row, Activation a) {
  if (row < 0 || row >= networkRows(lab)) return;
  lab.scene.activations[std::size_t(row)] = a;
  lab.symmetry = SymmetryCheck{};
  recomputeNetworkLab(lab);
}

void setRowCount(NetworkLab& lab, int rows) {
  rows = std::clamp(rows, 1, kNetworkMaxRows);
  std::vector<Activation>& a = lab.scene.activations;
  // New rows take the first activation of the table not shown yet.
  while (int(a.size()) < rows) {
    Activation next = Activation::Relu;
    for (const ActivationInfo& info : activationTable()) {
      if (std::find(a.begin(), a.end(), info.id) == a.end()) {
        next = info.id;
        break;
      }
    }
    a.push_back(next);
  }
  a.resize(std::size_t(rows));
  lab.symmetry = SymmetryCheck{};
  recomputeNetworkLab(lab);
}

void setColumnSeed(NetworkLab& lab, int column, std::uint64_t seed) {
  if (!validColumn(lab, column)) return;
  lab.scene.seeds[std::size_t(column)] = seed;
  clearColumnEdits(lab, column);
}

void setColumnCount(NetworkLab& lab, int columns) {
  columns = std::clamp(columns, 1, kNetworkMaxColumns);
  NetworkScene& s = lab.scene;
  while (int(s.seeds.size()) < columns) s.seeds.push_back(s.seeds.back() + 1);
  s.seeds.resize(std::size_t(columns));
  s.edits.erase(std::remove_if(s.edits.begin(), s.edits.end(),
                               [&](const WeightEdit& e) { return e.column >= columns; }),
                s.edits.end());
  s.linear_column = std::min(s.linear_column, columns - 1);
  lab.symmetry = SymmetryCheck{};
  recomputeNetworkLab(lab);
}

void setActivationParameter(NetworkLab& lab, Activation a, double value) {
  const ActivationInfo& info = activationInfo(a);
  if (!info.param || !std::isfinite(value)) return;
  lab.scene.params[int(a)] = std::clamp(value, info.param_min, info.param_max);
  recomputeNetworkLab(lab);
}

void setSweptInput(NetworkLab& lab, int input) {
  lab.scene.input = std::clamp(input, 0, lab.scene.width - 1);
  recomputeNetworkLab(lab);
}

void setPlottedOutput(NetworkLab& lab, int output) {
  lab.scene.output = std::clamp(output, 0, lab.scene.width - 1);
  recomputeNetworkLab(lab);
}

std::string setNetworkRange(NetworkLab& lab, double x_min, double x_max) {
  NetworkScene s = lab.scene;
  s.x_min = x_min;
  s.x_max = x_max;
  const std::string problem = validateNetworkScene(s);
  if (!problem.empty()) return problem;
  lab.scene = s;
  recomputeNetworkLab(lab);
  return "";
}

void redrawFixedInputs(NetworkLab& lab) {
  ++lab.scene.inputs_seed;
  recomputeNetworkLab(lab);
}

void setLinearColumn(NetworkLab& lab, int column) {
  if (!validColumn(lab, column)) return;
  lab.scene.linear_column = column;
  recomputeNetworkLab(lab);
}

void zeroRow(NetworkLab& lab, int layer, int row) {
  if (layer < 0 || layer >= lab.scene.depth || row < 0 || row >= lab.scene.width) return;
  lab.scene.edits.push_back({WeightEditKind::ZeroRow, lab.scene.linear_column, layer, {row}});
  recomputeNetworkLab(lab);
}

void makeRowsEqual(NetworkLab& lab, int layer, int from, int to) {
  const int w = lab.scene.width;
  if (layer < 0 || layer >= lab.scene.depth || from < 0 || to < 0 || from >= w || to >= w) return;
  lab.scene.edits.push_back(
      {WeightEditKind::EqualRows, lab.scene.linear_column, layer, {from, to}});
  recomputeNetworkLab(lab);
}

void clearColumnEdits(NetworkLab& lab, int column) {
  std::vector<WeightEdit>& edits = lab.scene.edits;
  edits.erase(std::remove_if(edits.begin(), edits.end(),
                             [&](const WeightEdit& e) { return e.column == column; }),
              edits.end());
  lab.symmetry = SymmetryCheck{};
  recomputeNetworkLab(lab);
}

void setSymmetryLayer(NetworkLab& lab, int layer) {
  lab.scene.symmetry_layer = std::clamp(layer, 0, std::max(0, lab.scene.depth - 2));
}

void permuteHiddenUnits(NetworkLab& lab, int column) {
  const int units = lab.scene.width;
  if (!validColumn(lab, column) || lab.scene.depth < 2 || units < 2) return;
  SeededRandom random = nextEditRandom(lab);
  std::vector<int> perm(static_cast<std::size_t>(units));
  bool identity = true;
  while (identity) {
    // Fisher-Yates with our uniform (std::shuffle's use of the engine is implementation-defined).
    for (int k = 0; k < units; ++k) perm[std::size_t(k)] = k;
    for (int k = units - 1; k > 0; --k) {
      const int j = std::min(k, int(random.uniform() * (k + 1)));
      std::swap(perm[std::size_t(k)], perm[std::size_t(j)]);
    }
    identity = std::is_sorted(perm.begin(), perm.end());
  }
  applySymmetryEdit(lab, {WeightEditKind::Permute, column, lab.scene.symmetry_layer, perm});
}

void flipHiddenUnits(NetworkLab& lab, int column) {
  const int units = lab.scene.width;
  if (!validColumn(lab, column) || lab.scene.depth < 2) return;
  SeededRandom random = nextEditRandom(lab);
  std::vector<int> flipped;
  while (flipped.empty())
    for (int k = 0; k < units; ++k)
      if (random.uniform() < 0.5) flipped.push_back(k);
  applySymmetryEdit(lab, {WeightEditKind::Flip, column, lab.scene.symmetry_layer, flipped});
}

int networkRows(const NetworkLab& lab) {
  return int(lab.scene.activations.size());
}

int networkColumns(const NetworkLab& lab) {
  return int(lab.scene.seeds.size());
}

const NetworkCell& networkCell(const NetworkLab& lab, int row, int column) {
  return lab.cells[std::size_t(row * networkColumns(lab) + column)];
}

double networkOutputAt(const NetworkLab& lab, int row, int column, double t) {
  const Mlp& net = lab.nets[std::size_t(row * networkColumns(lab) + column)];
  return outputsAlong(lab, net, {t})[0];
}

std::string networkCellTitle(const NetworkScene& s, int row, int column) {
  const Activation a = s.activations[std::size_t(row)];
  const ActivationInfo& info = activationInfo(a);
  char text[128];
  if (info.param) {
    std::snprintf(text, sizeof text, "%s (%s = %.3g), seed %llu", info.display_name, info.param,
                  s.params[int(a)], static_cast<unsigned long long>(s.seeds[std::size_t(column)]));
  } else {
    std::snprintf(text, sizeof text, "%s, seed %llu", info.display_name,
                  static_cast<unsigned long long>(s.seeds[std::size_t(column)]));
  }
  return text;
}

std::string sweptInputName(const NetworkScene& s) {
  return "x" + std::to_string(s.input + 1);
}

std::string plottedOutputName(const NetworkScene& s) {
  return "y" + std::to_string(s.output + 1);
}

std::string fixedInputsText(const NetworkLab& lab) {
  std::string text;
  for (int i = 0; i < lab.scene.width; ++i) {
    if (i == lab.scene.input) continue;
    char part[48];
    std::snprintf(part, sizeof part, "%sx%d = %.3f", text.empty() ? "" : ", ", i + 1,
                  lab.fixed_inputs(i));
    text += part;
  }
  return text;
}

std::string symmetryCountText(int units) {
  std::uint64_t count = 0;
  double log10_count = 0;
  char text[160];
  if (symmetryCount(units, &count, &log10_count)) {
    std::snprintf(text, sizeof text, "M! 2^M = %d! 2^%d = %llu", units, units,
                  static_cast<unsigned long long>(count));
  } else {
    std::snprintf(text, sizeof text, "M! 2^M = %d! 2^%d: overflows 64 bits (about %.3ge%d)", units,
                  units, std::pow(10.0, log10_count - std::floor(log10_count)),
                  int(std::floor(log10_count)));
  }
  return text;
}

}  // namespace gradlab
