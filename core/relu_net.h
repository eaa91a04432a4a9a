// A one-hidden-layer ReLU (or leaky ReLU) network on 1-D data, f(x) = sum_j u_j act(a_j x + b_j) +
// c, with its mean-squared-error loss, exact gradient, elbows e_j = -b_j / a_j and dead units, a
// trainer that takes one SGD or Adam step at a time (core/step_rules.h, core/stochastic.h's
// seeded MiniBatchSampler), the lab's data sets, and EXERCISES E1's single unit on one point.
//
// [SECTION] Parameters and activation
// [SECTION] Loss, gradient, elbows, dead units
// [SECTION] Data sets and their bends
// [SECTION] Initialization
// [SECTION] Training, one step at a time
// [SECTION] E1: one unit, one point
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "core/activations.h"
#include "core/optimizers.h"
#include "core/stochastic.h"

namespace gradlab {

// [SECTION] Parameters and activation ----------------------------------------------------------
// The 3p + 1 parameters in one vector, so the n-D step rules apply as they are:
//   [a_1..a_p, b_1..b_p, u_1..u_p, c]   (input weights, biases, output weights, output bias)
constexpr int kMinUnits = 1, kMaxUnits = 64;

inline int reluNetUnits(const VecX& params) {
  return static_cast<int>((params.size() - 1) / 3);
}

// ReLU, or leaky ReLU with slope alpha for negative inputs (core/activations.h: one definition).
struct NetActivation {
  bool leaky = false;
  double alpha = 0.01;           // leaky slope, in [0, 1]
  std::string validate() const;  // "" when fine
  Activation kind() const { return leaky ? Activation::LeakyRelu : Activation::Relu; }
};

// 1-D samples (x_i, y_i).
struct Samples {
  std::vector<double> xs, ys;
  int size() const { return static_cast<int>(xs.size()); }
};

// [SECTION] Loss, gradient, elbows, dead units -------------------------------------------------
// Over a batch S (indices into the samples; a repeated index counts twice), with r_i = f(x_i) -
// y_i:
//   L_S = (1/|S|) sum_i r_i^2                                 (torch.nn.MSELoss, mean)
//   dL/dc = (2/|S|) sum_i r_i              dL/du_j = (2/|S|) sum_i r_i act(z_ij)
//   dL/da_j = (2/|S|) sum_i r_i u_j act'(z_ij) x_i     dL/db_j = (2/|S|) sum_i r_i u_j act'(z_ij)
// with z_ij = a_j x_i + b_j and act'(0) as PyTorch has it (relu'(0) = 0, leaky'(0) = alpha).
// ReluNetEvaluator keeps its work arrays, so a training step allocates nothing.
class ReluNetEvaluator {
 public:
  // f at each x (out resized).
  void predict(const VecX& params, const NetActivation& act, const std::vector<double>& xs,
               std::vector<double>& out);
  // L over every sample.
  double loss(const VecX& params, const NetActivation& act, const Samples& data);
  // L_S and its gradient (grad resized to 3p + 1); batch must not be empty.
  double lossAndGradient(const VecX& params, const NetActivation& act, const Samples& data,
                         const std::vector<int>& batch, VecX& grad);

