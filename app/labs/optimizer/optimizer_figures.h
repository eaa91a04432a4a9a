// The Optimizer lab's plots as plain data, with no ImGui and no GL: the arrays a trajectory and a
// loss curve draw (shared with the lab's ImGui views), the contour's colour mapping, and the
// three figures `gradlab export` paints: the map with its trajectories, f against iteration and
// ||grad f|| against iteration.
#pragma once

#include <memory>
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

// How the contour maps f to colours over a field whose finite values span [field_min,
// field_max]: the map spans that range (centred on 0 for the diverging map when the range
// straddles it); log levels use base = min - 1e-3 (max - min), as core's logLevels().
struct ContourMapping {
  double lo = 0, hi = 1;
  bool log = false;
  double log_base = 0;
  plot::ColorScale scale;
};
ContourMapping contourMapping(const ContourOptions& options, double field_min, double field_max);
// The field's colour-map positions (t in [0, 1], computed in double: a float texture of raw f
// would lose the contours of 1e8 + x^2 or of a deep zoom; NaN where f is undefined) as an image
// any backend can draw: the GL texture's data and the export's pixels alike.
std::shared_ptr<plot::FieldImage> makeFieldImage(const std::vector<double>& values, int nx, int ny,
                                                 const ContourOptions& options,
                                                 const ContourMapping& mapping,
                                                 plot::Color undefined);
// The f of the n iso-lines: strictly inside the map, at colour positions k / (n + 1).
std::vector<double> contourLevels(const ContourMapping& mapping, int levels);

// A run that ends exactly at 0 (Newton on a quadratic reaches grad f = 0 in one step) has no
// place on a log axis: "0 ↓" in its colour at the bottom edge of `limits` says where it went
// (marks at the same iteration stack up by line_height). For f, or for ||grad f||.
std::vector<plot::TextItem> exactZeroMarks(const OptimizerLab& lab, bool grad_norm,
                                           const plot::Limits& limits, float line_height);

// [SECTION] Figures for export

struct LabFigureOptions {
  Theme theme = Theme::Dark;
  plot::PixelRect frame{0, 0, 800, 600};  // where each figure is painted, pixels
};

// The map: the shaded field (a FieldImage, so any backend can draw it), iso-lines, known
// optima, every run's trajectory with its end and start markers, over the lab's home view
// widened to equal aspect. `painter` measures text for the layout.
plot::Figure mapFigure(const OptimizerLab& lab, const LabFigureOptions& options,
                       const plot::Painter& painter);
// f against iteration (log axis when lab.scene.log_f_axis), fitted to the runs.
plot::Figure lossFigure(const OptimizerLab& lab, const LabFigureOptions& options,
                        const plot::Painter& painter);
// ||grad f|| against iteration on a log axis, with the stop tolerance.
plot::Figure gradNormFigure(const OptimizerLab& lab, const LabFigureOptions& options,
                            const plot::Painter& painter);

}  // namespace gradlab
