// The animation clock's transitions. See timeline.h.
#include "app/views/timeline.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace gradlab {

void timelineTogglePlay(Timeline& t) {
  if (t.playing) {
    t.playing = false;
    return;
  }
  if (!t.animated || t.position >= t.last) t.position = 0;
  t.animated = true;
  t.playing = t.last > 0;
}

void timelineStep(Timeline& t) {
  if (!t.animated) t.position = 0;
  t.animated = true;
  t.playing = false;
  t.position = std::min<double>(std::floor(t.position) + 1, t.last);
}

void timelineRewind(Timeline& t) {
  t.animated = true;
  t.playing = false;
  t.position = 0;
}

void timelineShowAll(Timeline& t) {
  t.animated = false;
  t.playing = false;
}

void timelineSeek(Timeline& t, int iterate) {
  t.animated = true;
  t.playing = false;
  t.position = std::clamp(iterate, 0, std::max(t.last, 0));
}

void timelineNewRuns(Timeline& t, int last) {
  t.last = std::max(last, 0);
  t.animated = false;
  t.playing = false;
  t.position = 0;
}

bool timelineAdvance(Timeline& t, double dt) {
  if (!t.playing) return false;
  const double before = std::floor(t.position);
  t.position +=
      std::clamp(t.speed, Timeline::kMinSpeed, Timeline::kMaxSpeed) * std::clamp(dt, 0.0, 0.25);
  if (t.position >= t.last) {
    t.position = t.last;
    t.playing = false;
  }
  return std::floor(t.position) != before;
}

int timelineShown(const Timeline& t, int run_last) {
  if (!t.animated) return run_last;
  return std::clamp(int(std::floor(t.position)), 0, std::max(run_last, 0));
}

double timelineSecondsToNextIterate(const Timeline& t) {
  if (!t.playing) return std::numeric_limits<double>::infinity();
  const double speed = std::clamp(t.speed, Timeline::kMinSpeed, Timeline::kMaxSpeed);
  return (std::floor(t.position) + 1 - t.position) / speed;
}

}  // namespace gradlab
