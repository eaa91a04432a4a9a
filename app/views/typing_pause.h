// TypingPause: a text box whose text applies once typing pauses, or at once on Enter, not at
// every keystroke. Typing "2x + y^2" must not apply "2" on the way (issue 15) nor flash an
// error at each half-typed formula. Plain state; the lab applies the text when told to.
#pragma once

#include <algorithm>
#include <limits>

namespace gradlab {

struct TypingPause {
  static constexpr double kPause = 0.6;  // seconds without a keystroke
  bool pending = false;                  // typed, not yet applied
  double idle = 0;                       // seconds since the last keystroke

  void typed() {
    pending = true;
    idle = 0;
  }
  // Time passed: true (once) when the pause is over and the text should apply now.
  bool advance(double dt) {
    if (!pending) return false;
    idle += std::max(0.0, dt);
    if (idle < kPause) return false;
    pending = false;
    return true;
  }
  // Enter or leaving the box: true when there was a text to apply.
  bool commit() {
    const bool was = pending;
    pending = false;
    return was;
  }
  // Seconds until the text applies by itself (the app's loop wakes then); infinity if none.
  double secondsLeft() const {
    return pending ? std::max(0.0, kPause - idle) : std::numeric_limits<double>::infinity();
  }
};

}  // namespace gradlab
