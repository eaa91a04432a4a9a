// The ImGui drawer of the plot module: layout, mouse interaction and drawing of the kept Figure.
//
// Index
// [SECTION] Context and helpers
// [SECTION] Begin, Setup, layout and input (SetupLock)
// [SECTION] Items
// [SECTION] DragPoint and queries
// [SECTION] Drawing the figure
// [SECTION] Frame, axes, legend, tooltip and EndPlot
#include "app/plot/plot_imgui.h"

#include <imgui_internal.h>  // only for HoveredIdUsingMouseWheel (no public API in 1.86)

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "app/plot/ticks.h"
#include "app/plot/triangulate.h"

namespace gradlab::plot {

// [SECTION] Context and helpers

namespace {

// The current context, as ImGui's GImGui: the module's only global, owned by the app.
PlotContext* g_context = nullptr;

PlotContext& Ctx() {
  IM_ASSERT(g_context != nullptr &&
            "No current plot context: call plot::SetCurrentContext(&context) first.");
  return *g_context;
}

CurrentPlot& Cur() {
  PlotContext& ctx = Ctx();
  IM_ASSERT(ctx.in_plot &&
            "This call is only valid between a BeginPlot() that returned true "
            "and its EndPlot().");
  return ctx.current;
}

ImU32 ToU32(const Color& c) {
  return ImGui::ColorConvertFloat4ToU32(ImVec4(c.r, c.g, c.b, c.a));
}

ImVec2 ToImVec2(const Point& p) {
  return ImVec2(static_cast<float>(p.x), static_cast<float>(p.y));
}

bool Finite(const Point& p) {
  return std::isfinite(p.x) && std::isfinite(p.y);
}

std::vector<double> Copy(const double* v, int count) {
  return v != nullptr && count > 0 ? std::vector<double>(v, v + count) : std::vector<double>{};
}

float FontSize() {
  return ImGui::GetFontSize() * Ctx().style.scale;
}

ImVec2 TextSize(const char* text) {
  return ImGui::GetFont()->CalcTextSizeA(FontSize(), FLT_MAX, 0, text);
}

void AddText(ImDrawList* dl, ImVec2 pos, ImU32 col, const char* text) {
  dl->AddText(ImGui::GetFont(), FontSize(), pos, col, text);
}

// Text turned 90 degrees counter-clockwise (reads bottom to top), centred on `center`: the
// glyph quads are added upright, then their vertices are rotated in place.
void AddTextVertical(ImDrawList* dl, ImVec2 center, ImU32 col, const char* text) {
  const ImVec2 size = TextSize(text);
  const ImVec2 pos(center.x - 0.5f * size.x, center.y - 0.5f * size.y);
  // AddText culls glyphs outside the clip rect, and the upright text may stick out of the
  // window (it is rotated afterwards): widen the clip rect to include it while adding.
  const ImVec2 clip0 = dl->GetClipRectMin(), clip1 = dl->GetClipRectMax();
  dl->PushClipRect(ImVec2(std::min(clip0.x, pos.x), std::min(clip0.y, pos.y)),
                   ImVec2(std::max(clip1.x, pos.x + size.x), std::max(clip1.y, pos.y + size.y)));
  const int first = dl->VtxBuffer.Size;
  dl->AddText(ImGui::GetFont(), FontSize(), pos, col, text);
  for (int i = first; i < dl->VtxBuffer.Size; ++i) {
    ImVec2& p = dl->VtxBuffer[i].pos;
    const float dx = p.x - center.x, dy = p.y - center.y;
    p = ImVec2(center.x + dy, center.y - dx);
  }
  dl->PopClipRect();
}

int TickCount(double pixels, float spacing) {
  return std::max(2, static_cast<int>(pixels / (spacing * Ctx().style.scale)));
}

std::vector<Tick> AxisTicks(const Range& r, Scale s, double pixels, float spacing) {
  const int n = TickCount(pixels, spacing);
  return s == Scale::Log ? LogTicks(r.min, r.max, n) : LinearTicks(r.min, r.max, n);
}

// The x ticks of the current plot; with PlotFlags_IntegerX only whole numbers (iterations).
std::vector<Tick> XTicks(const CurrentPlot& cur) {
  const Transform& t = cur.transform;
  std::vector<Tick> ticks =
      AxisTicks(t.limits.x, t.x_scale, t.area.width(), Ctx().style.x_tick_spacing);
  if (cur.flags & PlotFlags_IntegerX) KeepWholeNumberTicks(ticks);
  return ticks;
}

bool BothLinear(const CurrentPlot& p) {
  return p.x_scale == Scale::Linear && p.y_scale == Scale::Linear;
}

// The limits shown for a view: sanitized, then widened for equal aspect when asked.
Limits DisplayedLimits(const CurrentPlot& p, const Limits& view) {
  Limits l{SanitizeRange(view.x, p.x_scale), SanitizeRange(view.y, p.y_scale)};
  if ((p.flags & PlotFlags_EqualAspect) && BothLinear(p)) {
    l = EqualAspect(l, p.transform.area.width(), p.transform.area.height());
  }
  return l;
}

std::string TitleText(const char* title_id) {
  const char* end = std::strstr(title_id, "##");
  return end != nullptr ? std::string(title_id, end) : std::string(title_id);
}

}  // namespace

void SetCurrentContext(PlotContext* ctx) {
  g_context = ctx;
}
PlotContext* GetCurrentContext() {
  return g_context;
}
PlotStyle& GetStyle() {
  return Ctx().style;
}

// [SECTION] Begin, Setup, layout and input (SetupLock)

bool BeginPlot(const char* title_id, const ImVec2& size, PlotFlags flags) {
  PlotContext& ctx = Ctx();
  IM_ASSERT(!ctx.in_plot &&
            "BeginPlot() called while another plot is open: call EndPlot() "
            "first (plots do not nest).");
  const PlotStyle& style = ctx.style;
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  float w = size.x > 0 ? size.x : avail.x + size.x;
  w = std::max(w, 100.0f * style.scale);
  float h = size.y > 0 ? size.y : (size.y < 0 ? avail.y + size.y : 0.75f * w);
  h = std::max(h, 80.0f * style.scale);

  const ImGuiID id = ImGui::GetID(title_id);
  // One invisible button over the whole frame: it owns the mouse (the window does not move when
  // the user drags on the plot) and tells whether the plot is hovered.
  ImGui::InvisibleButton(title_id, ImVec2(w, h),
                         ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight |
                             ImGuiButtonFlags_MouseButtonMiddle);
  if (!ImGui::IsItemVisible()) return false;

  CurrentPlot& cur = ctx.current;
  cur = CurrentPlot{};
  cur.id = id;
  cur.state = &ctx.plots[id];
  cur.flags = flags;
  cur.title = (flags & PlotFlags_NoTitle) ? std::string() : TitleText(title_id);
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  cur.frame = {a.x, a.y, b.x, b.y};
  cur.hovered = ImGui::IsItemHovered();
  if (cur.hovered && !(flags & PlotFlags_NoZoom)) {
    ImGui::GetCurrentContext()->HoveredIdUsingMouseWheel = true;  // zoom, do not scroll
  }
  ctx.in_plot = true;
  return true;
}

void SetupAxes(const char* x_label, const char* y_label, Scale x_scale, Scale y_scale) {
  CurrentPlot& cur = Cur();
  IM_ASSERT(!cur.locked && "SetupAxes() must come before any Plot*(), DragPoint or query.");
  cur.x_label = x_label != nullptr ? x_label : "";
  cur.y_label = y_label != nullptr ? y_label : "";
  cur.x_scale = x_scale;
  cur.y_scale = y_scale;
}

void SetupAxesLimits(double x_min, double x_max, double y_min, double y_max, ImGuiCond cond) {
  CurrentPlot& cur = Cur();
  IM_ASSERT(!cur.locked && "SetupAxesLimits() must come before any Plot*(), DragPoint or query.");
  PlotState& s = *cur.state;
  s.home = {{x_min, x_max}, {y_min, y_max}};
  s.has_home = true;
  if (cond == ImGuiCond_Always || !s.has_view) {
    s.view = s.home;
    s.has_view = true;
  }
}

void SetupAxesFit() {
  CurrentPlot& cur = Cur();
  IM_ASSERT(!cur.locked && "SetupAxesFit() must come before any Plot*(), DragPoint or query.");
  // EndPlot fits an unset view to this frame's items, as on the first frame.
  cur.state->has_view = false;
}

namespace {

// Plot-area rectangle inside the frame: room for the title, axis labels and tick labels.
PixelRect Layout(const CurrentPlot& cur, const Limits& view) {
  const PlotStyle& st = Ctx().style;
  const float pad = st.padding * st.scale, font = FontSize(), tick = st.tick_length * st.scale;
  PixelRect r = cur.frame;
  r.y0 += pad + (cur.title.empty() ? 0 : font + pad);
  r.y1 -= pad + font + tick + pad;  // x tick labels
  if (!cur.x_label.empty()) r.y1 -= font + pad;
  // y tick labels: measure them for the height the plot will have.
  float label_w = 0;
  const Range y = SanitizeRange(view.y, cur.y_scale);
  for (const Tick& t : AxisTicks(y, cur.y_scale, r.height(), st.y_tick_spacing)) {
    if (t.major) label_w = std::max(label_w, TextSize(t.label.c_str()).x);
  }
  r.x0 += pad + label_w + pad + tick;
  if (!cur.y_label.empty()) r.x0 += font + pad;
  r.x1 -= 2 * pad + 0.5 * TextSize("0.00").x;  // room for half of the last x tick label
  if (r.width() < 10) r.x1 = r.x0 + 10;
  if (r.height() < 10) r.y1 = r.y0 + 10;
  return r;
}

// Applies this frame's pan, zoom and reset input to the view.
void HandleInput(CurrentPlot& cur) {
  PlotState& s = *cur.state;
  const ImGuiIO& io = ImGui::GetIO();
  const PlotStyle& st = Ctx().style;
  const PixelRect& area = cur.transform.area;
  const ImVec2 mouse = io.MousePos;
  const bool can_pan = !(cur.flags & PlotFlags_NoPan), can_zoom = !(cur.flags & PlotFlags_NoZoom);
  const bool caller_left = cur.flags & PlotFlags_CallerOwnsLeftClick;
  cur.mouse_in_plot = cur.hovered && area.contains(mouse.x, mouse.y);
  cur.mouse_on_legend = cur.hovered && s.legend_rect.contains(mouse.x, mouse.y);
  const bool on_empty = cur.mouse_in_plot && !cur.mouse_on_legend;

  // Start pan / box zoom. A DragPoint hit on this same click cancels the pan (see DragPoint);
  // the view only moves on later frames, so the cancelled pan never shows.
  if (on_empty && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
    if (io.KeyCtrl && can_zoom) {
      s.box_zooming = true, s.box_button = ImGuiMouseButton_Left, s.box_start = mouse;
    } else if (can_pan && (!caller_left || io.KeyShift)) {
      s.panning = true, s.pan_button = ImGuiMouseButton_Left;
    }
  }
  if (on_empty && can_pan && ImGui::IsMouseClicked(ImGuiMouseButton_Middle)) {
    s.panning = true, s.pan_button = ImGuiMouseButton_Middle;
  }
  if (on_empty && can_zoom && ImGui::IsMouseClicked(ImGuiMouseButton_Right)) {
    s.box_zooming = true, s.box_button = ImGuiMouseButton_Right, s.box_start = mouse;
  }
  // Right and middle clicks count on release (IsPlotClicked): remember where the press was.
  for (int b = ImGuiMouseButton_Right; b <= ImGuiMouseButton_Middle; ++b) {
    if (ImGui::IsMouseClicked(b)) s.click_pending[b] = on_empty;
    if (!io.MouseDown[b] && !ImGui::IsMouseReleased(b)) s.click_pending[b] = false;
  }

  if (s.panning) {
    if (!io.MouseDown[s.pan_button]) {
      s.panning = false;
    } else if (io.MouseDelta.x != 0 || io.MouseDelta.y != 0) {
      s.view = Pan(cur.transform, io.MouseDelta.x, io.MouseDelta.y);
    }
  }
  if (s.box_zooming && !io.MouseDown[s.box_button]) {
    s.box_zooming = false;
    const double min_px = 4 * st.scale;
    const double dx = std::fabs(mouse.x - s.box_start.x), dy = std::fabs(mouse.y - s.box_start.y);
    if (dx > min_px || dy > min_px) {
      // Clamp to the plot area; a flat box zooms only the axis along which it is long.
      const double x0 = std::clamp<double>(s.box_start.x, area.x0, area.x1);
      const double x1 = std::clamp<double>(mouse.x, area.x0, area.x1);
      const double y0 = std::clamp<double>(s.box_start.y, area.y0, area.y1);
      const double y1 = std::clamp<double>(mouse.y, area.y0, area.y1);
      const Limits box = LimitsOfPixelRect(cur.transform, {x0, y0, x1, y1});
      const Limits& shown = cur.transform.limits;
      s.view = {dx > min_px ? box.x : shown.x, dy > min_px ? box.y : shown.y};
    }
  }
  if (cur.hovered && can_zoom && io.MouseWheel != 0 && !cur.mouse_on_legend) {
    // Over an axis, zoom that axis only; over the plot area, both.
    const bool below = mouse.y > area.y1 && mouse.x >= area.x0;
    const bool left = mouse.x < area.x0 && mouse.y <= area.y1;
    if (cur.mouse_in_plot || below || left) {
      s.view =
          ZoomAbout(cur.transform, mouse.x, mouse.y, WheelZoomFactor(io.MouseWheel), !left, !below);
    }
  }
  if (on_empty && !caller_left && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
    s.panning = false;
    if (s.has_home) {
      s.view = s.home;
    } else {
      s.has_view = false;  // fit at EndPlot
    }
  }
}

// Settles layout, input and the transform; from here on items can be recorded.
void SetupLock() {
  CurrentPlot& cur = Cur();
  if (cur.locked) return;
  cur.locked = true;
  PlotState& s = *cur.state;
  if (!s.has_view) {
    s.view = {FitRange(Extent{}, cur.x_scale, 0), FitRange(Extent{}, cur.y_scale, 0)};
  }
  cur.transform.x_scale = cur.x_scale;
  cur.transform.y_scale = cur.y_scale;
  cur.transform.area = Layout(cur, s.view);
  cur.transform.limits = DisplayedLimits(cur, s.view);
  // Pan and zoom start from the shown (possibly widened) limits, so their result is already
  // square; the stored view is never widened otherwise, so resizing the plot is reversible.
  HandleInput(cur);
  cur.transform.limits = DisplayedLimits(cur, s.view);
  s.recorder.begin(cur.x_scale, cur.y_scale);
}

// Records an item with the style defaults applied; the drawing happens at EndPlot.
void Record(Item item) {
  SetupLock();
  Cur().state->recorder.add(std::move(item));
}

float Or(float v, float fallback) {
  return v > 0 ? v : fallback;
}

}  // namespace

// [SECTION] Items

namespace {

// What line, marker and arrow items share: the points, colour, halo and the caller's indices.
template <class Item, class Style>
Item PointItem(const char* label, const double* xs, const double* ys, int count,
               const Style& style) {
  Item it;
  it.label = label;
  it.xs = Copy(xs, count);
  it.ys = Copy(ys, count);
  it.color = style.color;
  it.halo = style.halo;
  if (style.indices != nullptr)
    it.indices.assign(style.indices, style.indices + std::max(count, 0));
  return it;
}

}  // namespace

void PlotLine(const char* label, const double* xs, const double* ys, int count,
              const LineStyle& style) {
  LineItem it = PointItem<LineItem>(label, xs, ys, count, style);
  it.width = Or(style.width, Ctx().style.line_width);
  Record(std::move(it));
}

void PlotMarkers(const char* label, const double* xs, const double* ys, int count,
                 const MarkerStyle& style) {
  MarkerItem it = PointItem<MarkerItem>(label, xs, ys, count, style);
  it.shape = style.shape;
  it.size = Or(style.size, Ctx().style.marker_size);
  it.filled = style.filled;
  Record(std::move(it));
}

void PlotArrows(const char* label, const double* xs, const double* ys, int count,
                const ArrowStyle& style) {
  ArrowItem it = PointItem<ArrowItem>(label, xs, ys, count, style);
  it.width = Or(style.width, Ctx().style.arrow_width);
  it.head_size = Or(style.head_size, Ctx().style.arrow_head);
  Record(std::move(it));
}

void PlotShaded(const char* label, const double* xs, const double* ys, int count, double baseline,
                const FillStyle& style) {
  const std::vector<double> base(static_cast<std::size_t>(std::max(count, 0)), baseline);
  PlotShaded(label, xs, ys, base.data(), count, style);
}

void PlotShaded(const char* label, const double* xs, const double* ys1, const double* ys2,
                int count, const FillStyle& style) {
  FillItem it;
  it.label = label;
  it.xs = Copy(xs, count);
  it.ys = Copy(ys1, count);
  it.ys_base = Copy(ys2, count);
  it.color = style.color;
  Record(std::move(it));
}

void PlotPolygon(const char* label, const double* xs, const double* ys, int count,
                 const FillStyle& style) {
  PolygonItem it;
  it.label = label;
  it.xs = Copy(xs, count);
  it.ys = Copy(ys, count);
  it.fill = style.color;
  it.outline = style.outline;
  it.outline_width = style.outline_width;
  Record(std::move(it));
}

void PlotVLine(const char* label, double x, const LineStyle& style) {
  RefLineItem it;
  it.label = label;
  it.vertical = true;
  it.value = x;
  it.color = style.color;
  it.width = Or(style.width, Ctx().style.line_width);
  Record(std::move(it));
}

void PlotHLine(const char* label, double y, const LineStyle& style) {
  RefLineItem it;
  it.label = label;
  it.vertical = false;
  it.value = y;
  it.color = style.color;
  it.width = Or(style.width, Ctx().style.line_width);
  Record(std::move(it));
}

void PlotText(const char* text, double x, double y, const TextStyle& style) {
  TextItem it;
  it.text = text;
  it.x = x;
  it.y = y;
  it.color = style.color;
  it.offset_x = style.offset_x;
  it.offset_y = style.offset_y;
  it.anchor_x = style.anchor_x;
  it.anchor_y = style.anchor_y;
  it.background = style.background;
  Record(std::move(it));
}

void PlotImage(const char* label, ImTextureID texture, double x_min, double y_min, double x_max,
               double y_max, const char* source_id, bool first_row_at_bottom, Color tint) {
  ImageItem it;
  it.label = label;
  it.texture = texture;
  it.x_min = x_min, it.y_min = y_min, it.x_max = x_max, it.y_max = y_max;
  it.source_id = source_id != nullptr ? source_id : "";
  it.first_row_at_bottom = first_row_at_bottom;
  it.tint = tint;
  Record(std::move(it));
}

// [SECTION] DragPoint and queries

bool DragPoint(int id, double* x, double* y, Color color, float radius, bool* right_clicked) {
  SetupLock();
  CurrentPlot& cur = Cur();
  PlotState& s = *cur.state;
  const PlotStyle& st = Ctx().style;
  const ImGuiIO& io = ImGui::GetIO();
  const float r = Or(radius, st.drag_point_radius) * st.scale;
  const Point p = cur.transform.toPixel({*x, *y});
  const double dx = p.x - io.MousePos.x, dy = p.y - io.MousePos.y;
  const double grab = r + 3 * st.scale;
  const bool over = cur.hovered && Finite(p) && dx * dx + dy * dy <= grab * grab;

  if (over && s.active_drag < 0 && ImGui::IsMouseClicked(ImGuiMouseButton_Left) &&
      !cur.click_taken[ImGuiMouseButton_Left]) {
    cur.click_taken[ImGuiMouseButton_Left] = true;
    s.active_drag = id;
    s.drag_offset = ImVec2(static_cast<float>(dx), static_cast<float>(dy));
    s.panning = false;
    s.box_zooming = false;
  }
  if (over && ImGui::IsMouseClicked(ImGuiMouseButton_Right) &&
      !cur.click_taken[ImGuiMouseButton_Right]) {
    cur.click_taken[ImGuiMouseButton_Right] = true;
    s.click_pending[ImGuiMouseButton_Right] = false;  // the handle's click, not the plot's
    s.box_zooming = false;
    if (right_clicked != nullptr) *right_clicked = true;
  }
  bool dragged = false;
  if (s.active_drag == id) {
    if (io.MouseDown[ImGuiMouseButton_Left]) {
      // The handle keeps its offset from the mouse (no jump on grab) and stays inside the
      // plot area so it cannot be lost off-screen.
      const PixelRect& a = cur.transform.area;
      const double tx = io.MousePos.x + s.drag_offset.x, ty = io.MousePos.y + s.drag_offset.y;
      const Point m = cur.transform.toData(
          {std::clamp<double>(tx, a.x0, a.x1), std::clamp<double>(ty, a.y0, a.y1)});
      if (std::isfinite(m.x) && std::isfinite(m.y)) *x = m.x, *y = m.y;
      dragged = true;
    } else {
      s.active_drag = -1;
    }
  }
  if (over || dragged) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);

