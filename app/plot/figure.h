// The kept figure: every item a plot draws in a frame, as a plain description (one struct per
// item kind), so the same figure can be drawn by ImGui now and written as SVG later.
#pragma once

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include "app/plot/axes.h"
#include "app/plot/color.h"
#include "app/plot/colorbar.h"
#include "app/plot/field_image.h"

namespace gradlab::plot {

// Sizes below are in pixels at style scale 1; Figure::scale says how much they were enlarged.
// A label starting with "##" has no legend entry; "text##id" shows "text" (ImGui's rule).

struct LineItem {
  std::string label;
  std::vector<double> xs, ys;  // a polyline; NaN breaks it; a lone point is a dot
  std::vector<int> indices;    // per point, shown as "i = " in tooltips (e.g. the iteration)
  Color color;
  float width = 2;
  Color halo{0, 0, 0, 0};  // drawn under it, 3 px wider, when alpha > 0: readable on any map
  bool in_legend = true;   // false: no legend entry (its label still names it in tooltips)
  // It turns back at most points (each pixel column's lowest and highest value of a noisy
  // curve): drawn segment by segment, since a thick polyline's joins shrink to nothing where
  // the line reverses and the curve would break up.
  bool zigzag = false;
};

enum class MarkerShape { Circle, Square, Diamond, Cross, Plus };

struct MarkerItem {
  std::string label;
  std::vector<double> xs, ys;
  std::vector<int> indices;  // per point, shown as "i = " in tooltips (e.g. the iteration)
  Color color;
  MarkerShape shape = MarkerShape::Circle;
  float size = 4;      // radius (half the side of a square)
  bool filled = true;  // false: outline only
  float outline_width = 1.5f;
  Color halo{0, 0, 0, 0};  // drawn under it, 3 px wider, when alpha > 0: readable on any map
  bool in_legend = true;   // false: no legend entry (its label still names it in tooltips)
};

// Arrows from (xs[i], ys[i]) to (xs[i+1], ys[i+1]): an optimizer trajectory w_i -> w_{i+1}.
struct ArrowItem {
  std::string label;
  std::vector<double> xs, ys;
  std::vector<int> indices;  // per point, shown as "i = " in tooltips (e.g. the iteration)
  Color color;
  float width = 1.5f;
  float head_size = 8;     // length of the head; arrows shorter than the head get a smaller one
  Color halo{0, 0, 0, 0};  // drawn under it, 3 px wider, when alpha > 0: readable on any map
  bool in_legend = true;   // false: no legend entry (its label still names it in tooltips)
};

// The region between the curve (xs, ys) and (xs, ys_base), e.g. a constant baseline.
struct FillItem {
  std::string label;
  std::vector<double> xs, ys, ys_base;
  Color color;  // use alpha for translucency
};

// A closed simple polygon (convex or not).
struct PolygonItem {
  std::string label;
  std::vector<double> xs, ys;
  Color fill;
  Color outline;
  float outline_width = 0;  // 0: no outline
};

// A line across the whole plot at x = value (vertical) or y = value (horizontal).
struct RefLineItem {
  std::string label;
  bool vertical = true;
  double value = 0;
  Color color;
  float width = 1.5f;
};

// Text at a data point; anchor (0, 0) puts the text's top-left corner there, (0.5, 0.5) centres.
struct TextItem {
  std::string text;
  double x = 0, y = 0;
  Color color = kAutoColor;          // automatic: the theme's text colour
  float offset_x = 0, offset_y = 0;  // pixels, applied after anchoring (y down)
  float anchor_x = 0.5f, anchor_y = 0.5f;
  Color background{0, 0, 0, 0};  // a box behind the text (readable on any map) when alpha > 0
};

// An image over a data rectangle. The texture is opaque here (an ImTextureID for the ImGui
// drawer); `field` is the same image as CPU data (colour-map positions, colour map, range), which
// every other backend draws. source_id names how it was made (the optimizer lab's contour: a
// JSON object with the function, its parameters, colour map, levels and mapped range).
struct ImageItem {
  std::string label;
  void* texture = nullptr;
  std::shared_ptr<const FieldImage> field;  // shared, not copied, by every kept frame
  double x_min = 0, y_min = 0, x_max = 1, y_max = 1;
  std::string source_id;
  bool first_row_at_bottom = true;  // texture row 0 is y_min (ScalarField layout)
  Color tint = {1, 1, 1, 1};
  // The texture is opaque and has exactly the pixels of the rectangle it is drawn on: the ImGui
  // drawer may copy it (PlotContext::copy_texture) rather than sample it.
  bool pixel_exact = false;
  // Some pixels are see-through (a scatter's image, app/plot/scatter_image.h): the plot's
  // background is painted under it even where it covers the whole plot area.
  bool transparent = false;
};

using Item = std::variant<LineItem, MarkerItem, ArrowItem, FillItem, PolygonItem, RefLineItem,
                          TextItem, ImageItem>;

struct LegendEntry {
  std::string key;   // the full label (identifies the item, e.g. for hiding)
  std::string text;  // what the legend shows
  Color color;
  bool hidden = false;
  // The swatch: a filled square, or the marker's own shape when the label's first item is
  // a marker (so a "+" for a minimum reads as one in the legend too).
  bool marker = false;
  MarkerShape shape = MarkerShape::Square;
  bool filled = true;
};

enum class LegendCorner { TopRight, TopLeft, BottomRight, BottomLeft };

struct Figure {
  std::string title, x_label, y_label;
  Scale x_scale = Scale::Linear, y_scale = Scale::Linear;
  Limits limits;  // the view as drawn
  bool equal_aspect = false;
  bool integer_x = false;              // x ticks at whole numbers only (iterations)
  bool y_tick_labels = true;           // false: y ticks without labels (a row sharing one y axis)
  bool show_legend = true;             // false: no legend box (the entries are still listed)
  PixelRect frame{0, 0, 0, 0};         // where the whole figure was drawn, pixels
  PixelRect area{0, 0, 0, 0};          // its plot area (inside the axes)
  double width_px = 0, height_px = 0;  // plot-area size as drawn
  float scale = 1;                     // style scale the sizes were multiplied by
  std::vector<Item> items;             // in drawing order (first is at the bottom)
  std::vector<LegendEntry> legend;     // labelled items in order of first appearance
  LegendCorner legend_corner = LegendCorner::TopRight;  // where the legend was drawn
  // The key of a shaded map, in a strip under the x-axis label (colorbar.h); the layout reserves
  // the strip when it is set.
  std::optional<ColorBar> color_bar;
};

// The label of any item ("" for text).
std::string ItemLabel(const Item& item);
// The caller's index of point k of a line, marker or arrow item; -1 when it gave none.
int ItemIndex(const Item& item, int k);
// The legend text of a label: "" for "##..." labels, the part before "##" otherwise.
std::string LegendText(const std::string& label);

// Records one plot's frame into a Figure: assigns automatic colours, skips hidden items (they
// keep a greyed legend entry), builds the legend and the data extent for auto-fit.
// Usage per frame: begin(); add(...) for each item; then read figure() and extents.
class FigureRecorder {
 public:
  // Starts a new frame: clears items, legend, extents and the automatic colour counter.
  void begin(Scale x_scale, Scale y_scale);
  // Records an item; returns false when its label is hidden (nothing is drawn then).
  // An automatic colour (Color::isAuto) becomes the next RunColor, or the colour already
  // given to the same label this frame; fills and polygons get it at alpha 0.35.
  bool add(Item item);

