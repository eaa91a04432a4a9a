// The Backprop lab drawn with ImGui: the controls column (graph, inputs, weights, label, gradient
// step, typed formula), the graph view, and under it the G3 plot and the G4 panel. Reads the lab
// and calls its logic (backprop_lab.h); keeps only view state here.
#pragma once

#include <string>

#include "app/labs/backprop/backprop_graph_view.h"
#include "app/labs/backprop/backprop_lab.h"
#include "app/plot/axes.h"
#include "app/theme.h"

namespace gradlab {

namespace plot {
struct PlotContext;
}

struct BackpropLabView {
  GraphView graph;
  long fitted_version = -1;                        // the G3 curve the plot was last fitted to
  std::string edit_error;                          // why the last edit was refused ("" none)
  char expression[kMaxExpressionLength + 1] = {};  // the formula box's text
  long expression_synced = -1;                     // the lab version the box was last filled from
};

// `dt`: seconds since the last frame (a typed formula applies once typing pauses).
void drawBackpropLab(BackpropLab& lab, BackpropLabView& view, plot::PlotContext& plots, Theme theme,
                     float dt, bool presentation);

// The controls column (backprop_controls_ui.cpp).
void drawBackpropControls(BackpropLab& lab, BackpropLabView& view);
// The G4 panel (backprop_controls_ui.cpp).
void drawMatrixGradientPanel(BackpropLab& lab, BackpropLabView& view);

}  // namespace gradlab