  // Kept as markers: a ring in the theme's background colour makes the handle stand out on any
  // contour colour; it grows while hovered or dragged.
  const float grow = (over || dragged) ? 1.35f : 1.0f;
  const float size = Or(radius, st.drag_point_radius) * grow;
  MarkerItem ring;
  ring.label = "##drag";
  ring.xs = {*x};
  ring.ys = {*y};
  ring.color = st.theme.plot_background.withAlpha(1);
  ring.size = size + 1.5f;
  s.recorder.add(ring);
  MarkerItem dot = ring;
  dot.color = color;
  dot.size = size;
  s.recorder.add(dot);
  return dragged;
}

bool IsPlotClicked(ImGuiMouseButton button) {
  SetupLock();
  const CurrentPlot& cur = Cur();
  const ImGuiIO& io = ImGui::GetIO();
  if (button < 0 || button > 2 || !cur.mouse_in_plot || cur.mouse_on_legend) return false;
  if (button != ImGuiMouseButton_Left) {
    return cur.state->click_pending[button] && ImGui::IsMouseReleased(button) &&
           !ImGui::IsMouseDragPastThreshold(button);
  }
  if (cur.click_taken[button] || !ImGui::IsMouseClicked(button)) return false;
  // Double clicks reset the view, unless the caller owns left clicks (then each one counts).
  if (ImGui::GetMouseClickedCount(button) != 1 && !(cur.flags & PlotFlags_CallerOwnsLeftClick))
    return false;
  if (io.KeyCtrl || io.KeyShift) return false;
  return true;
}

