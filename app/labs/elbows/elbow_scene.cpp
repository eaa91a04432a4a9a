// The elbow lab's scene as JSON. See elbow_scene.h.
#include "app/labs/elbows/elbow_scene.h"

#include <cmath>
#include <initializer_list>
#include <nlohmann/json.hpp>

#include "app/views/timeline_scene.h"
#include "core/text_format.h"

namespace gradlab {
namespace {

using nlohmann::json;

std::string onlyKeys(const json& j, const std::string& path,
                     std::initializer_list<const char*> keys) {
  if (!j.is_object()) return path + " must be an object";
  for (auto it = j.begin(); it != j.end(); ++it) {
    bool known = false;
    std::string list;
    for (const char* k : keys) {
      known = known || it.key() == k;
      if (!list.empty()) list += ", ";
      list += k;
    }
    if (!known)
      return formatText("%s.%s is not a setting here (%s)", path.c_str(), it.key().c_str(),
                        list.c_str());
  }
  return "";
}

std::string readNumber(const json& j, const char* key, const std::string& path, double* out) {
  if (!j.contains(key)) return "";
  const json& v = j[key];
  if (!v.is_number()) return path + "." + key + " must be a number";
  *out = v.get<double>();
  if (!std::isfinite(*out)) return path + "." + key + " must be finite";
  return "";
}

std::string readInt(const json& j, const char* key, const std::string& path, int* out) {
  if (!j.contains(key)) return "";
  const json& v = j[key];
  if (!v.is_number_integer() || v.get<long long>() < -1000000000LL ||
      v.get<long long>() > 1000000000LL)
    return path + "." + key + " must be a whole number";
  *out = int(v.get<long long>());
  return "";
}

std::string readSeed(const json& j, const char* key, const std::string& path, std::uint64_t* out) {
  if (!j.contains(key)) return "";
  if (!j[key].is_number_unsigned()) return path + "." + key + " must be a whole number >= 0";
  *out = j[key].get<std::uint64_t>();
  return "";
}

std::string readBool(const json& j, const char* key, const std::string& path, bool* out) {
  if (!j.contains(key)) return "";
  if (!j[key].is_boolean()) return path + "." + key + " must be true or false";
  *out = j[key].get<bool>();
  return "";
}

std::string unitFromJson(const json& j, ElbowScene* s) {
  std::string e = onlyKeys(j, "unit", {"w", "b", "x", "y", "lr"});
  if (e.empty()) e = readNumber(j, "w", "unit", &s->unit.w);
  if (e.empty()) e = readNumber(j, "b", "unit", &s->unit.b);
  if (e.empty()) e = readNumber(j, "x", "unit", &s->unit.x);
  if (e.empty()) e = readNumber(j, "y", "unit", &s->unit.y);
  if (e.empty()) e = readNumber(j, "lr", "unit", &s->unit_lr);
  return e;
}

std::string dataFromJson(const json& j, ElbowScene* s) {
  std::string e = onlyKeys(j, "data", {"set", "samples", "seed", "points"});
  if (e.empty() && j.contains("set")) {
    if (!j["set"].is_string() || !dataSetFromName(j["set"].get<std::string>(), &s->data_set))
      return "data.set must be one of sine, abs, step, cubic, user";
  }
  if (e.empty()) e = readInt(j, "samples", "data", &s->samples);
  if (e.empty()) e = readSeed(j, "seed", "data", &s->data_seed);
  if (e.empty() && j.contains("points")) {
    const json& list = j["points"];
    if (!list.is_array() || list.size() > std::size_t(kMaxUserPoints))
      return formatText("data.points must be a list of at most %d [x, y] pairs", kMaxUserPoints);
    s->user_points = Samples{};
    for (std::size_t i = 0; i < list.size(); ++i) {
      const json& pt = list[i];
      if (!pt.is_array() || pt.size() != 2 || !pt[0].is_number() || !pt[1].is_number())
        return formatText("data.points[%d] must be [x, y]", int(i));
      s->user_points.xs.push_back(pt[0].get<double>());
      s->user_points.ys.push_back(pt[1].get<double>());
    }
  }
  return e;
}

std::string networkFromJson(const json& j, ElbowScene* s) {
  std::string e =
      onlyKeys(j, "network", {"units", "dead_units", "init_seed", "activation", "alpha"});
  if (e.empty()) e = readInt(j, "units", "network", &s->units);
  if (e.empty()) e = readInt(j, "dead_units", "network", &s->dead_units);
  if (e.empty()) e = readSeed(j, "init_seed", "network", &s->init_seed);
  if (e.empty() && j.contains("activation")) {
    const json& a = j["activation"];
    if (a != "relu" && a != "leaky_relu") return "network.activation must be relu or leaky_relu";
    s->activation.leaky = a == "leaky_relu";
  }
  if (e.empty()) e = readNumber(j, "alpha", "network", &s->activation.alpha);
  return e;
}

std::string trainingFromJson(const json& j, ElbowScene* s) {
  std::string e = onlyKeys(j, "training", {"optimizer", "lr", "batch", "seed", "max_steps"});
  if (e.empty() && j.contains("optimizer")) {
    const json& o = j["optimizer"];
    if (o != "sgd" && o != "adam") return "training.optimizer must be sgd or adam";
    s->train.optimizer = o == "adam" ? NetOptimizer::Adam : NetOptimizer::Sgd;
  }
  if (e.empty()) e = readNumber(j, "lr", "training", &s->train.lr);
  if (e.empty()) e = readInt(j, "batch", "training", &s->train.batch_size);
  if (e.empty()) e = readSeed(j, "seed", "training", &s->train.seed);
  if (e.empty()) e = readInt(j, "max_steps", "training", &s->max_steps);
  return e;
}

std::string viewFromJson(const json& j, ElbowScene* s) {
  std::string e = onlyKeys(j, "view", {"bends", "contributions", "one_unit"});
  if (e.empty()) e = readBool(j, "bends", "view", &s->show_bends);
  if (e.empty()) e = readBool(j, "contributions", "view", &s->show_contributions);
  if (e.empty()) e = readBool(j, "one_unit", "view", &s->one_unit_tab);
  return e;
}

}  // namespace

json elbowSceneToJson(const ElbowScene& s) {
  json points = json::array();
  for (int i = 0; i < s.user_points.size(); ++i)
    points.push_back({s.user_points.xs[std::size_t(i)], s.user_points.ys[std::size_t(i)]});
  return {{"lab", "elbows"},
          {"version", kElbowSceneVersion},
          {"unit",
           {{"w", s.unit.w}, {"b", s.unit.b}, {"x", s.unit.x}, {"y", s.unit.y}, {"lr", s.unit_lr}}},
          {"data",
           {{"set", dataSetName(s.data_set)},
            {"samples", s.samples},
            {"seed", s.data_seed},
            {"points", points}}},
          {"network",
           {{"units", s.units},
            {"dead_units", s.dead_units},
            {"init_seed", s.init_seed},
            {"activation", s.activation.leaky ? "leaky_relu" : "relu"},
            {"alpha", s.activation.alpha}}},
          {"training",
           {{"optimizer", s.train.optimizer == NetOptimizer::Adam ? "adam" : "sgd"},
            {"lr", s.train.lr},
            {"batch", s.train.batch_size},
            {"seed", s.train.seed},
            {"max_steps", s.max_steps}}},
          {"view",
           {{"bends", s.show_bends},
            {"contributions", s.show_contributions},
            {"one_unit", s.one_unit_tab}}}};
}

std::string elbowSceneFromJson(const json& j, ElbowScene* s) {
  if (!j.is_object()) return "a scene must be a JSON object";
  if (j.contains("lab") && j["lab"] != "elbows") return "lab: this is not an elbows scene";
  if (j.contains("version") &&
      (!j["version"].is_number_integer() || j["version"].get<int>() > kElbowSceneVersion))
    return "version: this gradlab reads elbows scene versions up to " +
           std::to_string(kElbowSceneVersion);
  std::string e = onlyKeys(j, "scene",
                           {"lab", "version", "unit", "data", "network", "training", "view",
                            "timeline", "activation_changes"});
  if (e.empty() && j.contains("unit")) e = unitFromJson(j["unit"], s);
  if (e.empty() && j.contains("data")) e = dataFromJson(j["data"], s);
  if (e.empty() && j.contains("network")) e = networkFromJson(j["network"], s);
  if (e.empty() && j.contains("training")) e = trainingFromJson(j["training"], s);
  if (e.empty() && j.contains("view")) e = viewFromJson(j["view"], s);
  if (e.empty()) e = validateScene(*s);
  return e;
}

namespace {

json activationToJson(const NetActivation& act) {
  return {{"activation", act.leaky ? "leaky_relu" : "relu"}, {"alpha", act.alpha}};
}

// "activation_changes": [{"step": 3000, "activation": "leaky_relu", "alpha": 0.1}, ...], steps
// increasing from 1: the activation switched while training ran (EXERCISES E3's revival).
std::string activationChangesFromJson(const json& j,
                                      std::vector<std::pair<long, NetActivation>>* changes) {
  if (!j.is_array()) return "activation_changes must be a list";
  long last = 0;
  for (std::size_t i = 0; i < j.size(); ++i) {
    const std::string at = formatText("activation_changes[%d]", int(i));
    const json& c = j[i];
    if (!c.is_object()) return at + " must be an object";
    std::string e = onlyKeys(c, at, {"step", "activation", "alpha"});
    if (!e.empty()) return e;
    if (!c.contains("step") || !c["step"].is_number_integer() || c["step"].get<long>() <= last)
      return at + ".step must be a whole number after the last change's (and at least 1)";
    if (!c.contains("activation") || (c["activation"] != "relu" && c["activation"] != "leaky_relu"))
      return at + ".activation must be relu or leaky_relu";
    NetActivation act;
    act.leaky = c["activation"] == "leaky_relu";
    if (c.contains("alpha")) {
      if (!c["alpha"].is_number()) return at + ".alpha must be a number";
      act.alpha = c["alpha"].get<double>();
    }
    e = act.validate();
    if (!e.empty()) return formatText("%s: %s", at.c_str(), e.c_str());
    last = c["step"].get<long>();
    changes->emplace_back(last, act);
  }
  return "";
}

}  // namespace

json elbowLabSceneToJson(const ElbowLab& lab) {
  json j = elbowSceneToJson(lab.scene);
  j["timeline"] = {{"network", timelineToJson(lab.timeline)},
                   {"unit", timelineToJson(lab.unit_timeline)}};
  if (!lab.activation_changes.empty()) {
    // The run's activation at step 0, and each switch after it: the replay is the same run.
    const json start = activationToJson(lab.start_activation);
    j["network"]["activation"] = start["activation"];
    j["network"]["alpha"] = start["alpha"];
    json changes = json::array();
    for (const auto& [step, act] : lab.activation_changes) {
      json c = activationToJson(act);
      c["step"] = step;
      changes.push_back(c);
    }
    j["activation_changes"] = changes;
  }
  return j;
}

std::string loadElbowScene(ElbowLab& lab, const json& j) {
  ElbowScene scene = lab.scene;
  std::string error = elbowSceneFromJson(j, &scene);
  // Each clock only when the file has it: without, the new run starts at step 0 as any edit does.
  TimelinePosition network, unit;
  bool has_network = false, has_unit = false;
  if (error.empty() && j.contains("timeline")) {
    const json& t = j["timeline"];
    error = onlyKeys(t, "timeline", {"network", "unit"});
    has_network = error.empty() && t.contains("network");
    has_unit = error.empty() && t.contains("unit");
    if (has_network) error = timelineFromJson(t["network"], "timeline.network", &network);
    if (error.empty() && has_unit) error = timelineFromJson(t["unit"], "timeline.unit", &unit);
  }
  std::vector<std::pair<long, NetActivation>> changes;
  if (error.empty() && j.contains("activation_changes"))
    error = activationChangesFromJson(j["activation_changes"], &changes);
  if (error.empty()) error = setScene(lab, scene);
  if (!error.empty()) return error;
  if (!changes.empty()) {
    // setScene started the run with the step-0 activation; the switches come after it, and the
    // controls show the last one.
    lab.activation_changes = changes;
    lab.scene.activation = changes.back().second;
  }
  if (has_network) {
    applyTimelinePosition(lab.timeline, network);
    syncTraining(lab);  // the views show the trained state at once (export, a frame later)
  }
  if (has_unit) applyTimelinePosition(lab.unit_timeline, unit);
  return "";
}

}  // namespace gradlab
