// The Backprop lab's scene as JSON. See backprop_scene.h.
#include "app/labs/backprop/backprop_scene.h"

#include <initializer_list>
#include <nlohmann/json.hpp>

#include "app/labs/lab_options.h"
#include "core/text_format.h"

namespace gradlab {
namespace {

using nlohmann::json;

std::string readLabel(const json& j, const std::string& path, int* out) {
  if (!j.is_number_integer()) return path + " must be a whole number";
  const long long v = j.get<long long>();
  if (v < 0 || v > 100) return path + " is out of range";
  *out = int(v);
  return "";
}

// A list of exactly `n` numbers into out[0..n).
std::string readNumbers(const json& j, const std::string& path, int n, double* out) {
  if (!j.is_array() || int(j.size()) != n)
    return formatText("%s must be a list of %d numbers", path.c_str(), n);
  std::string e;
  for (int k = 0; k < n && e.empty(); ++k)
    e = readSceneNumber(j[std::size_t(k)], formatText("%s[%d]", path.c_str(), k), &out[k]);
  return e;
}

std::string checkKeys(const json& j, const std::string& path,
                      std::initializer_list<const char*> keys, const char* list) {
  if (!j.is_object()) return path + " must be an object";
  for (auto it = j.begin(); it != j.end(); ++it) {
    bool known = false;
    for (const char* k : keys) known = known || it.key() == k;
    if (!known) return path + "." + it.key() + " is not a setting here (" + list + ")";
  }
  return "";
}

std::string networkFromJson(const json& j, NetworkG1* n) {
  std::string e = checkKeys(j, "network", {"x", "w1", "w2", "label"}, "x, w1, w2, label");
  if (e.empty() && j.contains("x")) e = readNumbers(j["x"], "network.x", 3, n->x);
  for (const char* key : {"w1", "w2"}) {
    if (!e.empty() || !j.contains(key)) continue;
    const int cols = key[1] == '1' ? 3 : 2;
    const json& m = j[key];
    const std::string path = std::string("network.") + key;
    if (!m.is_array() || m.size() != 2) return path + " must be a list of 2 rows";
    for (int i = 0; i < 2 && e.empty(); ++i)
      e = readNumbers(m[std::size_t(i)], formatText("%s[%d]", path.c_str(), i), cols,
                      cols == 3 ? n->w1[i] : n->w2[i]);
  }
  if (e.empty() && j.contains("label")) e = readLabel(j["label"], "network.label", &n->label);
  return e;
}

}  // namespace

json backpropSceneToJson(const BackpropScene& s) {
  const NetworkG1& n = s.network;
  json g4w = json::array();
  for (Eigen::Index i = 0; i < s.w.rows(); ++i) {
    json row = json::array();
    for (Eigen::Index j = 0; j < s.w.cols(); ++j) row.push_back(s.w(i, j));
    g4w.push_back(row);
  }
  json g4z = json::array();
  for (Eigen::Index j = 0; j < s.z.size(); ++j) g4z.push_back(s.z(j));
  return {{"lab", "backprop"},
          {"version", kBackpropSceneVersion},
          {"graph", graphChoiceName(s.graph)},
          {"g2", {{"a", s.a}, {"b", s.b}}},
          {"network",
           {{"x", {n.x[0], n.x[1], n.x[2]}},
            {"w1", {{n.w1[0][0], n.w1[0][1], n.w1[0][2]}, {n.w1[1][0], n.w1[1][1], n.w1[1][2]}}},
            {"w2", {{n.w2[0][0], n.w2[0][1]}, {n.w2[1][0], n.w2[1][1]}}},
            {"label", n.label}}},
          {"step_size", s.step_size},
          {"typed", {{"expression", s.expression}, {"at", {s.x, s.y}}}},
          {"g3", {{"logits", s.logits}, {"label", s.g3_label}}},
          {"g4", {{"w", g4w}, {"z", g4z}, {"g", activationInfo(s.g).name}}}};
}

std::string backpropSceneFromJson(const json& j, BackpropScene* s) {
  if (!j.is_object()) return "a scene must be a JSON object";
  if (j.contains("lab") && j["lab"] != "backprop") return "lab: this is not a backprop scene";
  if (j.contains("version") &&
      (!j["version"].is_number_integer() || j["version"].get<int>() > kBackpropSceneVersion))
    return "version: this gradlab reads backprop scene versions up to " +
           std::to_string(kBackpropSceneVersion);
  std::string e = checkKeys(
      j, "scene", {"lab", "version", "graph", "g2", "network", "step_size", "typed", "g3", "g4"},
      "graph, g2, network, step_size, typed, g3, g4");
  if (e.empty() && j.contains("graph")) {
    const json& g = j["graph"];
    if (!g.is_string() || !graphChoiceFromName(g.get<std::string>(), &s->graph))
      return "graph: " + g.dump() + " is not a graph (g2, g1, expr)";
  }
  if (e.empty() && j.contains("g2")) {
    const json& g2 = j["g2"];
    e = checkKeys(g2, "g2", {"a", "b"}, "a, b");
    if (e.empty() && g2.contains("a")) e = readSceneNumber(g2["a"], "g2.a", &s->a);
    if (e.empty() && g2.contains("b")) e = readSceneNumber(g2["b"], "g2.b", &s->b);
  }
  if (e.empty() && j.contains("network")) e = networkFromJson(j["network"], &s->network);
  if (e.empty() && j.contains("step_size"))
    e = readSceneNumber(j["step_size"], "step_size", &s->step_size);
  if (e.empty() && j.contains("typed")) {
    const json& t = j["typed"];
    e = checkKeys(t, "typed", {"expression", "at"}, "expression, at");
    if (e.empty() && t.contains("expression")) {
      if (!t["expression"].is_string()) return "typed.expression must be a string";
      s->expression = t["expression"].get<std::string>();
    }
    double at[2] = {s->x, s->y};
    if (e.empty() && t.contains("at")) e = readNumbers(t["at"], "typed.at", 2, at);
    s->x = at[0];
    s->y = at[1];
  }
  if (e.empty() && j.contains("g3")) {
    const json& g3 = j["g3"];
    e = checkKeys(g3, "g3", {"logits", "label"}, "logits, label");
    if (e.empty() && g3.contains("logits")) {
      const json& l = g3["logits"];
      if (!l.is_array() || l.size() < 2 || l.size() > 6)
        return "g3.logits must be a list of 2 to 6 numbers";
      s->logits.assign(l.size(), 0);
      e = readNumbers(l, "g3.logits", int(l.size()), s->logits.data());
    }
    if (e.empty() && g3.contains("label")) e = readLabel(g3["label"], "g3.label", &s->g3_label);
  }
  if (e.empty() && j.contains("g4")) {
    const json& g4 = j["g4"];
    e = checkKeys(g4, "g4", {"w", "z", "g"}, "w, z, g");
    if (e.empty() && g4.contains("w")) {
      const json& m = g4["w"];
      if (!m.is_array() || m.size() != 2) return "g4.w must be a list of 2 rows";
      for (int i = 0; i < 2 && e.empty(); ++i) {
        double row[3];
        e = readNumbers(m[std::size_t(i)], formatText("g4.w[%d]", i), 3, row);
        for (int k = 0; k < 3 && e.empty(); ++k) s->w(i, k) = row[k];
      }
    }
    if (e.empty() && g4.contains("z")) {
      double z[3];
      e = readNumbers(g4["z"], "g4.z", 3, z);
      for (int k = 0; k < 3 && e.empty(); ++k) s->z(k) = z[k];
    }
    if (e.empty() && g4.contains("g")) {
      const json& g = g4["g"];
      if (!g.is_string() || !activationFromName(g.get<std::string>(), &s->g))
        return "g4.g: " + g.dump() + " is not an activation (" + activationNameList() + ")";
    }
  }
  return e;
}

std::string loadBackpropScene(BackpropLab& lab, const json& j) {
  BackpropScene scene = lab.scene;
  const std::string error = backpropSceneFromJson(j, &scene);
  return error.empty() ? applyBackpropScene(lab, scene) : error;
}

}  // namespace gradlab