bool IsPlotHovered() {
  SetupLock();
  return Cur().mouse_in_plot;
}

Point GetPlotMousePos() {
  SetupLock();
  const ImVec2 m = ImGui::GetIO().MousePos;
  return Cur().transform.toData({m.x, m.y});
}

ImVec2 PlotToPixels(double x, double y) {
  SetupLock();
  return ToImVec2(Cur().transform.toPixel({x, y}));
}

Point PixelsToPlot(const ImVec2& pixel) {
  SetupLock();
  return Cur().transform.toData({pixel.x, pixel.y});
}

Limits GetPlotLimits() {
  SetupLock();
  return Cur().transform.limits;
}

ImVec2 GetPlotPos() {
  SetupLock();
  const PixelRect& a = Cur().transform.area;
  return ImVec2(static_cast<float>(a.x0), static_cast<float>(a.y0));
}

ImVec2 GetPlotSize() {
  SetupLock();
  const PixelRect& a = Cur().transform.area;
  return ImVec2(static_cast<float>(a.width()), static_cast<float>(a.height()));
}

const Figure* GetLastFigure() {
  return Ctx().last_figure;
}

// [SECTION] Drawing the figure

namespace {

struct Drawer {
  ImDrawList* dl;
  const Transform& t;
  float scale;
  const Theme& theme;

