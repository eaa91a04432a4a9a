// The parameter tables. Ranges are those the app's sliders offer; PyTorch's names. See
// param_table.h.
#include "core/param_table.h"

namespace gradlab {

const ParamTable<SgdParams>& sgdParamTable() {
  static const ParamTable<SgdParams> table = {
      {"lr", "step size eta", &SgdParams::lr, 1e-6, 10, true},
      {"momentum", "weight of the previous step", &SgdParams::momentum, 0, 0.999},
      {"dampening", "scales the new gradient into the buffer", &SgdParams::dampening, 0, 1},
      {"weight_decay", "L2 penalty added to the gradient", &SgdParams::weight_decay, 0, 10},
      {"nesterov", "look-ahead form", &SgdParams::nesterov},
  };
  return table;
}

const ParamTable<ArmijoParams>& armijoParamTable() {
  static const ParamTable<ArmijoParams> table = {
      {"lr", "first trial step", &ArmijoParams::lr, 1e-6, 10, true},
      {"c", "sufficient-decrease constant", &ArmijoParams::c, 1e-6, 0.5},
      {"shrink", "t <- shrink t after a failed trial", &ArmijoParams::shrink, 0.05, 0.95},
      {"max_halvings", "shrinks before the step fails", &ArmijoParams::max_halvings, 1, 200},
  };
  return table;
}

const ParamTable<AdagradParams>& adagradParamTable() {
  static const ParamTable<AdagradParams> table = {
      {"lr", "step size", &AdagradParams::lr, 1e-6, 10, true},
      {"lr_decay", "lr / (1 + (t - 1) lr_decay)", &AdagradParams::lr_decay, 0, 1},
      {"weight_decay", "L2 penalty added to the gradient", &AdagradParams::weight_decay, 0, 10},
      {"initial_accumulator_value", "the sum of squares starts here",
       &AdagradParams::initial_accumulator_value, 0, 10},
      {"eps", "added to sqrt(sum)", &AdagradParams::eps, 0, 1e-1, true},
  };
  return table;
}

const ParamTable<RmspropParams>& rmspropParamTable() {
  static const ParamTable<RmspropParams> table = {
      {"lr", "step size", &RmspropParams::lr, 1e-6, 10, true},
      {"alpha", "smoothing of the squared gradient", &RmspropParams::alpha, 0, 0.9999},
      {"eps", "added to the root mean square", &RmspropParams::eps, 0, 1e-1, true},
      {"weight_decay", "L2 penalty added to the gradient", &RmspropParams::weight_decay, 0, 10},
      {"momentum", "weight of the previous step", &RmspropParams::momentum, 0, 0.999},
      {"centered", "divide by the estimated standard deviation", &RmspropParams::centered},
  };
  return table;
}

const ParamTable<AdamParams>& adamParamTable() {
  static const ParamTable<AdamParams> table = {
      {"lr", "step size", &AdamParams::lr, 1e-6, 10, true},
      {"beta1", "decay of the first moment m", &AdamParams::beta1, 0, 0.9999},
      {"beta2", "decay of the second moment v", &AdamParams::beta2, 0, 0.99999},
      {"eps", "added to the denominator", &AdamParams::eps, 0, 1e-1, true},
      {"weight_decay", "L2 penalty added to the gradient", &AdamParams::weight_decay, 0, 10},
      {"amsgrad", "divide by the largest v seen", &AdamParams::amsgrad},
  };
  return table;
}

const ParamTable<NewtonParams>& newtonParamTable() {
  static const ParamTable<NewtonParams> table = {
      {"eta", "damping: w <- w - eta H^-1 grad f", &NewtonParams::eta, 1e-3, 2, true},
      {"singular_tol", "relative determinant below which H is singular",
       &NewtonParams::singular_tol, 0, 1e-3},
  };
  return table;
}

const ParamTable<LbfgsParams>& lbfgsParamTable() {
  static const ParamTable<LbfgsParams> table = {
      {"lr", "step along the quasi-Newton direction", &LbfgsParams::lr, 1e-6, 10, true},
      {"tolerance_grad", "no step once max |g_i| is at most this", &LbfgsParams::tolerance_grad, 0,
       1},
      {"tolerance_change", "no step unless g.d < -this", &LbfgsParams::tolerance_change, 0, 1},
      {"history_size", "(s, y) pairs kept", &LbfgsParams::history_size, 1, 1000},
  };
  return table;
}

const ParamTable<StopRules>& stopRulesTable() {
  static const ParamTable<StopRules> table = {
      {"grad_tol", "||grad f|| below this: converged (0: off)", &StopRules::grad_tol, 0, 1, true},
      {"f_tol", "|delta f| below this: converged (0: off)", &StopRules::f_tol, 0, 1, true},
      {"x_tol", "||delta w|| below this: converged (0: off)", &StopRules::x_tol, 0, 1, true},
      {"max_iterations", "iterates 0..max_iterations at most", &StopRules::max_iterations, 1,
       1000000},
      {"divergence_bound", "||w|| beyond this: diverged", &StopRules::divergence_bound, 1, 1e300,
       true},
      {"plateau_gap", "relative gap to the best f that makes a stop a plateau",
       &StopRules::plateau_gap, 0, 1},
      {"plateau_curvature", "curvature ratio below which a stop is a plateau",
       &StopRules::plateau_curvature, 0, 1},
  };
  return table;
}

const ParamTable<SweepConfig>& sweepConfigTable() {
  static const ParamTable<SweepConfig> table = {
      {"min_step", "first step size", &SweepConfig::min_step, 1e-8, 100, true},
      {"max_step", "last step size", &SweepConfig::max_step, 1e-8, 1000, true},
      {"count", "points on the log grid", &SweepConfig::count, 2, 400},
  };
  return table;
}

}  // namespace gradlab
