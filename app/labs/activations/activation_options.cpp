// The Activation lab's command-line options. See activation_options.h.
#include "app/labs/activations/activation_options.h"
#include "app/labs/lab_options.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <sstream>

#include "app/labs/activations/activation_scene.h"

namespace gradlab {
namespace {

struct ActivationOptions {
  std::vector<std::string> show, identities;
  double alpha = 0, elu_alpha = 0, beta = 0;
  bool alpha_given = false, elu_alpha_given = false, beta_given = false;
  std::vector<double> range;
  bool second = false;
  int taylor = 0;
  double tolerance = 0;
  std::string scene, save_scene;
};

void addOptions(CLI::App& parser, ActivationOptions& o) {
  parser.add_option("--show", o.show, "activations to show, e.g. relu,tanh")->delimiter(',');
  parser.add_option_function<double>(
      "--alpha", [&o](double v) { o.alpha = v, o.alpha_given = true; }, "leaky ReLU's alpha");
  parser.add_option_function<double>(
      "--elu-alpha", [&o](double v) { o.elu_alpha = v, o.elu_alpha_given = true; }, "ELU's alpha");
  parser.add_option_function<double>(
      "--beta", [&o](double v) { o.beta = v, o.beta_given = true; }, "softplus's beta");
  parser.add_option("--range", o.range, "the x range MIN,MAX")->delimiter(',')->expected(2);
  parser.add_option("--identity", o.identities, "an identity overlay (leaky, tanh, ...)")
      ->delimiter(',');
  parser.add_flag("--second", o.second, "show second derivatives");
  parser.add_option("--taylor", o.taylor, "the Taylor polynomial of sigmoid of this degree");
  parser.add_option("--tolerance", o.tolerance, "the Taylor polynomial's tolerance");
  parser.add_option("--scene", o.scene, "a scene file (JSON) to start from");
  parser.add_option("--save-scene", o.save_scene, "write the resulting scene (JSON) there");
}

std::string loadSceneFile(ActivationLab& lab, const std::string& path) {
  nlohmann::json j;
  const std::string problem = readSceneFile(path, &j);
  if (!problem.empty()) return problem;
  return sceneFileProblem(path, loadActivationScene(lab, j));
}

// The options over `s`; "" or the problem in the options' words.
std::string applyToScene(const ActivationOptions& o, ActivationScene* s) {
  if (!o.show.empty()) {
    s->shown.fill(false);
    for (const std::string& name : o.show) {
      Activation a;
      if (!activationFromName(name, &a))
        return "--show: '" + name + "' is not an activation (" + activationNameList() + ")";
      s->shown[int(a)] = true;
    }
  }
  for (const std::string& name : o.identities) {
    ActivationIdentity id;
    if (!activationIdentityFromName(name, &id))
      return "--identity: '" + name + "' is not an identity (" + activationIdentityNameList() + ")";
    s->identities[int(id)] = true;
  }
  const auto param = [](bool given, double value, Activation a, const char* flag, double* out) {
    if (!given) return std::string();
    const ActivationInfo& info = activationInfo(a);
    if (!(value >= info.param_min && value <= info.param_max)) {
      std::ostringstream m;
      m << flag << " must be in [" << info.param_min << ", " << info.param_max << "], got "
        << value;
      return m.str();
    }
    *out = value;
    return std::string();
  };
  std::string e = param(o.alpha_given, o.alpha, Activation::LeakyRelu, "--alpha", &s->leaky_alpha);
  if (e.empty())
    e = param(o.elu_alpha_given, o.elu_alpha, Activation::Elu, "--elu-alpha", &s->elu_alpha);
  if (e.empty()) e = param(o.beta_given, o.beta, Activation::Softplus, "--beta", &s->softplus_beta);
  if (!e.empty()) return e;
  if (o.range.size() == 2) {
    s->x_min = o.range[0];
    s->x_max = o.range[1];
  }
  s->show_second = s->show_second || o.second;
  if (o.taylor != 0) {
    if (o.taylor < 1 || o.taylor > kSigmoidTaylorMaxDegree)
      return "--taylor must be a degree in [1, " + std::to_string(kSigmoidTaylorMaxDegree) + "]";
    s->taylor = true;
    s->taylor_degree = o.taylor;
  }
  if (o.tolerance != 0) s->taylor_tolerance = o.tolerance;
  e = validateActivationScene(*s);
  if (e.rfind("x_range", 0) == 0) return "--range: " + e;
  if (e.rfind("taylor.tolerance", 0) == 0) return "--tolerance: " + e;
  return e;
}

}  // namespace

std::string applyActivationOptions(ActivationLab& lab, const std::vector<std::string>& args) {
  if (args.empty()) return "";
  CLI::App parser{"activation lab options"};
  ActivationOptions o;
  addOptions(parser, o);
  const std::string parse_problem = parseLabOptions(parser, args);
  if (!parse_problem.empty()) return parse_problem;
  if (!o.scene.empty()) {
    const std::string error = loadSceneFile(lab, o.scene);
    if (!error.empty()) return error;
  }
  ActivationScene scene = lab.scene;
  const std::string problem = applyToScene(o, &scene);
  if (!problem.empty()) return problem;
  applyActivationScene(lab, scene);
  if (!o.save_scene.empty()) {
    const std::string error = writeSceneFile(o.save_scene, activationSceneToJson(lab.scene));
    if (!error.empty()) return error;
  }
  return "";
}

}  // namespace gradlab
