// The Backprop lab's G3 plot as plain plot items, with no ImGui and no GL: the softmax
// cross-entropy against the true class's logit (the others fixed), with y = 0 and the current
// logit marked. The ImGui view and `gradlab export` (backprop-g3) draw the same items.
#pragma once

#include <string>
#include <vector>

#include "app/labs/backprop/backprop_lab.h"
#include "app/plot/figure.h"
#include "app/plot/painter.h"
#include "app/theme.h"

namespace gradlab {

std::vector<plot::Item> crossEntropyItems(const BackpropLab& lab);
plot::Limits crossEntropyLimits(const BackpropLab& lab);
std::string crossEntropyTitle(const BackpropLab& lab);   // "G3: L > 0, -> 0 as f_0 grows"
std::string crossEntropyXLabel(const BackpropLab& lab);  // "f_0 (others fixed)"

plot::Figure crossEntropyFigure(const BackpropLab& lab, Theme theme, const plot::PixelRect& frame,
                                const plot::Painter& painter);

}  // namespace gradlab
