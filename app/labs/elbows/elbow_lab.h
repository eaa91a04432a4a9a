// The ReLU elbow lab's state and logic (EXERCISES E): one unit on one point (E1) and a
// one-hidden-layer network trained live on the shared Timeline (E2, E3). No ImGui and no GL:
// every state change is a function tested headless; elbow_lab_ui.cpp draws the lab.
//
// Training is live: the timeline's position is the SGD step the views show, and the lab trains
// up to it (syncTraining). Seeking back replays the run from its start, which is deterministic
// (seeded shuffle) and replays the activation changes made mid-training at their steps.
//
// While it plays, the next frame's steps are trained ahead on a second thread (trainAhead) as
// the app rasterizes this frame: on two cores that takes training off the frame's critical
// path. The job trains a copy of the run and shares nothing with the lab; the next frame takes
// its result only if the run is still the one it copied, so what the views show never depends
// on whether a job ran.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "app/views/job_thread.h"
#include "app/views/timeline.h"
#include "core/relu_net.h"

namespace gradlab {

// The lab's inputs, what a scene file stores. Always valid: the setters refuse bad values.
struct ElbowScene {
  // E1: one unit, one point.
  UnitPoint unit = unitCase(1);
  double unit_lr = 0.2;  // E1's step size, in (0, 2]
  // The network and its data.
  DataSet data_set = DataSet::Sine;
  int samples = 200;            // built-in sets, in [kMinSamples, kMaxSamples]
  std::uint64_t data_seed = 1;  // the noisy cubic's noise
  Samples user_points;          // DataSet::User, at most kMaxUserPoints
  int units = 16;               // p, in [kMinUnits, kMaxUnits]
  int dead_units = 0;           // units initialized dead (E3), in [0, units]
  std::uint64_t init_seed = 1;
  NetActivation activation;  // the current one (mid-training changes apply from the shown step)
  TrainSettings train;       // optimizer, lr, batch size, shuffle seed
  int max_steps = 20000;     // the timeline's length, in [1, kMaxSteps]
  // Overlays.
  bool show_bends = true;           // the data's own bends
  bool show_contributions = false;  // each unit's u_j act(a_j x + b_j)
  bool one_unit_tab = false;        // the E1 tab is open
};

using ActivationChanges = std::vector<std::pair<long, NetActivation>>;  // (from step, activation)

// What training appends to a run's history: a record at every multiple of the lab's
// record_every it passes.
struct RunRecords {
  std::vector<double> loss;    // full-data loss per record
  std::vector<double> elbows;  // p elbows per record (NaN: no elbow)
  std::vector<int> dead;       // dead units per record
};

// A copy of the run trained on the lab's JobThread to the step the next frame will likely show.
// Until the thread has finished it only the thread touches trainer, records and diverged.
struct TrainAheadJob {
  std::unique_ptr<ReluNetTrainer> trainer;  // the lab's, copied, then trained to `target`
  long target = 0;
  long params_version = 0;  // the lab's when copied: another one means the run moved on
  RunRecords records;       // the records it passed
  bool diverged = false;    // a step was not finite: trainer is at the last finite step
  bool failed = false;      // the job threw (out of memory): the result is not used
};

constexpr int kMaxUserPoints = 100;
constexpr int kMaxSteps = 1000000;
constexpr int kMaxHistoryRecords = 2000;  // loss and elbow records per run (every k-th step)
constexpr int kUnitStepsMax = 200;        // E1's Play stops here

std::string validateScene(const ElbowScene& scene);  // "" or the problem, naming the field

struct ElbowLab {
  ElbowScene scene;
  // [Data] always that of the scene.
  Samples data;
  std::vector<double> bends;  // the data's own bends (relu_net.h dataSetBends)
  VecX start;                 // the initial parameters
  // [Run] trained up to the timeline's shown step (syncTraining).
  std::unique_ptr<ReluNetTrainer> trainer;  // null when there are too few points
  NetActivation start_activation;           // in effect at step 0
  ActivationChanges activation_changes;     // made mid-training, in step order
  int record_every = 1;                     // history records are at steps 0, k, 2k, ...
  std::vector<double> loss_history;         // full-data loss per record
  std::vector<double> elbow_history;        // p elbows per record (NaN: no elbow)
  std::vector<int> dead_history;            // dead units per record
  std::string status;                       // why training stopped early, or "" (e.g. diverged)
  Timeline timeline;
  long params_version = 0;       // bumped whenever the shown parameters change: views cache by it
  long run_version = 0;          // bumped by every new run (data, start, settings): views re-fit
  long steps_trained = 0;        // SGD steps taken so far (bench-frames counter)
  long steps_trained_ahead = 0;  // of them, those trained ahead on the second thread
  long replays = 0;              // runs restarted from step 0
  // The next frame's steps, being trained (trainAhead). Shared with the job that trains them,
  // so dropping it while the job runs is safe.
  std::shared_ptr<TrainAheadJob> ahead;
  std::unique_ptr<JobThread> job_thread;  // made at the first trainAhead
  // [E1] the unit after unit_timeline's shown number of steps from scene.unit.
  Timeline unit_timeline;
};

constexpr double kDefaultTrainSpeed = 2000;  // steps per second
constexpr double kUnitPlaySpeed = 2;         // E1 steps per second

// The default scene, data and run made, step 0 shown, paused.
void resetElbowLab(ElbowLab& lab);
// Trains (or replays) the run to the timeline's shown step; returns true when the shown
// parameters changed.
bool syncTraining(ElbowLab& lab);
// The timeline advanced by dt seconds, then syncTraining; true when a frame is due.
bool advanceElbowLab(ElbowLab& lab, double dt);
// While the run plays: starts training, on a second thread, up to the step the clock will show
// after nine tenths of another dt seconds (the next frame may come a little sooner). Call it once
// the frame's views are built; the next syncTraining takes the steps when they are still the
// shown run's and not past its clock, and trains the rest in place.
void trainAhead(ElbowLab& lab, double dt);

// [SECTION] Edits. Each returns "" and applies, or why the value is refused (nothing changes).
// Everything but the activation restarts the run from step 0 (a playing run keeps playing).
std::string setScene(ElbowLab& lab, const ElbowScene& scene);
std::string setDataSet(ElbowLab& lab, DataSet set);
std::string setUnits(ElbowLab& lab, int units, int dead_units);
std::string setTrainSettings(ElbowLab& lab, const TrainSettings& settings);
std::string setMaxSteps(ElbowLab& lab, int max_steps);
std::string setInitSeed(ElbowLab& lab, std::uint64_t seed);
// Applies from the shown step on; steps before it keep theirs (EXERCISES E3: revival).
std::string setActivation(ElbowLab& lab, const NetActivation& act);
// User points (the data set becomes "your points", which keeps its points while another set is
// shown): add, move, delete.
std::string addUserPoint(ElbowLab& lab, double x, double y);
std::string moveUserPoint(ElbowLab& lab, int index, double x, double y);
std::string deleteUserPoint(ElbowLab& lab, int index);
// E3: 6 units, 3 of them dead at initialization, on sin(2x), ReLU, SGD 0.05, batch 10. Under
// ReLU the loss stalls near 0.137 with 3 dead units; leaky ReLU (alpha 0.1), switched on at any
// step, revives two of them and the loss falls below 0.005 (tests/app/test_elbow_lab.cpp).
void applyDeadUnitPreset(ElbowLab& lab);

// [SECTION] What the network views show
long shownStep(const ElbowLab& lab);
const VecX& shownParams(const ElbowLab& lab);  // start when there is no run
int unitCount(const ElbowLab& lab);
double shownLoss(ElbowLab& lab);  // full-data loss at the shown step (NaN without a run)
// Records 0..shownRecordCount()-1 are at steps <= the shown one.
int shownRecordCount(const ElbowLab& lab);
long recordStep(const ElbowLab& lab, int record);

// [SECTION] E1
std::string setUnitPoint(ElbowLab& lab, const UnitPoint& p);  // rewinds E1's steps
std::string setUnitLr(ElbowLab& lab, double lr);
void applyUnitCase(ElbowLab& lab, int index);
int unitStepsShown(const ElbowLab& lab);
// The unit after the shown number of steps, and the last step taken (before = after at step 0).
UnitPoint shownUnit(const ElbowLab& lab);
UnitStep lastUnitStep(const ElbowLab& lab);

}  // namespace gradlab
