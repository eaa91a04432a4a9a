// The Network lab's scene as JSON. See network_scene.h.
#include "app/labs/networks/network_scene.h"

#include <nlohmann/json.hpp>

namespace gradlab {
namespace {

using nlohmann::json;

std::string readBool(const json& j, const char* key, bool* out) {
  if (!j.contains(key)) return "";
  if (!j[key].is_boolean()) return std::string(key) + " must be true or false";
  *out = j[key].get<bool>();
  return "";
}

// A whole number, stored as `value - offset` (the file counts from 1 where the lab counts from 0).
std::string readInt(const json& j, const std::string& key, int offset, int* out) {
  if (!j.contains(key)) return "";
  if (!j[key].is_number_integer()) return key + " must be a whole number";
  const long long v = j[key].get<long long>();
  if (v < -1000000 || v > 1000000) return key + " is out of range";
  *out = int(v) - offset;
  return "";
}

std::string readSeed(const json& v, const std::string& where, std::uint64_t* out) {
  if (!v.is_number_unsigned() && !(v.is_number_integer() && v.get<long long>() >= 0))
    return where + " must be a whole number >= 0";
  *out = v.get<std::uint64_t>();
  return "";
}

std::string readActivations(const json& j, NetworkScene* s) {
  if (!j.contains("activations")) return "";
  const json& list = j["activations"];
  if (!list.is_array()) return "activations must be a list of names";
  s->activations.clear();
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string where = "activations[" + std::to_string(i) + "]";
    Activation a;
    if (!list[i].is_string() || !activationFromName(list[i].get<std::string>(), &a))
      return where + ": " + list[i].dump() + " is not one of " + activationNameList();
    s->activations.push_back(a);
  }
  return "";
}

std::string readSeeds(const json& j, NetworkScene* s) {
  if (!j.contains("seeds")) return "";
  const json& list = j["seeds"];
  if (!list.is_array()) return "seeds must be a list of whole numbers";
  s->seeds.clear();
  for (std::size_t i = 0; i < list.size(); ++i) {
    std::uint64_t seed = 0;
    const std::string e = readSeed(list[i], "seeds[" + std::to_string(i) + "]", &seed);
    if (!e.empty()) return e;
    s->seeds.push_back(seed);
  }
  return "";
}

std::string readParams(const json& j, NetworkScene* s) {
  if (!j.contains("params")) return "";
  const json& p = j["params"];
  if (!p.is_object()) return "params must be an object, e.g. {\"leaky_relu\": 0.1}";
  for (auto it = p.begin(); it != p.end(); ++it) {
    Activation a;
    if (!activationFromName(it.key(), &a) || !activationInfo(a).param)
      return "params." + it.key() + " is not an activation with a parameter";
    if (!it.value().is_number()) return "params." + it.key() + " must be a number";
    s->params[int(a)] = it.value().get<double>();
  }
  return "";
}

std::string readEdits(const json& j, NetworkScene* s) {
  if (!j.contains("edits")) return "";
  const json& list = j["edits"];
  if (!list.is_array()) return "edits must be a list";
  s->edits.clear();
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string where = "edits[" + std::to_string(i) + "]";
    const json& e = list[i];
    if (!e.is_object()) return where + " must be an object";
    for (auto it = e.begin(); it != e.end(); ++it)
      if (it.key() != "kind" && it.key() != "column" && it.key() != "layer" && it.key() != "units")
        return where + "." + it.key() + " is not a field (kind, column, layer, units)";
    WeightEdit edit;
    if (!e.contains("kind") || !e["kind"].is_string() ||
        !weightEditFromName(e["kind"].get<std::string>(), &edit.kind))
      return where + ".kind must be zero_row, equal_rows, permute or flip";
    std::string problem = readInt(e, "column", 1, &edit.column);
    if (problem.empty()) problem = readInt(e, "layer", 1, &edit.layer);
    if (!problem.empty()) return where + "." + problem;
    if (!e.contains("units") || !e["units"].is_array()) return where + ".units must be a list";
    for (const json& u : e["units"]) {
      if (!u.is_number_integer()) return where + ".units must be whole numbers";
      edit.units.push_back(u.get<int>() - 1);
    }
    s->edits.push_back(edit);
  }
  return "";
}

}  // namespace