  ImVec2 px(double x, double y) const { return ToImVec2(t.toPixel({x, y})); }

  // Polylines broken at points that do not map (NaN, or <= 0 on a log axis).
  void polyline(const std::vector<double>& xs, const std::vector<double>& ys, ImU32 col,
                float width) const {
    std::vector<ImVec2> run;
    const std::size_t n = std::min(xs.size(), ys.size());
    auto flush = [&] {
      if (run.size() >= 2) dl->AddPolyline(run.data(), static_cast<int>(run.size()), col, 0, width);
      // A point with no finite neighbour (a one-iterate run, a value between NaNs) would
      // otherwise vanish; a dot a little wider than the line keeps it visible.
      if (run.size() == 1) dl->AddCircleFilled(run[0], std::max(1.5f * width, 2.5f * scale), col);
      run.clear();
    };
    for (std::size_t i = 0; i < n; ++i) {
      const Point p = t.toPixel({xs[i], ys[i]});
      if (!Finite(p)) {
        flush();
        continue;
      }
      run.push_back(ToImVec2(p));
    }
    flush();
  }

  void marker(ImVec2 c, MarkerShape shape, float r, ImU32 col, bool filled, float w) const {
    switch (shape) {
      case MarkerShape::Circle:
        if (filled) {
          dl->AddCircleFilled(c, r, col);
        } else {
          dl->AddCircle(c, r, col, 0, w);
        }
        break;
      case MarkerShape::Square:
        if (filled) {
          dl->AddRectFilled(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), col);
        } else {
          dl->AddRect(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), col, 0, 0, w);
        }
        break;
      case MarkerShape::Diamond: {
        const ImVec2 a(c.x, c.y - r), b(c.x + r, c.y), d(c.x, c.y + r), e(c.x - r, c.y);
        if (filled) {
          dl->AddQuadFilled(a, b, d, e, col);
        } else {
          dl->AddQuad(a, b, d, e, col, w);
        }
        break;
      }
      case MarkerShape::Cross: {
        const float k = r * 0.7071f;
        dl->AddLine(ImVec2(c.x - k, c.y - k), ImVec2(c.x + k, c.y + k), col, w);
        dl->AddLine(ImVec2(c.x - k, c.y + k), ImVec2(c.x + k, c.y - k), col, w);
        break;
      }
      case MarkerShape::Plus:
        dl->AddLine(ImVec2(c.x - r, c.y), ImVec2(c.x + r, c.y), col, w);
        dl->AddLine(ImVec2(c.x, c.y - r), ImVec2(c.x, c.y + r), col, w);
        break;
    }
  }

  void operator()(const LineItem& it) const {
    if (it.halo.a > 0) polyline(it.xs, it.ys, ToU32(it.halo), (it.width + 3) * scale);
    polyline(it.xs, it.ys, ToU32(it.color), it.width * scale);
  }

  void operator()(const MarkerItem& it) const {
    const ImU32 col = ToU32(it.color);
    const std::size_t n = std::min(it.xs.size(), it.ys.size());
    for (std::size_t i = 0; i < n; ++i) {
      const Point p = t.toPixel({it.xs[i], it.ys[i]});
      if (!Finite(p)) continue;
      if (it.halo.a > 0)
        marker(ToImVec2(p), it.shape, (it.size + 1.5f) * scale, ToU32(it.halo), it.filled,
               (it.outline_width + 3) * scale);
      marker(ToImVec2(p), it.shape, it.size * scale, col, it.filled, it.outline_width * scale);
    }
  }

  void operator()(const ArrowItem& it) const {
    if (it.halo.a > 0) arrows(it, ToU32(it.halo), (it.width + 3) * scale, 1.5f * scale);
    arrows(it, ToU32(it.color), it.width * scale, 0);
  }

  // `grow` pixels added around each head (the halo pass).
  void arrows(const ArrowItem& it, ImU32 col, float w, float grow) const {
    const std::size_t n = std::min(it.xs.size(), it.ys.size());
    for (std::size_t i = 0; i + 1 < n; ++i) {
      const Point a = t.toPixel({it.xs[i], it.ys[i]}), b = t.toPixel({it.xs[i + 1], it.ys[i + 1]});
      if (!Finite(a) || !Finite(b)) continue;
      const double dx = b.x - a.x, dy = b.y - a.y, len = std::sqrt(dx * dx + dy * dy);
      if (len < 0.5) continue;
      // Heads keep their pixel size; arrows shorter than two heads get a head of half their length.
      const double head = std::min<double>(it.head_size * scale, 0.5 * len) + 2 * grow;
      const double ux = dx / len, uy = dy / len, half = 0.45 * head;
      const ImVec2 tip(static_cast<float>(b.x + ux * grow), static_cast<float>(b.y + uy * grow));
      const ImVec2 base(static_cast<float>(b.x - ux * head), static_cast<float>(b.y - uy * head));
      dl->AddLine(ToImVec2(a),
                  ImVec2(static_cast<float>(b.x - ux * head * 0.8),
                         static_cast<float>(b.y - uy * head * 0.8)),
                  col, w);
      dl->AddTriangleFilled(
          tip,
          ImVec2(base.x - static_cast<float>(uy * half), base.y + static_cast<float>(ux * half)),
          ImVec2(base.x + static_cast<float>(uy * half), base.y - static_cast<float>(ux * half)),
          col);
    }
  }

  void operator()(const FillItem& it) const {
    const ImU32 col = ToU32(it.color);
    const std::size_t n = std::min({it.xs.size(), it.ys.size(), it.ys_base.size()});
    // Adjacent anti-aliased quads would show seams; fills are drawn without AA fringes.
    const ImDrawListFlags saved = dl->Flags;
    dl->Flags &= ~ImDrawListFlags_AntiAliasedFill;
    for (std::size_t i = 0; i + 1 < n; ++i) {
      const Point p0 = t.toPixel({it.xs[i], it.ys[i]}),
                  p1 = t.toPixel({it.xs[i + 1], it.ys[i + 1]});
      const Point q0 = t.toPixel({it.xs[i], it.ys_base[i]});
      const Point q1 = t.toPixel({it.xs[i + 1], it.ys_base[i + 1]});
      if (!Finite(p0) || !Finite(p1) || !Finite(q0) || !Finite(q1)) continue;
      const double d0 = p0.y - q0.y, d1 = p1.y - q1.y;
      if (d0 * d1 < 0) {
        // The curves cross inside the segment: two triangles meeting at the crossing.
        const double f = d0 / (d0 - d1);
        const ImVec2 c(static_cast<float>(p0.x + f * (p1.x - p0.x)),
                       static_cast<float>(p0.y + f * (p1.y - p0.y)));
        dl->AddTriangleFilled(ToImVec2(p0), c, ToImVec2(q0), col);
        dl->AddTriangleFilled(c, ToImVec2(p1), ToImVec2(q1), col);
      } else {
        dl->AddQuadFilled(ToImVec2(p0), ToImVec2(p1), ToImVec2(q1), ToImVec2(q0), col);
      }
    }
    dl->Flags = saved;
  }

  void operator()(const PolygonItem& it) const {
    std::vector<Point> pts;
    const std::size_t n = std::min(it.xs.size(), it.ys.size());
    for (std::size_t i = 0; i < n; ++i) {
      const Point p = t.toPixel({it.xs[i], it.ys[i]});
      if (Finite(p)) pts.push_back(p);
    }
    const ImU32 col = ToU32(it.fill);
    const ImDrawListFlags saved = dl->Flags;
    dl->Flags &= ~ImDrawListFlags_AntiAliasedFill;
    for (const auto& tri : TriangulatePolygon(pts)) {
      dl->AddTriangleFilled(ToImVec2(pts[tri[0]]), ToImVec2(pts[tri[1]]), ToImVec2(pts[tri[2]]),
                            col);
    }
    dl->Flags = saved;
    if (it.outline_width > 0 && pts.size() >= 2) {
      std::vector<ImVec2> v;
      v.reserve(pts.size());
      for (const Point& p : pts) v.push_back(ToImVec2(p));
      dl->AddPolyline(v.data(), static_cast<int>(v.size()), ToU32(it.outline), ImDrawFlags_Closed,
                      it.outline_width * scale);
    }
  }

  void operator()(const RefLineItem& it) const {
    const ImU32 col = ToU32(it.color);
    if (it.vertical) {
      const float x = static_cast<float>(t.xToPixel(it.value));
      if (std::isfinite(x)) {
        dl->AddLine(ImVec2(x, static_cast<float>(t.area.y0)),
                    ImVec2(x, static_cast<float>(t.area.y1)), col, it.width * scale);
      }
    } else {
      const float y = static_cast<float>(t.yToPixel(it.value));
      if (std::isfinite(y)) {
        dl->AddLine(ImVec2(static_cast<float>(t.area.x0), y),
                    ImVec2(static_cast<float>(t.area.x1), y), col, it.width * scale);
      }
    }
  }

  void operator()(const TextItem& it) const {
    const Point p = t.toPixel({it.x, it.y});
    if (!Finite(p)) return;
    const ImVec2 size = TextSize(it.text.c_str());
    const ImVec2 pos(static_cast<float>(p.x) - it.anchor_x * size.x + it.offset_x * scale,
                     static_cast<float>(p.y) - it.anchor_y * size.y + it.offset_y * scale);
    if (it.background.a > 0) {
      const float pad = 3 * scale;
      dl->AddRectFilled(ImVec2(pos.x - pad, pos.y - 0.5f * pad),
                        ImVec2(pos.x + size.x + pad, pos.y + size.y + 0.5f * pad),
                        ToU32(it.background), 2 * scale);
    }
    AddText(dl, pos, ToU32(it.color.isAuto() ? theme.text : it.color), it.text.c_str());
  }

  void operator()(const ImageItem& it) const {
    if (it.texture == nullptr) return;
    const ImVec2 top_left = px(it.x_min, it.y_max), bottom_right = px(it.x_max, it.y_min);
    if (!std::isfinite(top_left.x) || !std::isfinite(top_left.y) ||
        !std::isfinite(bottom_right.x) || !std::isfinite(bottom_right.y)) {
      return;
    }
    const ImVec2 uv0 = it.first_row_at_bottom ? ImVec2(0, 1) : ImVec2(0, 0);
    const ImVec2 uv1 = it.first_row_at_bottom ? ImVec2(1, 0) : ImVec2(1, 1);
    dl->AddImage(static_cast<ImTextureID>(it.texture), top_left, bottom_right, uv0, uv1,
                 ToU32(it.tint));
  }
};

