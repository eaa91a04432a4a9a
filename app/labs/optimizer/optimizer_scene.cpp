// The optimizer lab's scene as JSON. See optimizer_scene.h.
#include "app/labs/optimizer/optimizer_scene.h"

#include <nlohmann/json.hpp>

#include "app/plot/colormap.h"
#include "app/views/timeline_scene.h"
#include "core/param_table.h"
#include "core/text_format.h"

namespace gradlab {
namespace {

using nlohmann::json;

template <class T>
json paramsToJson(const T& params, const ParamTable<T>& table) {
  json j = json::object();
  for (const ParamField<T>& field : table) {
    if (std::holds_alternative<bool T::*>(field.member))
      j[field.name] = getParam(params, field) != 0;
    else if (std::holds_alternative<int T::*>(field.member))
      j[field.name] = static_cast<long long>(getParam(params, field));
    else
      j[field.name] = getParam(params, field);
  }
  return j;
}

// Reads the table's keys present in j[key]; unknown keys are an error (a typo must not be
// silently ignored).
template <class T>
std::string paramsFromJson(const json& j, const std::string& path, const ParamTable<T>& table,
                           T* params) {
  if (!j.is_object()) return path + " must be an object";
  for (auto it = j.begin(); it != j.end(); ++it) {
    const ParamField<T>* field = nullptr;
    for (const ParamField<T>& f : table)
      if (it.key() == f.name) field = &f;
    if (!field) return path + "." + it.key() + " is not a parameter here";
    double value = 0;
    if (it->is_boolean() && std::holds_alternative<bool T::*>(field->member))
      value = it->get<bool>() ? 1 : 0;
    else if (it->is_number() && !std::holds_alternative<bool T::*>(field->member))
      value = it->get<double>();
    else
      return path + "." + it.key() + " has the wrong type";
    std::string error;
    if (!setParam(*params, *field, value, &error))
      return formatText("%s.%s", path.c_str(), error.c_str());
  }
  return "";
}

json configToJson(const RunConfig& c) {
  json j = {{"method", methodCliName(c.method)}};
  j.update(paramsToJson(c, runConfigParamTable()));  // "lr": the step size
  j.update(json{{"maximize", c.maximize},
                {"sgd", paramsToJson(c.sgd, sgdParamTable())},
                {"armijo", paramsToJson(c.armijo, armijoParamTable())},
                {"adagrad", paramsToJson(c.adagrad, adagradParamTable())},
                {"rmsprop", paramsToJson(c.rmsprop, rmspropParamTable())},
                {"adam", paramsToJson(c.adam, adamParamTable())},
                {"newton", paramsToJson(c.newton, newtonParamTable())},
                {"lbfgs", paramsToJson(c.lbfgs, lbfgsParamTable())},
                {"stop", paramsToJson(c.stop, stopRulesTable())}});
  return j;
}

// The step size from `value`, checked against the active method's range; "" or "<where> must be
// in [...]".
std::string stepSizeFromJson(const json& value, const std::string& where, RunConfig* c) {
  if (!value.is_number()) return where + " has the wrong type";
  const ParamField<RunConfig>& field = stepSizeTable(c->method).front();
  std::string error;
  if (setParam(*c, field, value.get<double>(), &error)) return "";
  return where + error.substr(std::string(field.name).size());  // "lr must be ..." -> where
}

// Scene version 1 kept a step size in every method's struct ("config.adam.lr",
// "config.newton.eta") and wrote them all. The struct the active method took its step from.
struct VersionOneStep {
  const char* part;
  const char* key;
};
VersionOneStep versionOneStep(Method method) {
  switch (method) {
    case Method::GradientDescent:
    case Method::Momentum:
    case Method::Nesterov:
      return {"sgd", "lr"};
    case Method::GradientDescentArmijo:
      return {"armijo", "lr"};
    case Method::AdaGrad:
      return {"adagrad", "lr"};
    case Method::RMSProp:
      return {"rmsprop", "lr"};
    case Method::Adam:
    case Method::AMSGrad:
      return {"adam", "lr"};
    case Method::Newton:
    case Method::DampedNewton:
      return {"newton", "eta"};
    case Method::Lbfgs:
      return {"lbfgs", "lr"};
  }
  return {"sgd", "lr"};
}

std::string configFromJson(const json& j, const std::string& path, RunConfig* c) {
  if (!j.is_object()) return path + " must be an object";
  if (j.contains("method")) {
    if (!j["method"].is_string() || !methodFromCliName(j["method"].get<std::string>(), &c->method))
      return path + ".method is not a method (gd, adam, newton, ...)";
  }
  if (j.contains("maximize")) {
    if (!j["maximize"].is_boolean()) return path + ".maximize must be true or false";
    c->maximize = j["maximize"].get<bool>();
  }
  std::string e;
  // A method's struct; in a version-1 file the active method's old key is the step size, the
  // others' are dropped.
  const VersionOneStep old = versionOneStep(c->method);
  const auto part = [&](const char* key, auto& params, const auto& table) {
    if (!e.empty() || !j.contains(key)) return;
    json fields = j[key];
    const char* old_key = std::string(key) == "newton" ? "eta" : "lr";
    if (fields.is_object() && fields.contains(old_key)) {
      const std::string where = path + "." + key + "." + old_key;
      if (!fields[old_key].is_number()) e = where + " has the wrong type";
      if (e.empty() && std::string(key) == old.part)
        e = stepSizeFromJson(fields[old_key], where, c);
      fields.erase(old_key);
    }
    if (e.empty()) e = paramsFromJson(fields, path + "." + key, table, &params);
  };
  part("sgd", c->sgd, sgdParamTable());
  part("armijo", c->armijo, armijoParamTable());
  part("adagrad", c->adagrad, adagradParamTable());
  part("rmsprop", c->rmsprop, rmspropParamTable());
  part("adam", c->adam, adamParamTable());
  part("newton", c->newton, newtonParamTable());
  part("lbfgs", c->lbfgs, lbfgsParamTable());
  if (e.empty() && j.contains("stop"))
    e = paramsFromJson(j["stop"], path + ".stop", stopRulesTable(), &c->stop);
  if (e.empty() && j.contains("lr")) e = stepSizeFromJson(j["lr"], path + ".lr", c);
  if (e.empty()) {
    const std::string invalid = c->validate();
    if (!invalid.empty()) e = path + ": " + invalid;
  }
  return e;
}

bool readPoint(const json& j, Vec2* w) {
  if (!j.is_array() || j.size() != 2 || !j[0].is_number() || !j[1].is_number()) return false;
  *w = Vec2(j[0].get<double>(), j[1].get<double>());
  return w->allFinite();
}

template <class V>
std::string readValue(const json& j, const char* key, V* out) {
  if (!j.contains(key)) return "";
  const json& v = j[key];
  if constexpr (std::is_same_v<V, bool>) {
    if (!v.is_boolean()) return std::string(key) + " must be true or false";
  } else {
    if (!v.is_number()) return std::string(key) + " must be a number";
  }
  *out = v.get<V>();
  return "";
}

}  // namespace

json optimizerSceneToJson(const OptimizerScene& s) {
  json function = {{"name", s.spec.name}};
  if (s.spec.name == "expression") function["expression"] = s.spec.expression;
  json params = json::object();
  for (const auto& [name, value] : s.spec.params) params[name] = value;
  function["params"] = params;
  json starts = json::array();
  for (const Vec2& w : s.starts) starts.push_back({w.x(), w.y()});
  json entries = json::array();
  for (const CompareEntry& e : s.compare_entries)
    entries.push_back({{"enabled", e.enabled}, {"config", configToJson(e.config)}});
  return {{"lab", "optimizer"},
          {"version", kOptimizerSceneVersion},
          {"function", function},
          {"config", configToJson(s.config)},
          {"starts", starts},
          {"compare", s.compare},
          {"compare_entries", entries},
          {"view", {s.view.x_min, s.view.x_max, s.view.y_min, s.view.y_max}},
          {"contour",
           {{"levels", s.contour.levels},
            {"log_levels", s.contour.log_levels},
            {"lines_only", s.contour.lines_only},
            {"colormap", plot::ColormapName(plot::Colormap(s.contour.colormap))},
            {"colorbar", s.contour.colorbar}}},
          {"show_arrows", s.show_arrows},
          {"log_f_axis", s.log_f_axis},
          {"pin", s.pinned ? json{s.pin.x(), s.pin.y()} : json(nullptr)},
          {"sweep", paramsToJson(s.sweep, sweepConfigTable())}};
}

namespace {

std::string functionFromJson(const json& f, ObjectiveSpec* spec) {
  if (!f.is_object() || !f.contains("name") || !f["name"].is_string())
    return "function must be an object with a name";
  *spec = ObjectiveSpec();
  spec->name = f["name"].get<std::string>();
  if (spec->name == "expression") {
    if (!f.contains("expression") || !f["expression"].is_string())
      return "function.expression must be the formula";
    spec->expression = f["expression"].get<std::string>();
  }
  if (!f.contains("params")) return "";
  if (!f["params"].is_object()) return "function.params must be an object";
  for (auto it = f["params"].begin(); it != f["params"].end(); ++it) {
    if (!it->is_number()) return "function.params." + it.key() + " must be a number";
    spec->params.emplace_back(it.key(), it->get<double>());
  }
  return "";
}

std::string startsFromJson(const json& starts, std::vector<Vec2>* out) {
  if (!starts.is_array() || starts.empty() || int(starts.size()) > kMaxRuns)
    return "starts must be a list of 1 to " + std::to_string(kMaxRuns) + " points";
  out->clear();
  for (std::size_t i = 0; i < starts.size(); ++i) {
    Vec2 w;
    if (!readPoint(starts[i], &w))
      return "starts[" + std::to_string(i) + "] must be [x, y] with finite numbers";
    out->push_back(w);
  }
  return "";
}

std::string compareEntriesFromJson(const json& entries, std::vector<CompareEntry>* out) {
  if (!entries.is_array() || entries.empty() || entries.size() > 8)
    return "compare_entries must be a list of 1 to 8 methods";
  out->clear();
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const std::string path = "compare_entries[" + std::to_string(i) + "]";
    CompareEntry entry;
    if (!entries[i].is_object()) return path + " must be an object";
    std::string e = readValue(entries[i], "enabled", &entry.enabled);
    if (e.empty() && entries[i].contains("config"))
      e = configFromJson(entries[i]["config"], path + ".config", &entry.config);
    if (!e.empty()) return e.rfind(path, 0) == 0 ? e : formatText("%s.%s", path.c_str(), e.c_str());
    entry.step_from_user = true;  // a saved step is a chosen one
    out->push_back(entry);
  }
  return "";
}

std::string viewFromJson(const json& v, Window* view) {
  const bool ok = v.is_array() && v.size() == 4 && v[0].is_number() && v[1].is_number() &&
                  v[2].is_number() && v[3].is_number();
  Window w;
  if (ok) w = {v[0].get<double>(), v[1].get<double>(), v[2].get<double>(), v[3].get<double>()};
  if (!ok || !(w.x_max > w.x_min) || !(w.y_max > w.y_min) || !std::isfinite(w.x_max - w.x_min) ||
      !std::isfinite(w.y_max - w.y_min))
    return "view must be [x_min, x_max, y_min, y_max] with min < max";
  *view = w;
  return "";
}

std::string contourFromJson(const json& c, ContourOptions* o) {
  if (!c.is_object()) return "contour must be an object";
  std::string e = readValue(c, "levels", &o->levels);
  if (e.empty() && (o->levels < 1 || o->levels > 60)) e = "levels must be 1 to 60";
  if (e.empty()) e = readValue(c, "log_levels", &o->log_levels);
  if (e.empty()) e = readValue(c, "lines_only", &o->lines_only);
  if (e.empty()) e = readValue(c, "colorbar", &o->colorbar);
  if (e.empty() && c.contains("colormap")) {
    plot::Colormap map;
    if (!c["colormap"].is_string() ||
        !plot::ColormapFromName(c["colormap"].get<std::string>().c_str(), &map))
      e = "colormap is not a colour map (viridis, cividis, coolwarm)";
    else
      o->colormap = int(map);
  }
  return e.empty() ? "" : "contour." + e;
}

}  // namespace

