// The optimizer lab behind the Lab interface. See optimizer_lab_panel.h.
#include "app/labs/optimizer/optimizer_lab_panel.h"

#include <imgui.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <fstream>
#include <nlohmann/json.hpp>

#include "app/cli.h"
#include "app/labs/optimizer/optimizer_figures.h"
#include "app/labs/optimizer/optimizer_scene.h"
#include "app/plot/plot_imgui.h"
#include "core/atomic_file.h"

namespace gradlab {
namespace {

// The options of optimizer_lab_panel.h, as parsed.
struct OptimizerOptions {
  std::string function;          // a built-in's name
  std::string expression;        // an f(x, y); an invalid one is a command-line error
  std::string typed_expression;  // typed into the lab's box: an invalid one shows its error there
  std::string method;            // a method's CLI name, e.g. "adam"
  double step_size = 0;          // > 0: the method's step size
  bool compare = false;          // compare mode: GD, momentum, Adam, Newton from the first start
  std::vector<double> pin;       // X,Y: pin the Hessian inspector there
  std::string scene;             // a scene file to start from
  std::string save_scene;        // where to write the resulting scene
};

void addOptions(CLI::App& parser, OptimizerOptions& o) {
  parser.add_option("--function", o.function, "a built-in function (see gradlab trace --list)");
  parser.add_option("--expr", o.expression, "a function f(x, y)");
  parser.add_option("--type-expr", o.typed_expression,
                    "text typed into the expression box (errors shown there)");
  parser.add_option("--method", o.method, "the method (gd, adam, ...)");
  parser.add_option("--lr", o.step_size, "the step size")
      ->check(finiteNumber())
      ->check(CLI::PositiveNumber);
  parser.add_flag("--compare", o.compare, "compare mode");
  parser.add_option("--pin", o.pin, "pin the Hessian inspector at X,Y")
      ->check(finiteNumber())
      ->delimiter(',')
      ->expected(2);
  parser.add_option("--scene", o.scene, "a scene file (JSON) to start from");
  parser.add_option("--save-scene", o.save_scene, "write the resulting scene (JSON) here");
}

// The scene file at `path` into the lab; "" or the problem, naming the file and the field.
std::string loadSceneFile(OptimizerLab& lab, const std::string& path) {
  std::ifstream in(path);
  if (!in) return "cannot read scene file '" + path + "'";
  const nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
  if (j.is_discarded()) return "scene file '" + path + "' is not valid JSON";
  OptimizerScene scene = lab.scene;
  std::string error = optimizerSceneFromJson(j, &scene);
  if (error.empty()) error = applyOptimizerScene(lab, scene);
  return error.empty() ? "" : "scene file '" + path + "': " + error;
}

std::string applyParsed(OptimizerLab& lab, const OptimizerOptions& o) {
  if (!o.scene.empty()) {
    const std::string error = loadSceneFile(lab, o.scene);
    if (!error.empty()) return error;
  }
  if (!o.function.empty()) {
    bool known = false;
    for (const ObjectiveInfo& info : builtinObjectives()) known |= info.name == o.function;
    if (!known) return "unknown function '" + o.function + "' (see gradlab trace --list)";
    selectBuiltin(lab, o.function);
  }
  if (!o.expression.empty() && !applyExpression(lab, o.expression)) return lab.expression_error;
  // As if typed: the lab keeps the last valid function and shows the error at its column.
  if (!o.typed_expression.empty()) {
    if (lab.scene.spec.name != "expression") applyExpression(lab, "x^2 + y^2");
    applyExpression(lab, o.typed_expression);
  }
  if (!o.method.empty()) {
    Method method;
    if (!methodFromCliName(o.method, &method)) return "unknown method '" + o.method + "'";
    selectMethod(lab, method);
  }
  if (o.step_size > 0) {
    if (lab.scene.config.method == Method::Newton)
      return "--lr does not apply to newton (it takes full steps); use --method damped-newton";
    setStepSize(lab.scene.config, o.step_size);
  }
  if (o.compare) lab.scene.compare = true;
  if (o.pin.size() == 2) {
    lab.scene.pinned = true;
    lab.scene.pin = Vec2(o.pin[0], o.pin[1]);
  }
  recomputeRuns(lab);
  if (!o.save_scene.empty()) {
    const std::string text = optimizerSceneToJson(lab.scene).dump(2) + "\n";
    std::string error;
    if (!writeFileAtomic(o.save_scene, text.data(), text.size(), &error)) return error;
  }
  return "";
}

}  // namespace

OptimizerLabPanel::OptimizerLabPanel() {
  reset();
}

void OptimizerLabPanel::reset() {
  resetOptimizerLab(lab_);
}

void OptimizerLabPanel::draw(const LabFrame& frame) {
  drawOptimizerLab(lab_, view_, *frame.plots, frame.theme, frame.dt);
}

double OptimizerLabPanel::secondsUntilChange() const {
  return std::min(timelineSecondsToNextIterate(lab_.timeline), secondsUntilExpressionApplies(lab_));
}

void OptimizerLabPanel::setWake(WakeFunction wake) {
  view_.runs.worker.setWake(wake);
  view_.sweep_worker.setWake(wake);
}

bool OptimizerLabPanel::play() {
  timelineNewRuns(lab_.timeline, longestRun(lab_));
  timelineTogglePlay(lab_.timeline);
  return lab_.timeline.playing;
}

std::string OptimizerLabPanel::applyOptions(const std::vector<std::string>& args) {
  if (args.empty()) return "";
  CLI::App parser{"optimizer lab options"};
  OptimizerOptions options;
  addOptions(parser, options);
  try {
    std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 parses from the back
    parser.parse(reversed);
  } catch (const CLI::ParseError& e) {
    std::string message = e.what();
    std::replace(message.begin(), message.end(), '\n', ' ');
    return message;
  }
  return applyParsed(lab_, options);
}

nlohmann::json OptimizerLabPanel::saveScene() const {
  return optimizerSceneToJson(lab_.scene);
}

std::string OptimizerLabPanel::loadScene(const nlohmann::json& j) {
  OptimizerScene scene = lab_.scene;
  const std::string error = optimizerSceneFromJson(j, &scene);
  return error.empty() ? applyOptimizerScene(lab_, scene) : error;
}

std::vector<ExportFigure> OptimizerLabPanel::exportFigures(Theme theme) const {
  using Builder =
      plot::Figure (*)(const OptimizerLab&, const LabFigureOptions&, const plot::Painter&);
  const auto figure = [this, theme](const char* name, Builder build) {
    return ExportFigure{
        name, [this, theme, build](const plot::Painter& painter, const plot::PixelRect& frame) {
          LabFigureOptions options;
          options.theme = theme;
          options.frame = frame;
          return build(lab_, options, painter);
        }};
  };
  return {figure("map", mapFigure), figure("f", lossFigure), figure("grad-norm", gradNormFigure)};
}

std::vector<LabCounter> OptimizerLabPanel::counters() const {
  return {{"run_recomputes", lab_.runs_version},
          {"field_evaluations", view_.field_evaluations},
          {"contour_shades", view_.contour_shades}};
}

void OptimizerLabPanel::printReport(std::ostream& out, float s) const {
  // Where the contour plot lies in output pixels and which data window it shows.
  char line[256];
  std::snprintf(line, sizeof line, "contour_area_px: %.2f %.2f %.2f %.2f\n", view_.plot_x * s,
                view_.plot_y * s, view_.plot_w * s, view_.plot_h * s);
  out << line;
  const Window& w = view_.plot_limits;
  std::snprintf(line, sizeof line, "contour_window: %.17g %.17g %.17g %.17g\n", w.x_min, w.x_max,
                w.y_min, w.y_max);
  out << line;
}

// Bench input: press on the first start's handle, then drag it around a circle.
bool OptimizerLabPanel::scriptDrag(int frame, ImGuiIO& io) {
  const Window& w = view_.plot_limits;
  if (view_.plot_w <= 0 || w.x_max <= w.x_min || lab_.scene.starts.empty()) return false;
  if (frame == 0) drag_center_ = lab_.scene.starts[0];
  const double radius = 0.12 * (w.x_max - w.x_min);
  const double angle = 0.05 * frame;
  const Vec2 target = frame == 0
                          ? drag_center_
                          : drag_center_ + radius * Vec2(std::cos(angle) - 1, std::sin(angle));
  io.MousePos =
      ImVec2(view_.plot_x + float((target.x() - w.x_min) / (w.x_max - w.x_min)) * view_.plot_w,
             view_.plot_y + float((w.y_max - target.y()) / (w.y_max - w.y_min)) * view_.plot_h);
  io.MouseDown[0] = true;
  return true;
}

}  // namespace gradlab
