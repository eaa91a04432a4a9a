// The elbow lab's pictures as plain plot items, with no ImGui and no GL: the network's fit with
// its elbow markers, the loss against step, the elbow trace, and E1's unit before and after a
// step. The ImGui views and `gradlab export` draw the same items.
#pragma once

#include <vector>

#include "app/labs/elbows/elbow_lab.h"
#include "app/plot/figure.h"
#include "app/plot/painter.h"
#include "app/theme.h"

namespace gradlab {

// Unit j's marker: orange when u_j > 0, blue when u_j < 0 (Okabe-Ito), grey when dead.
plot::Color unitColor(double u, bool dead);
// Marker width in plot units: 1 + 4 |u_j| / max_k |u_k|; dead units are 2 (and dashed).
float unitWidth(double u, double max_abs_u, bool dead);

// The elbow markers fill this fraction of the fit plot's height, from its bottom: full-height lines
// cost a projector frame under llvmpipe (64 of them doubled the frame time), and a band keeps the
// curve readable.
constexpr double kElbowBand = 0.3;

// The data, the fitted curve (exact: drawn through its elbows), a vertical marker per unit at
// its elbow in the bottom band (dead units dashed grey, with a cross on top) and a dot at each
// live unit's kink on the curve, the data's bends (optional) and each unit's contribution
// (optional).
std::vector<plot::Item> fitItems(const ElbowLab& lab, Theme theme, bool user_handles);
plot::Limits fitLimits(const ElbowLab& lab);
// Full-data loss at every record up to the shown step (thinned to `buckets` pixel columns).
std::vector<plot::Item> lossItems(const ElbowLab& lab, int buckets);
plot::Limits lossLimits(const ElbowLab& lab);
// Every unit's elbow against step (at most `buckets` points a unit: 64 units of a point per pixel
// would cost the frame budget), bends as horizontal lines.
std::vector<plot::Item> traceItems(const ElbowLab& lab, Theme theme, int buckets);
plot::Limits traceLimits(const ElbowLab& lab);
// E1: the unit before (grey) and after (solid) the last step, the data point, arrows for the
// elbow's and the line's movement with their numbers.
std::vector<plot::Item> unitItems(const ElbowLab& lab, Theme theme);
plot::Limits unitLimits(const ElbowLab& lab);

// Whole figures for export, laid out in `frame`.
plot::Figure fitFigure(const ElbowLab& lab, Theme theme, const plot::PixelRect& frame,
                       const plot::Painter& painter);
plot::Figure lossFigure(const ElbowLab& lab, Theme theme, const plot::PixelRect& frame,
                        const plot::Painter& painter);
plot::Figure traceFigure(const ElbowLab& lab, Theme theme, const plot::PixelRect& frame,
                         const plot::Painter& painter);
// E1: the unit before and after the shown step (the one-unit tab's plot), titled with its case.
plot::Figure unitFigure(const ElbowLab& lab, Theme theme, const plot::PixelRect& frame,
                        const plot::Painter& painter);

}  // namespace gradlab
