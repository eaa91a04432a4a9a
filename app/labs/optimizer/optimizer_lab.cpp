// The Optimizer lab's state changes and computations. See optimizer_lab.h.
#include "app/labs/optimizer/optimizer_lab.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <random>

namespace gradlab {
namespace {

const ObjectiveInfo* findBuiltin(const std::string& name) {
  for (const ObjectiveInfo& info : builtinObjectives())
    if (info.name == name) return &info;
  return nullptr;
}

// Rebuilds the objective from lab.scene.spec; on failure keeps the previous one.
bool rebuildObjective(OptimizerLab& lab, std::string* error) {
  ObjectivePtr made = makeObjective(lab.scene.spec, error);
  if (!made) return false;
  lab.objective = made;
  ++lab.objective_version;
  return true;
}

bool takesStepSize(Method method) {
  return method != Method::Newton;
}

// Gradient methods share one step size; Newton's is a damping factor of another scale.
bool isNewton(Method method) {
  return method == Method::Newton || method == Method::DampedNewton;
}

// The step each method starts with on a new function: the exercise's own for a homework
// function, the user's once they set one, else one that suits the function from the first start
// (gradient methods: a stable one), so a newly chosen function is a working demo. Compare-mode
// entries keep a step their user set, too.
void chooseSteps(OptimizerLab& lab) {
  const Vec2 start = lab.scene.starts.front();
  const ObjectiveInfo& info = lab.objective->info();
  if (info.step_size > 0) {
    lab.gradient_step = info.step_size;
    lab.step_from_user = false;
    selectMethod(lab, Method::GradientDescent);  // takes gradient_step
  } else if (lab.step_from_user) {
    if (!isNewton(lab.scene.config.method)) lab.scene.config.step_size = lab.gradient_step;
  } else {
    const double step = suggestedStepSize(*lab.objective, lab.scene.config.method, start);
    if (step > 0) lab.scene.config.step_size = step;
    if (!isNewton(lab.scene.config.method)) lab.gradient_step = lab.scene.config.step_size;
  }
  for (CompareEntry& entry : lab.scene.compare_entries) {
    entry.config.maximize = lab.scene.config.maximize;
    if (entry.step_from_user) continue;
    const double entry_step = suggestedStepSize(*lab.objective, entry.config.method, start);
    if (entry_step > 0) entry.config.step_size = entry_step;
  }
}

// The lowest colour slot no start holds.
int freeSlot(const OptimizerLab& lab) {
  for (int slot = 0;; ++slot)
    if (std::find(lab.start_slots.begin(), lab.start_slots.end(), slot) == lab.start_slots.end())
      return slot;
}

}  // namespace

std::vector<Vec2> defaultStarts(const ObjectiveInfo& info) {
  if (!info.starts.empty()) return info.starts;
  return {Vec2(0.5 * (info.window.x_min + info.window.x_max),
               0.5 * (info.window.y_min + info.window.y_max))};
}

std::string runLabel(const OptimizerLab& lab, int run) {
  if (lab.scene.compare && run < int(lab.scene.compare_entries.size())) {
    // The same method twice (GD at two step sizes) gets numbered: one legend entry each.
    const Method method = lab.scene.compare_entries[run].config.method;
    int same = 0, nth = 0;
    for (int i = 0; i < int(lab.scene.compare_entries.size()); ++i) {
      if (lab.scene.compare_entries[i].config.method != method) continue;
      ++same;
      if (i <= run) ++nth;
    }
    const std::string name = methodDisplayName(method);
    return same > 1 ? name + " (" + std::to_string(nth) + ")" : name;
  }
  return "run " + std::to_string(runSlot(lab, run) + 1);
}

void resetOptimizerLab(OptimizerLab& lab) {
  // Versions keep counting up across a reset, so no view cache mistakes new runs for old ones.
  const int runs_version = lab.runs_version, objective_version = lab.objective_version;
  lab = OptimizerLab();
  lab.runs_version = runs_version + 1;
  lab.objective_version = objective_version + 1;
  selectBuiltin(lab, "two-bumps");  // a homework function: gradient ascent at C4's 0.1
  for (Method method : {Method::GradientDescent, Method::Momentum, Method::Adam, Method::Newton})
    addCompareEntry(lab, method);
  recomputeRuns(lab);
}

double suggestedStepSize(const Objective& objective, Method method, const Vec2& start) {
  switch (method) {
    case Method::Newton:
    case Method::DampedNewton:
    case Method::Lbfgs:
      return 0;  // their own defaults (eta = 1, lr = 1) are the right scale
    case Method::AdaGrad:
    case Method::RMSProp:
    case Method::Adam:
    case Method::AMSGrad: {
      // Adaptive methods move each coordinate by about lr per step, whatever the curvature.
      const Window& w = objective.info().window;
      return 0.01 * std::max(w.x_max - w.x_min, w.y_max - w.y_min);
    }
    default: {
      // Gradient steps are stable below 2 / lambda_max (EXERCISES D1); 1 / lambda_max keeps a
      // margin. The curvature that matters is also where the runs end: the known optima (the
      // cubic's minimum curves 3x more than its starts), so the largest of all is used.
      // Clamped so a flat start does not suggest an absurd step.
      const auto curvature = [&objective](const Vec2& w) {
        return analyzeHessian(objective.eval(w).hess).eigenvalues.cwiseAbs().maxCoeff();
      };
      double lambda = curvature(start);
      for (const KnownPoint& k : objective.info().known_points) {
        if (k.kind != "minimum" && k.kind != "maximum") continue;
        const double at_k = curvature(k.w);
        if (std::isfinite(at_k)) lambda = std::max(lambda, at_k);
      }
      if (!std::isfinite(lambda) || lambda <= 0) return 0.1;
      return std::clamp(1.0 / lambda, 1e-5, 1.0);
    }
  }
}

void selectBuiltin(OptimizerLab& lab, const std::string& name) {
  const ObjectiveInfo* info = findBuiltin(name);
  if (!info) return;
  lab.scene.spec = ObjectiveSpec();
  lab.scene.spec.name = name;
  for (const Param& p : info->params) lab.scene.spec.params.emplace_back(p.name, p.value);
  std::string error;
  if (!rebuildObjective(lab, &error)) return;
  lab.scene.view = info->window;
  lab.home_view = info->window;
  lab.reset_view = true;
  setStarts(lab, defaultStarts(*info));
  lab.scene.config.maximize = info->maximize;
  chooseSteps(lab);
  // Valleys whose f spans many decades down to a minimum of 0: log-spaced contour levels and
  // a log f axis, or every curve flattens into the floor after the first steps.
  lab.scene.contour.log_levels = name == "rosenbrock" || name == "beale" || name == "himmelblau";
  lab.scene.log_f_axis = lab.scene.contour.log_levels;
  // Saddles read best on a diverging map centred on their level (0): up one colour, down the
  // other. Everything else keeps the perceptually uniform default.
  lab.scene.contour.colormap = (name == "saddle" || name == "monkey-saddle") ? 2 : 0;
  lab.scene.pinned = false;
  lab.expression_error.clear();
}

bool setObjectiveParam(OptimizerLab& lab, const std::string& name, double value,
                       std::string* error) {
  ObjectiveSpec previous = lab.scene.spec;
  bool found = false;
  for (auto& [key, v] : lab.scene.spec.params) {
    if (key == name) {
      v = value;
      found = true;
    }
  }
  if (!found) lab.scene.spec.params.emplace_back(name, value);
  if (!rebuildObjective(lab, error)) {
    lab.scene.spec = previous;
    return false;
  }
  return true;
}

bool applyExpression(OptimizerLab& lab, const std::string& text) {
  lab.expression_text = text;
  ObjectiveSpec spec;
  spec.name = "expression";
  spec.expression = text;
  std::string error;
  ObjectivePtr made = makeObjective(spec, &error);
  if (!made) {
    lab.expression_error = error;
    return false;
  }
  const bool was_expression = lab.scene.spec.name == "expression";
  lab.scene.spec = spec;
  lab.objective = made;
  ++lab.objective_version;
  lab.expression_error.clear();
  if (!was_expression) {
    // Coming from a built-in: the expression's default window; the starts stay where they are
    // (the user may want to compare the same points on a new formula).
    lab.scene.view = made->info().window;
    lab.home_view = made->info().window;
    lab.reset_view = true;
    lab.scene.config.maximize = false;
    chooseSteps(lab);
  }
  return true;
}

void typeExpression(OptimizerLab& lab, const std::string& text) {
  lab.expression_text = text;
  lab.expression_typing.typed();
}

namespace {
// The box's text applied: true when the objective changed (a typo keeps the old one).
bool applyTypedExpression(OptimizerLab& lab) {
  const ObjectivePtr before = lab.objective;
  applyExpression(lab, lab.expression_text);
  return lab.objective != before;
}
}  // namespace

bool commitExpression(OptimizerLab& lab) {
  return lab.expression_typing.commit() && applyTypedExpression(lab);
}

bool advanceExpressionTyping(OptimizerLab& lab, double dt) {
  return lab.expression_typing.advance(dt) && applyTypedExpression(lab);
}

double secondsUntilExpressionApplies(const OptimizerLab& lab) {
  return lab.expression_typing.secondsLeft();
}

std::string shownFunctionName(const OptimizerLab& lab) {
  if (lab.scene.spec.name == "expression") return lab.scene.spec.expression;
  return lab.objective->info().title;
}

void selectMethod(OptimizerLab& lab, Method method) {
  const bool newton = isNewton(method);
  RunConfig config = defaultRunConfig(method, lab.scene.config.maximize);
  config.stop = lab.scene.config.stop;
  // Newton's step is a damping factor of another scale (1 or 0.5): it keeps its default, and
  // the gradient step waits in gradient_step for the way back.
  if (!newton) config.step_size = lab.gradient_step;
  lab.scene.config = config;
}

namespace {

CompareEntry compareEntry(const OptimizerLab& lab, Method method) {
  CompareEntry entry;
  entry.config = defaultRunConfig(method, lab.scene.config.maximize);
  const double step = suggestedStepSize(*lab.objective, method, lab.scene.starts.front());
  if (step > 0) entry.config.step_size = step;
  return entry;
}

}  // namespace

bool addCompareEntry(OptimizerLab& lab, Method method) {
  if (int(lab.scene.compare_entries.size()) >= kMaxCompareEntries) return false;
  lab.scene.compare_entries.push_back(compareEntry(lab, method));
  return true;
}

bool setCompareMethod(OptimizerLab& lab, int entry, Method method) {
  if (entry < 0 || entry >= int(lab.scene.compare_entries.size())) return false;
  const bool enabled = lab.scene.compare_entries[std::size_t(entry)].enabled;
  lab.scene.compare_entries[std::size_t(entry)] = compareEntry(lab, method);
  lab.scene.compare_entries[std::size_t(entry)].enabled = enabled;
  return true;
}

bool removeCompareEntry(OptimizerLab& lab, int entry) {
  if (entry < 0 || entry >= int(lab.scene.compare_entries.size()) ||
      lab.scene.compare_entries.size() <= 1)
    return false;
  lab.scene.compare_entries.erase(lab.scene.compare_entries.begin() + entry);
  return true;
}

void setUserStepSize(OptimizerLab& lab, double step_size) {
  if (!(step_size > 0) || !std::isfinite(step_size)) return;
  lab.scene.config.step_size = step_size;
  lab.step_from_user = true;
  if (!isNewton(lab.scene.config.method)) lab.gradient_step = step_size;
}

double offeredStepSize(const OptimizerLab& lab) {
  const Method method = lab.scene.config.method;
  if (!takesStepSize(method) || lab.scene.starts.empty()) return 0;
  const double suggested = suggestedStepSize(*lab.objective, method, lab.scene.starts.front());
  const double current = lab.scene.config.step_size;
  if (!(suggested > 0) || !(current > 0)) return 0;
  return std::abs(std::log(suggested / current)) > std::log(3.0) ? suggested : 0;
}

void recomputeRun(OptimizerLab& lab, int i) {
  if (lab.scene.compare || i < 0) {
    recomputeRuns(lab);  // compare mode: every run starts from the moved point
    return;
  }
  // A new start can lower the cap below what the other runs took: rerun them all.
  const std::size_t kept = std::size_t(std::max(0, runIterationCap(lab))) + 1;
  for (const Trajectory& t : lab.runs) {
    if (t.iterates.size() > kept) {
      recomputeRuns(lab);
      return;
    }
  }
  lab.runs.resize(lab.scene.starts.size());
  if (i < int(lab.scene.starts.size())) {
    RunConfig config = lab.scene.config;
    config.stop.max_iterations = runIterationCap(lab);
    run(*lab.objective, config, lab.scene.starts[i], lab.runs[i]);
  }
  runsChanged(lab);
}

void setStarts(OptimizerLab& lab, std::vector<Vec2> starts) {
  if (int(starts.size()) > kMaxRuns) starts.resize(kMaxRuns);
  lab.scene.starts = std::move(starts);
  lab.start_slots.resize(lab.scene.starts.size());
  for (std::size_t i = 0; i < lab.start_slots.size(); ++i) lab.start_slots[i] = int(i);
}

int addStart(OptimizerLab& lab, const Vec2& w) {
  if (int(lab.scene.starts.size()) >= kMaxRuns || !w.allFinite()) return -1;
  lab.start_slots.push_back(freeSlot(lab));
  lab.scene.starts.push_back(w);
  return int(lab.scene.starts.size()) - 1;
}

int addRandomStart(OptimizerLab& lab) {
  if (int(lab.scene.starts.size()) >= kMaxRuns) return -1;
  std::mt19937 rng(1234u + unsigned(freeSlot(lab)));
  std::uniform_real_distribution<double> ux(lab.scene.view.x_min, lab.scene.view.x_max);
  std::uniform_real_distribution<double> uy(lab.scene.view.y_min, lab.scene.view.y_max);
  const double x = ux(rng);
  return addStart(lab, Vec2(x, uy(rng)));
}

bool moveStart(OptimizerLab& lab, int i, const Vec2& w) {
  if (i < 0 || i >= int(lab.scene.starts.size()) || !w.allFinite() || lab.scene.starts[i] == w)
    return false;
  lab.scene.starts[i] = w;
  return true;
}

bool removeStart(OptimizerLab& lab, int i) {
  if (i < 0 || i >= int(lab.scene.starts.size()) || lab.scene.starts.size() <= 1) return false;
  const int cap_before = runIterationCap(lab);
  lab.scene.starts.erase(lab.scene.starts.begin() + i);
  lab.start_slots.erase(lab.start_slots.begin() + i);
  if (!lab.scene.compare && i < int(lab.runs.size())) lab.runs.erase(lab.runs.begin() + i);
  if (!lab.scene.compare && runIterationCap(lab) > cap_before) {
    recomputeRuns(lab);  // the cap rose: runs it stopped go on (at most kMaxKeptIterates steps)
    return true;
  }
  runsChanged(lab);
  return true;
}

bool mapLegendListsRuns(const OptimizerLab& lab) {
  return int(lab.runs.size()) <= kMapLegendRuns;
}

int runSlot(const OptimizerLab& lab, int run) {
  if (lab.scene.compare || run < 0 || run >= int(lab.start_slots.size())) return run;
  return lab.start_slots[std::size_t(run)];
}

int runCount(const OptimizerLab& lab) {
  if (!lab.scene.compare) return int(lab.scene.starts.size());
  int runs = 0;
  for (const CompareEntry& e : lab.scene.compare_entries) runs += e.enabled ? 1 : 0;
  return runs;
}

int cappedIterations(int max_iterations, int runs) {
  if (runs <= 0) return max_iterations;
  return int(std::min<long>(max_iterations, kMaxKeptIterates / runs - 1));
}

int runIterationCap(const OptimizerLab& lab) {
  return cappedIterations(lab.scene.config.stop.max_iterations, runCount(lab));
}

std::string iterationCapNote(const OptimizerLab& lab) {
  const int cap = runIterationCap(lab);
  if (cap >= lab.scene.config.stop.max_iterations) return "";
  char text[160];
  std::snprintf(text, sizeof text,
                "%d runs stop at %d iterations: all runs keep at most %ld iterates (%.1f MB)",
                runCount(lab), cap, kMaxKeptIterates,
                double(kMaxKeptIterates) * double(sizeof(Iterate)) / 1e6);
  return text;
}

RunInputs runInputs(const OptimizerLab& lab) {
  RunInputs in{lab.objective, lab.scene.config, lab.scene.compare, lab.scene.compare_entries,
               lab.scene.starts};
  in.config.stop.max_iterations = runIterationCap(lab);
  return in;
}

void computeRuns(const RunInputs& in, std::vector<Trajectory>& runs) {
  const Objective& f = *in.objective;
  if (in.compare) {
    const Vec2 start = in.starts.empty() ? Vec2::Zero() : in.starts.front();
    runs.resize(in.compare_entries.size());
    for (std::size_t i = 0; i < in.compare_entries.size(); ++i) {
      RunConfig config = in.compare_entries[i].config;
      config.stop = in.config.stop;
      config.maximize = in.config.maximize;
      if (in.compare_entries[i].enabled)
        run(f, config, start, runs[i]);
      else
        runs[i] = Trajectory();
    }
  } else {
    runs.resize(in.starts.size());
    for (std::size_t i = 0; i < in.starts.size(); ++i) run(f, in.config, in.starts[i], runs[i]);
  }
}

long fullRecomputeSteps(const OptimizerLab& lab) {
  return long(runCount(lab)) * (long(std::max(0, runIterationCap(lab))) + 1);
}

void recomputeRuns(OptimizerLab& lab) {
  computeRuns(runInputs(lab), lab.runs);
  runsChanged(lab);
}

int longestRun(const OptimizerLab& lab) {
  int longest = 0;
  for (const Trajectory& t : lab.runs) longest = std::max(longest, int(t.iterates.size()) - 1);
  return longest;
}

int shownIterations(const OptimizerLab& lab, int run) {
  return timelineShown(lab.timeline, int(lab.runs[run].iterates.size()) - 1);
}

std::string shownIterateCaption(const OptimizerLab& lab, int run) {
  const int last = int(lab.runs[run].iterates.size()) - 1;
  const int shown = shownIterations(lab, run);
  if (shown == last)
    return "where " + runLabel(lab, run) + " ends (iteration " + std::to_string(last) + ")";
  return runLabel(lab, run) + " at iteration " + std::to_string(shown) + " of " +
         std::to_string(last);
}

void runsChanged(OptimizerLab& lab) {
  ++lab.runs_version;
  timelineNewRuns(lab.timeline, longestRun(lab));
}

PointInspection inspectPoint(const Objective& objective, const Vec2& w) {
  PointInspection p;
  p.w = w;
  p.eval = objective.eval(w);
  p.hessian = analyzePoint(objective, w, p.eval);  // kind Flat on a plain, as at a run's end
  // The same singularity test as the Newton method itself, so the two never disagree.
  p.newton_ok =
      newtonDirection(p.eval.hess, p.eval.grad, NewtonParams().singular_tol, &p.newton_step);
  return p;
}

std::string runSummary(const OptimizerLab& lab, int run) {
  const Trajectory& t = lab.runs[run];
  if (t.iterates.empty()) return "off";
  return t.message;
}

std::string runHint(const OptimizerLab& lab, int run) {
  const Trajectory& t = lab.runs[run];
  const int cap = runIterationCap(lab);
  if (t.status != RunStatus::MaxIterations || cap >= lab.scene.config.stop.max_iterations)
    return t.hint;
  // More iterations are not the user's to allow here: the cap set this run's limit.
  return "change the step size, or use fewer starts (with " + std::to_string(runCount(lab)) +
         ", each stops at " + std::to_string(cap) + ")";
}

const char* describeShape(const PointInspection& p, double grad_tol) {
  // A point on a bowl's slope is not a minimum: the kind of optimum needs grad f = 0.
  const bool stationary = p.eval.grad.norm() <= (grad_tol > 0 ? grad_tol : 1e-8);
  switch (p.hessian.kind) {
    case PointKind::Minimum:
      return stationary ? "a minimum" : "bowl-shaped here (curves up)";
    case PointKind::Maximum:
      return stationary ? "a maximum" : "dome-shaped here (curves down)";
    case PointKind::Saddle:
      return stationary ? "a saddle point" : "saddle-shaped here";
    case PointKind::Degenerate:
      return stationary ? "degenerate: the test is inconclusive" : "flat along one direction";
    case PointKind::Flat:
      return "a flat region, not a stationary point";
  }
  return "";
}

}  // namespace gradlab
