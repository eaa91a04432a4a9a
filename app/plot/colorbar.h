// The colour bar, a figure item: the key from colour to value of a shaded map, a horizontal
// strip under the plot area with the colour map from lo to hi, the two end values beside it and
// round values (ticks) under it at their true colour positions. A Figure carries it
// (Figure::color_bar), its layout reserves the strip and PaintFigure paints it, so the screen
// (ImGui), the exported PNG/PDF (Cairo) and a later SVG writer all draw the same bar.
#pragma once

#include <string>
#include <vector>

#include "app/plot/axes.h"
#include "app/plot/colormap.h"
#include "app/plot/field_image.h"
#include "app/plot/style.h"

namespace gradlab::plot {

class Painter;

struct ColorBar {
  Colormap colormap = Colormap::Viridis;
  ColorScale scale;              // f -> colour-map position (linear, or log-spaced levels)
  double lo = 0, hi = 1;         // f at the bar's left and right ends
  bool log_ticks = false;        // ticks at decades (log-spaced levels and lo > 0)
  std::string lo_text, hi_text;  // the end values, with digits enough to differ
  bool shown = true;             // false: the strip stays empty (e.g. no finite value to map)
};

// The bar is painted as this many flat steps of the colour map, step i in the colour at
// (i + 0.5) / kColorBarSteps.
inline constexpr int kColorBarSteps = 64;

// Height of the strip a figure reserves under its x-axis label: a padding, the bar (0.7 em), tick
// marks (0.3 em), one line of tick labels and a padding.
double ColorBarRoom(const PlotStyle& style, const Painter& painter);

// Where the parts go inside the strip (the frame's bottom ColorBarRoom pixels).
struct ColorBarLayout {
  PixelRect bar;           // the gradient
  Point lo_text, hi_text;  // top-left corners of the end labels, beside the bar
};
ColorBarLayout LayoutColorBar(const ColorBar& bar, const PixelRect& strip, const PlotStyle& style,
                              const Painter& painter);

// The labelled round values under the bar (decades for log_ticks, else 1-2-5 steps; about one
// per 6 em), strictly inside (lo, hi) since the ends are labelled beside the bar, left to right,
// each label clamped under the bar and dropped when it would touch the previous one.
struct ColorBarTick {
  double value = 0;
  double x = 0;           // pixel of the tick mark: bar.x0 + scale.at(value) * bar width
  double label_left = 0;  // left edge of its label
  std::string label;
};
std::vector<ColorBarTick> ColorBarTicks(const ColorBar& bar, const PixelRect& bar_rect,
                                        const Painter& painter);

// The bar, its end labels, tick marks and tick labels in the theme's text colour.
void PaintColorBar(Painter& painter, const ColorBar& bar, const PixelRect& strip,
                   const PlotStyle& style);

}  // namespace gradlab::plot
