// The ReLU elbow lab's logic. See elbow_lab.h.
#include "app/labs/elbows/elbow_lab.h"

#include <algorithm>
#include <cmath>
#include <exception>
#include <limits>

#include "core/text_format.h"

namespace gradlab {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

Samples sceneData(const ElbowScene& s) {
  return s.data_set == DataSet::User ? s.user_points
                                     : makeDataSet(s.data_set, s.samples, s.data_seed);
}

// The activation in effect for the step from `step` to step + 1.
NetActivation activationAt(const NetActivation& start, const ActivationChanges& changes,
                           long step) {
  NetActivation act = start;
  for (const auto& change : changes)
    if (change.first <= step) act = change.second;
  return act;
}

NetActivation activationAt(const ElbowLab& lab, long step) {
  return activationAt(lab.start_activation, lab.activation_changes, step);
}

void recordTo(RunRecords& out, ReluNetTrainer& t) {
  out.loss.push_back(t.loss());
  const std::vector<double> e = elbows(t.params());
  out.elbows.insert(out.elbows.end(), e.begin(), e.end());
  out.dead.push_back(deadUnitCount(t.params(), t.data()));
}

// Trains t from its step up to `target`, switching activations where `changes` say, and records
// at every multiple of record_every past the `records` a history holds already. The same code
// trains in place and ahead, so both give the same run. False: a step was not finite (t stays
// at the last finite step).
bool trainUpTo(ReluNetTrainer& t, long target, const NetActivation& start,
               const ActivationChanges& changes, int record_every, long records, RunRecords& out) {
  long at = t.iteration();
  while (at < target) {
    t.setActivation(activationAt(start, changes, at));
    // Up to the next record or activation change, in one call.
    long until = std::min<long>(target, (at / record_every + 1) * record_every);
    for (const auto& change : changes)
      if (change.first > at && change.first < until) until = change.first;
    const int want = int(until - at);
    const int taken = t.steps(want);
    at += taken;
    if (taken < want) return false;
    t.setActivation(activationAt(start, changes, at));  // a record at a change's step uses it
    if (at % record_every == 0 && at / record_every == records + long(out.loss.size()))
      recordTo(out, t);
  }
  return true;
}

void appendRecords(ElbowLab& lab, const RunRecords& r) {
  lab.loss_history.insert(lab.loss_history.end(), r.loss.begin(), r.loss.end());
  lab.elbow_history.insert(lab.elbow_history.end(), r.elbows.begin(), r.elbows.end());
  lab.dead_history.insert(lab.dead_history.end(), r.dead.begin(), r.dead.end());
}

void record(ElbowLab& lab) {
  RunRecords r;
  recordTo(r, *lab.trainer);
  appendRecords(lab, r);
}

void truncateHistory(ElbowLab& lab, int records) {
  records = std::min(records, int(lab.loss_history.size()));
  lab.loss_history.resize(std::size_t(records));
  lab.dead_history.resize(std::size_t(records));
  lab.elbow_history.resize(std::size_t(records) * std::size_t(unitCount(lab)));
}

// A fresh trainer at step 0 with the step-0 activation.
void startTrainer(ElbowLab& lab) {
  lab.trainer.reset();
  lab.status.clear();
  if (lab.data.size() < kMinSamples || !lab.scene.train.validate(lab.data.size()).empty()) return;
  lab.trainer =
      std::make_unique<ReluNetTrainer>(lab.data, lab.start, lab.scene.train, activationAt(lab, 0));
  ++lab.replays;
  if (lab.loss_history.empty()) record(lab);
}

// The trainer stopped at a step that would not be finite: the run ends there.
void stopDiverged(ElbowLab& lab) {
  const long at = lab.trainer->iteration();
  lab.status = formatText("diverged at step %ld: lower the learning rate", at + 1);
  lab.timeline.last = int(at);
  lab.timeline.position = double(at);
  lab.timeline.playing = false;
}

// Joins the job training ahead, if any, and takes its steps when the run is still the one it
// copied and the job did not pass the shown step. Returns true when it took them.
bool takeTrainedAhead(ElbowLab& lab) {
  if (!lab.ahead) return false;
  const std::shared_ptr<TrainAheadJob> job = std::move(lab.ahead);
  lab.job_thread->wait();
  if (job->failed || job->params_version != lab.params_version || !lab.trainer) return false;
  const long reached = job->trainer->iteration();
  if (reached > shownStep(lab)) return false;  // paused, stepped or sought meanwhile
  const long steps = reached - lab.trainer->iteration();
  lab.steps_trained += steps;
  lab.steps_trained_ahead += steps;
  lab.trainer = std::move(job->trainer);
  appendRecords(lab, job->records);
  if (job->diverged) stopDiverged(lab);
  return true;
}

// A new run: data, start or settings changed. The clock goes back to 0 and keeps playing if it
// was, so a student can change the learning rate while watching.
void newRun(ElbowLab& lab) {
  const bool was_playing = lab.timeline.playing;
  lab.data = sceneData(lab.scene);
  lab.bends = dataSetBends(lab.scene.data_set, lab.scene.user_points);
  double lo = kDataXMin, hi = kDataXMax;
  if (lab.data.size() > 0) {
    lo = *std::min_element(lab.data.xs.begin(), lab.data.xs.end());
    hi = *std::max_element(lab.data.xs.begin(), lab.data.xs.end());
  }
  lab.start = initReluNet(lab.scene.units, lab.scene.dead_units, lo, hi, lab.scene.init_seed);
  lab.start_activation = lab.scene.activation;
  lab.activation_changes.clear();
  lab.record_every =
      std::max(1, (lab.scene.max_steps + kMaxHistoryRecords - 1) / kMaxHistoryRecords);
  lab.loss_history.clear();
  lab.elbow_history.clear();
  lab.dead_history.clear();
  lab.timeline.last = lab.scene.max_steps;
  timelineRewind(lab.timeline);
  startTrainer(lab);
  if (was_playing && lab.trainer) timelineTogglePlay(lab.timeline);
  ++lab.params_version;
  ++lab.run_version;
}

// Makes `scene` the lab's, if valid, and starts a new run.
std::string applyScene(ElbowLab& lab, const ElbowScene& scene) {
  std::string error = validateScene(scene);
  if (!error.empty()) return error;
  lab.scene = scene;
  newRun(lab);
  return "";
}

}  // namespace

