// A Timeline's position in scene files. See timeline_scene.h.
#include "app/views/timeline_scene.h"

#include <nlohmann/json.hpp>

namespace gradlab {

nlohmann::json timelineToJson(const Timeline& t) {
  if (!t.animated) return {{"show_all", true}};
  return {{"show_all", false}, {"shown", timelineShown(t, t.last)}};
}

std::string timelineFromJson(const nlohmann::json& j, const std::string& path,
                             TimelinePosition* out) {
  if (!j.is_object())
    return path + R"( must be an object: {"show_all": true} or {"show_all": false, "shown": K})";
  for (auto it = j.begin(); it != j.end(); ++it)
    if (it.key() != "show_all" && it.key() != "shown")
      return path + "." + it.key() + " is not a setting here (show_all, shown)";
  TimelinePosition p;
  if (j.contains("show_all")) {
    if (!j["show_all"].is_boolean()) return path + ".show_all must be true or false";
    p.show_all = j["show_all"].get<bool>();
  } else {
    p.show_all = !j.contains("shown");
  }
  if (!p.show_all) {
    if (!j.contains("shown")) return path + ".shown is missing (the last iterate shown)";
    const nlohmann::json& k = j["shown"];
    if (!k.is_number_integer() || k.get<long long>() < 0 || k.get<long long>() > 1000000000LL)
      return path + ".shown must be a whole number >= 0";
    p.shown = int(k.get<long long>());
  }
  *out = p;
  return "";
}

void applyTimelinePosition(Timeline& t, const TimelinePosition& p) {
  if (p.show_all) {
    timelineShowAll(t);
  } else {
    timelineSeek(t, p.shown);
  }
}

}  // namespace gradlab
