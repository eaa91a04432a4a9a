// Timeline: the animation clock every lab's views share. It says which iterate the views show
// (all of them, or 0..shown()), and when the next frame is due while it plays. Plain data and
// pure functions, no ImGui: every transition is tested headless. timeline_ui.h draws its controls.
#pragma once

namespace gradlab {

struct Timeline {
  bool animated = false;  // false: every iterate is shown (the state after any new result)
  bool playing = false;   // the position advances with time
  double position = 0;    // fractional iterate, so slow speeds work
  double speed = 20;      // iterations per second, in [kMinSpeed, kMaxSpeed]
  int last = 0;           // the last iterate of the longest run (set by the lab)

  static constexpr double kMinSpeed = 1,
                          kMaxSpeed = 100000;  // 100000: the elbow lab trains ~1,600 steps a frame
};

// Play/Pause: starts from iterate 0 when every iterate was shown or the end was reached.
void timelineTogglePlay(Timeline& t);
// One iterate forward (from 0 when every iterate was shown); pauses.
void timelineStep(Timeline& t);
// Back to iterate 0, paused.
void timelineRewind(Timeline& t);
// Shows every iterate; pauses.
void timelineShowAll(Timeline& t);
// Shows iterates 0..iterate (clamped to 0..last); pauses.
void timelineSeek(Timeline& t, int iterate);
// The runs changed (a new step size, function, method or start): the views show the new runs
// in full and the clock stops, so no view can keep a cursor from the old runs.
void timelineNewRuns(Timeline& t, int last);

// Advances a playing clock by dt seconds (at most a quarter second, so a stall does not jump);
// stops at the end. Returns true when the shown iterate changed (a frame is due).
bool timelineAdvance(Timeline& t, double dt);
// The last iterate the views show of a run whose last iterate is run_last.
int timelineShown(const Timeline& t, int run_last);
// Seconds until the shown iterate changes on its own: a large value when not playing.
double timelineSecondsToNextIterate(const Timeline& t);

}  // namespace gradlab
