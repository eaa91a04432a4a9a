// Immediate-mode plots drawn with ImGui's draw lists, in the spirit of ImPlot. Each frame's items
// are also kept as a plain Figure (figure.h) so the same picture can be exported. No GL calls.
//
// Protocol (as ImPlot's):
//
//   plot::SetCurrentContext(&app.plot_context);         // once; the app owns the context
//   if (plot::BeginPlot("Contour##opt", ImVec2(-1, 0), plot::PlotFlags_EqualAspect)) {
//     plot::SetupAxes("w1", "w2");                       // Setup*() first, all optional
//     plot::SetupAxesLimits(-2, 3, -2, 3);               // initial view and double-click home
//     plot::PlotImage("##field", tex, -2, -2, 3, 3, "contour:two-bumps");
//     plot::PlotArrows("run 1", xs, ys, n);              // Plot*() items, drawn in call order
//     if (plot::DragPoint(0, &start.x(), &start.y(), plot::RunColor(0))) rerun();
//     if (plot::IsPlotClicked()) addStart(plot::GetPlotMousePos());
//     plot::EndPlot();                                   // only when BeginPlot returned true
//   }
//
// Rules (misuse trips an IM_ASSERT with a sentence):
// - BeginPlot returns false when the plot is clipped away; then call nothing else for it and do
//   not call EndPlot. When it returns true, call EndPlot exactly once. Plots do not nest.
// - Setup*() only right after BeginPlot, before any Plot*(), DragPoint or query: the first of
//   those locks the setup (layout, view and this frame's pan/zoom are settled then).
// - Items are drawn at EndPlot, in call order, clipped to the plot area. Auto-fit uses every
//   item of the frame, so the first frame already shows all data.
// - Mouse (defaults): left drag pans; wheel zooms about the cursor (over an axis: that axis
//   only); right drag or Ctrl + left drag box-zooms; double click resets the view to the limits
//   given with SetupAxesLimits, or fits the data; clicking a legend entry hides its items.
//   With PlotFlags_CallerOwnsLeftClick a left click on empty space is the caller's (see
//   IsPlotClicked), panning is Shift + left drag or middle drag, and a double click is two of
//   the caller's clicks, not a reset (the caller offers a reset button that calls
//   SetupAxesLimits with ImGuiCond_Always).
#pragma once

#include <imgui.h>

#include <optional>
#include <unordered_map>

#include "app/plot/figure.h"
#include "app/plot/style.h"

