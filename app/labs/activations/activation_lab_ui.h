// The Activation lab's ImGui views: the controls (activations with their parameters, the x range,
// identities, the Taylor polynomial, the values at the hovered x) and the stacked plots.
#pragma once

#include "app/labs/activations/activation_lab.h"
#include "app/plot/axes.h"
#include "app/theme.h"

namespace gradlab {

namespace plot {
struct PlotContext;
}

// What the views keep between frames.
struct ActivationLabView {
  // Where each plot area was drawn last frame (UI units) and what it showed: the pixel tests and
  // `render --report` map data to pixels with these. drawn[k] false: plot k was not drawn.
  bool drawn[3] = {false, false, false};
  float plot_x[3] = {}, plot_y[3] = {}, plot_w[3] = {}, plot_h[3] = {};
  plot::Limits limits[3];
  int fitted_version = -1;  // the lab version the plots' views were last reset to
  bool hovering = false;    // the mouse is over a plot: hover_x is its x
  double hover_x = 0;
  // The x-range boxes' text while typed, and why the last one was refused.
  std::string range_error;
};

void drawActivationLab(ActivationLab& lab, ActivationLabView& view, plot::PlotContext& plots,
                       Theme theme, bool presentation);

}  // namespace gradlab
