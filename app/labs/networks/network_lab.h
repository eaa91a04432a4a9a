// The Network lab's state and logic, with no ImGui and no GL: the scene (the homework's random
// networks, EXERCISES B1: activations by weight seeds, depth, width, which input is swept and
// which output plotted), the weight edits (B2: make a W_i singular; B3: permute or sign-flip the
// units of a hidden layer) and what the grid draws, recomputed by each state change in the same
// call. Every change is a function here, tested headless (tests/app/test_network_lab.cpp).
//
// [SECTION] The scene (the lab's inputs)
// [SECTION] What the grid and the panels show
// [SECTION] State changes
#pragma once

#include <Eigen/Core>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/activations.h"
#include "core/mlp.h"

namespace gradlab {

// [SECTION] The scene

// One change to a column's weights, kept in the scene so that a saved scene reproduces them.
enum class WeightEditKind {
  ZeroRow,    // units = {row}: row of W_layer set to 0 (B2)
  EqualRows,  // units = {from, to}: row `to` of W_layer set to row `from` (B2)
  Permute,    // units = the permutation of hidden layer `layer`'s units (B3)
  Flip,       // units = the units of hidden layer `layer` whose signs flip (B3)
};
const char* weightEditName(WeightEditKind kind);  // "zero_row", "equal_rows", "permute", "flip"
bool weightEditFromName(const std::string& name, WeightEditKind* kind);

struct WeightEdit {
  WeightEditKind kind = WeightEditKind::ZeroRow;
  int column = 0;  // which weight seed (grid column)
  int layer = 0;   // 0-based: W_1 is layer 0
  std::vector<int> units;
};

// The tabs of the controls: the grid's settings, B2's linear network, B3's symmetries.
enum class NetworkPanel { Grid, Linear, Symmetry };
const char* networkPanelName(NetworkPanel panel);  // "grid", "linear", "symmetry"
bool networkPanelFromName(const std::string& name, NetworkPanel* panel);

constexpr int kNetworkMaxRows = 4, kNetworkMaxColumns = 4;
constexpr int kNetworkMaxDepth = 8, kNetworkMaxWidth = 16;
constexpr int kNetworkSamples = 1000;        // per network along the sweep (plus its kinks)
constexpr double kNetworkRangeLimit = 1000;  // |x_min|, |x_max| at most this

struct NetworkScene {
  std::vector<Activation> activations = {Activation::Tanh, Activation::Relu,
                                         Activation::Linear};  // grid rows, 1..4
  std::vector<std::uint64_t> seeds = {1, 2, 3};                // grid columns, 1..4
  int depth = 3;                                               // layers of weights, 1..8
  int width = 5;  // every layer's width (input and output too), 1..16
  std::array<double, kActivationCount> params{};  // alpha/beta by Activation (table defaults)
  bool bias = true;
  bool activate_output = true;  // EXERCISES B1: the same activation everywhere
  MlpInit init = MlpInit::StandardNormal;
  int input = 0, output = 0;  // the swept input x_{input+1} and the plotted output y_{output+1}
  double x_min = -10, x_max = 10;
  std::uint64_t inputs_seed = 1;            // the fixed inputs (all but the swept one) ~ N(0, 1)
  std::vector<WeightEdit> edits;            // applied in order after initialization
  int linear_column = 0;                    // the column whose linear network B2's panel analyses
  int symmetry_layer = 0;                   // the hidden layer B3's buttons act on (0-based)
  NetworkPanel panel = NetworkPanel::Grid;  // the controls' tab
};

NetworkScene defaultNetworkScene();
// "" or what is wrong, naming the field as the scene file does ("depth must be in [1, 8]").
std::string validateNetworkScene(const NetworkScene& scene);
// The network spec of grid cell (row, column).
MlpSpec networkSpec(const NetworkScene& scene, int row, int column);

// [SECTION] What the grid and the panels show

struct NetworkCell {
  int row = 0, column = 0;
  Activation activation = Activation::Tanh;
  std::vector<double> xs, ys;   // the sweep (evenly spaced, plus the kinks) and y_output there
  std::vector<MlpKink> kinks;   // piecewise-linear activations only
  double y_min = 0, y_max = 0;  // of ys
};

// What the last B3 button did: the largest change of every row's plotted output in its column.
struct SymmetryCheck {
  bool done = false;
  WeightEditKind kind = WeightEditKind::Permute;
  int column = 0, layer = 0;
  std::vector<double> max_difference;  // by grid row, over the sweep
};

struct NetworkLab {
  NetworkScene scene = defaultNetworkScene();
  Eigen::VectorXd fixed_inputs;  // the inputs of the sweep (the swept one's entry unused)
  std::vector<Mlp> nets;         // by cell, row-major (row * columns + column)
  std::vector<NetworkCell> cells;
  std::vector<std::string> edit_problems;  // edits that no longer fit the shape (skipped)
  LinearAnalysis linear;                   // of scene.linear_column's weights
  SymmetryCheck symmetry;
  int version = 0;                 // grows with every recompute (the plots refit then)
  long networks_evaluated = 0;     // forward passes over a whole sweep (bench-frames counter)
  std::uint64_t edit_counter = 0;  // seeds the next permutation or sign flip
};

// [SECTION] State changes (each recomputes what it invalidates, at once)

void resetNetworkLab(NetworkLab& lab);
// Recomputes everything from lab.scene (after a direct edit of the scene, e.g. a slider).
void recomputeNetworkLab(NetworkLab& lab);
// Makes `scene` the lab's after validating it; "" or the problem (the lab is then unchanged).
std::string applyNetworkScene(NetworkLab& lab, const NetworkScene& scene);

// The shape changes (depth, width, init, biases) drop every weight edit: they no longer fit.
void setNetworkDepth(NetworkLab& lab, int depth);
void setNetworkWidth(NetworkLab& lab, int width);
void setNetworkInit(NetworkLab& lab, MlpInit init);
void setNetworkBias(NetworkLab& lab, bool bias);
void setActivateOutput(NetworkLab& lab, bool on);
// Row `row`'s activation; rows and columns are added or removed at the end.
void setRowActivation(NetworkLab& lab, int row, Activation a);
void setRowCount(NetworkLab& lab, int rows);
// A column's seed (its edits are dropped: they were made to the old weights).
void setColumnSeed(NetworkLab& lab, int column, std::uint64_t seed);
void setColumnCount(NetworkLab& lab, int columns);
void setActivationParameter(NetworkLab& lab, Activation a, double value);  // clamped to the table
void setSweptInput(NetworkLab& lab, int input);
void setPlottedOutput(NetworkLab& lab, int output);
// "" or the problem (the range is then unchanged).
std::string setNetworkRange(NetworkLab& lab, double x_min, double x_max);
// New random values for the fixed inputs (the homework's x2..x5).
void redrawFixedInputs(NetworkLab& lab);

// B2: which column's linear network the panel shows, and the edits that make a W_i singular.
void setLinearColumn(NetworkLab& lab, int column);
void zeroRow(NetworkLab& lab, int layer, int row);
void makeRowsEqual(NetworkLab& lab, int layer, int from, int to);
// Drops the edits of a column (its weights are its seed's again).
void clearColumnEdits(NetworkLab& lab, int column);

// B3: permute the units of scene.symmetry_layer in `column` (a seeded random permutation other
// than the identity), or flip the signs of a seeded random non-empty subset of them; lab.symmetry
// then holds how much each row's plotted output changed.
void setSymmetryLayer(NetworkLab& lab, int layer);
void permuteHiddenUnits(NetworkLab& lab, int column);
void flipHiddenUnits(NetworkLab& lab, int column);

// [SECTION] Reading the results

int networkRows(const NetworkLab& lab);
int networkColumns(const NetworkLab& lab);
const NetworkCell& networkCell(const NetworkLab& lab, int row, int column);
// y_output at x_input = t for cell (row, column), straight from the network (tests, pixel checks).
double networkOutputAt(const NetworkLab& lab, int row, int column, double t);
// "tanh, seed 1", "leaky ReLU (alpha = 0.1), seed 2".
std::string networkCellTitle(const NetworkScene& scene, int row, int column);
// "x1", "y1": the plotted input and output.
std::string sweptInputName(const NetworkScene& scene);
std::string plottedOutputName(const NetworkScene& scene);
// The fixed inputs as "x2 = 0.42, x3 = -1.3, ...".
std::string fixedInputsText(const NetworkLab& lab);
// "M! 2^M = 5! 2^5 = 3840" or "16! ... overflows 64 bits (about 1.2e18)".
std::string symmetryCountText(int units);

}  // namespace gradlab