std::string validateScene(const ElbowScene& s) {
  if (!(s.unit_lr > 0 && s.unit_lr <= 2))
    return formatText("unit_lr must be in (0, 2] (got %g)", s.unit_lr);
  for (const double v : {s.unit.w, s.unit.b, s.unit.x, s.unit.y})
    if (!std::isfinite(v) || std::abs(v) > 100) return "unit: w, b, x and y must be in [-100, 100]";
  if (s.samples < kMinSamples || s.samples > kMaxSamples)
    return formatText("samples must be in [%d, %d] (got %d)", kMinSamples, kMaxSamples, s.samples);
  if (s.user_points.xs.size() != s.user_points.ys.size() || s.user_points.size() > kMaxUserPoints)
    return formatText("user_points: at most %d points, each [x, y]", kMaxUserPoints);
  for (int i = 0; i < s.user_points.size(); ++i)
    if (!std::isfinite(s.user_points.xs[std::size_t(i)]) ||
        !std::isfinite(s.user_points.ys[std::size_t(i)]))
      return formatText("user_points[%d] must be finite", i);
  if (s.units < kMinUnits || s.units > kMaxUnits)
    return formatText("units must be in [%d, %d] (got %d)", kMinUnits, kMaxUnits, s.units);
  if (s.dead_units < 0 || s.dead_units > s.units)
    return formatText("dead_units must be in [0, units = %d] (got %d)", s.units, s.dead_units);
  std::string e = s.activation.validate();
  if (!e.empty()) return e;
  const int n = s.data_set == DataSet::User ? s.user_points.size() : s.samples;
  // Too few user points is a state, not an error: the lab asks for more.
  if (n >= 1 && !(e = s.train.validate(n)).empty()) return e;
  if (!(s.train.lr > 0 && s.train.lr <= 10))
    return formatText("learning rate must be in (0, 10] (got %g)", s.train.lr);
  if (s.train.batch_size < 1) return "batch size must be at least 1";
  if (s.max_steps < 1 || s.max_steps > kMaxSteps)
    return formatText("max_steps must be in [1, %d] (got %d)", kMaxSteps, s.max_steps);
  return "";
}

void resetElbowLab(ElbowLab& lab) {
  lab = ElbowLab{};
  lab.timeline.speed = kDefaultTrainSpeed;
  lab.unit_timeline.speed = kUnitPlaySpeed;
  lab.unit_timeline.last = kUnitStepsMax;
  timelineRewind(lab.unit_timeline);
  newRun(lab);
}

