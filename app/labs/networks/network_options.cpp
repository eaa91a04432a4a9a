// The Network lab's command-line options. See network_options.h.
#include "app/labs/networks/network_options.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <sstream>

#include "app/labs/lab_options.h"
#include "app/labs/networks/network_scene.h"

namespace gradlab {
namespace {

struct NetworkOptions {
  std::vector<std::string> activations;
  std::vector<std::uint64_t> seeds;
  static constexpr int kUnset = -1000000;  // not given (0 is a value to refuse)
  int depth = kUnset, width = kUnset, input = kUnset, output = kUnset;
  double alpha = 0, elu_alpha = 0, beta = 0;
  bool alpha_given = false, elu_alpha_given = false, beta_given = false;
  std::string init;
  bool no_bias = false, linear_output = false;
  std::vector<double> range;
  std::uint64_t inputs_seed = 0;
  bool inputs_seed_given = false;
  std::string scene, save_scene, panel;
};

void addOptions(CLI::App& parser, NetworkOptions& o) {
  parser.add_option("--activations", o.activations, "the grid's rows, e.g. tanh,relu,linear")
      ->delimiter(',');
  parser.add_option("--seeds", o.seeds, "the grid's columns: weight seeds, e.g. 1,2,3")
      ->delimiter(',');
  parser.add_option("--depth", o.depth, "layers of weights");
  parser.add_option("--width", o.width, "neurons in every layer");
  parser.add_option_function<double>(
      "--alpha", [&o](double v) { o.alpha = v, o.alpha_given = true; }, "leaky ReLU's alpha");
  parser.add_option_function<double>(
      "--elu-alpha", [&o](double v) { o.elu_alpha = v, o.elu_alpha_given = true; }, "ELU's alpha");
  parser.add_option_function<double>(
      "--beta", [&o](double v) { o.beta = v, o.beta_given = true; }, "softplus's beta");
  parser.add_option("--init", o.init, "normal (N(0,1)) or torch (nn.Linear's default)");
  parser.add_flag("--no-bias", o.no_bias, "networks without biases");
  parser.add_flag("--linear-output", o.linear_output, "no activation after the last layer");
  parser.add_option("--input", o.input, "the swept input (from 1)");
  parser.add_option("--output", o.output, "the plotted output (from 1)");
  parser.add_option("--range", o.range, "the sweep MIN,MAX")->delimiter(',')->expected(2);
  parser.add_option_function<std::uint64_t>(
      "--inputs-seed", [&o](std::uint64_t v) { o.inputs_seed = v, o.inputs_seed_given = true; },
      "the seed of the fixed inputs");
  parser.add_option("--panel", o.panel, "the controls' tab: grid, linear or symmetry");
  parser.add_option("--scene", o.scene, "a scene file (JSON) to start from");
  parser.add_option("--save-scene", o.save_scene, "write the resulting scene (JSON) there");
}

std::string loadSceneFile(NetworkLab& lab, const std::string& path) {
  nlohmann::json j;
  const std::string problem = readSceneFile(path, &j);
  if (!problem.empty()) return problem;
  return sceneFileProblem(path, loadNetworkScene(lab, j));
}

std::string applyToScene(const NetworkOptions& o, NetworkScene* s) {
  if (!o.activations.empty()) {
    s->activations.clear();
    for (const std::string& name : o.activations) {
      Activation a;
      if (!activationFromName(name, &a))
        return "--activations: '" + name + "' is not an activation (" + activationNameList() + ")";
      s->activations.push_back(a);
    }
  }
  if (!o.seeds.empty()) {
    s->seeds = o.seeds;
    s->edits.clear();
  }
  if (o.depth != o.kUnset || o.width != o.kUnset || o.no_bias || !o.init.empty()) s->edits.clear();
  if (o.depth != o.kUnset) s->depth = o.depth;
  if (o.width != o.kUnset) s->width = o.width;
  if (o.alpha_given) s->params[int(Activation::LeakyRelu)] = o.alpha;
  if (o.elu_alpha_given) s->params[int(Activation::Elu)] = o.elu_alpha;
  if (o.beta_given) s->params[int(Activation::Softplus)] = o.beta;
  if (!o.init.empty()) {
    if (o.init == "normal") {
      s->init = MlpInit::StandardNormal;
    } else if (o.init == "torch") {
      s->init = MlpInit::TorchDefault;
    } else {
      return "--init must be normal or torch, got '" + o.init + "'";
    }
  }
  if (o.no_bias) s->bias = false;
  if (o.linear_output) s->activate_output = false;
  if (o.input != o.kUnset) s->input = o.input - 1;
  if (o.output != o.kUnset) s->output = o.output - 1;
  if (o.range.size() == 2) s->x_min = o.range[0], s->x_max = o.range[1];
  if (o.inputs_seed_given) s->inputs_seed = o.inputs_seed;
  if (!o.panel.empty() && !networkPanelFromName(o.panel, &s->panel))
    return "--panel must be grid, linear or symmetry, got '" + o.panel + "'";
  s->linear_column = std::min(s->linear_column, int(s->seeds.size()) - 1);
  s->symmetry_layer = std::clamp(s->symmetry_layer, 0, std::max(0, s->depth - 2));
  std::string e = validateNetworkScene(*s);
  if (e.empty()) return "";
  // The flag's name where the scene's field differs from it.
  static const std::pair<const char*, const char*> kFlags[] = {{"activations", "--activations"},
                                                               {"seeds", "--seeds"},
                                                               {"depth", "--depth"},
                                                               {"width", "--width"},
                                                               {"input", "--input"},
                                                               {"output", "--output"},
                                                               {"x_range", "--range"},
                                                               {"params.leaky_relu", "--alpha"},
                                                               {"params.elu", "--elu-alpha"},
                                                               {"params.softplus", "--beta"}};
  for (const auto& [field, flag] : kFlags)
    if (e.rfind(field, 0) == 0) return std::string(flag) + ": " + e;
  return e;
}

}  // namespace

std::string applyNetworkOptions(NetworkLab& lab, const std::vector<std::string>& args) {
  if (args.empty()) return "";
  CLI::App parser{"network lab options"};
  NetworkOptions o;
  addOptions(parser, o);
  const std::string parse_problem = parseLabOptions(parser, args);
  if (!parse_problem.empty()) return parse_problem;
  if (!o.scene.empty()) {
    const std::string error = loadSceneFile(lab, o.scene);
    if (!error.empty()) return error;
  }
  NetworkScene scene = lab.scene;
  const std::string problem = applyToScene(o, &scene);
  if (!problem.empty()) return problem;
  applyNetworkScene(lab, scene);
  if (!o.save_scene.empty()) {
    const std::string error = writeSceneFile(o.save_scene, networkSceneToJson(lab.scene));
    if (!error.empty()) return error;
  }
  return "";
}

}  // namespace gradlab