namespace gradlab::plot {

// [SECTION] Style, flags, item styles

// PlotStyle (sizes and theme, a plain value) is in style.h: every backend paints with it.

using PlotFlags = int;
enum PlotFlags_ {
  PlotFlags_None = 0,
  PlotFlags_NoTitle = 1 << 0,  // title_id is an id only
  PlotFlags_NoLegend = 1 << 1,
  PlotFlags_NoPan = 1 << 2,
  PlotFlags_NoZoom = 1 << 3,               // neither wheel nor box zoom
  PlotFlags_NoTooltip = 1 << 4,            // no nearest-point tooltip, no mouse coordinates
  PlotFlags_EqualAspect = 1 << 5,          // one data unit is as long on x as on y (limits widen)
  PlotFlags_CallerOwnsLeftClick = 1 << 6,  // left click on empty space goes to IsPlotClicked
  PlotFlags_IntegerX = 1 << 7,             // x ticks at whole numbers only (iterations)
  PlotFlags_NoYTickLabels = 1 << 8,  // y ticks unlabelled: a plot beside one whose y axis it shares
};

// Item looks. A colour left automatic takes the next RunColor (the same for a repeated label);
// a size left 0 takes the PlotStyle default. All sizes are multiplied by PlotStyle::scale.
struct LineStyle {
  Color color = kAutoColor;
  float width = 0;
  Color halo{0, 0, 0, 0};        // a 3 px wider outline under it when alpha > 0
  const int* indices = nullptr;  // optional, one per point: shown as "i = " in the tooltip
  bool in_legend = true;         // false: no legend entry (the label still names it in tooltips)
};
struct MarkerStyle {
  Color color = kAutoColor;
  MarkerShape shape = MarkerShape::Circle;
  float size = 0;  // radius
  bool filled = true;
  Color halo{0, 0, 0, 0};        // a 3 px wider outline under it when alpha > 0
  const int* indices = nullptr;  // optional, one per point: shown as "i = " in the tooltip
  bool in_legend = true;         // false: no legend entry (the label still names it in tooltips)
};
struct ArrowStyle {
  Color color = kAutoColor;
  float width = 0;
  float head_size = 0;
  Color halo{0, 0, 0, 0};        // a 3 px wider outline under it when alpha > 0
  const int* indices = nullptr;  // optional, one per point: shown as "i = " in the tooltip
  bool in_legend = true;         // false: no legend entry (the label still names it in tooltips)
};
struct FillStyle {
  Color color = kAutoColor;  // automatic fills are translucent (alpha 0.35)
  Color outline = {0, 0, 0, 0};
  float outline_width = 0;  // polygons only; 0 = no outline
};
struct TextStyle {
  Color color = kAutoColor;                // automatic: the theme's text colour
  float offset_x = 0, offset_y = 0;        // pixels after anchoring, y down
  float anchor_x = 0.5f, anchor_y = 0.5f;  // (0, 0): top-left corner at the point; centred
  Color background{0, 0, 0, 0};            // a box behind the text when alpha > 0
};

// [SECTION] Context

struct PlotContext;

// The app owns the context (e.g. a member of its state) and makes it current once, as with
// ImGui::SetCurrentContext. The current-context pointer is this module's only global.
void SetCurrentContext(PlotContext* ctx);
PlotContext* GetCurrentContext();
// The current context's style, a plain value: edit it between frames (theme, projector scale).
PlotStyle& GetStyle();
// The size plot text is drawn at: ImGui's current font size, which already carries the UI scale
// (PlotStyle::scale enlarges only lines and markers, which ImGui does not).
float PlotFontSize();

// [SECTION] Begin / Setup / End

// title_id: "Title##id" as in ImGui; the text before "##" is drawn above the plot. Unlike ImGui,
// the plot's identity (its view, zoom, drag and kept figure) is the part from "##" on, so the
// title may change from frame to frame ("ellipses, iteration 12##ellipses").
// size: > 0 pixels; 0 = all available width and a 4:3 height; < 0 = available minus |size|.
bool BeginPlot(const char* title_id, const ImVec2& size = ImVec2(0, 0), PlotFlags flags = 0);
// Only when BeginPlot returned true.
void EndPlot();

// Axis labels (nullptr: none) and scales.
void SetupAxes(const char* x_label, const char* y_label, Scale x_scale = Scale::Linear,
               Scale y_scale = Scale::Linear);
// The view: with ImGuiCond_Once (default) on the first frame only, after which the user pans and
// zooms; with ImGuiCond_Always every frame (view locked, or a one-frame reset). Either way these
// limits are where a double click returns to. Without this call the view fits the data.
void SetupAxesLimits(double x_min, double x_max, double y_min, double y_max,
                     ImGuiCond cond = ImGuiCond_Once);

// Fits the view to this frame's items (as a double click does without SetupAxesLimits). Call it
// on the frames where the data changed, e.g. when an optimizer run was recomputed.
void SetupAxesFit();

// Reserves the strip for a colour bar under the plot area (colorbar.h); give the bar itself with
// PlotColorBar() once its range is known (any time before EndPlot). Without one the strip stays
// empty, so the plot area does not jump when a bar comes and goes.
void SetupColorBar();

// [SECTION] Items (count is the number of points; NaN breaks lines and skips points)

void PlotLine(const char* label, const double* xs, const double* ys, int count,
              const LineStyle& style = {});
void PlotMarkers(const char* label, const double* xs, const double* ys, int count,
                 const MarkerStyle& style = {});
// Arrows from point i to point i + 1 (an optimizer trajectory); heads have a fixed pixel size.
void PlotArrows(const char* label, const double* xs, const double* ys, int count,
                const ArrowStyle& style = {});
// The region between the curve and y = baseline, or between two curves.
void PlotShaded(const char* label, const double* xs, const double* ys, int count,
                double baseline = 0, const FillStyle& style = {});
void PlotShaded(const char* label, const double* xs, const double* ys1, const double* ys2,
                int count, const FillStyle& style = {});
// A closed simple polygon (need not be convex).
void PlotPolygon(const char* label, const double* xs, const double* ys, int count,
                 const FillStyle& style = {});
// Reference lines across the plot, e.g. the current animation step.
void PlotVLine(const char* label, double x, const LineStyle& style = {});
void PlotHLine(const char* label, double y, const LineStyle& style = {});
// The colour bar in the strip SetupColorBar() reserved: kept in the Figure, painted by the figure
// painter (the same bar an export paints).
void PlotColorBar(const ColorBar& bar);
// Text at a data point (no legend entry, does not affect auto-fit).
void PlotText(const char* text, double x, double y, const TextStyle& style = {});
// A texture over the data rectangle; by default texture row 0 is at y_min (ScalarField layout).
// source_id says how the image was made; `field` is the same image as CPU data, kept in the
// Figure so the other backends (export) can draw it.
void PlotImage(const char* label, ImTextureID texture, double x_min, double y_min, double x_max,
               double y_max, const char* source_id = "", bool first_row_at_bottom = true,
               Color tint = {1, 1, 1, 1}, std::shared_ptr<const FieldImage> field = nullptr,
               bool pixel_exact = false);

// A kept item as it is (its sizes as given, not the style's defaults): for figures whose items
// are built by code shared with export (a lab's *_figures.cpp).
void PlotItem(Item item);

// [SECTION] Interaction and queries (after Setup*, before EndPlot)

// A draggable handle at (*x, *y). Returns true while the user drags it (then *x, *y follow the
// mouse). *right_clicked (optional) is set true on the frame it is right-clicked, e.g. delete.
// ids are the caller's (e.g. start-point indices), unique within the plot.
bool DragPoint(int id, double* x, double* y, Color color, float radius = 0,
               bool* right_clicked = nullptr);
// A single click of `button` on empty plot area this frame: not on a DragPoint (call this after
// the DragPoints), not on the legend, not a Shift/Ctrl-modified pan or box zoom. The left button
// clicks on press; right and middle, which also drag (box zoom, pan), on a release that did not
// drag, so a box zoom is never also a click.
bool IsPlotClicked(ImGuiMouseButton button = ImGuiMouseButton_Left);
// The mouse is over the plot area (not its axes) and no other window covers it.
bool IsPlotHovered();
// The mouse position in data coordinates (meaningful while IsPlotHovered()).
Point GetPlotMousePos();
ImVec2 PlotToPixels(double x, double y);
Point PixelsToPlot(const ImVec2& pixel);
// The view shown this frame (after pan/zoom and equal-aspect widening): re-evaluate a contour
// when it changes. The view may still change at EndPlot when it is first fitted to the data.
Limits GetPlotLimits();
// The plot area in pixels (inside the axes): its top-left corner and its size.
ImVec2 GetPlotPos();
ImVec2 GetPlotSize();
// The view and plot area together: data to pixels and back, as this frame's items are drawn.
Transform GetPlotTransform();
// Outside a plot: the pixels a y axis's tick labels and label take left of a plot area `height`
// pixels high showing `y`. Plots in a row where only the first labels the y axis they share
// (PlotFlags_NoYTickLabels) get this much more width in the first, so their areas match.
float YAxisLabelsWidth(const char* y_label, const Range& y, Scale y_scale, float height);

// The figure of the plot that ended last (valid until the next BeginPlot); copy it to keep it.
const Figure* GetLastFigure();

// [SECTION] Internal state (plain data; read-only for callers)

// One plot's state that outlives a frame.
struct PlotState {
  FigureRecorder recorder;  // hidden labels; this frame's items
  Figure last_figure;       // the last finished frame
  Limits view;              // the user's view (before equal-aspect widening)
  bool has_view = false;    // false: fit the data at EndPlot
  Limits home;              // double-click target when has_home
  bool has_home = false;
  // Mouse interaction in progress.
  bool panning = false;
  ImGuiMouseButton pan_button = ImGuiMouseButton_Left;
  bool box_zooming = false;
  ImGuiMouseButton box_button = ImGuiMouseButton_Right;
  ImVec2 box_start;
  int active_drag = -1;               // DragPoint id being dragged, -1 none
  ImVec2 drag_offset;                 // handle minus mouse at the grab, pixels
  PixelRect legend_rect{0, 0, 0, 0};  // last frame's legend box (clicks there are the legend's)
  LegendCorner legend_corner = LegendCorner::TopRight;  // kept until another is strictly better
  bool click_pending[3] = {false, false, false};        // pressed on empty area; a click if no drag
};

// The plot between BeginPlot and EndPlot.
struct CurrentPlot {
  ImGuiID id = 0;
  PlotState* state = nullptr;
  PlotFlags flags = 0;
  std::string title;  // text before "##"
  std::string x_label, y_label;
  Scale x_scale = Scale::Linear, y_scale = Scale::Linear;
  PixelRect frame;
  bool hovered = false;               // the frame item is hovered
  bool locked = false;                // Setup*() no longer allowed
  bool color_bar_room = false;        // SetupColorBar() was called
  std::optional<ColorBar> color_bar;  // PlotColorBar()'s bar
  Transform transform;                // data <-> pixels of the plot area, valid once locked
  bool mouse_in_plot = false, mouse_on_legend = false;
  bool click_taken[3] = {false, false, false};  // a DragPoint took this frame's click
};

struct PlotContext {
  PlotStyle style;
  std::unordered_map<ImGuiID, PlotState> plots;
  CurrentPlot current;
  bool in_plot = false;  // between BeginPlot and EndPlot
  const Figure* last_figure = nullptr;
  // Set by the app (it needs GL): copies a pixel-exact image's texture (the callback data) to
  // the draw command's clip rectangle. nullptr: such images are drawn as textured quads.
  ImDrawCallback copy_texture = nullptr;
};

}  // namespace gradlab::plot