bool syncTraining(ElbowLab& lab) {
  if (!lab.trainer) return false;
  bool changed = takeTrainedAhead(lab);
  const long target = shownStep(lab);
  const long at = lab.trainer->iteration();
  if (target < at) {
    truncateHistory(lab, int(target / lab.record_every) + 1);
    startTrainer(lab);
  }
  if (target != lab.trainer->iteration()) {
    const long from = lab.trainer->iteration();
    RunRecords r;
    const bool finite =
        trainUpTo(*lab.trainer, target, lab.start_activation, lab.activation_changes,
                  lab.record_every, long(lab.loss_history.size()), r);
    lab.steps_trained += lab.trainer->iteration() - from;
    appendRecords(lab, r);
    if (!finite) stopDiverged(lab);
    changed = true;
  }
  if (changed) ++lab.params_version;
  return changed;
}

bool advanceElbowLab(ElbowLab& lab, double dt) {
  bool changed = false;
  if (timelineAdvance(lab.timeline, dt)) changed = true;
  if (syncTraining(lab)) changed = true;
  if (timelineAdvance(lab.unit_timeline, dt)) changed = true;
  return changed;
}

void trainAhead(ElbowLab& lab, double dt) {
  if (lab.ahead || !lab.trainer || !lab.timeline.playing || !lab.status.empty()) return;
  if (lab.trainer->iteration() != shownStep(lab)) return;  // not synced: nothing to build on
  // A little less than a frame's steps: the next frame may come sooner than this one did, and
  // steps past its clock would be thrown away (the rest is trained in place).
  Timeline next = lab.timeline;
  timelineAdvance(next, 0.9 * dt);
  const long target = timelineShown(next, next.last);
  if (target <= lab.trainer->iteration()) return;
  auto job = std::make_shared<TrainAheadJob>();
  job->trainer = std::make_unique<ReluNetTrainer>(*lab.trainer);
  job->target = target;
  job->params_version = lab.params_version;
  try {
    if (!lab.job_thread) lab.job_thread = std::make_unique<JobThread>();
    lab.job_thread->start([job, start = lab.start_activation, changes = lab.activation_changes,
                           every = lab.record_every, records = long(lab.loss_history.size())] {
      try {
        job->diverged =
            !trainUpTo(*job->trainer, job->target, start, changes, every, records, job->records);
      } catch (...) {  // out of memory: the next frame trains in place instead
        job->failed = true;
      }
    });
  } catch (const std::exception&) {
    return;  // no thread (or no memory) to be had: train in place
  }
  lab.ahead = std::move(job);
}

// [SECTION] Edits

std::string setScene(ElbowLab& lab, const ElbowScene& scene) {
  return applyScene(lab, scene);
}

std::string setDataSet(ElbowLab& lab, DataSet set) {
  ElbowScene s = lab.scene;
  s.data_set = set;
  const int n = set == DataSet::User ? s.user_points.size() : s.samples;
  s.train.batch_size = std::clamp(s.train.batch_size, 1, std::max(n, 1));
  return applyScene(lab, s);
}

std::string setUnits(ElbowLab& lab, int units, int dead_units) {
  ElbowScene s = lab.scene;
  s.units = units;
  s.dead_units = dead_units;
  return applyScene(lab, s);
}

std::string setTrainSettings(ElbowLab& lab, const TrainSettings& settings) {
  ElbowScene s = lab.scene;
  s.train = settings;
  return applyScene(lab, s);
}

std::string setMaxSteps(ElbowLab& lab, int max_steps) {
  ElbowScene s = lab.scene;
  s.max_steps = max_steps;
  return applyScene(lab, s);
}

std::string setInitSeed(ElbowLab& lab, std::uint64_t seed) {
  ElbowScene s = lab.scene;
  s.init_seed = seed;
  return applyScene(lab, s);
}

std::string setActivation(ElbowLab& lab, const NetActivation& act) {
  std::string error = act.validate();
  if (!error.empty()) return error;
  lab.scene.activation = act;
  syncTraining(lab);
  const long step = shownStep(lab);
  if (step == 0) {
    lab.start_activation = act;
    lab.activation_changes.clear();
  } else {
    auto& changes = lab.activation_changes;
    changes.erase(std::remove_if(changes.begin(), changes.end(),
                                 [&](const auto& c) { return c.first >= step; }),
                  changes.end());
    changes.emplace_back(step, act);
  }
  // Records after the shown step belong to the old activation (there are none once synced,
  // except the shown step's own record, whose loss now uses the new activation).
  truncateHistory(lab, int(step / lab.record_every) + (step % lab.record_every == 0 ? 0 : 1));
  if (lab.trainer) {
    lab.trainer->setActivation(act);
    if (int(lab.loss_history.size()) * lab.record_every == step) record(lab);
  }
  ++lab.params_version;
  return "";
}

