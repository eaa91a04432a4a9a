// The Activation lab's scene as JSON. See activation_scene.h.
#include "app/labs/activations/activation_scene.h"

#include <nlohmann/json.hpp>

namespace gradlab {
namespace {

using nlohmann::json;

std::string readNumber(const json& j, const char* key, double* out) {
  if (!j.contains(key)) return "";
  if (!j[key].is_number()) return std::string(key) + " must be a number";
  *out = j[key].get<double>();
  return "";
}

std::string readBool(const json& j, const char* key, bool* out) {
  if (!j.contains(key)) return "";
  if (!j[key].is_boolean()) return std::string(key) + " must be true or false";
  *out = j[key].get<bool>();
  return "";
}

// A list of names into flags: `lookup` maps a name to its index (false: unknown).
template <class Lookup>
std::string readNameSet(const json& j, const char* key, bool* flags, int count, Lookup lookup,
                        const std::string& valid) {
  if (!j.contains(key)) return "";
  if (!j[key].is_array()) return std::string(key) + " must be a list of names";
  for (int i = 0; i < count; ++i) flags[i] = false;
  for (std::size_t i = 0; i < j[key].size(); ++i) {
    const json& name = j[key][i];
    const std::string where = std::string(key) + "[" + std::to_string(i) + "]";
    if (!name.is_string()) return where + " must be a name (" + valid + ")";
    int index = -1;
    if (!lookup(name.get<std::string>(), &index))
      return where + ": '" + name.get<std::string>() + "' is not one of " + valid;
    flags[index] = true;
  }
  return "";
}

std::string readTaylor(const json& j, ActivationScene* s) {
  if (!j.contains("taylor")) return "";
  const json& t = j["taylor"];
  if (!t.is_object()) return "taylor must be an object";
  for (auto it = t.begin(); it != t.end(); ++it)
    if (it.key() != "shown" && it.key() != "degree" && it.key() != "tolerance")
      return "taylor." + it.key() + " is not a field (shown, degree, tolerance)";
  std::string e = readBool(t, "shown", &s->taylor);
  if (!e.empty()) return "taylor." + e;
  if (t.contains("degree")) {
    if (!t["degree"].is_number_integer()) return "taylor.degree must be a whole number";
    s->taylor_degree = t["degree"].get<int>();
  }
  e = readNumber(t, "tolerance", &s->taylor_tolerance);
  return e.empty() ? "" : "taylor." + e;
}

}  // namespace

json activationSceneToJson(const ActivationScene& s) {
  json shown = json::array(), identities = json::array();
  for (const ActivationInfo& info : activationTable())
    if (s.shown[int(info.id)]) shown.push_back(info.name);
  for (const ActivationIdentityInfo& info : activationIdentityTable())
    if (s.identities[int(info.id)]) identities.push_back(info.name);
  return {{"lab", "activations"},
          {"version", kActivationSceneVersion},
          {"shown", shown},
          {"leaky_alpha", s.leaky_alpha},
          {"elu_alpha", s.elu_alpha},
          {"softplus_beta", s.softplus_beta},
          {"x_range", {s.x_min, s.x_max}},
          {"second_derivative", s.show_second},
          {"identities", identities},
          {"taylor",
           {{"shown", s.taylor}, {"degree", s.taylor_degree}, {"tolerance", s.taylor_tolerance}}}};
}

std::string activationSceneFromJson(const json& j, ActivationScene* s) {
  if (!j.is_object()) return "the scene must be a JSON object";
  static const char* const kKeys[] = {"lab",        "version",       "shown",   "leaky_alpha",
                                      "elu_alpha",  "softplus_beta", "x_range", "second_derivative",
                                      "identities", "taylor"};
  for (auto it = j.begin(); it != j.end(); ++it) {
    bool known = false;
    for (const char* key : kKeys) known |= it.key() == key;
    if (!known) return "'" + it.key() + "' is not a field of the activation scene";
  }
  if (j.contains("lab") && j["lab"] != "activations") return "lab: this is not an activation scene";
  if (j.contains("version")) {
    if (!j["version"].is_number_integer()) return "version must be a whole number";
    if (j["version"].get<int>() > kActivationSceneVersion)
      return "version " + std::to_string(j["version"].get<int>()) +
             " is newer than this gradlab reads (" + std::to_string(kActivationSceneVersion) + ")";
  }
  std::string e = readNameSet(
      j, "shown", s->shown.data(), kActivationCount,
      [](const std::string& name, int* index) {
        Activation a;
        if (!activationFromName(name, &a)) return false;
        *index = int(a);
        return true;
      },
      activationNameList());
  if (e.empty())
    e = readNameSet(
        j, "identities", s->identities.data(), kActivationIdentityCount,
        [](const std::string& name, int* index) {
          ActivationIdentity id;
          if (!activationIdentityFromName(name, &id)) return false;
          *index = int(id);
          return true;
        },
        activationIdentityNameList());
  if (e.empty()) e = readNumber(j, "leaky_alpha", &s->leaky_alpha);
  if (e.empty()) e = readNumber(j, "elu_alpha", &s->elu_alpha);
  if (e.empty()) e = readNumber(j, "softplus_beta", &s->softplus_beta);
  if (e.empty()) e = readBool(j, "second_derivative", &s->show_second);
  if (e.empty() && j.contains("x_range")) {
    const json& r = j["x_range"];
    if (!r.is_array() || r.size() != 2 || !r[0].is_number() || !r[1].is_number())
      return "x_range must be [x_min, x_max]";
    s->x_min = r[0].get<double>();
    s->x_max = r[1].get<double>();
  }
  if (e.empty()) e = readTaylor(j, s);
  if (e.empty()) e = validateActivationScene(*s);
  return e;
}

std::string loadActivationScene(ActivationLab& lab, const json& j) {
  ActivationScene scene = lab.scene;
  const std::string e = activationSceneFromJson(j, &scene);
  if (!e.empty()) return e;
  return applyActivationScene(lab, scene);
}

}  // namespace gradlab
