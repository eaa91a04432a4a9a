// The elbow lab drawn with ImGui: a controls column and two tabs, "Network (E2, E3)" (fit with
// elbow markers, loss, elbow trace) and "One unit (E1)". Reads the lab and calls its logic
// (elbow_lab.h); keeps only view state here.
#pragma once

#include <string>

#include "app/labs/elbows/elbow_lab.h"
#include "app/plot/axes.h"
#include "app/theme.h"

namespace gradlab {

namespace plot {
struct PlotContext;
}

struct ElbowLabView {
  long fitted_version = -1;  // the run the plots were last fitted to (a new run re-fits)
  long fitted_replays = -1;
  std::string edit_error;  // why the last edit was refused ("" none)
  // Where the fit plot was drawn this frame and its view (render --report, GUI tests).
  float fit_x = 0, fit_y = 0, fit_w = 0, fit_h = 0;
  plot::Limits fit_limits;
  bool fit_drawn = false;
  int tab_frames = 0;  // frames drawn: the scene's tab is selected on the first ones
};

void drawElbowLab(ElbowLab& lab, ElbowLabView& view, plot::PlotContext& plots, Theme theme,
                  float dt, bool presentation);

}  // namespace gradlab
