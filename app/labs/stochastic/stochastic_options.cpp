// The Stochastic lab's command-line options. See stochastic_options.h.
#include "app/labs/stochastic/stochastic_options.h"
#include "app/labs/lab_options.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "app/labs/stochastic/stochastic_scene.h"

namespace gradlab {
namespace {

struct StochasticOptions {
  std::string scene, save_scene;
  std::vector<double> steps, mean, covariance;
  int iterations = -1, starts = -1, samples = -1, at = -1;
  long long seed = -1;
};

std::string loadSceneFile(StochasticLab& lab, const std::string& path) {
  nlohmann::json j;
  const std::string problem = readSceneFile(path, &j);
  if (!problem.empty()) return problem;
  return sceneFileProblem(path, loadStochasticScene(lab, j));
}

// Applies every given option to a copy of the scene, then sets it once: one recompute.
std::string applyParsed(StochasticLab& lab, const StochasticOptions& o) {
  if (!o.scene.empty()) {
    const std::string error = loadSceneFile(lab, o.scene);
    if (!error.empty()) return error;
  }
  StochasticScene scene = lab.scene;
  if (!o.steps.empty()) scene.sgd.step_sizes = o.steps;
  if (o.iterations >= 0) scene.sgd.iterations = o.iterations;
  if (o.starts >= 0) scene.sgd.start_count = o.starts;
  if (o.samples >= 0) scene.data.sample_count = o.samples;
  if (o.seed >= 0) scene.data.seed = static_cast<std::uint64_t>(o.seed);
  if (!o.mean.empty()) {
    if (o.mean.size() != 2) return "--mean must look like X,Y (e.g. 0,0)";
    scene.data.mean = Vec2(o.mean[0], o.mean[1]);
  }
  if (!o.covariance.empty()) {
    if (o.covariance.size() != 3) return "--covariance must look like S11,S12,S22 (e.g. 1,0.5,1)";
    scene.data.covariance << o.covariance[0], o.covariance[1], o.covariance[1], o.covariance[2];
  }
  std::string error = scene.data.validate();
  if (!error.empty()) return "--mean/--covariance/--samples/--seed: " + error;
  error = scene.sgd.validate();
  if (!error.empty()) return "--steps/--iterations/--starts: " + error;
  setScene(lab, scene);
  if (o.at >= 0) timelineSeek(lab.timeline, std::min(o.at, lab.timeline.last));
  if (!o.save_scene.empty()) {
    const std::string error = writeSceneFile(o.save_scene, stochasticLabSceneToJson(lab));
    if (!error.empty()) return error;
  }
  return "";
}

}  // namespace

std::string applyStochasticOptions(StochasticLab& lab, const std::vector<std::string>& args) {
  if (args.empty()) return "";
  CLI::App parser{"stochastic lab options"};
  StochasticOptions o;
  parser.add_option("--scene", o.scene, "a stochastic scene file (JSON) to start from");
  parser.add_option("--steps", o.steps, "step sizes, comma-separated")->delimiter(',');
  parser.add_option("--iterations", o.iterations, "SGD steps per run")
      ->check(CLI::NonNegativeNumber);
  parser.add_option("--starts", o.starts, "random starts per step size")
      ->check(CLI::NonNegativeNumber);
  parser.add_option("--seed", o.seed, "the scene seed")->check(CLI::NonNegativeNumber);
  parser.add_option("--samples", o.samples, "N")->check(CLI::NonNegativeNumber);
  parser.add_option("--mean", o.mean, "X,Y")->delimiter(',');
  parser.add_option("--covariance", o.covariance, "S11,S12,S22")->delimiter(',');
  parser.add_option("--at", o.at, "show iterates 0..K")->check(CLI::NonNegativeNumber);
  parser.add_option("--save-scene", o.save_scene, "write the resulting scene (JSON) there");
  const std::string problem = parseLabOptions(parser, args);
  if (!problem.empty()) return problem;
  return applyParsed(lab, o);
}

}  // namespace gradlab
