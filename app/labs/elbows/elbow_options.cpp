// The elbow lab's command-line options. See elbow_options.h.
#include "app/labs/elbows/elbow_options.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "app/labs/elbows/elbow_scene.h"
#include "app/labs/lab_options.h"

namespace gradlab {
namespace {

struct ElbowOptions {
  std::string scene, save_scene, preset, data, optimizer;
  int unit_case = 0, samples = -1, units = -1, dead_units = -1, batch = -1, max_steps = -1,
      steps = -1, unit_steps = -1;
  double alpha = -1, lr = -1, speed = -1;
  long long seed = -1;
  bool relu = false, play = false, one_unit = false, contributions = false, no_bends = false;
};

std::string loadSceneFile(ElbowLab& lab, const std::string& path) {
  nlohmann::json j;
  const std::string problem = readSceneFile(path, &j);
  if (!problem.empty()) return problem;
  return sceneFileProblem(path, loadElbowScene(lab, j));
}

std::string applyParsed(ElbowLab& lab, const ElbowOptions& o) {
  if (!o.scene.empty()) {
    const std::string error = loadSceneFile(lab, o.scene);
    if (!error.empty()) return error;
  }
  if (o.preset == "e3")
    applyDeadUnitPreset(lab);
  else if (o.preset == "default")
    resetElbowLab(lab);
  else if (!o.preset.empty())
    return "--preset must be default or e3 (got '" + o.preset + "')";
  ElbowScene s = lab.scene;
  if (o.unit_case != 0) {
    if (o.unit_case < 1 || o.unit_case > kUnitCaseCount) return "--case must be 1, 2, 3 or 4";
    s.unit = unitCase(o.unit_case - 1);
    s.one_unit_tab = true;
  }
  if (!o.data.empty()) {
    if (!dataSetFromName(o.data, &s.data_set) || s.data_set == DataSet::User)
      return "--data must be sine, abs, step or cubic (got '" + o.data + "')";
  }
  if (o.samples >= 0) s.samples = o.samples;
  if (o.units >= 0) s.units = o.units;
  if (o.dead_units >= 0) s.dead_units = o.dead_units;
  if (o.relu) s.activation.leaky = false;
  if (o.alpha >= 0) s.activation = NetActivation{true, o.alpha};
  if (!o.optimizer.empty()) {
    if (o.optimizer != "sgd" && o.optimizer != "adam")
      return "--optimizer must be sgd or adam (got '" + o.optimizer + "')";
    s.train.optimizer = o.optimizer == "adam" ? NetOptimizer::Adam : NetOptimizer::Sgd;
  }
  if (o.lr >= 0) s.train.lr = o.lr;
  if (o.batch >= 0) s.train.batch_size = o.batch;
  if (o.seed >= 0) s.train.seed = std::uint64_t(o.seed);
  if (o.max_steps >= 0) s.max_steps = o.max_steps;
  if (o.steps > s.max_steps) s.max_steps = o.steps;
  if (o.one_unit) s.one_unit_tab = true;
  if (o.contributions) s.show_contributions = true;
  if (o.no_bends) s.show_bends = false;
  std::string error = setScene(lab, s);
  if (!error.empty()) return error;
  if (o.speed >= 0) {
    if (!(o.speed >= Timeline::kMinSpeed && o.speed <= Timeline::kMaxSpeed))
      return "--speed must be in [1, 100000] steps per second";
    lab.timeline.speed = o.speed;
  }
  if (o.steps >= 0) {
    timelineSeek(lab.timeline, o.steps);
    syncTraining(lab);
  }
  if (o.unit_steps >= 0) timelineSeek(lab.unit_timeline, std::min(o.unit_steps, kUnitStepsMax));
  if (o.play) timelineTogglePlay(lab.timeline);
  if (!o.save_scene.empty()) {
    error = writeSceneFile(o.save_scene, elbowLabSceneToJson(lab));
    if (!error.empty()) return error;
  }
  return "";
}

}  // namespace

std::string applyElbowOptions(ElbowLab& lab, const std::vector<std::string>& args) {
  if (args.empty()) return "";
  CLI::App parser{"elbows lab options"};
  ElbowOptions o;
  parser.add_option("--scene", o.scene, "an elbows scene file (JSON) to start from");
  parser.add_option("--preset", o.preset, "default or e3 (dead units, EXERCISES E3)");
  parser.add_option("--case", o.unit_case, "EXERCISES E1 case 1..4 (opens the one-unit tab)");
  parser.add_flag("--one-unit", o.one_unit, "open the one-unit (E1) tab");
  parser.add_option("--data", o.data, "sine, abs, step or cubic");
  parser.add_option("--samples", o.samples, "data points")->check(CLI::NonNegativeNumber);
  parser.add_option("--units", o.units, "hidden units 1..64")->check(CLI::NonNegativeNumber);
  parser.add_option("--dead-units", o.dead_units, "units initialized dead")
      ->check(CLI::NonNegativeNumber);
  parser.add_flag("--relu", o.relu, "plain ReLU");
  parser.add_option("--alpha", o.alpha, "leaky ReLU with this slope")
      ->check(CLI::NonNegativeNumber);
  parser.add_option("--optimizer", o.optimizer, "sgd or adam");
  parser.add_option("--lr", o.lr, "learning rate")->check(CLI::NonNegativeNumber);
  parser.add_option("--batch", o.batch, "batch size")->check(CLI::NonNegativeNumber);
  parser.add_option("--seed", o.seed, "the shuffle seed")->check(CLI::NonNegativeNumber);
  parser.add_option("--max-steps", o.max_steps, "the timeline's length")
      ->check(CLI::NonNegativeNumber);
  parser.add_option("--steps", o.steps, "train this many steps first")
      ->check(CLI::NonNegativeNumber);
  parser.add_option("--unit-steps", o.unit_steps, "E1: show the unit after this many steps")
      ->check(CLI::NonNegativeNumber);
  parser.add_option("--speed", o.speed, "steps per second while playing");
  parser.add_flag("--play", o.play, "start training");
  parser.add_flag("--contributions", o.contributions, "show each unit's contribution");
  parser.add_flag("--no-bends", o.no_bends, "hide the data's bends");
  parser.add_option("--save-scene", o.save_scene, "write the resulting scene (JSON) there");
  const std::string problem = parseLabOptions(parser, args);
  if (!problem.empty()) return problem;
  return applyParsed(lab, o);
}

}  // namespace gradlab
