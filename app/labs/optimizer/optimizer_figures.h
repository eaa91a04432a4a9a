// The Optimizer lab's plots as plain data, with no ImGui and no GL: the arrays a trajectory and a
// loss curve draw (shared with the lab's ImGui views), the contour's colour mapping, and the
// three figures `gradlab export` paints: the map with its trajectories, f against iteration and
// ||grad f|| against iteration.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "app/labs/optimizer/optimizer_lab.h"
#include "app/plot/field_image.h"
#include "app/plot/figure.h"
#include "app/plot/painter.h"
#include "app/plot/style.h"
#include "app/theme.h"
#include "app/views/thinning.h"
#include "core/field.h"

namespace gradlab {

// [SECTION] What the views draw (the ImGui views cache these)

// A run that ends exactly at 0 (Newton on a quadratic reaches grad f = 0 in one step) has no
// place on a log axis: "0 ↓" in its colour at the bottom edge of `limits` says where it went
// (marks at the same iteration stack up by line_height). For f, or for ||grad f||.
std::vector<plot::TextItem> exactZeroMarks(const OptimizerLab& lab, bool grad_norm,
                                           const plot::Limits& limits, float line_height);

// The tolerance line's label on the ||grad f|| plot, the longest that fits `room` pixels:
// "tolerance 0.0001", "tol 0.0001" or "0.0001" (a 1024-pixel projector's column at UI scale 1.5
// has a plot 120 pixels wide). text_width measures a text in pixels.
std::string toleranceLabel(double tol, float room,
                           const std::function<float(const char*)>& text_width);

// [SECTION] Figures for export

struct LabFigureOptions {
  Theme theme = Theme::Dark;
  plot::PixelRect frame{0, 0, 800, 600};  // where each figure is painted, pixels
};

// The map: the shaded field (a FieldImage, so any backend can draw it), iso-lines, known
// optima, every run's trajectory with its end and start markers, over the lab's home view
// widened to equal aspect; under it the colour bar when the scene shows one. `painter` measures
// text for the layout.
plot::Figure mapFigure(const OptimizerLab& lab, const LabFigureOptions& options,
                       const plot::Painter& painter);
// f against iteration (log axis when lab.scene.log_f_axis), fitted to the runs.
plot::Figure lossFigure(const OptimizerLab& lab, const LabFigureOptions& options,
                        const plot::Painter& painter);
// ||grad f|| against iteration on a log axis, with the stop tolerance.
plot::Figure gradNormFigure(const OptimizerLab& lab, const LabFigureOptions& options,
                            const plot::Painter& painter);

}  // namespace gradlab
