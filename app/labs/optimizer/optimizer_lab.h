// The Optimizer lab's state and the computations its views show: the objective, the start
// points, the runs, the animation clock and the Hessian inspector. No ImGui and no GL here, so
// the lab's logic is testable headless; optimizer_lab_ui.cpp draws it.
#pragma once

#include <string>
#include <vector>

#include "app/views/timeline.h"
#include "core/analysis.h"
#include "core/objective.h"
#include "core/run.h"

namespace gradlab {

constexpr int kMaxRuns = 16;  // distinct colour-blind-safe colours exist for this many

// How the contour view shades the field. Defaults suit the two-bumps scene.
struct ContourOptions {
  int levels = 14;          // iso-lines between the visible minimum and maximum
  bool log_levels = false;  // space levels in log(f - min): for Rosenbrock-like valleys
  bool lines_only = false;  // like matplotlib's contour (no fill)
  int colormap = 0;         // plot::Colormap: 0 viridis, 1 cividis, 2 coolwarm (diverging)
  bool colorbar = true;
};

// A method with its own parameters for compare mode.
struct CompareEntry {
  RunConfig config;
  bool enabled = true;
};

struct OptimizerLab {
  // [What is optimized]
  ObjectiveSpec spec;            // the built-in's name and parameter values, or an expression
  ObjectivePtr objective;        // never null; a bad expression keeps the previous one
  std::string expression_text;   // the expression box, as typed
  std::string expression_error;  // "" when the typed expression compiled

  // [How]
  RunConfig config;
  std::vector<Vec2> starts;  // at most kMaxRuns

  // [Compare mode] one start point, several methods on the same views
  bool compare = false;
  std::vector<CompareEntry> compare_entries;

  // [Results] runs[i] belongs to starts[i] (or to compare_entries[i] in compare mode)
  std::vector<Trajectory> runs;
  int runs_version = 0;       // bumped on every recompute: views cache by it
  int objective_version = 0;  // bumped when the objective or its parameters change

  // [View]
  Window view;             // the contour's visible window (plot limits), updated every frame
  Window home_view;        // where "reset view" returns: the function's window
  bool reset_view = true;  // the contour view goes to `home_view` on the next frame
  ContourOptions contour;
  bool show_arrows = true;  // arrows w_i -> w_i+1, as the homework asks
  bool log_f_axis = false;  // f versus iteration on a log axis (f <= 0 leaves gaps)

  // [Animation] the views show iterates 0..timelineShown(); new runs are shown in full
  Timeline timeline;

  // [Inspector]
  bool pinned = false;
  Vec2 pin = Vec2::Zero();

  // [Sweep] every start over a log grid of step sizes (computed off the UI thread)
  SweepConfig sweep;
};

// The default scene: EXERCISES C4, two bumps, three starts, gradient ascent, eta = 0.1.
void resetOptimizerLab(OptimizerLab& lab);

// A step size that suits `method` on this objective from `start`: 1 / |lambda|max of the Hessian
// there and at the known optima for gradient methods, 1% of the window for adaptive ones, 0 for
// Newton and L-BFGS (their defaults fit). Compare mode starts each method with it.
double suggestedStepSize(const Objective& objective, Method method, const Vec2& start);

// Switches to a built-in: its default parameters, window and starts, its natural direction;
// the method (and every compare-mode method) gets suggestedStepSize().
void selectBuiltin(OptimizerLab& lab, const std::string& name);
// Sets one parameter of the current built-in; false with *error when out of range or unknown.
bool setObjectiveParam(OptimizerLab& lab, const std::string& name, double value,
                       std::string* error);
// Compiles the typed expression. On success it becomes the objective (keeping starts and view);
// on failure the previous objective stays and expression_error holds the message with column.
bool applyExpression(OptimizerLab& lab, const std::string& text);
// Switches the method, keeping the step size where the new method shares its meaning.
void selectMethod(OptimizerLab& lab, Method method);

// Everything the runs depend on, as a snapshot another thread can compute from.
struct RunInputs {
  ObjectivePtr objective;  // immutable, safe to share
  RunConfig config;
  bool compare = false;
  std::vector<CompareEntry> compare_entries;
  std::vector<Vec2> starts;
};
RunInputs runInputs(const OptimizerLab& lab);
// The runs of those inputs into `runs` (its storage is reused): one per start, or one per
// compare entry from the first start (empty for a disabled entry).
void computeRuns(const RunInputs& inputs, std::vector<Trajectory>& runs);
// How many steps a full recompute may take: runs x (max iterations + 1).
long fullRecomputeSteps(const OptimizerLab& lab);

// Runs every start (or every compare entry) again. Call after any change to the objective, the
// config or the starts; it is fast enough (3 x 10,000 iterations in about a millisecond) to run
// in the frame that made the change. (The UI sends much larger recomputes to a RunWorker.)
void recomputeRuns(OptimizerLab& lab);

// Reruns start i only (a dragged start); in compare mode every run, as they share the start.
void recomputeRun(OptimizerLab& lab, int i);
// Deletes start i and its run; the other runs stay as they are. In compare mode every run
// shares the first start, so the caller reruns them (recomputeRuns or requestRuns).
void removeStart(OptimizerLab& lab, int i);

// The function's default starts, or the middle of its window when it declares none.
std::vector<Vec2> defaultStarts(const ObjectiveInfo& info);
// "run 3", or the method's name in compare mode: the same in the legend, chips and curves.
std::string runLabel(const OptimizerLab& lab, int run);

// The number of iterations the views show for run i (all of them unless animating).
int shownIterations(const OptimizerLab& lab, int run);
// The longest run's last iteration index.
int longestRun(const OptimizerLab& lab);
// Which iterate of run i the views show, for the inspector's caption: "where run 1 ends
// (iteration 55)", or "run 1 at iteration 13 of 55" while the timeline is animated.
std::string shownIterateCaption(const OptimizerLab& lab, int run);
// The runs were replaced: bumps runs_version (views re-cache) and shows the new runs in full,
// with the timeline stopped, so no view keeps a cursor from the old runs (issue 15, item 1).
void runsChanged(OptimizerLab& lab);

// Everything the inspector shows about one point.
struct PointInspection {
  Vec2 w = Vec2::Zero();
  Eval eval;
  HessianAnalysis hessian;
  bool newton_ok = false;           // Hessian invertible
  Vec2 newton_step = Vec2::Zero();  // -H^-1 grad
};
PointInspection inspectPoint(const Objective& objective, const Vec2& w);
// What the Hessian says about the point: the optimum's kind ("a maximum") only where
// ||grad f|| <= grad_tol (0: 1e-8), elsewhere the local shape ("dome-shaped here").
const char* describeShape(const PointInspection& p, double grad_tol);

// A status chip's text for run i, e.g. "converged in 55 steps to a maximum (f = 1.060077)".
std::string runSummary(const OptimizerLab& lab, int run);

}  // namespace gradlab
