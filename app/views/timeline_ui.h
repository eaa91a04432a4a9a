// The timeline's controls (Play/Pause, Step, Rewind, Show all, iterate slider, speed), the same
// in every lab. Each button calls one transition of timeline.h.
#pragma once

#include "app/views/timeline.h"

namespace gradlab {

// Draws the controls; returns true when the timeline changed.
bool drawTimelineControls(Timeline& timeline);
// One row for presentation mode: Play/Pause, Step, Rewind, Show all and "iteration k of n"
// (no sliders, so the plots keep the height); returns true when the timeline changed.
bool drawTimelineButtons(Timeline& timeline);

}  // namespace gradlab
