// The Network lab's ImGui views: the controls (the grid's activations and seeds, the network's
// shape, the swept input and plotted output), the B2 and B3 panels, and the grid of plots.
#pragma once

#include "app/labs/networks/network_lab.h"
#include "app/plot/axes.h"
#include "app/theme.h"

namespace gradlab {

namespace plot {
struct PlotContext;
}

// What the views keep between frames.
struct NetworkLabView {
  // Where each cell's plot area was drawn last frame (UI units) and what it showed, row-major:
  // the pixel tests and `render --report` map data to pixels with these.
  struct Placement {
    bool drawn = false;
    float x = 0, y = 0, w = 0, h = 0;
    plot::Limits limits;
  };
  Placement cells[kNetworkMaxRows * kNetworkMaxColumns];
  int fitted_version = -1;  // the lab version the plots' views were last reset to
  int edit_layer = 0;       // B2: the W_i the buttons act on (0-based)
  int edit_row = 0, copy_from = 1;
  std::string range_error;
  int shown_panel = -1;  // the tab drawn last frame: a scene's other tab is selected once
};

void drawNetworkLab(NetworkLab& lab, NetworkLabView& view, plot::PlotContext& plots, Theme theme,
                    bool presentation);

}  // namespace gradlab