// [SECTION] Frame, axes, legend, tooltip and EndPlot

void DrawGrid(ImDrawList* dl, const CurrentPlot& cur) {
  const PlotStyle& st = Ctx().style;
  const Theme& th = st.theme;
  const Transform& t = cur.transform;
  const PixelRect& a = t.area;
  const float s = st.scale;
  const auto fx = [](double v) { return static_cast<float>(v); };
  const std::vector<Tick> xt = XTicks(cur);
  const std::vector<Tick> yt = AxisTicks(t.limits.y, t.y_scale, a.height(), st.y_tick_spacing);

  if (st.grid) {
    for (const Tick& k : xt) {
      const float x = fx(t.xToPixel(k.value));
      dl->AddLine(ImVec2(x, fx(a.y0)), ImVec2(x, fx(a.y1)),
                  ToU32(k.major ? th.grid : th.grid_minor), st.grid_width * s);
    }
    for (const Tick& k : yt) {
      const float y = fx(t.yToPixel(k.value));
      dl->AddLine(ImVec2(fx(a.x0), y), ImVec2(fx(a.x1), y),
                  ToU32(k.major ? th.grid : th.grid_minor), st.grid_width * s);
    }
  }
}

void DrawAxes(ImDrawList* dl, const CurrentPlot& cur) {
  const PlotStyle& st = Ctx().style;
  const Theme& th = st.theme;
  const Transform& t = cur.transform;
  const PixelRect& a = t.area;
  const float s = st.scale, tick = st.tick_length * s, pad = st.padding * s, font = FontSize();
  const ImU32 axis = ToU32(th.axis), text = ToU32(th.text);
  const auto fx = [](double v) { return static_cast<float>(v); };
  dl->AddRect(ImVec2(fx(a.x0), fx(a.y0)), ImVec2(fx(a.x1), fx(a.y1)), axis, 0, 0,
              st.axis_width * s);

  for (const Tick& k : XTicks(cur)) {
    const float x = fx(t.xToPixel(k.value));
    const float len = k.major ? tick : 0.5f * tick;
    dl->AddLine(ImVec2(x, fx(a.y1)), ImVec2(x, fx(a.y1) + len), axis, st.axis_width * s);
    if (k.major) {
      const ImVec2 ts = TextSize(k.label.c_str());
      AddText(dl, ImVec2(x - 0.5f * ts.x, fx(a.y1) + tick + pad), text, k.label.c_str());
    }
  }
  for (const Tick& k : AxisTicks(t.limits.y, t.y_scale, a.height(), st.y_tick_spacing)) {
    const float y = fx(t.yToPixel(k.value));
    const float len = k.major ? tick : 0.5f * tick;
    dl->AddLine(ImVec2(fx(a.x0) - len, y), ImVec2(fx(a.x0), y), axis, st.axis_width * s);
    if (k.major) {
      const ImVec2 ts = TextSize(k.label.c_str());
      AddText(dl, ImVec2(fx(a.x0) - tick - pad - ts.x, y - 0.5f * ts.y), text, k.label.c_str());
    }
  }
  const PixelRect& f = cur.frame;
  if (!cur.x_label.empty()) {
    const ImVec2 ts = TextSize(cur.x_label.c_str());
    AddText(dl, ImVec2(fx(0.5 * (a.x0 + a.x1)) - 0.5f * ts.x, fx(f.y1) - pad - font), text,
            cur.x_label.c_str());
  }
  if (!cur.y_label.empty()) {
    AddTextVertical(dl, ImVec2(fx(f.x0) + pad + 0.5f * font, fx(0.5 * (a.y0 + a.y1))), text,
                    cur.y_label.c_str());
  }
  if (!cur.title.empty()) {
    const ImVec2 ts = TextSize(cur.title.c_str());
    AddText(dl, ImVec2(fx(0.5 * (a.x0 + a.x1)) - 0.5f * ts.x, fx(f.y0) + pad), text,
            cur.title.c_str());
  }
}

