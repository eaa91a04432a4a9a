// The Optimizer lab's state and the computations its views show: the objective, the start
// points, the runs, the animation clock and the Hessian inspector. No ImGui and no GL here, so
// the lab's logic is testable headless; optimizer_lab_ui.cpp draws it.
#pragma once

#include <string>
#include <vector>

#include "app/views/contour_mapping.h"
#include "app/views/timeline.h"
#include "app/views/typing_pause.h"
#include "core/analysis.h"
#include "core/objective.h"
#include "core/run.h"

namespace gradlab {

constexpr int kMaxRuns = 16;  // distinct colour-blind-safe colours exist for this many

// A method with its own parameters for compare mode.
struct CompareEntry {
  RunConfig config;
  bool enabled = true;
  bool step_from_user = false;  // its step was set by hand: a new function keeps it
};

// The lab's inputs: everything a user sets and a scene file stores, a plain struct that
// round-trips through JSON (optimizer_scene.h). Results and caches live beside it in
// OptimizerLab, never in it.
struct OptimizerScene {
  ObjectiveSpec spec;  // the built-in's name and parameter values, or an expression
  RunConfig config;    // method, direction, hyperparameters, stop rules
  // The starts, at most kMaxRuns. Change them only through setStarts/addStart/moveStart/
  // removeStart, which keep OptimizerLab::start_slots in step.
  std::vector<Vec2> starts;
  bool compare = false;  // compare mode: one start, several methods on the same views
  std::vector<CompareEntry> compare_entries;
  Window view;  // the contour's visible window (plot limits), updated every frame
  ContourOptions contour;
  bool show_arrows = true;  // arrows w_i -> w_i+1, as the homework asks
  bool log_f_axis = false;  // f versus iteration on a log axis (f <= 0 leaves gaps)
  bool pinned = false;      // the Hessian inspector is pinned at `pin`
  Vec2 pin = Vec2::Zero();
  SweepConfig sweep;  // every start over a log grid of step sizes (computed off the UI thread)
};

struct OptimizerLab {
  OptimizerScene scene;

  // [What is optimized, derived] made from scene.spec
  ObjectivePtr objective;        // never null; a bad expression keeps the previous one
  std::string expression_text;   // the expression box, as typed
  std::string expression_error;  // "" when the typed expression compiled
  // Typing: the text applies after a pause of kExpressionPause seconds or on Enter, so "2" on
  // the way to "2*x + y^2" never replaces the function for a frame.
  TypingPause expression_typing;  // the box's text applies once typing pauses

  // Each start's colour slot (its colour and its name "run k" are slot k's while it exists).
  std::vector<int> start_slots;
  // True once the user set the step size: a new function then keeps it (a suggestion is only
  // offered); false until then, so gradlab picks a step that suits each new function.
  bool step_from_user = false;
  // The gradient methods' step size, kept while a Newton method is selected: scene.config holds
  // the one step size, and Newton's (1, or damped Newton's 0.5) is of another scale.
  double gradient_step = 0.1;

  // [Results] runs[i] belongs to starts[i] (or to compare_entries[i] in compare mode)
  std::vector<Trajectory> runs;
  int runs_version = 0;       // bumped on every recompute: views cache by it
  int objective_version = 0;  // bumped when the objective or its parameters change

  // [View, derived]
  Window home_view;        // where "reset view" returns: the function's window
  bool reset_view = true;  // the contour view goes to scene.view on the next frame

  bool open_sweep_tab = false;  // the next frame selects the step-size sweep tab (--tab sweep)

