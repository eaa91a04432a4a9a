// A plot's look as a plain value: sizes at scale 1 and the theme's colours. Shared by the ImGui
// drawer and every other backend that paints a Figure (figure_painter.h).
#pragma once

#include "app/plot/color.h"

namespace gradlab::plot {

// Sizes in pixels at scale 1. `scale` multiplies every size and the font (projector mode, DPI).
struct PlotStyle {
  float scale = 1;             // 1.5-2 for a classroom projector
  Theme theme = LightTheme();  // colours of everything that is not data
  float line_width = 2;        // default width of lines and reference lines
  float marker_size = 4;       // default marker radius
  float arrow_width = 1.5f;    // default width of arrow shafts
  float arrow_head = 9;        // default arrow-head length
  float grid_width = 1;
  float axis_width = 1;
  float tick_length = 5;
  float padding = 5;            // between frame edge, labels, ticks and title
  float x_tick_spacing = 90;    // about one labelled x tick per this many pixels
  float y_tick_spacing = 50;    // ... per this many pixels of height
  float hover_radius = 12;      // the tooltip picks data points this close to the mouse
  float drag_point_radius = 6;  // default DragPoint radius
  double fit_padding = 0.05;    // auto-fit margin: fraction of the data span on each side
  bool fill_plot_area = true;   // false: the window behind already is theme.plot_background
                                // (skips a full-plot fill, which software GL pays for per pixel)
  bool grid = true;             // grid lines at the major (and log minor) ticks
};

}  // namespace gradlab::plot
