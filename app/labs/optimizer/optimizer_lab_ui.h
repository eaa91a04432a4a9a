// The Optimizer lab's ImGui views: controls, contour with trajectories, loss curves, Hessian
// inspector, step-size sweep. The GL-side resources the views need live in OptimizerLabView.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "app/labs/optimizer/optimizer_figures.h"
#include "app/labs/optimizer/optimizer_lab.h"
#include "app/labs/optimizer/run_worker.h"
#include "app/labs/optimizer/sweep_worker.h"
#include "app/theme.h"
#include "app/views/contour_layer.h"

namespace gradlab {

namespace plot {
struct PlotContext;
}

// What the contour view keeps between frames so it re-evaluates and re-shades only on change.
struct OptimizerLabView {
  ContourLayer contour;        // the shaded field (app/views/contour_layer.h)
  std::string contour_source;  // the image's source_id, made when the texture is shaded

  // Where the contour plot was drawn last frame (UI units) and what it showed: scripted input
  // (bench-frames --drag) and the pixel tests map data points to pixels with these.
  float plot_x = 0, plot_y = 0, plot_w = 0, plot_h = 0;
  Window plot_limits;

  // The inspector follows the mouse over the contour (or the pinned point).
  bool hovering = false;
  Vec2 hover = Vec2::Zero();

  // What a run's views draw, rebuilt only when its inputs change (runs, shown iterations, view,
  // plot size): a 100,000-iterate run then costs about as much per frame as a 100-iterate one.
  struct RunCache {
    int version = -1, shown = -1;  // runs_version and shown iterations it was built for
    Window limits;                 // trajectory: the view it was merged for
    float width = 0, height = 0;   // plot-area size in pixels (curves: buckets)
    bool arrows = true;
    TrajectoryPath path;  // trajectory polyline and arrows
    int curve_version = -1, curve_shown = -1, curve_buckets = -1;
    CurveEnvelope curve;  // min/max envelope per pixel column, in order
  };
  std::vector<RunCache> run_caches;
  int curves_version = -1;  // runs_version the curve plots were last fitted to

  // Recomputes too large for a frame run in the background (see run_worker.h).
  RunScheduler runs;

  // Step-size sweeps: requested when the runs change while the sweep tab is open.
  SweepWorker sweep_worker;
  SweepResult sweeps;
  int sweep_requested = -1;  // runs_version of the last request
  bool log_f_axis_drawn = false;
};

// Left panel. Returns true when the runs must be recomputed (the objective, the method, a
// hyperparameter, a stop rule or a start changed).
bool drawOptimizerControls(OptimizerLab& lab);

// The whole lab: controls on the left, the contour in the middle, curves and inspector right.
void drawOptimizerLab(OptimizerLab& lab, OptimizerLabView& view, plot::PlotContext& plots,
                      Theme theme, float dt, bool presentation);

}  // namespace gradlab