  // [Animation] the views show iterates 0..timelineShown(); new runs are shown in full
  Timeline timeline;
};

// The default scene: EXERCISES C4, two bumps, three starts, gradient ascent, eta = 0.1.
void resetOptimizerLab(OptimizerLab& lab);

// A step size that suits `method` on this objective from `start`: 1 / |lambda|max of the Hessian
// there and at the known optima for gradient methods, 1% of the window for adaptive ones, 0 for
// Newton and L-BFGS (their defaults fit). Compare mode starts each method with it.
double suggestedStepSize(const Objective& objective, Method method, const Vec2& start);

// Switches to a built-in: its default parameters, window and starts, its natural direction.
// A homework function opens with its exercise's settings (gradient descent at its step size:
// C4 at 0.1, C5 at 0.5); otherwise a step the user set stays, and until they set one each method
// gets suggestedStepSize().
void selectBuiltin(OptimizerLab& lab, const std::string& name);
// Sets one parameter of the current built-in; false with *error when out of range or unknown.
bool setObjectiveParam(OptimizerLab& lab, const std::string& name, double value,
                       std::string* error);
// Compiles the typed expression. On success it becomes the objective (keeping starts and view);
// on failure the previous objective stays and expression_error holds the message with column.
bool applyExpression(OptimizerLab& lab, const std::string& text);
// The expression box. typeExpression records a keystroke's text; the text is applied (as by
// applyExpression) once typing pauses for kExpressionPause seconds (advanceExpressionTyping) or
// at once on Enter (commitExpression). Each returns true when the objective changed.
constexpr double kExpressionPause = TypingPause::kPause;
void typeExpression(OptimizerLab& lab, const std::string& text);
bool advanceExpressionTyping(OptimizerLab& lab, double dt);
bool commitExpression(OptimizerLab& lab);
// Seconds until a typed expression applies by itself; infinity when nothing is pending.
double secondsUntilExpressionApplies(const OptimizerLab& lab);
// What the map shows while the box holds an error: "x^2 + y^2" or the built-in's title.
std::string shownFunctionName(const OptimizerLab& lab);

// Switches the method. The gradient step size carries over between gradient methods, and across
// a detour through Newton (which has none), so Newton -> gradient descent restores it.
void selectMethod(OptimizerLab& lab, Method method);
// [Compare mode] at most kMaxCompareEntries methods. Each returns true when the entries changed
// (the caller reruns). A new or changed entry starts at suggestedStepSize() from the first start;
// the last entry is never removed.
constexpr int kMaxCompareEntries = 8;
bool addCompareEntry(OptimizerLab& lab, Method method);
bool setCompareMethod(OptimizerLab& lab, int entry, Method method);
bool removeCompareEntry(OptimizerLab& lab, int entry);
// The user set the step size (slider or box): remembered for methods and functions to come.
void setUserStepSize(OptimizerLab& lab, double step_size);
// A step size worth offering for the current function and method ("use 0.3"), or 0 when the
// current one is within a factor of 3 of it or the method takes no step size.
double offeredStepSize(const OptimizerLab& lab);

// Everything the runs depend on, as a snapshot another thread can compute from.
struct RunInputs {
  ObjectivePtr objective;  // immutable, safe to share
  RunConfig config;
  bool compare = false;
  std::vector<CompareEntry> compare_entries;
  std::vector<Vec2> starts;
};
// Every run keeps all its iterates (48 bytes each) for the views, so the iterates kept over all
// runs are bounded: kMaxKeptIterates in all, 7.7 MB, the 16 runs of 10,000 iterations the lab
// is sized for. Without it, 16 starts at the slider's 100,000 iterations held 77 MB (issue 15,
// item 13: the soak's RSS jumped by 83 MB). Fewer runs may go further: one run the full 100,000.
constexpr long kMaxKeptIterates = 16L * 10001;
// How many runs a full recompute makes: the starts, or the enabled compare entries.
int runCount(const OptimizerLab& lab);
// The iterations each of `runs` runs may take: max_iterations, lowered so that
// runs x (iterations + 1) <= kMaxKeptIterates.
int cappedIterations(int max_iterations, int runs);
// The cap of the current scene: the max iterations every run of the lab stops at.
int runIterationCap(const OptimizerLab& lab);
// The note under the max-iterations slider while the cap lowers it, "" otherwise:
// "16 runs stop at 10000 iterations: all runs keep at most 160016 iterates (7.7 MB)".
std::string iterationCapNote(const OptimizerLab& lab);
// The inputs, with max_iterations lowered to runIterationCap().
RunInputs runInputs(const OptimizerLab& lab);
// The runs of those inputs into `runs` (its storage is reused): one per start, or one per
// compare entry from the first start (empty for a disabled entry).
void computeRuns(const RunInputs& inputs, std::vector<Trajectory>& runs);
// How many steps a full recompute may take: runs x (capped max iterations + 1).
long fullRecomputeSteps(const OptimizerLab& lab);

// Runs every start (or every compare entry) again. Call after any change to the objective, the
// config or the starts; it is fast enough (3 x 10,000 iterations in about a millisecond) to run
// in the frame that made the change. (The UI sends much larger recomputes to a RunWorker.)
void recomputeRuns(OptimizerLab& lab);

// Reruns start i only (a dragged start); in compare mode every run, as they share the start,
// and every run when a new start lowered the iteration cap below what the others ran.
void recomputeRun(OptimizerLab& lab, int i);
// [Starts] The caller reruns what changed (recomputeRun / requestRun for one start).
// Replaces every start; slots 0..n-1 (at most kMaxRuns are kept).
void setStarts(OptimizerLab& lab, std::vector<Vec2> starts);
// Adds a start with the lowest free colour slot; its index, or -1 when kMaxRuns are there or w
// is not finite.
int addStart(OptimizerLab& lab, const Vec2& w);
// Adds a start at a random point of the visible window, seeded by the slot it gets, so the same
// clicks give the same scene. Its index, or -1 when full.
int addRandomStart(OptimizerLab& lab);
// Moves start i to w; false when nothing changed (same point, not finite, no such start).
bool moveStart(OptimizerLab& lab, int i, const Vec2& w);
// Deletes start i and its run; the other runs keep their colours, names and results. The last
// start is never deleted (false then). In compare mode every run shares the first start, so the
// caller reruns them (recomputeRuns or requestRuns). When the deletion raises the iteration cap,
// the runs it stopped are rerun here, so they read as a fresh computation would.
bool removeStart(OptimizerLab& lab, int i);
// Whether the map's legend lists the runs: up to kMapLegendRuns it does; beyond, the legend
// would cover much of the map (16 starts: a third of it), and the runs' colours are named by the
// Start points list and the tooltips instead (issue 15, item 10).
constexpr int kMapLegendRuns = 4;
bool mapLegendListsRuns(const OptimizerLab& lab);
// The colour slot of run i: its start's slot, or i itself in compare mode (one run per method).
int runSlot(const OptimizerLab& lab, int run);

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
// What to try, under the chip: the run's own hint, except for a run the iteration cap stopped
// ("change the step size, or use fewer starts (with 16, each stops at 10000)").
std::string runHint(const OptimizerLab& lab, int run);

}  // namespace gradlab
