// Placing a text label at one end of a drawn segment so that it does not cover a label placed
// before it (the Hessian inspector's λ1 and λ2 labels, which meet when the axes are short).
// Pure pixel geometry, y down; no ImGui.
#pragma once

#include "app/plot/axes.h"

namespace gradlab::plot {

// The box of a text of size (width, height) whose point (anchor_x, anchor_y) of the box (0, 0 the
// top-left corner, 1, 1 the bottom-right) sits at (x + offset_x, y + offset_y).
PixelRect LabelBox(double x, double y, double width, double height, double anchor_x,
                   double anchor_y, double offset_x, double offset_y);

// The area two boxes share (0 when they only touch or are apart).
double OverlapArea(const PixelRect& a, const PixelRect& b);

// Where a segment's label goes: beyond its end, left-aligned (anchor_x 0, offset +gap), or when
// that box would overlap `taken`, beyond its start, right-aligned (anchor_x 1, offset -gap) —
// unless that overlaps `taken` even more. Vertically centred on the end point either way.
struct SegmentLabel {
  bool at_start = false;  // the label sits at the segment's start rather than its end
  double anchor_x = 0;
  double offset_x = 0;
};
SegmentLabel PlaceSegmentLabel(double start_x, double start_y, double end_x, double end_y,
                               double width, double height, double gap, const PixelRect& taken);

}  // namespace gradlab::plot
