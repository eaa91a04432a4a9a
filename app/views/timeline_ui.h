// The timeline's controls (Play/Pause, Step, Rewind, Show all, iterate slider, speed), the same
// in every lab. Each button calls one transition of timeline.h.
#pragma once

#include "app/views/timeline.h"

namespace gradlab {

// Draws the controls; returns true when the timeline changed.
bool drawTimelineControls(Timeline& timeline);

}  // namespace gradlab
