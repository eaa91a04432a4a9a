// The Stochastic lab's scene as JSON. See stochastic_scene.h.
#include "app/labs/stochastic/stochastic_scene.h"

#include <nlohmann/json.hpp>

#include "app/labs/lab_options.h"
#include "app/views/timeline_scene.h"
#include "core/text_format.h"

namespace gradlab {
namespace {

using nlohmann::json;

std::string readInt(const json& j, const std::string& path, int* out) {
  if (!j.is_number_integer()) return path + " must be a whole number";
  const long long value = j.get<long long>();
  if (value < -1000000000LL || value > 1000000000LL) return path + " is out of range";
  *out = static_cast<int>(value);
  return "";
}

std::string dataFromJson(const json& j, GaussianSpec* d) {
  if (!j.is_object()) return "data must be an object";
  for (auto it = j.begin(); it != j.end(); ++it)
    if (it.key() != "mean" && it.key() != "covariance" && it.key() != "samples" &&
        it.key() != "seed")
      return "data." + it.key() + " is not a setting here (mean, covariance, samples, seed)";
  std::string e;
  if (j.contains("mean")) {
    const json& m = j["mean"];
    if (!m.is_array() || m.size() != 2) return "data.mean must be [x, y]";
    for (int i = 0; i < 2 && e.empty(); ++i)
      e = readSceneNumber(m[static_cast<std::size_t>(i)], formatText("data.mean[%d]", i),
                          &d->mean(i));
  }
  if (e.empty() && j.contains("covariance")) {
    const json& c = j["covariance"];
    if (!c.is_array() || c.size() != 2 || !c[0].is_array() || c[0].size() != 2 ||
        !c[1].is_array() || c[1].size() != 2)
      return "data.covariance must be [[a, b], [b, c]]";
    for (int r = 0; r < 2 && e.empty(); ++r)
      for (int k = 0; k < 2 && e.empty(); ++k)
        e = readSceneNumber(c[static_cast<std::size_t>(r)][static_cast<std::size_t>(k)],
                            formatText("data.covariance[%d][%d]", r, k), &d->covariance(r, k));
  }
  if (e.empty() && j.contains("samples"))
    e = readInt(j["samples"], "data.samples", &d->sample_count);
  if (e.empty() && j.contains("seed")) {
    if (!j["seed"].is_number_unsigned()) return "data.seed must be a whole number >= 0";
    d->seed = j["seed"].get<std::uint64_t>();
  }
  if (!e.empty()) return e;
  const std::string invalid = d->validate();
  return invalid.empty() ? "" : "data: " + invalid;
}

std::string sgdFromJson(const json& j, GaussianSgdConfig* c) {
  if (!j.is_object()) return "sgd must be an object";
  for (auto it = j.begin(); it != j.end(); ++it)
    if (it.key() != "step_sizes" && it.key() != "starts" && it.key() != "iterations")
      return "sgd." + it.key() + " is not a setting here (step_sizes, starts, iterations)";
  std::string e;
  if (j.contains("step_sizes")) {
    const json& list = j["step_sizes"];
    if (!list.is_array() || list.empty() || list.size() > 6)
      return "sgd.step_sizes must be a list of 1 to 6 numbers";
    c->step_sizes.assign(list.size(), 0);
    for (std::size_t s = 0; s < list.size() && e.empty(); ++s) {
      const std::string path = formatText("sgd.step_sizes[%d]", static_cast<int>(s));
      e = readSceneNumber(list[s], path, &c->step_sizes[s]);
      if (e.empty() && !(c->step_sizes[s] > 0 && c->step_sizes[s] <= 10))
        e = formatText("%s must be in (0, 10] (got %g)", path.c_str(), c->step_sizes[s]);
    }
  }
  if (e.empty() && j.contains("starts")) e = readInt(j["starts"], "sgd.starts", &c->start_count);
  if (e.empty() && j.contains("iterations"))
    e = readInt(j["iterations"], "sgd.iterations", &c->iterations);
  if (!e.empty()) return e;
  const std::string invalid = c->validate();
  return invalid.empty() ? "" : "sgd: " + invalid;
}

}  // namespace

json stochasticSceneToJson(const StochasticScene& s) {
  const GaussianSpec& d = s.data;
  return {{"lab", "stochastic"},
          {"version", kStochasticSceneVersion},
          {"data",
           {{"mean", {d.mean(0), d.mean(1)}},
            {"covariance",
             {{d.covariance(0, 0), d.covariance(0, 1)}, {d.covariance(1, 0), d.covariance(1, 1)}}},
            {"samples", d.sample_count},
            {"seed", d.seed}}},
          {"sgd",
           {{"step_sizes", s.sgd.step_sizes},
            {"starts", s.sgd.start_count},
            {"iterations", s.sgd.iterations}}}};
}

std::string stochasticSceneFromJson(const json& j, StochasticScene* s) {
  if (!j.is_object()) return "a scene must be a JSON object";
  if (j.contains("lab") && j["lab"] != "stochastic") return "lab: this is not a stochastic scene";
  if (j.contains("version") &&
      (!j["version"].is_number_integer() || j["version"].get<int>() > kStochasticSceneVersion))
    return "version: this gradlab reads stochastic scene versions up to " +
           std::to_string(kStochasticSceneVersion);
  for (auto it = j.begin(); it != j.end(); ++it)
    if (it.key() != "lab" && it.key() != "version" && it.key() != "data" && it.key() != "sgd" &&
        it.key() != "timeline")
      return it.key() + " is not a stochastic scene setting (data, sgd, timeline)";
  std::string e;
  if (j.contains("data")) e = dataFromJson(j["data"], &s->data);
  if (e.empty() && j.contains("sgd")) e = sgdFromJson(j["sgd"], &s->sgd);
  return e;
}

json stochasticLabSceneToJson(const StochasticLab& lab) {
  json j = stochasticSceneToJson(lab.scene);
  j["timeline"] = timelineToJson(lab.timeline);
  return j;
}

std::string loadStochasticScene(StochasticLab& lab, const json& j) {
  StochasticScene scene = lab.scene;
  std::string error = stochasticSceneFromJson(j, &scene);
  TimelinePosition position;
  if (error.empty() && j.contains("timeline"))
    error = timelineFromJson(j["timeline"], "timeline", &position);
  if (error.empty()) error = setScene(lab, scene);
  // After the runs: their length bounds the position.
  if (error.empty()) applyTimelinePosition(lab.timeline, position);
  return error;
}

}  // namespace gradlab
