// The optimizer lab's command-line options: registration, checks, application.
#include "app/labs/optimizer/optimizer_options.h"
#include "app/labs/lab_options.h"

#include <nlohmann/json.hpp>

#include "app/cli.h"
#include "app/labs/optimizer/optimizer_scene.h"
#include "core/objective.h"
#include "core/run.h"

namespace gradlab {

namespace {

// The method the scene will run: --method, else the default scene's gradient descent.
bool sceneMethod(const OptimizerOptions& o, Method* method) {
  if (o.method.empty()) {
    *method = Method::GradientDescent;
    return true;
  }
  return methodFromCliName(o.method, method);
}

// The scene file at `path` into the lab; "" or the problem, naming the file and the field.
std::string loadSceneFile(OptimizerLab& lab, const std::string& path) {
  nlohmann::json j;
  const std::string problem = readSceneFile(path, &j);
  if (!problem.empty()) return problem;
  return sceneFileProblem(path, loadOptimizerScene(lab, j));
}

}  // namespace

void addOptimizerOptions(CLI::App& parser, OptimizerOptions& o) {
  parser.add_option("--function", o.function, "a built-in function (see gradlab trace --list)");
  parser.add_option_function<std::string>(
      "--expr",
      [&o](const std::string& text) {
        o.expression = text;
        o.expression_given = true;
      },
      "a function f(x, y)");
  parser.add_option("--type-expr", o.typed_expression,
                    "text typed into the expression box (errors shown there)");
  parser.add_option("--method", o.method, "the method (gd, adam, ...)");
  parser
      .add_option_function<double>(
          "--lr",
          [&o](double lr) {
            o.step_size = lr;
            o.step_size_given = true;
          },
          "the step size, in the app's range (compare mode: every method's but Newton's)")
      ->check(finiteNumber());
  parser.add_option("--start", o.starts,
                    "a start point X,Y (repeatable; replaces the function's starts)");
  parser.add_flag("--compare", o.compare, "compare mode");
  parser.add_option("--pin", o.pin, "pin the Hessian inspector at X,Y")
      ->check(finiteNumber())
      ->delimiter(',')
      ->expected(2);
  parser.add_option("--scene", o.scene, "a scene file (JSON) to start from");
  parser.add_option("--tab", o.tab, "the tab under the curves: hessian or sweep")
      ->check(CLI::IsMember({"hessian", "sweep"}));
  parser.add_option("--save-scene", o.save_scene, "write the resulting scene (JSON) there");
}

std::string checkOptimizerOptions(const OptimizerOptions& o) {
  if (!o.function.empty() && o.expression_given) return "give --function or --expr, not both";
  if (!o.function.empty()) {
    const std::string problem = checkFunctionName(o.function);
    if (!problem.empty()) return problem;
  }
  if (o.expression_given) {
    std::string problem = checkExpressionText(o.expression);
    if (!problem.empty()) return problem;
    ObjectiveSpec spec;
    spec.name = "expression";
    spec.expression = o.expression;
    if (!makeObjective(spec, &problem)) return problem;
  }
  Method method;
  if (!sceneMethod(o, &method)) {
    std::string names;
    int n = 0;
    const MethodInfo* table = methodTable(&n);
    for (int i = 0; i < n; ++i) names += std::string(i ? ", " : "") + table[i].cli_name;
    return "unknown method '" + o.method + "' (one of " + names + ")";
  }
  if (o.compare && !o.method.empty())
    return "--method picks the single method; --compare runs gradient descent, momentum, Adam "
           "and Newton side by side: give one or the other";
  if (o.step_size_given) {
    // Compare mode sets the step of its gradient methods (all share gd's range).
    const std::string problem =
        checkStepSizeOption(o.step_size, o.compare ? Method::GradientDescent : method);
    if (!problem.empty()) return problem;
  }
  for (const std::string& text : o.starts) {
    Vec2 w;
    if (!parseStartPoint(text, &w))
      return "--start must look like X,Y (e.g. 0.2,0.5), got '" + text + "'";
  }
  if (o.compare && o.starts.size() > 1)
    return "--compare runs every method from one start: give one --start";
  if (int(o.starts.size()) > kMaxRuns)
    return "at most " + std::to_string(kMaxRuns) + " --start points (got " +
           std::to_string(o.starts.size()) + ")";
  return "";
}

std::string applyOptimizerOptions(OptimizerLab& lab, const OptimizerOptions& o) {
  const std::string problem = checkOptimizerOptions(o);
  if (!problem.empty()) return problem;
  if (!o.scene.empty()) {
    const std::string error = loadSceneFile(lab, o.scene);
    if (!error.empty()) return error;
  }
  if (!o.function.empty()) selectBuiltin(lab, o.function);
  if (o.expression_given && !applyExpression(lab, o.expression)) return lab.expression_error;
  // As if typed: the lab keeps the last valid function and shows the error at its column.
  if (!o.typed_expression.empty()) {
    if (lab.scene.spec.name != "expression") applyExpression(lab, "x^2 + y^2");
    applyExpression(lab, o.typed_expression);
  }
  if (!o.method.empty()) {
    Method method = Method::GradientDescent;
    sceneMethod(o, &method);
    selectMethod(lab, method);
  }
  if (o.step_size_given) {
    if (o.compare) {
      for (CompareEntry& entry : lab.scene.compare_entries) {
        if (entry.config.method == Method::Newton) continue;
        entry.config.step_size = o.step_size;
        entry.step_from_user = true;
      }
    } else {
      setUserStepSize(lab, o.step_size);
    }
  }
  if (!o.starts.empty()) {
    std::vector<Vec2> starts;
    for (const std::string& text : o.starts) {
      Vec2 w;
      parseStartPoint(text, &w);
      starts.push_back(w);
    }
    setStarts(lab, starts);
  }
  if (o.compare) lab.scene.compare = true;  // a scene file's compare mode stays on
  lab.open_sweep_tab = o.tab == "sweep";
  if (o.pin.size() == 2) {
    lab.scene.pinned = true;
    lab.scene.pin = Vec2(o.pin[0], o.pin[1]);
  }
  recomputeRuns(lab);
  if (!o.save_scene.empty()) {
    const std::string error = writeSceneFile(o.save_scene, optimizerLabSceneToJson(lab));
    if (!error.empty()) return error;
  }
  return "";
}

}  // namespace gradlab