// The legend in the corner where it hides the least data; a click on an entry toggles its
// items.
void DrawLegend(ImDrawList* dl, CurrentPlot& cur) {
  PlotState& s = *cur.state;
  s.legend_rect = {0, 0, 0, 0};
  const std::vector<LegendEntry>& entries = s.recorder.figure().legend;
  if ((cur.flags & PlotFlags_NoLegend) || entries.empty()) return;
  const PlotStyle& st = Ctx().style;
  const float sc = st.scale, pad = st.padding * sc, font = FontSize(), swatch = font;
  float w = 0;
  for (const LegendEntry& e : entries) w = std::max(w, TextSize(e.text.c_str()).x);
  w += swatch + 3 * pad;
  const float row = font + 0.5f * pad;
  const float h = row * static_cast<float>(entries.size()) + 1.5f * pad;
  // A legend that would not fit inside the plot (a tiny window) is left out, not spilled.
  const PixelRect& area = cur.transform.area;
  if (w + 2 * pad > area.width() || h + 2 * pad > area.height()) return;
  Figure& fig = s.recorder.figure();
  s.legend_corner = ChooseLegendCorner(fig, cur.transform, w, h, pad, s.legend_corner);
  fig.legend_corner = s.legend_corner;
  const PixelRect box = LegendBox(cur.transform, w, h, pad, s.legend_corner);
  const ImVec2 p0(static_cast<float>(box.x0), static_cast<float>(box.y0));
  const ImVec2 p1(static_cast<float>(box.x1), static_cast<float>(box.y1));
  s.legend_rect = box;
  dl->AddRectFilled(p0, p1, ToU32(st.theme.legend_background));
  dl->AddRect(p0, p1, ToU32(st.theme.legend_border), 0, 0, sc);
  const ImGuiIO& io = ImGui::GetIO();
  std::string toggle;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const LegendEntry& e = entries[i];
    const float y = p0.y + pad + row * static_cast<float>(i);
    const ImVec2 sw0(p0.x + pad, y + 0.15f * font), sw1(sw0.x + swatch, y + 0.85f * font);
    const bool over = cur.hovered && io.MousePos.x >= p0.x && io.MousePos.x <= p1.x &&
                      io.MousePos.y >= y && io.MousePos.y < y + row;
    Color c = e.color.withAlpha(1);
    if (e.hidden) c = st.theme.hidden_text;
    if (over)
      dl->AddRectFilled(ImVec2(p0.x + 1, y), ImVec2(p1.x - 1, y + row), ToU32(st.theme.grid));
    if (e.marker) {
      const Drawer drawer{dl, cur.transform, sc, st.theme};
      drawer.marker(ImVec2(0.5f * (sw0.x + sw1.x), 0.5f * (sw0.y + sw1.y)), e.shape, 0.3f * font,
                    ToU32(c), e.filled, 2 * sc);
    } else {
      dl->AddRectFilled(sw0, sw1, ToU32(c));
    }
    AddText(dl, ImVec2(sw1.x + pad, y), ToU32(e.hidden ? st.theme.hidden_text : st.theme.text),
            e.text.c_str());
    if (over && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) toggle = e.key;
  }
  if (!toggle.empty()) s.recorder.toggleHidden(toggle);
}

