// The Backprop lab's command-line options. See backprop_options.h.
#include "app/labs/backprop/backprop_options.h"

#include <CLI/CLI.hpp>

#include <nlohmann/json.hpp>

#include "app/labs/backprop/backprop_scene.h"
#include "app/labs/lab_options.h"

namespace gradlab {
namespace {

struct BackpropOptions {
  std::string scene, save_scene, graph, expr, select;
  std::vector<double> at, g2;
  int label = -1, steps = -1;
  double step_size = -1;
};

std::string loadSceneFile(BackpropLab& lab, const std::string& path) {
  nlohmann::json j;
  const std::string problem = readSceneFile(path, &j);
  if (!problem.empty()) return problem;
  return sceneFileProblem(path, loadBackpropScene(lab, j));
}

// Applies every given option to a copy of the scene, then sets it once.
std::string applyParsed(BackpropLab& lab, const BackpropOptions& o) {
  if (!o.scene.empty()) {
    const std::string error = loadSceneFile(lab, o.scene);
    if (!error.empty()) return error;
  }
  BackpropScene scene = lab.scene;
  if (!o.graph.empty() && !graphChoiceFromName(o.graph, &scene.graph))
    return "--graph: '" + o.graph + "' is not a graph (g1, g2, expr)";
  if (!o.expr.empty()) {
    scene.expression = o.expr;
    if (o.graph.empty()) scene.graph = GraphChoice::Typed;
    const Expression compiled = Expression::compile(o.expr);
    if (!compiled.ok()) return "--expr: " + compiled.error().message;
  }
  if (!o.at.empty()) {
    if (o.at.size() != 2) return "--at must look like X,Y (e.g. 1,2)";
    scene.x = o.at[0];
    scene.y = o.at[1];
  }
  if (!o.g2.empty()) {
    if (o.g2.size() != 2) return "--g2 must look like A,B (e.g. 2,1)";
    scene.a = o.g2[0];
    scene.b = o.g2[1];
  }
  if (o.label >= 0) {
    if (o.label > 1) return "--label must be 0 or 1";
    scene.network.label = o.label;
  }
  if (o.step_size != -1) scene.step_size = o.step_size;
  std::string error = applyBackpropScene(lab, scene);
  if (!error.empty()) return error;
  for (int k = 0; k < o.steps; ++k) takeGradientStep(lab);
  if (!o.select.empty()) {
    int found = -1;
    for (std::size_t i = 0; i < lab.graph.nodes.size(); ++i)
      if (lab.graph.nodes[i].name == o.select) found = int(i);
    if (found < 0) return "--select: the graph has no node '" + o.select + "'";
    selectNode(lab, found);
  }
  if (!o.save_scene.empty()) {
    const std::string error = writeSceneFile(o.save_scene, backpropSceneToJson(lab.scene));
    if (!error.empty()) return error;
  }
  return "";
}

}  // namespace

std::string applyBackpropOptions(BackpropLab& lab, const std::vector<std::string>& args) {
  if (args.empty()) return "";
  CLI::App parser{"backprop lab options"};
  BackpropOptions o;
  parser.add_option("--scene", o.scene, "a backprop scene file (JSON) to start from");
  parser.add_option("--graph", o.graph, "g1, g2 or expr");
  parser.add_option("--expr", o.expr, "the typed graph's formula");
  parser.add_option("--at", o.at, "X,Y")->delimiter(',');
  parser.add_option("--g2", o.g2, "A,B")->delimiter(',');
  parser.add_option("--label", o.label, "G1's true class")->check(CLI::NonNegativeNumber);
  parser.add_option("--step-size", o.step_size, "gradient-descent step size");
  parser.add_option("--steps", o.steps, "gradient steps to take")->check(CLI::Range(0, 10000));
  parser.add_option("--select", o.select, "the node whose adjoint sum is shown");
  parser.add_option("--save-scene", o.save_scene, "write the resulting scene (JSON) there");
  const std::string problem = parseLabOptions(parser, args);
  if (!problem.empty()) return problem;
  return applyParsed(lab, o);
}

}  // namespace gradlab