  bool isHidden(const std::string& label) const { return hidden_.count(label) != 0; }
  void setHidden(const std::string& label, bool hidden);
  void toggleHidden(const std::string& label) { setHidden(label, !isHidden(label)); }

  Figure& figure() { return figure_; }
  const Figure& figure() const { return figure_; }
  const Extent& extentX() const { return extent_x_; }
  const Extent& extentY() const { return extent_y_; }

 private:
  Figure figure_;
  std::set<std::string> hidden_;  // persists across frames
  Extent extent_x_, extent_y_;
  int next_color_ = 0;
};

// The point of a line, marker or arrow item nearest to a pixel position, within max_dist_px.
struct NearestPoint {
  int item = -1;   // index into Figure::items, -1 when nothing is close enough
  int index = -1;  // index of the point within the item
  double x = 0, y = 0;
  double dist_px = 0;
};
NearestPoint FindNearestPoint(const Figure& figure, const Transform& t, Point mouse_px,
                              double max_dist_px);

// The legend box of size_w x size_h pixels in a corner of the plot area, inset by pad.
PixelRect LegendBox(const Transform& t, double size_w, double size_h, double pad,
                    LegendCorner corner);
// The corner where that box hides the least data (matplotlib's loc="best"): it counts the
// segments of lines, arrows, fills and reference lines, the markers and the text anchors it
// would cover (within a few pixels of its edge). The
// current corner is kept unless another is strictly better, so the legend does not hop
// between equally good corners while a point is dragged.
LegendCorner ChooseLegendCorner(const Figure& figure, const Transform& t, double size_w,
                                double size_h, double pad, LegendCorner current);

}  // namespace gradlab::plot
