// The parameter tables. Ranges are those the app's sliders offer; PyTorch's names. See
// param_table.h.
#include "core/param_table.h"

namespace gradlab {

namespace {
constexpr const char* kStepHelp =
    "Step size eta (torch: lr). Log slider from 1e-6 to 10; type an exact value in the box.";

// How a method names and explains the one step size (the member and key stay the same).
ParamField<RunConfig> stepSizeFieldFor(Method method) {
  ParamField<RunConfig> field = runConfigParamTable().front();
  const StepSizeRange range = stepSizeRange(method);
  switch (method) {
    case Method::GradientDescentArmijo:
      field.label = "first trial step";
      field.help =
          "Each step starts at this t and halves it until f improves by at least c * t * "
          "||grad||^2 (Armijo's sufficient-decrease rule).";
      break;
    case Method::Lbfgs:
      field.help =
          "Step along the quasi-Newton direction (torch.optim.LBFGS, one iteration per step, no "
          "line search).";
      break;
    case Method::DampedNewton:
      field.label = "eta";
      field.help = "w <- w - eta H^-1 grad f.";
      field.min = range.min;
      field.max = range.max;
      break;
    default:
      break;
  }
  return field;
}
}  // namespace

const ParamTable<RunConfig>& runConfigParamTable() {
  static const ParamTable<RunConfig> table = {
      {"lr", "step size", kStepHelp, &RunConfig::step_size, 1e-6, 10, true},
  };
  return table;
}

const ParamTable<RunConfig>& stepSizeTable(Method method) {
  static const std::vector<ParamTable<RunConfig>> tables = [] {
    int count = 0;
    const MethodInfo* methods = methodTable(&count);
    std::vector<ParamTable<RunConfig>> out(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i)
      out[std::size_t(methods[i].method)] = {stepSizeFieldFor(methods[i].method)};
    return out;
  }();
  return tables[std::size_t(method)];
}

const ParamTable<SgdParams>& sgdParamTable() {
  static const ParamTable<SgdParams> table = {
      {"momentum", "momentum",
       "mu: buffer b <- mu b + (1 - dampening) g; the step follows b (torch.optim.SGD).",
       &SgdParams::momentum, 0, 0.999},
      {"dampening", "dampening", "Scales the new gradient in b.", &SgdParams::dampening, 0, 1},
      {"weight_decay", "weight decay", "L2 penalty added to the gradient.",
       &SgdParams::weight_decay, 0, 10},
      {"nesterov", "nesterov", "Look-ahead form.", &SgdParams::nesterov},
  };
  return table;
}

const ParamTable<ArmijoParams>& armijoParamTable() {
  static const ParamTable<ArmijoParams> table = {
      {"c", "c", "Sufficient-decrease constant.", &ArmijoParams::c, 1e-6, 0.5},
      {"shrink", "shrink", "t <- shrink * t after a failed trial.", &ArmijoParams::shrink, 0.05,
       0.95},
      {"max_halvings", "max halvings", "Shrinks before the step fails.",
       &ArmijoParams::max_halvings, 1, 200},
  };
  return table;
}

const ParamTable<AdagradParams>& adagradParamTable() {
  static const ParamTable<AdagradParams> table = {
      {"lr_decay", "lr_decay", "lr / (1 + (t - 1) lr_decay).", &AdagradParams::lr_decay, 0, 1},
      {"weight_decay", "weight decay", "L2 penalty added to the gradient.",
       &AdagradParams::weight_decay, 0, 10},
      {"initial_accumulator_value", "initial accumulator",
       "Starting value of the sum of squared gradients.", &AdagradParams::initial_accumulator_value,
       0, 10},
      {"eps", "eps", "Added to sqrt(sum) (torch: 1e-10).", &AdagradParams::eps, 1e-12, 1e-1, true},
  };
  return table;
}

const ParamTable<RmspropParams>& rmspropParamTable() {
  static const ParamTable<RmspropParams> table = {
      {"alpha", "alpha", "Smoothing of the squared gradient.", &RmspropParams::alpha, 0, 0.9999},
      {"eps", "eps", "Added to the root mean square.", &RmspropParams::eps, 1e-12, 1e-1, true},
      {"weight_decay", "weight decay", "L2 penalty added to the gradient.",
       &RmspropParams::weight_decay, 0, 10},
      {"momentum", "momentum", "Weight of the previous step.", &RmspropParams::momentum, 0, 0.999},
      {"centered", "centered", "Divide by the estimated standard deviation.",
       &RmspropParams::centered},
  };
  return table;
}

const ParamTable<AdamParams>& adamParamTable() {
  static const ParamTable<AdamParams> table = {
      {"beta1", "beta1", "Decay of the first moment m.", &AdamParams::beta1, 0, 0.9999},
      {"beta2", "beta2", "Decay of the second moment v.", &AdamParams::beta2, 0, 0.99999},
      {"eps", "eps", "Added to the denominator.", &AdamParams::eps, 1e-12, 1e-1, true},
      {"weight_decay", "weight decay", "L2 penalty added to the gradient.",
       &AdamParams::weight_decay, 0, 10},
      {"amsgrad", "amsgrad", "Divide by the largest v seen.", &AdamParams::amsgrad},
  };
  return table;
}

const ParamTable<NewtonParams>& newtonParamTable() {
  static const ParamTable<NewtonParams> table = {
      {"singular_tol", "singular tolerance", "Relative determinant below which H is singular.",
       &NewtonParams::singular_tol, 0, 1e-3},
  };
  return table;
}

const ParamTable<LbfgsParams>& lbfgsParamTable() {
  static const ParamTable<LbfgsParams> table = {
      {"tolerance_grad", "tolerance_grad", "No step once max |g_i| is at most this.",
       &LbfgsParams::tolerance_grad, 0, 1},
      {"tolerance_change", "tolerance_change", "No step unless g.d < -this.",
       &LbfgsParams::tolerance_change, 0, 1},
      {"history_size", "history", "(s, y) pairs kept.", &LbfgsParams::history_size, 1, 1000},
  };
  return table;
}

const ParamTable<StopRules>& stopRulesTable() {
  static const ParamTable<StopRules> table = {
      {"grad_tol", "||grad|| tol", "||grad f|| below this: converged (0: off).",
       &StopRules::grad_tol, 0, 1, true},
      {"f_tol", "|delta f| tol", "|delta f| below this: converged (0: off).", &StopRules::f_tol, 0,
       1, true},
      {"x_tol", "||delta w|| tol", "||delta w|| below this: converged (0: off).", &StopRules::x_tol,
       0, 1, true},
      {"max_iterations", "max iterations", "Iterates 0..max_iterations at most.",
       &StopRules::max_iterations, 1, 1000000},
      {"divergence_bound", "divergence bound", "||w|| beyond this: diverged.",
       &StopRules::divergence_bound, 1, 1e300, true},
      {"plateau_gap", "plateau gap", "Relative gap to the best f that makes a stop a plateau.",
       &StopRules::plateau_gap, 0, 1},
      {"plateau_curvature", "plateau curvature", "Curvature ratio below which a stop is a plateau.",
       &StopRules::plateau_curvature, 0, 1},
  };
  return table;
}

const ParamTable<SweepConfig>& sweepConfigTable() {
  static const ParamTable<SweepConfig> table = {
      {"min_step", "smallest step", "First step size.", &SweepConfig::min_step, 1e-8, 100, true},
      {"max_step", "largest step", "Last step size.", &SweepConfig::max_step, 1e-8, 1000, true},
      {"count", "step sizes", "Points on the log grid.", &SweepConfig::count, 2, 400},
  };
  return table;
}

}  // namespace gradlab
