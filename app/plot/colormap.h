// Continuous colour maps for scalar fields: perceptually uniform viridis (default), cividis
// (colour-vision-deficiency friendly) and the diverging coolwarm, each a 256-entry table.
#pragma once

#include "app/plot/color.h"

namespace gradlab::plot {

enum class Colormap { Viridis, Cividis, Coolwarm };
inline constexpr int kColormapCount = 3;

// "viridis", "cividis", "coolwarm" (the names settings and scenes store).
const char* ColormapName(Colormap map);
// Returns false and leaves *map alone when the name is unknown.
bool ColormapFromName(const char* name, Colormap* map);

// Colour at t in [0, 1] (clamped; NaN gives the lowest colour), linearly interpolated between
// the table's 256 entries.
Color SampleColormap(Colormap map, double t);
// Entry i in [0, 255] of the table, as float RGB in [0, 1] (for uploading a 1-D texture).
const float* ColormapEntry(Colormap map, int i);

}  // namespace gradlab::plot