json networkSceneToJson(const NetworkScene& s) {
  json activations = json::array(), params = json::object(), edits = json::array();
  for (Activation a : s.activations) activations.push_back(activationInfo(a).name);
  for (const ActivationInfo& info : activationTable())
    if (info.param) params[info.name] = s.params[int(info.id)];
  for (const WeightEdit& e : s.edits) {
    json units = json::array();
    for (int u : e.units) units.push_back(u + 1);
    edits.push_back({{"kind", weightEditName(e.kind)},
                     {"column", e.column + 1},
                     {"layer", e.layer + 1},
                     {"units", units}});
  }
  return {{"lab", "networks"},
          {"version", kNetworkSceneVersion},
          {"activations", activations},
          {"seeds", s.seeds},
          {"depth", s.depth},
          {"width", s.width},
          {"params", params},
          {"bias", s.bias},
          {"activate_output", s.activate_output},
          {"init", s.init == MlpInit::StandardNormal ? "normal" : "torch"},
          {"input", s.input + 1},
          {"output", s.output + 1},
          {"x_range", {s.x_min, s.x_max}},
          {"inputs_seed", s.inputs_seed},
          {"linear_column", s.linear_column + 1},
          {"symmetry_layer", s.symmetry_layer + 1},
          {"edits", edits},
          {"panel", networkPanelName(s.panel)}};
}

std::string networkSceneFromJson(const json& j, NetworkScene* s) {
  if (!j.is_object()) return "the scene must be a JSON object";
  static const char* const kKeys[] = {
      "lab",     "version",     "activations",     "seeds",          "depth", "width",
      "params",  "bias",        "activate_output", "init",           "input", "output",
      "x_range", "inputs_seed", "linear_column",   "symmetry_layer", "edits", "panel"};
  for (auto it = j.begin(); it != j.end(); ++it) {
    bool known = false;
    for (const char* key : kKeys) known |= it.key() == key;
    if (!known) return "'" + it.key() + "' is not a field of the network scene";
  }
  if (j.contains("lab") && j["lab"] != "networks") return "lab: this is not a network scene";
  if (j.contains("version")) {
    if (!j["version"].is_number_integer()) return "version must be a whole number";
    if (j["version"].get<int>() > kNetworkSceneVersion)
      return "version " + std::to_string(j["version"].get<int>()) +
             " is newer than this gradlab reads (" + std::to_string(kNetworkSceneVersion) + ")";
  }
  std::string e = readActivations(j, s);
  if (e.empty()) e = readSeeds(j, s);
  if (e.empty()) e = readInt(j, "depth", 0, &s->depth);
  if (e.empty()) e = readInt(j, "width", 0, &s->width);
  if (e.empty()) e = readParams(j, s);
  if (e.empty()) e = readBool(j, "bias", &s->bias);
  if (e.empty()) e = readBool(j, "activate_output", &s->activate_output);
  if (e.empty() && j.contains("init")) {
    const json& init = j["init"];
    if (init == "normal") {
      s->init = MlpInit::StandardNormal;
    } else if (init == "torch") {
      s->init = MlpInit::TorchDefault;
    } else {
      return "init must be \"normal\" or \"torch\"";
    }
  }
  if (e.empty()) e = readInt(j, "input", 1, &s->input);
  if (e.empty()) e = readInt(j, "output", 1, &s->output);
  if (e.empty() && j.contains("x_range")) {
    const json& r = j["x_range"];
    if (!r.is_array() || r.size() != 2 || !r[0].is_number() || !r[1].is_number())
      return "x_range must be [x_min, x_max]";
    s->x_min = r[0].get<double>();
    s->x_max = r[1].get<double>();
  }
  if (e.empty() && j.contains("inputs_seed"))
    e = readSeed(j["inputs_seed"], "inputs_seed", &s->inputs_seed);
  if (e.empty()) e = readInt(j, "linear_column", 1, &s->linear_column);
  if (e.empty()) e = readInt(j, "symmetry_layer", 1, &s->symmetry_layer);
  if (e.empty()) e = readEdits(j, s);
  if (e.empty() && j.contains("panel") &&
      (!j["panel"].is_string() || !networkPanelFromName(j["panel"].get<std::string>(), &s->panel)))
    return "panel must be \"grid\", \"linear\" or \"symmetry\"";
  if (e.empty()) e = validateNetworkScene(*s);
  return e;
}

std::string loadNetworkScene(NetworkLab& lab, const json& j) {
  NetworkScene scene = lab.scene;
  const std::string e = networkSceneFromJson(j, &scene);
  if (!e.empty()) return e;
  return applyNetworkScene(lab, scene);
}

}  // namespace gradlab
