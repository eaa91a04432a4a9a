// How a map of a 2-D function turns f into colours and iso-lines: the options a user sets, the
// mapping of the visible range onto the colour map (linear or log-spaced), the field image any
// backend can draw, and the iso-line levels. No GL and no ImGui: the GL contour layer
// (contour_layer.h) and the CPU export use the same functions.
#pragma once

#include <memory>
#include <vector>

#include "app/plot/color.h"
#include "app/plot/colorbar.h"
#include "app/plot/field_image.h"

namespace gradlab {

// How the contour view shades the field. Defaults suit the two-bumps scene.
struct ContourOptions {
  int levels = 14;          // iso-lines between the visible minimum and maximum
  bool log_levels = false;  // space levels in log(f - min): for Rosenbrock-like valleys
  bool lines_only = false;  // like matplotlib's contour (no fill)
  int colormap = 0;         // plot::Colormap: 0 viridis, 1 cividis, 2 coolwarm (diverging)
  bool colorbar = true;
};

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
// The colour bar of a map shaded with `mapping` (a figure item: the screen and the export paint
// the same one): the colour map over [lo, hi], its end values with enough digits that they
// differ (1e8 + x^2 shows 100000000 and 100000018), ticks at decades for log levels with lo > 0.
plot::ColorBar colorBar(const ContourOptions& options, const ContourMapping& mapping);
// The f of the n iso-lines: strictly inside the map, at colour positions k / (n + 1).
std::vector<double> contourLevels(const ContourMapping& mapping, int levels);

}  // namespace gradlab