std::string addUserPoint(ElbowLab& lab, double x, double y) {
  ElbowScene s = lab.scene;
  if (s.user_points.size() >= kMaxUserPoints)
    return formatText("at most %d points: delete one first (right-click it)", kMaxUserPoints);
  s.data_set = DataSet::User;
  s.user_points.xs.push_back(x);
  s.user_points.ys.push_back(y);
  s.train.batch_size = std::clamp(s.train.batch_size, 1, s.user_points.size());
  return applyScene(lab, s);
}

std::string moveUserPoint(ElbowLab& lab, int index, double x, double y) {
  ElbowScene s = lab.scene;
  if (s.data_set != DataSet::User || index < 0 || index >= s.user_points.size())
    return formatText("there is no point %d", index + 1);
  s.user_points.xs[std::size_t(index)] = x;
  s.user_points.ys[std::size_t(index)] = y;
  return applyScene(lab, s);
}

std::string deleteUserPoint(ElbowLab& lab, int index) {
  ElbowScene s = lab.scene;
  if (s.data_set != DataSet::User || index < 0 || index >= s.user_points.size())
    return formatText("there is no point %d", index + 1);
  s.user_points.xs.erase(s.user_points.xs.begin() + index);
  s.user_points.ys.erase(s.user_points.ys.begin() + index);
  s.train.batch_size = std::clamp(s.train.batch_size, 1, std::max(s.user_points.size(), 1));
  return applyScene(lab, s);
}

void applyDeadUnitPreset(ElbowLab& lab) {
  ElbowScene s = lab.scene;
  s.data_set = DataSet::Sine;
  s.samples = 200;
  s.units = 6;
  s.dead_units = 3;
  s.init_seed = 5;
  s.activation = NetActivation{false, 0.1};
  s.train = TrainSettings{};
  s.train.lr = 0.05;
  s.train.batch_size = 10;
  s.max_steps = 20000;
  applyScene(lab, s);
}

// [SECTION] What the network views show

long shownStep(const ElbowLab& lab) {
  return timelineShown(lab.timeline, lab.timeline.last);
}

const VecX& shownParams(const ElbowLab& lab) {
  return lab.trainer ? lab.trainer->params() : lab.start;
}

int unitCount(const ElbowLab& lab) {
  return reluNetUnits(lab.start);
}

double shownLoss(ElbowLab& lab) {
  return lab.trainer ? lab.trainer->loss() : kNaN;
}

int shownRecordCount(const ElbowLab& lab) {
  const long step = lab.trainer ? lab.trainer->iteration() : 0;
  return std::min(int(lab.loss_history.size()), int(step / lab.record_every) + 1);
}

long recordStep(const ElbowLab& lab, int record) {
  return long(record) * lab.record_every;
}

// [SECTION] E1

std::string setUnitPoint(ElbowLab& lab, const UnitPoint& p) {
  ElbowScene s = lab.scene;
  s.unit = p;
  std::string error = validateScene(s);
  if (!error.empty()) return error;
  lab.scene.unit = p;
  timelineRewind(lab.unit_timeline);
  return "";
}

std::string setUnitLr(ElbowLab& lab, double lr) {
  if (!(lr > 0 && lr <= 2)) return formatText("learning rate must be in (0, 2] (got %g)", lr);
  lab.scene.unit_lr = lr;
  timelineRewind(lab.unit_timeline);
  return "";
}

void applyUnitCase(ElbowLab& lab, int index) {
  setUnitPoint(lab, unitCase(index));
}

int unitStepsShown(const ElbowLab& lab) {
  return timelineShown(lab.unit_timeline, lab.unit_timeline.last);
}

UnitPoint shownUnit(const ElbowLab& lab) {
  UnitPoint p = lab.scene.unit;
  for (int k = 0; k < unitStepsShown(lab); ++k) p = unitSgdStep(p, lab.scene.unit_lr).after;
  return p;
}

UnitStep lastUnitStep(const ElbowLab& lab) {
  const int shown = unitStepsShown(lab);
  if (shown == 0) {
    UnitStep none = unitSgdStep(lab.scene.unit, lab.scene.unit_lr);
    none.after = none.before;
    none.elbow_after = none.elbow_before;
    return none;
  }
  UnitPoint p = lab.scene.unit;
  for (int k = 0; k + 1 < shown; ++k) p = unitSgdStep(p, lab.scene.unit_lr).after;
  return unitSgdStep(p, lab.scene.unit_lr);
}

}  // namespace gradlab
