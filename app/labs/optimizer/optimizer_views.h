// The Optimizer lab's right-hand column (loss curves, gradient norms, Hessian inspector,
// step-size sweep), shared between optimizer_lab_ui.cpp and optimizer_curves_ui.cpp.
#pragma once

#include "app/labs/optimizer/optimizer_lab_ui.h"

namespace gradlab {

// The loss curves over the inspector's tabs (Hessian, step-size sweep); without the inspector
// (presentation mode) the curves take the whole column.
void drawCurvesAndInspector(OptimizerLab& lab, OptimizerLabView& view, bool with_inspector);

}  // namespace gradlab