std::string optimizerSceneFromJson(const json& j, OptimizerScene* s) {
  if (!j.is_object()) return "a scene must be a JSON object";
  if (j.contains("lab") && j["lab"] != "optimizer") return "lab: this is not an optimizer scene";
  if (j.contains("version") &&
      (!j["version"].is_number_integer() || j["version"].get<int>() > kOptimizerSceneVersion))
    return "version: this gradlab reads scene versions up to " +
           std::to_string(kOptimizerSceneVersion);
  std::string e;
  // Each part only when present: a missing key keeps what *s holds.
  const auto part = [&j, &e](const char* key, auto read) {
    if (e.empty() && j.contains(key)) e = read(j[key]);
  };
  part("function", [s](const json& v) { return functionFromJson(v, &s->spec); });
  part("config", [s](const json& v) { return configFromJson(v, "config", &s->config); });
  part("starts", [s](const json& v) { return startsFromJson(v, &s->starts); });
  if (e.empty()) e = readValue(j, "compare", &s->compare);
  part("compare_entries",
       [s](const json& v) { return compareEntriesFromJson(v, &s->compare_entries); });
  part("view", [s](const json& v) { return viewFromJson(v, &s->view); });
  part("contour", [s](const json& v) { return contourFromJson(v, &s->contour); });
  if (e.empty()) e = readValue(j, "show_arrows", &s->show_arrows);
  if (e.empty()) e = readValue(j, "log_f_axis", &s->log_f_axis);
  part("pin", [s](const json& v) {
    s->pinned = !v.is_null();
    return s->pinned && !readPoint(v, &s->pin) ? std::string("pin must be null or [x, y]") : "";
  });
  part("sweep", [s](const json& v) {
    std::string err = paramsFromJson(v, "sweep", sweepConfigTable(), &s->sweep);
    if (!err.empty()) return err;
    return s->sweep.max_step > s->sweep.min_step
               ? std::string()
               : std::string("sweep.max_step must be above sweep.min_step");
  });
  return e;
}

