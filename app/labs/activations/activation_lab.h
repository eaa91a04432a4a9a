// The Activation lab's state and logic, with no ImGui and no GL: the scene (which activations,
// their parameters, the x range, identity overlays, the sigmoid's Taylor polynomial) and what it
// draws, recomputed by each state change in the same call. Every change is a function here,
// tested headless (tests/app/test_activation_lab.cpp).
#pragma once

#include <array>
#include <string>
#include <vector>

#include "core/activation_identities.h"
#include "core/activations.h"

namespace gradlab {

// [SECTION] The scene (the lab's inputs)

struct ActivationScene {
  std::array<bool, kActivationCount> shown{};  // by Activation; default relu, leaky, tanh, sigmoid
  double leaky_alpha = 0.1;                    // leaky ReLU's slope for x < 0, in [0, 1]
  double elu_alpha = 1;                        // ELU's alpha, in [0, 3]
  double softplus_beta = 1;                    // softplus's beta, in [0.1, 10]
  double x_min = -4, x_max = 4;                // the plotted range
  bool show_second = false;                    // a third plot with f''
  std::array<bool, kActivationIdentityCount> identities{};  // overlays, by ActivationIdentity
  bool taylor = false;             // the Taylor polynomial of sigmoid around 0
  int taylor_degree = 5;           // in [1, kSigmoidTaylorMaxDegree]
  double taylor_tolerance = 1e-3;  // where |P - sigmoid| exceeds it is marked, in [1e-12, 1]
};

ActivationScene defaultActivationScene();

// The range the x-range controls allow, and the parameters' ranges (from the core table).
constexpr double kActivationRangeLimit = 1000;  // |x_min|, |x_max| at most this
constexpr double kActivationMinSpan = 1e-3;     // x_max - x_min at least this
constexpr int kActivationSamples = 401;         // evenly spaced samples (plus the kinks)

// The parameter an activation takes from the scene (0 when it has none).
double activationParam(const ActivationScene& scene, Activation a);
// "" or what is wrong, naming the field as the scene file does ("softplus_beta must be in
// [0.1, 10]", "x_range[1] must be in [-1000, 1000]", "taylor.degree must be in [1, 19]").
std::string validateActivationScene(const ActivationScene& scene);

// [SECTION] What the plots draw

// One curve as a plot draws it: NaN breaks it where the function jumps (a kink of f' or f''),
// and the value there (PyTorch's convention, e.g. relu'(0) = 0) is a dot.
struct PlotCurve {
  std::vector<double> xs, ys;
  std::vector<double> dot_xs, dot_ys;
};

struct ActivationCurves {
  Activation id;
  PlotCurve order[3];  // f, f', f''
};

struct IdentityOverlay {
  ActivationIdentity id;
  IdentityCurves curves;
};

// Where leaky ReLU has become another activation: alpha = 0 is ReLU, alpha = 1 the identity.
enum class LeakyLimit { None, Relu, Linear };

struct TaylorView {
  std::vector<double> xs, ys;   // the polynomial over the samples
  std::vector<double> sigmoid;  // sigmoid over the same samples
  // |P(x) - sigmoid(x)| <= tolerance for |x| <= within (the error is even in x); infinite when it
  // holds over the whole range.
  double within = 0;
  bool departs_in_range = false;
  double max_error = 0;  // max |P - sigmoid| over the range
};

struct ActivationLab {
  ActivationScene scene = defaultActivationScene();
  std::vector<double> xs;                 // the samples, kinks included
  std::vector<ActivationCurves> curves;   // the shown activations, in table order
  std::vector<IdentityOverlay> overlays;  // the identities switched on, in table order
  LeakyLimit leaky_limit = LeakyLimit::None;
  double leaky_limit_difference = 0;  // max |leaky - relu| or |leaky - x| at the limit
  TaylorView taylor;
  int version = 0;  // grows with every recompute (views refit then)
};

// [SECTION] State changes (each recomputes what it invalidates, at once)

void resetActivationLab(ActivationLab& lab);
// Recomputes everything from lab.scene (after a direct edit of the scene, e.g. a slider).
void recomputeActivationLab(ActivationLab& lab);

void setActivationShown(ActivationLab& lab, Activation a, bool shown);
void toggleActivation(ActivationLab& lab, Activation a);
// Leaky ReLU's alpha, ELU's alpha or softplus's beta; clamped to the table's range.
void setActivationParam(ActivationLab& lab, Activation a, double value);
// "" or the problem (the range is then unchanged).
std::string setActivationRange(ActivationLab& lab, double x_min, double x_max);
void setIdentityShown(ActivationLab& lab, ActivationIdentity id, bool shown);
void toggleIdentity(ActivationLab& lab, ActivationIdentity id);
void setSecondDerivativeShown(ActivationLab& lab, bool shown);
void setTaylor(ActivationLab& lab, bool shown, int degree, double tolerance);

// Makes `scene` the lab's after validating it; "" or the problem (the lab is then unchanged).
std::string applyActivationScene(ActivationLab& lab, const ActivationScene& scene);

// [SECTION] Reading the results

// The y range of plot `order` (0: f, 1: f', 2: f'') over the shown curves and overlays (the
// Taylor polynomial left out: it leaves any range far from 0), padded by 5%.
void curveRange(const ActivationLab& lab, int order, double* y_min, double* y_max);
// "leaky ReLU (alpha = 0.1)", "softplus (beta = 2)", "tanh".
std::string activationLabel(const ActivationScene& scene, Activation a);
// A number as the panel prints it: "0", "1.1e-16", "0.25".
std::string formatDifference(double d);

}  // namespace gradlab
