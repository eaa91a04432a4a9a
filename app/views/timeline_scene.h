// A Timeline's position in a scene file, under the scene's "timeline" key: {"show_all": true}
// (every iterate shown) or {"show_all": false, "shown": K} (iterates 0..K). Playing is not
// saved: an opened scene is paused where it was saved.
#pragma once

#include <string>

#include <nlohmann/json_fwd.hpp>

#include "app/views/timeline.h"

namespace gradlab {

// What a timeline's views show, as a plain value read from a scene before it is applied.
struct TimelinePosition {
  bool show_all = true;
  int shown = 0;  // the last iterate shown when !show_all, >= 0
};

nlohmann::json timelineToJson(const Timeline& t);
// Reads `j` (at `path`, e.g. "timeline") into *out; "" or the problem, naming the field.
std::string timelineFromJson(const nlohmann::json& j, const std::string& path,
                             TimelinePosition* out);
// Puts the timeline at `p`, paused; a shown iterate past t.last is clamped to it (a scene saved
// with a longer run still opens, at the run's end).
void applyTimelinePosition(Timeline& t, const TimelinePosition& p);

}  // namespace gradlab