json optimizerLabSceneToJson(const OptimizerLab& lab) {
  json j = optimizerSceneToJson(lab.scene);
  j["timeline"] = timelineToJson(lab.timeline);
  return j;
}

std::string loadOptimizerScene(OptimizerLab& lab, const json& j) {
  OptimizerScene scene = lab.scene;
  std::string error = optimizerSceneFromJson(j, &scene);
  TimelinePosition position;
  if (error.empty() && j.contains("timeline"))
    error = timelineFromJson(j["timeline"], "timeline", &position);
  if (error.empty()) error = applyOptimizerScene(lab, scene);
  // After the runs: their length bounds the position.
  if (error.empty()) applyTimelinePosition(lab.timeline, position);
  return error;
}

std::string applyOptimizerScene(OptimizerLab& lab, const OptimizerScene& scene) {
  std::string error;
  ObjectivePtr objective = makeObjective(scene.spec, &error);
  if (!objective) return "function: " + error;
  if (scene.starts.empty()) return "starts: a scene needs at least one start";
  lab.scene = scene;
  lab.objective = objective;
  ++lab.objective_version;
  lab.expression_text = scene.spec.name == "expression" ? scene.spec.expression : "";
  lab.expression_error.clear();
  lab.expression_typing = TypingPause{};
  lab.home_view = objective->info().window;
  lab.reset_view = true;
  lab.step_from_user = true;  // the scene's step was chosen
  const Method method = scene.config.method;
  if (method != Method::Newton && method != Method::DampedNewton)
    lab.gradient_step = scene.config.step_size;  // Newton and back returns to it
  setStarts(lab, scene.starts);
  recomputeRuns(lab);
  return "";
}

}  // namespace gradlab
