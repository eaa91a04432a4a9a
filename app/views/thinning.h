// Thinning what a run draws, so a 100,000-iterate run costs a frame about what a 100-iterate
// one does: a trajectory merged to points a pixel apart with a bounded number of arrows, and a
// curve reduced to each pixel column's extremes. Pure functions over a core Trajectory; every
// point kept is a real iterate, with its index for tooltips.
#pragma once

#include <vector>

#include "core/objective.h"
#include "core/run.h"

namespace gradlab {

// A run's trajectory: up to kMaxTrajectoryArrows steps each get an arrow w_i -> w_i+1; longer
// runs are a line (points closer than a pixel merged, a stretch retracing pixels already drawn
// left out: an oscillating run costs what one lap does) with arrows on evenly spaced steps.
constexpr int kMaxTrajectoryArrows = 120;
struct TrajectoryPath {
  std::vector<double> path_x, path_y;    // polyline (points a pixel apart), NaN-broken
  std::vector<double> arrow_x, arrow_y;  // arrow segments, NaN-separated
  std::vector<int> path_i, arrow_i;      // the iteration of each point (tooltips), -1 at NaN
};
// Iterations 0..shown of `t` in a view of `window` that is width x height pixels.
void buildTrajectoryPath(const Trajectory& t, int shown, bool arrows, const Window& window,
                         double width_px, double height_px, TrajectoryPath& out);

// The envelope a pixel column would show: for each of `buckets` runs of consecutive iterates,
// the smallest and largest f and ||grad f|| (in iteration order), so a curve of any length costs
// about as much to draw as the plot is wide, and every point drawn is a real iterate.
struct CurveEnvelope {
  std::vector<double> iter, f, grad_norm;
};
void buildEnvelope(const Trajectory& t, int count, int buckets, CurveEnvelope& out);

// The same for one curve given as values[0..count): each bucket's smallest and largest value,
// in order, as (iteration, value) points (all of them when span <= 2 * buckets). The buckets
// divide `span` values, the run's whole length that the plot's x axis shows, not the `count`
// computed so far: while a run grows, a finished bucket keeps its points, so a playing curve
// changes only at its end (and only that end is redrawn, app/draw_damage.h).
void buildValueEnvelope(const double* values, int count, int span, int buckets,
                        std::vector<double>& iter, std::vector<double>& ys);

}  // namespace gradlab
