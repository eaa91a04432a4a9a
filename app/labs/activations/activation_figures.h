// The Activation lab's plots as plain data (no ImGui, no GL): the items of the values, first- and
// second-derivative plots, drawn by the lab's ImGui view and painted by `gradlab export` alike.
#pragma once

#include <string>
#include <vector>

#include "app/labs/activations/activation_lab.h"
#include "app/plot/figure.h"
#include "app/plot/painter.h"
#include "app/theme.h"

namespace gradlab {

// 0: f, 1: f', 2: f''.
constexpr int kActivationPlotCount = 3;
const char* activationPlotTitle(int order);
const char* activationPlotYLabel(int order);
const char* activationPlotFileName(int order);  // "values", "derivatives", "second-derivatives"

// The colour of an activation's curves (one per activation, whatever else is shown) and of an
// identity's band.
plot::Color activationColor(Activation a);
plot::Color identityColor(ActivationIdentity id);
// The leaky-ReLU limit's overlay (alpha = 0: ReLU, alpha = 1: linear).
plot::Color leakyLimitColor();

// The plot's y limits: curveRange (the lab's data, padded).
plot::Limits activationPlotLimits(const ActivationLab& lab, int order);

// Every item of plot `order` in drawing order: identity bands under the curves, the curves with
// dots at their kink values, the identities' right-hand sides on top, then the notes (measured
// differences, the leaky-ReLU limit, the Taylor tolerance) as text stacked from the top-left
// corner, `line_height` pixels apart.
std::vector<plot::Item> activationPlotItems(const ActivationLab& lab, int order,
                                            const plot::Limits& limits, Theme theme,
                                            float line_height);

// The Taylor polynomial written out with its exact coefficients: "1/2 + x/4 - x^3/48".
std::string sigmoidTaylorText(int degree);

// A figure of plot `order` for `gradlab export`, laid out in `frame`.
plot::Figure activationFigure(const ActivationLab& lab, int order, Theme theme,
                              const plot::PixelRect& frame, const plot::Painter& painter);

}  // namespace gradlab