void DrawTooltipOrMouseText(ImDrawList* dl, const CurrentPlot& cur) {
  const PlotState& s = *cur.state;
  if ((cur.flags & PlotFlags_NoTooltip) || !cur.mouse_in_plot || cur.mouse_on_legend) return;
  if (s.panning || s.box_zooming || s.active_drag >= 0) return;
  const PlotStyle& st = Ctx().style;
  const ImVec2 m = ImGui::GetIO().MousePos;
  const Figure& fig = s.recorder.figure();
  const NearestPoint near =
      FindNearestPoint(fig, cur.transform, {m.x, m.y}, st.hover_radius * st.scale);
  const bool is_handle = near.item >= 0 && ItemLabel(fig.items[near.item]) == "##drag";
  if (near.item >= 0 && !is_handle) {
    const std::string label = LegendText(ItemLabel(fig.items[near.item]));
    const ImVec2 c = ToImVec2(cur.transform.toPixel({near.x, near.y}));
    dl->AddCircle(c, 5 * st.scale, ToU32(st.theme.text), 0, 1.5f * st.scale);
    // The axes' own names ("iteration = 57"); the point's index only when the caller gave one
    // (its position in a thinned curve would be a wrong number).
    const int index = ItemIndex(fig.items[near.item], near.index);
    ImGui::BeginTooltip();
    if (!label.empty()) ImGui::TextUnformatted(label.c_str());
    if (index >= 0) ImGui::Text("i = %d", index);
    ImGui::Text("%s = %s", cur.x_label.empty() ? "x" : cur.x_label.c_str(),
                FormatValue(near.x).c_str());
    ImGui::Text("%s = %s", cur.y_label.empty() ? "y" : cur.y_label.c_str(),
                FormatValue(near.y).c_str());
    ImGui::EndTooltip();
    return;
  }
  // Otherwise the mouse position, in the plot's bottom-right corner (bottom-left when the
  // legend is there).
  const Point p = cur.transform.toData({m.x, m.y});
  const std::string text = "(" + FormatValue(p.x) + ", " + FormatValue(p.y) + ")";
  const ImVec2 ts = TextSize(text.c_str());
  const float pad = st.padding * st.scale;
  const PixelRect& a = cur.transform.area;
  const bool legend_there =
      s.legend_rect.width() > 0 && s.legend_corner == LegendCorner::BottomRight;
  const float x =
      legend_there ? static_cast<float>(a.x0) + pad : static_cast<float>(a.x1) - pad - ts.x;
  const ImVec2 pos(x, static_cast<float>(a.y1) - pad - ts.y);
  dl->AddRectFilled(ImVec2(pos.x - 0.5f * pad, pos.y),
                    ImVec2(pos.x + ts.x + 0.5f * pad, pos.y + ts.y),
                    ToU32(st.theme.legend_background));
  AddText(dl, pos, ToU32(st.theme.text), text.c_str());
}

}  // namespace

