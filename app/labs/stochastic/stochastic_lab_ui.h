// The Stochastic lab drawn with ImGui: the controls column (timeline, step sizes, data, seed),
// one objective plot per step size, the ellipse plot and the error table. Reads the lab and
// calls its logic (stochastic_lab.h); keeps only view state here.
#pragma once

#include <string>

#include "app/labs/stochastic/stochastic_lab.h"
#include "app/plot/axes.h"
#include "app/theme.h"
#include "app/views/scatter_layer.h"

namespace gradlab {

namespace plot {
struct PlotContext;
}

struct StochasticLabView {
  ScatterLayer samples;      // the data under the ellipses, one texture (Lab::pixelsVersion)
  long fitted_version = -1;  // the runs the plots' views were last fitted to
  std::string edit_error;    // why the last edit in the controls was refused ("" none)
  std::string copy_status;   // after "Copy table": copied, or why the clipboard failed
  bool clipboard_failed = false;
  // Where the ellipse plot was drawn this frame (render --report, GUI tests).
  float ellipse_x = 0, ellipse_y = 0, ellipse_w = 0, ellipse_h = 0;
  plot::Limits ellipse_limits;
};

void drawStochasticLab(StochasticLab& lab, StochasticLabView& view, plot::PlotContext& plots,
                       Theme theme, float dt, bool presentation);

// The controls column (stochastic_controls_ui.cpp).
void drawStochasticControls(StochasticLab& lab, StochasticLabView& view);

}  // namespace gradlab
