#include "app/plot/label_placement.h"

#include <algorithm>

namespace gradlab::plot {

PixelRect LabelBox(double x, double y, double width, double height, double anchor_x,
                   double anchor_y, double offset_x, double offset_y) {
  PixelRect box;
  box.x0 = x + offset_x - anchor_x * width;
  box.y0 = y + offset_y - anchor_y * height;
  box.x1 = box.x0 + width;
  box.y1 = box.y0 + height;
  return box;
}

double OverlapArea(const PixelRect& a, const PixelRect& b) {
  const double w = std::min(a.x1, b.x1) - std::max(a.x0, b.x0);
  const double h = std::min(a.y1, b.y1) - std::max(a.y0, b.y0);
  return w > 0 && h > 0 ? w * h : 0;
}

SegmentLabel PlaceSegmentLabel(double start_x, double start_y, double end_x, double end_y,
                               double width, double height, double gap, const PixelRect& taken) {
  const SegmentLabel at_end{false, 0, gap};
  const SegmentLabel at_start{true, 1, -gap};
  const double end_overlap =
      OverlapArea(LabelBox(end_x, end_y, width, height, 0, 0.5, gap, 0), taken);
  if (end_overlap == 0) return at_end;
  const double start_overlap =
      OverlapArea(LabelBox(start_x, start_y, width, height, 1, 0.5, -gap, 0), taken);
  return start_overlap < end_overlap ? at_start : at_end;
}

}  // namespace gradlab::plot