void EndPlot() {
  PlotContext& ctx = Ctx();
  IM_ASSERT(ctx.in_plot && "EndPlot() without a BeginPlot() that returned true.");
  SetupLock();
  CurrentPlot& cur = ctx.current;
  PlotState& s = *cur.state;
  const PlotStyle& st = ctx.style;
  FigureRecorder& rec = s.recorder;

  // First frame (or a double click) without caller limits: fit every item of this frame.
  if (!s.has_view) {
    s.view = {FitRange(rec.extentX(), cur.x_scale, st.fit_padding),
              FitRange(rec.extentY(), cur.y_scale, st.fit_padding)};
    s.has_view = true;
    cur.transform.limits = DisplayedLimits(cur, s.view);
  }

  ImDrawList* dl = ImGui::GetWindowDrawList();
  const PixelRect& f = cur.frame;
  const PixelRect& a = cur.transform.area;
  const ImVec2 a0(static_cast<float>(a.x0), static_cast<float>(a.y0));
  const ImVec2 a1(static_cast<float>(a.x1), static_cast<float>(a.y1));
  if (st.theme.frame_background.a > 0) {
    dl->AddRectFilled(ImVec2(static_cast<float>(f.x0), static_cast<float>(f.y0)),
                      ImVec2(static_cast<float>(f.x1), static_cast<float>(f.y1)),
                      ToU32(st.theme.frame_background));
  }
  // Under software GL every filled pixel costs: skip the plot-area fill when the window already
  // shows that colour, or when an opaque image (a contour) covers the whole area anyway.
  bool area_covered = !st.fill_plot_area;
  for (const Item& item : rec.figure().items) {
    const auto* image = std::get_if<ImageItem>(&item);
    if (image && image->tint.a >= 1 && image->x_min <= cur.transform.limits.x.min &&
        image->x_max >= cur.transform.limits.x.max && image->y_min <= cur.transform.limits.y.min &&
        image->y_max >= cur.transform.limits.y.max)
      area_covered = true;
  }
  if (!area_covered) dl->AddRectFilled(a0, a1, ToU32(st.theme.plot_background));

  dl->PushClipRect(a0, a1, true);
  DrawGrid(dl, cur);
  const Drawer drawer{dl, cur.transform, st.scale, st.theme};
  for (const Item& item : rec.figure().items) std::visit(drawer, item);
  if (s.box_zooming) {
    const ImVec2 m = ImGui::GetIO().MousePos;
    const ImVec2 b0(std::min(m.x, s.box_start.x), std::min(m.y, s.box_start.y));
    const ImVec2 b1(std::max(m.x, s.box_start.x), std::max(m.y, s.box_start.y));
    dl->AddRectFilled(b0, b1, ToU32(st.theme.selection));
    dl->AddRect(b0, b1, ToU32(st.theme.selection.withAlpha(1)), 0, 0, st.scale);
  }
  DrawTooltipOrMouseText(dl, cur);
  DrawLegend(dl, cur);
  dl->PopClipRect();
  DrawAxes(dl, cur);

  Figure& fig = rec.figure();
  fig.title = cur.title;
  fig.x_label = cur.x_label;
  fig.y_label = cur.y_label;
  fig.limits = cur.transform.limits;
  fig.equal_aspect = (cur.flags & PlotFlags_EqualAspect) && BothLinear(cur);
  fig.width_px = a.width();
  fig.height_px = a.height();
  fig.scale = st.scale;
  s.last_figure = fig;
  ctx.last_figure = &s.last_figure;
  ctx.in_plot = false;
}

}  // namespace gradlab::plot