 private:
  Eigen::ArrayXXd z_, h_, s_;  // p x |S|: pre-activations, activations, slopes
  Eigen::ArrayXd x_, r_, g_, gx_;  // per batch point: x, residual, dL/df, dL/df * x
  VecX s_g_, s_gx_;                // per unit: the slopes times g and g x
  // (Members, not locals: a training frame takes thousands of steps, none of them allocating.)
};

// One unit's contribution u_j act(a_j x + b_j) at each x (out resized): the lab's per-unit curves.
void unitContribution(const VecX& params, const NetActivation& act, int unit,
                      const std::vector<double>& xs, std::vector<double>& out);

// e_j = -b_j / a_j, or NaN when a_j = 0 (the unit is constant in x: no elbow).
double elbowOf(const VecX& params, int unit);
std::vector<double> elbows(const VecX& params);

// A unit is dead when its pre-activation a_j x_i + b_j is <= 0 at every data point: under ReLU
// (relu'(z) = 0 for z <= 0, z = 0 included as in PyTorch) its a_j, b_j and u_j then get exactly
// zero gradient, so no step can revive it (EXERCISES E3). Empty data: no unit is dead.
bool isDeadUnit(const VecX& params, int unit, const Samples& data);
std::vector<bool> deadUnits(const VecX& params, const Samples& data);
int deadUnitCount(const VecX& params, const Samples& data);

// [SECTION] Data sets and their bends ----------------------------------------------------------
// Built-in sets have N evenly spaced x in [-2, 2]: sine y = sin(2x); |x|; step y = 0 (x < 0), 1
// (x >= 0); noisy cubic y = (x^3 - 3x) / 2 + 0.1 n with n standard normal from the seed (Box-Muller
// on std::mt19937_64, so a seed gives the same points everywhere). User points are the user's.
enum class DataSet { Sine, Abs, Step, NoisyCubic, User };
constexpr int kDataSetCount = 5;
const char* dataSetName(DataSet set);         // "sine", "abs", "step", "cubic", "user"
const char* dataSetDisplayName(DataSet set);  // "sin(2x)", "|x|", ...
bool dataSetFromName(const std::string& name, DataSet* set);

constexpr int kMinSamples = 2, kMaxSamples = 1000;
constexpr double kDataXMin = -2, kDataXMax = 2;

// N samples of a built-in set (User gives none).
Samples makeDataSet(DataSet set, int count, std::uint64_t seed);
// The noise-free target of a built-in set at x (the noisy cubic without its noise).
double dataSetTarget(DataSet set, double x);

// Where the target bends most: the x of the largest |second divided difference| of the target
// through consecutive points sorted by x,
//   d2_i = 2 ((y_{i+1} - y_i)/(x_{i+1} - x_i) - (y_i - y_{i-1})/(x_i - x_{i-1})) / (x_{i+1} -
//   x_{i-1}),
// keeping local maxima of |d2| that reach `fraction` of the largest, merged when closer than
// `merge_distance` (a step's jump gives two adjacent spikes), strongest first, at most max_count.
// Built-in sets use their noise-free target on a 401-point grid; user points use their own y.
std::vector<double> dataBends(const std::vector<double>& xs, const std::vector<double>& ys,
                              double fraction = 0.3, double merge_distance = 0.1,
                              int max_count = 8);
std::vector<double> dataSetBends(DataSet set, const Samples& user_points);

// [SECTION] Initialization ---------------------------------------------------------------------
// Seeded and platform-independent (std::mt19937_64 and explicit transforms): elbows e_j uniform
// in the data range [x_lo, x_hi], a_j = +-(0.5 + uniform[0, 1)) with a random sign, b_j = -a_j e_j,
// u_j uniform in [-1, 1] / sqrt(p), c = 0. `dead_units` of them (the last ones) are placed dead
// instead, alternately beyond the data's right end facing right (a_j = +1, elbow x_hi + 0.1 +
// 0.15 k) and beyond its left end facing left (a_j = -1, elbow x_lo - 0.1 - 0.15 k), so
// a_j x_i + b_j < 0 at every data point (EXERCISES E3).
VecX initReluNet(int units, int dead_units, double x_lo, double x_hi, std::uint64_t seed);

// [SECTION] Training, one step at a time -------------------------------------------------------
enum class NetOptimizer { Sgd, Adam };

struct TrainSettings {
  NetOptimizer optimizer = NetOptimizer::Sgd;
  double lr = 0.05;                              // step size, in (0, 10]
  int batch_size = 10;                           // samples per step, in [1, N]
  std::uint64_t seed = 1;                        // the mini-batch shuffle
  std::string validate(int sample_count) const;  // "" when fine
};

// Trains from a start, one step at a time: step k uses the sampler's k-th batch, so a seed gives
// the same run every time. The activation may change between steps (EXERCISES E3's revival);
// the optimizer state carries over.
class ReluNetTrainer {
 public:
  // data must be non-empty; settings valid for it; params of size 3p + 1.
  ReluNetTrainer(Samples data, VecX start, TrainSettings settings, NetActivation act);
  // One step; false (and nothing changes) when a gradient or parameter would not be finite.
  bool step();
  // `count` steps; stops at the first that fails. Returns the number taken.
  int steps(int count);
  void setActivation(const NetActivation& act) { act_ = act; }

  const VecX& params() const { return params_; }
  const NetActivation& activation() const { return act_; }
  const Samples& data() const { return data_; }
  long iteration() const { return iteration_; }
  double batchLoss() const { return batch_loss_; }  // the last step's mini-batch loss
  double loss();                                    // full-data loss at params()

 private:
  Samples data_;
  VecX params_, grad_;
  TrainSettings settings_;
  NetActivation act_;
  MiniBatchSampler sampler_;
  ReluNetEvaluator evaluator_;
  SgdParams sgd_params_;
  AdamParams adam_params_;
  SgdStateT<VecX> sgd_state_;
  AdamStateT<VecX> adam_state_;
  long iteration_ = 0;
  double batch_loss_ = 0;
};

// [SECTION] E1: one unit, one point -----------------------------------------------------------
// phi(x) = relu(w x + b), L = (phi(x) - y)^2 / 2; dL/dphi = phi(x) - y, and where w x + b > 0
// dL/dw = x (phi(x) - y), dL/db = phi(x) - y (both 0 elsewhere, relu'(0) = 0 as in PyTorch).
struct UnitPoint {
  double w = 1, b = 0;  // the unit
  double x = 1, y = 0;  // the data point
};

struct UnitGradient {
  double z = 0, phi = 0, loss = 0, dl_dphi = 0, dl_dw = 0, dl_db = 0;
  bool active = false;  // w x + b > 0
};
UnitGradient unitGradient(const UnitPoint& p);

// One SGD step w <- w - lr dL/dw, b <- b - lr dL/db, and how the slope and the elbow moved.
struct UnitStep {
  UnitPoint before, after;
  UnitGradient gradient;                     // at `before`
  double elbow_before = 0, elbow_after = 0;  // -b/w, NaN when w = 0
  double slope_change() const { return after.w - before.w; }
  double elbow_change() const { return elbow_after - elbow_before; }
};
UnitStep unitSgdStep(const UnitPoint& p, double lr);

// The four cases of E1, each with phi(x) - y = 1 where phi(x) > 0:
// (i) phi(x) = 0; (ii) w > 0, x > 0; (iii) w > 0, x < 0; (iv) w < 0, x > 0.
constexpr int kUnitCaseCount = 4;
UnitPoint unitCase(int index);           // index 0..3
const char* unitCaseTitle(int index);    // "(ii) w > 0, x > 0"
const char* unitCaseOutcome(int index);  // what one step does, as computed (see the tests)

}  // namespace gradlab
