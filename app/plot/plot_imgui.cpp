// The ImGui drawer of the plot module: layout, mouse interaction and drawing of the kept Figure.
//
// Index
// [SECTION] Context and helpers
// [SECTION] Begin, Setup, layout and input (SetupLock)
// [SECTION] Items
// [SECTION] DragPoint and queries
// [SECTION] ImGui painter, legend, tooltip and EndPlot (the figure itself: figure_painter.h)
#include "app/plot/plot_imgui.h"

#include <imgui_internal.h>  // only for HoveredIdUsingMouseWheel (no public API in 1.86)

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "app/plot/figure_painter.h"
#include "app/plot/ticks.h"

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

// ImGui's font already carries the UI scale (the platform rasterizes it at that size), so plot
// text takes it as it is; style.scale enlarges only what ImGui does not: lines and markers.
// (Multiplying both made plot text at --scale 1.5 about twice as large as the rest: issue 15.)
float FontSize() {
  return PlotFontSize();
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

// The Painter over an ImDrawList: each call is the draw-list call the drawer always made, so
// the screen looks as it did before the figure painter was shared. No GL here either: an image
// is the texture the caller gave (its CPU field is for the other backends).
// Line widths on screen are whole pixels: ImGui then draws an anti-aliased line as one textured
// quad per segment (its baked-line texture) instead of three quads with fringes, which a software
// rasterizer pays for per triangle (a 401-point curve: 800 triangles instead of 2,400). The CPU
// backend (Cairo) keeps the exact widths.
float WholePixels(float width) {
  return std::max(1.0f, std::round(width));
}

// ImGui gives a marker-sized circle 12 sides, 34 triangles with its anti-aliased fringe; below
// 5 pixels of radius 6 sides (16 triangles) look as round at 1:1, and the elbow lab's 29 kink
// dots cost 500 triangles less a frame under llvmpipe. 0 (ImGui's own count) for larger circles.
int SmallCircleSegments(float r) {
  return r < 5.0f ? 6 : 0;
}

class ImGuiPainter final : public Painter {
 public:
  ImGuiPainter(ImDrawList* dl, float font_size, ImDrawCallback copy_texture = nullptr)
      : dl_(dl), font_size_(font_size), copy_texture_(copy_texture) {}

  void polyline(const Point* p, int count, Color c, float width, bool closed) override {
    points_.clear();
    for (int i = 0; i < count; ++i) points_.push_back(ToImVec2(p[i]));
    dl_->AddPolyline(points_.data(), count, ToU32(c), closed ? ImDrawFlags_Closed : 0,
                     WholePixels(width));
  }
  void fillConvex(const Point* p, int count, Color c) override {
    points_.clear();
    for (int i = 0; i < count; ++i) points_.push_back(ToImVec2(p[i]));
    dl_->AddConvexPolyFilled(points_.data(), count, ToU32(c));
  }
  void fillTriangles(const std::vector<Point>& v, Color c) override {
    // Adjacent anti-aliased triangles would show seams: these are drawn without AA fringes.
    const ImDrawListFlags saved = dl_->Flags;
    dl_->Flags &= ~ImDrawListFlags_AntiAliasedFill;
    const ImU32 col = ToU32(c);
    for (std::size_t i = 0; i + 2 < v.size(); i += 3)
      dl_->AddTriangleFilled(ToImVec2(v[i]), ToImVec2(v[i + 1]), ToImVec2(v[i + 2]), col);
    dl_->Flags = saved;
  }
  void text(Point pos, const std::string& t, Color c, bool vertical) override {
    if (vertical) {
      AddTextVertical(dl_, ToImVec2(pos), ToU32(c), t.c_str());
    } else {
      AddText(dl_, ToImVec2(pos), ToU32(c), t.c_str());
    }
  }
  Point textSize(const std::string& t) const override {
    const ImVec2 size = TextSize(t.c_str());
    return {size.x, size.y};
  }
  float fontSize() const override { return font_size_; }
  void image(const PixelRect& r, const ImageItem& it) override {
    if (it.texture == nullptr) return;
    // A pixel-exact opaque image wholly inside the clip is copied, not sampled and blended.
    const ImVec2 clip_min = dl_->GetClipRectMin(), clip_max = dl_->GetClipRectMax();
    const bool inside =
        r.x0 >= clip_min.x && r.y0 >= clip_min.y && r.x1 <= clip_max.x && r.y1 <= clip_max.y;
    const bool opaque = it.tint.r == 1 && it.tint.g == 1 && it.tint.b == 1 && it.tint.a == 1;
    if (copy_texture_ && it.pixel_exact && it.first_row_at_bottom && opaque && inside) {
      dl_->PushClipRect(ImVec2(float(r.x0), float(r.y0)), ImVec2(float(r.x1), float(r.y1)), true);
      dl_->AddCallback(copy_texture_, it.texture);
      dl_->PopClipRect();
      return;
    }
    const ImVec2 uv0 = it.first_row_at_bottom ? ImVec2(0, 1) : ImVec2(0, 0);
    const ImVec2 uv1 = it.first_row_at_bottom ? ImVec2(1, 0) : ImVec2(1, 1);
    dl_->AddImage(static_cast<ImTextureID>(it.texture), ImVec2(float(r.x0), float(r.y0)),
                  ImVec2(float(r.x1), float(r.y1)), uv0, uv1, ToU32(it.tint));
  }
  void pushClip(const PixelRect& r) override {
    dl_->PushClipRect(ImVec2(float(r.x0), float(r.y0)), ImVec2(float(r.x1), float(r.y1)), true);
  }
  void popClip() override { dl_->PopClipRect(); }
  void line(Point a, Point b, Color c, float width) override {
    dl_->AddLine(ToImVec2(a), ToImVec2(b), ToU32(c), WholePixels(width));
  }
  void rect(const PixelRect& r, Color c, float width) override {
    dl_->AddRect(ImVec2(float(r.x0), float(r.y0)), ImVec2(float(r.x1), float(r.y1)), ToU32(c), 0, 0,
                 width);
  }
  void fillRect(const PixelRect& r, Color c, float rounding) override {
    dl_->AddRectFilled(ImVec2(float(r.x0), float(r.y0)), ImVec2(float(r.x1), float(r.y1)), ToU32(c),
                       rounding);
  }
  void circle(Point center, float r, Color c, bool filled, float width) override {
    const int segments = SmallCircleSegments(r);
    if (filled) {
      dl_->AddCircleFilled(ToImVec2(center), r, ToU32(c), segments);
    } else {
      dl_->AddCircle(ToImVec2(center), r, ToU32(c), segments, width);
    }
  }

 private:
  ImDrawList* dl_;
  float font_size_;
  ImDrawCallback copy_texture_;
  std::vector<ImVec2> points_;
};

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

float PlotFontSize() {
  return ImGui::GetFontSize();
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

  // The plot is identified by the part from "##" on when there is one, so a title that changes
  // ("ellipses, iteration 12##ellipses") keeps its view, its drag and its one kept state.
  const char* id_text = std::strstr(title_id, "##") ? std::strstr(title_id, "##") : title_id;
  const ImGuiID id = ImGui::GetID(id_text);
  // One invisible button over the whole frame: it owns the mouse (the window does not move when
  // the user drags on the plot) and tells whether the plot is hovered.
  ImGui::InvisibleButton(id_text, ImVec2(w, h),
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

void SetupColorBar() {
  CurrentPlot& cur = Cur();
  IM_ASSERT(!cur.locked && "SetupColorBar() must come before any Plot*(), DragPoint or query.");
  cur.color_bar_room = true;
}

void PlotColorBar(const ColorBar& bar) {
  CurrentPlot& cur = Cur();
  IM_ASSERT(cur.color_bar_room && "PlotColorBar() needs SetupColorBar() first (it reserves room).");
  cur.color_bar = bar;
}

void SetupAxesFit() {
  CurrentPlot& cur = Cur();
  IM_ASSERT(!cur.locked && "SetupAxesFit() must come before any Plot*(), DragPoint or query.");
  // EndPlot fits an unset view to this frame's items, as on the first frame.
  cur.state->has_view = false;
}

namespace {

// Plot-area rectangle inside the frame: room for the title, axis labels and tick labels
// (figure_painter.h's PlotArea, with this plot's texts).
PixelRect Layout(const CurrentPlot& cur, const Limits& view) {
  Figure header;
  header.title = cur.title;
  header.x_label = cur.x_label;
  header.y_label = cur.y_label;
  header.y_scale = cur.y_scale;
  header.y_tick_labels = !(cur.flags & PlotFlags_NoYTickLabels);
  if (cur.color_bar_room) header.color_bar = ColorBar{};  // only its room counts here
  return PlotArea(header, cur.frame, view.y, Ctx().style, ImGuiPainter(nullptr, FontSize()));
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
  it.in_legend = style.in_legend;
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

void PlotItem(Item item) {
  Record(std::move(item));
}

void PlotImage(const char* label, ImTextureID texture, double x_min, double y_min, double x_max,
               double y_max, const char* source_id, bool first_row_at_bottom, Color tint,
               std::shared_ptr<const FieldImage> field, bool pixel_exact) {
  ImageItem it;
  it.label = label;
  it.texture = texture;
  it.x_min = x_min, it.y_min = y_min, it.x_max = x_max, it.y_max = y_max;
  it.source_id = source_id != nullptr ? source_id : "";
  it.first_row_at_bottom = first_row_at_bottom;
  it.tint = tint;
  it.field = std::move(field);
  it.pixel_exact = pixel_exact;
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

float YAxisLabelsWidth(const char* y_label, const Range& y, Scale y_scale, float height) {
  Figure labelled;
  labelled.y_label = y_label;
  labelled.y_scale = y_scale;
  Figure bare = labelled;
  bare.y_label.clear();
  bare.y_tick_labels = false;
  const PixelRect frame{0, 0, 10000, double(height)};
  const ImGuiPainter painter(nullptr, FontSize());
  const PlotStyle& st = Ctx().style;
  return float(PlotArea(labelled, frame, y, st, painter).x0 -
               PlotArea(bare, frame, y, st, painter).x0);
}

Transform GetPlotTransform() {
  SetupLock();
  return Cur().transform;
}

const Figure* GetLastFigure() {
  return Ctx().last_figure;
}

// [SECTION] ImGui painter, legend, tooltip and EndPlot (the figure itself: figure_painter.h)

namespace {

// The legend in the corner where it hides the least data; a click on an entry toggles its
// items.
void DrawLegend(Painter& painter, CurrentPlot& cur) {
  PlotState& s = *cur.state;
  s.legend_rect = {0, 0, 0, 0};
  Figure& fig = s.recorder.figure();
  const PlotStyle& st = Ctx().style;
  const LegendMetrics m = MeasureLegend(fig, cur.transform.area, st, painter);
  if (!m.fits) return;
  s.legend_corner =
      ChooseLegendCorner(fig, cur.transform, m.width, m.height, m.pad, s.legend_corner);
  fig.legend_corner = s.legend_corner;
  const PixelRect box = LegendBox(cur.transform, m.width, m.height, m.pad, s.legend_corner);
  s.legend_rect = box;
  const ImGuiIO& io = ImGui::GetIO();
  const float x0 = static_cast<float>(box.x0), x1 = static_cast<float>(box.x1);
  int hovered = -1;
  for (std::size_t i = 0; i < fig.legend.size(); ++i) {
    const float y = static_cast<float>(box.y0) + m.pad + m.row * static_cast<float>(i);
    if (cur.hovered && io.MousePos.x >= x0 && io.MousePos.x <= x1 && io.MousePos.y >= y &&
        io.MousePos.y < y + m.row)
      hovered = static_cast<int>(i);
  }
  PaintLegend(painter, fig, box, m, st, hovered);
  if (hovered >= 0 && ImGui::IsMouseClicked(ImGuiMouseButton_Left))
    s.recorder.toggleHidden(fig.legend[static_cast<std::size_t>(hovered)].key);
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
  ImGuiPainter painter(dl, FontSize(), Ctx().copy_texture);
  Figure& fig = rec.figure();
  fig.title = cur.title;
  fig.x_label = cur.x_label;
  fig.y_label = cur.y_label;
  fig.limits = cur.transform.limits;
  fig.equal_aspect = (cur.flags & PlotFlags_EqualAspect) && BothLinear(cur);
  fig.integer_x = cur.flags & PlotFlags_IntegerX;
  fig.y_tick_labels = !(cur.flags & PlotFlags_NoYTickLabels);
  fig.show_legend = !(cur.flags & PlotFlags_NoLegend);
  fig.frame = cur.frame;
  fig.area = cur.transform.area;
  fig.width_px = fig.area.width();
  fig.height_px = fig.area.height();
  fig.scale = st.scale;
  fig.color_bar.reset();
  if (cur.color_bar_room) {
    fig.color_bar = cur.color_bar.value_or(ColorBar{});
    fig.color_bar->shown = cur.color_bar.has_value();  // an empty strip keeps the layout still
  }

  PaintBackground(painter, fig, st);
  painter.pushClip(fig.area);
  PaintGrid(painter, fig, cur.transform, st);
  PaintItems(painter, fig, cur.transform, st);
  if (s.box_zooming) {
    const ImVec2 m = ImGui::GetIO().MousePos;
    const ImVec2 b0(std::min(m.x, s.box_start.x), std::min(m.y, s.box_start.y));
    const ImVec2 b1(std::max(m.x, s.box_start.x), std::max(m.y, s.box_start.y));
    dl->AddRectFilled(b0, b1, ToU32(st.theme.selection));
    dl->AddRect(b0, b1, ToU32(st.theme.selection.withAlpha(1)), 0, 0, st.scale);
  }
  DrawTooltipOrMouseText(dl, cur);
  DrawLegend(painter, cur);
  painter.popClip();
  PaintAxes(painter, fig, cur.transform, st);
  PaintFigureColorBar(painter, fig, st);

  s.last_figure = fig;
  ctx.last_figure = &s.last_figure;
  ctx.in_plot = false;
}

}  // namespace gradlab::plot
