// The status chip every lab shows under a run: what happened, in words ("converged in 55 steps to
// a maximum (f = 1.060077)"), orange when it failed, and what to try ("lower the step size").
#pragma once

#include <string>

namespace gradlab {

// The whole summary on one line where it fits; otherwise its parenthesis (the numbers) goes on a
// line of its own rather than being split at a '.'. `hint` (may be empty) follows, greyed.
void drawStatusChip(const std::string& summary, const std::string& hint, bool failed);

}  // namespace gradlab
