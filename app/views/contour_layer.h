// ContourLayer: a 2-D function drawn as a shaded map with iso-lines, for any lab's plot (the
// optimizer's objective, the Gaussian lab's log-likelihood). It evaluates the field on a grid
// (about one sample per two pixels), maps it to colours and shades a GL texture, each step only
// when its inputs changed, so a plot that did not change costs one textured quad a frame.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "app/gl/contour_renderer.h"
#include "app/theme.h"
#include "app/views/contour_mapping.h"
#include "core/objective.h"

namespace gradlab {

struct ContourLayer {
  ContourRenderer renderer;
  std::string error;  // shader problems, shown by the view instead of a crash
  bool initialized = false;
  // The inputs the current texture was made from.
  int objective_version = -1;
  Window window;
  int pixel_w = 0, pixel_h = 0;
  ContourOptions options;
  Theme theme = Theme::Dark;
  // The field over `window` and how it maps to colours (the colour bar reads these).
  std::vector<double> field_values;  // row 0 at y_min
  int grid_nx = 0, grid_ny = 0;
  double field_min = 0, field_max = 1;  // finite range over the window
  bool field_valid = false;             // some value is finite
  ContourMapping mapping;
  // The texture's data as an image any backend can draw (kept figures, export).
  std::shared_ptr<const plot::FieldImage> field_image;
  int field_evaluations = 0;  // how many times the field was evaluated (tests, bench)
  int shades = 0;             // how many times the texture was shaded
};

// Brings the layer up to date for `f` (whose identity is `objective_version`: bump it when f
// changes) over `window` at pixel_w x pixel_h output pixels, and returns the texture to draw
// (0 when there is none: no GL shader, or a plot too small). Needs a current GL context.
GLuint updateContourLayer(ContourLayer& layer, const Objective& f, int objective_version,
                          const ContourOptions& options, const Window& window, int pixel_w,
                          int pixel_h, Theme theme);

}  // namespace gradlab
