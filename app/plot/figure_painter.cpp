// Painting a kept Figure through a Painter. See figure_painter.h.
//
// Index
// [SECTION] Layout
// [SECTION] Items
// [SECTION] Grid, axes, legend, whole figure
#include "app/plot/figure_painter.h"

#include <algorithm>
#include <cmath>

#include "app/plot/triangulate.h"

namespace gradlab::plot {

namespace {

bool Finite(const Point& p) {
  return std::isfinite(p.x) && std::isfinite(p.y);
}

}  // namespace

void Painter::circle(Point center, float r, Color color, bool filled, float width) {
  // A polygon fine enough that its edges stay within a tenth of a pixel of the circle.
  const int n =
      std::clamp(int(std::ceil(3.1416 / std::acos(std::max(0.0, 1.0 - 0.1 / r)))), 8, 128);
  std::vector<Point> p(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    const double a = 2 * 3.14159265358979 * i / n;
    p[static_cast<std::size_t>(i)] = {center.x + r * std::cos(a), center.y + r * std::sin(a)};
  }
  if (filled) {
    fillConvex(p.data(), n, color);
  } else {
    polyline(p.data(), n, color, width, true);
  }
}

// [SECTION] Layout

std::vector<Tick> AxisTicks(const Range& r, Scale s, double pixels, float spacing, float scale) {
  const int n = std::max(2, static_cast<int>(pixels / (spacing * scale)));
  return s == Scale::Log ? LogTicks(r.min, r.max, n) : LinearTicks(r.min, r.max, n);
}

std::vector<Tick> XTicks(const Figure& fig, const Transform& t, const PlotStyle& style) {
  std::vector<Tick> ticks =
      AxisTicks(t.limits.x, t.x_scale, t.area.width(), style.x_tick_spacing, style.scale);
  if (fig.integer_x) KeepWholeNumberTicks(ticks);
  return ticks;
}

std::vector<Tick> YTicks(const Transform& t, const PlotStyle& style) {
  return AxisTicks(t.limits.y, t.y_scale, t.area.height(), style.y_tick_spacing, style.scale);
}

PixelRect PlotArea(const Figure& fig, const PixelRect& frame, const Range& y_view,
                   const PlotStyle& st, const Painter& painter) {
  // Single precision as the ImGui drawer always summed these (the layout stays bit-identical).
  const float pad = st.padding * st.scale, font = painter.fontSize();
  const float tick = st.tick_length * st.scale;
  PixelRect r = frame;
  r.y0 += pad + (fig.title.empty() ? 0 : font + pad);
  r.y1 -= pad + font + tick + pad;  // x tick labels
  if (fig.color_bar) r.y1 -= ColorBarRoom(st, painter);
  if (!fig.x_label.empty()) r.y1 -= font + pad;
  // y tick labels: measure them for the height the plot will have.
  float label_w = 0;
  const Range y = SanitizeRange(y_view, fig.y_scale);
  for (const Tick& t : AxisTicks(y, fig.y_scale, r.height(), st.y_tick_spacing, st.scale)) {
    if (t.major && fig.y_tick_labels)
      label_w = std::max(label_w, float(painter.textSize(t.label).x));
  }
  r.x0 += pad + label_w + pad + tick;
  if (!fig.y_label.empty()) r.x0 += font + pad;
  r.x1 -=
      2 * pad + 0.5 * float(painter.textSize("0.00").x);  // room for half of the last x tick label
  if (r.width() < 10) r.x1 = r.x0 + 10;
  if (r.height() < 10) r.y1 = r.y0 + 10;
  return r;
}

PixelRect ColorBarStrip(const Figure& fig, const PlotStyle& style, const Painter& painter) {
  const double room = fig.color_bar ? ColorBarRoom(style, painter) : 0;
  return {fig.frame.x0, fig.frame.y1 - room, fig.frame.x1, fig.frame.y1};
}

Transform FigureTransform(const Figure& fig) {
  Transform t;
  t.limits = fig.limits;
  t.x_scale = fig.x_scale;
  t.y_scale = fig.y_scale;
  t.area = fig.area;
  return t;
}

LegendMetrics MeasureLegend(const Figure& fig, const PixelRect& area, const PlotStyle& st,
                            const Painter& painter) {
  LegendMetrics m;
  m.pad = st.padding * st.scale;
  m.font = painter.fontSize();
  m.swatch = m.font;
  m.row = m.font + 0.5f * m.pad;
  if (!fig.show_legend || fig.legend.empty()) return m;
  float w = 0;
  for (const LegendEntry& e : fig.legend) w = std::max(w, float(painter.textSize(e.text).x));
  m.width = w + m.swatch + 3 * m.pad;
  m.height = m.row * static_cast<float>(fig.legend.size()) + 1.5f * m.pad;
  // A legend that would not fit inside the plot (a tiny window), or would cover more than a
  // quarter of it (a projector's 2x scale on a small map), is left out rather than hide the data.
  m.fits = m.width + 2 * m.pad <= area.width() && m.height + 2 * m.pad <= area.height() &&
           m.width * m.height <= kMaxLegendShare * area.width() * area.height();
  return m;
}

void LayoutFigure(Figure& fig, const PixelRect& frame, const PlotStyle& style,
                  const Painter& painter) {
  fig.frame = frame;
  fig.limits = {SanitizeRange(fig.limits.x, fig.x_scale), SanitizeRange(fig.limits.y, fig.y_scale)};
  fig.area = PlotArea(fig, frame, fig.limits.y, style, painter);
  if (fig.equal_aspect && fig.x_scale == Scale::Linear && fig.y_scale == Scale::Linear)
    fig.limits = EqualAspect(fig.limits, fig.area.width(), fig.area.height());
  fig.width_px = fig.area.width();
  fig.height_px = fig.area.height();
  fig.scale = style.scale;
  PlaceLegend(fig, style, painter);
}

void PlaceLegend(Figure& fig, const PlotStyle& style, const Painter& painter) {
  const LegendMetrics m = MeasureLegend(fig, fig.area, style, painter);
  if (m.fits)
    fig.legend_corner =
        ChooseLegendCorner(fig, FigureTransform(fig), m.width, m.height, m.pad, fig.legend_corner);
}

// [SECTION] Items

void PaintMarker(Painter& painter, Point c, MarkerShape shape, float r, Color color, bool filled,
                 float w) {
  switch (shape) {
    case MarkerShape::Circle:
      painter.circle(c, r, color, filled, w);
      break;
    case MarkerShape::Square: {
      const PixelRect box{c.x - r, c.y - r, c.x + r, c.y + r};
      if (filled) {
        painter.fillRect(box, color);
      } else {
        painter.rect(box, color, w);
      }
      break;
    }
    case MarkerShape::Diamond: {
      const Point p[4] = {{c.x, c.y - r}, {c.x + r, c.y}, {c.x, c.y + r}, {c.x - r, c.y}};
      if (filled) {
        painter.fillConvex(p, 4, color);
      } else {
        painter.polyline(p, 4, color, w, true);
      }
      break;
    }
    case MarkerShape::Cross: {
      const double k = r * 0.7071f;
      painter.line({c.x - k, c.y - k}, {c.x + k, c.y + k}, color, w);
      painter.line({c.x - k, c.y + k}, {c.x + k, c.y - k}, color, w);
      break;
    }
    case MarkerShape::Plus:
      painter.line({c.x - r, c.y}, {c.x + r, c.y}, color, w);
      painter.line({c.x, c.y - r}, {c.x, c.y + r}, color, w);
      break;
  }
}

namespace {

struct ItemPainter {
  Painter& painter;
  const Transform& t;
  float scale;
  const Theme& theme;

  // Polylines broken at points that do not map (NaN, or <= 0 on a log axis); a zigzag one
  // segment by segment (LineItem::zigzag).
  void polyline(const std::vector<double>& xs, const std::vector<double>& ys, Color col,
                float width, bool zigzag = false) const {
    std::vector<Point> run;
    const std::size_t n = std::min(xs.size(), ys.size());
    auto flush = [&] {
      if (run.size() >= 2 && zigzag) {
        for (std::size_t i = 0; i + 1 < run.size(); ++i)
          painter.line(run[i], run[i + 1], col, width);
      } else if (run.size() >= 2) {
        painter.polyline(run.data(), int(run.size()), col, width, false);
      }
      // A point with no finite neighbour (a one-iterate run, a value between NaNs) would
      // otherwise vanish; a dot a little wider than the line keeps it visible.
      if (run.size() == 1)
        painter.circle(run[0], std::max(1.5f * width, 2.5f * scale), col, true, 0);
      run.clear();
    };
    for (std::size_t i = 0; i < n; ++i) {
      const Point p = t.toPixel({xs[i], ys[i]});
      if (!Finite(p)) {
        flush();
        continue;
      }
      run.push_back(p);
    }
    flush();
  }

  void operator()(const LineItem& it) const {
    if (it.halo.a > 0) polyline(it.xs, it.ys, it.halo, (it.width + 3) * scale, it.zigzag);
    polyline(it.xs, it.ys, it.color, it.width * scale, it.zigzag);
  }

  void operator()(const MarkerItem& it) const {
    const std::size_t n = std::min(it.xs.size(), it.ys.size());
    for (std::size_t i = 0; i < n; ++i) {
      const Point p = t.toPixel({it.xs[i], it.ys[i]});
      if (!Finite(p)) continue;
      if (it.halo.a > 0)
        PaintMarker(painter, p, it.shape, (it.size + 1.5f) * scale, it.halo, it.filled,
                    (it.outline_width + 3) * scale);
      PaintMarker(painter, p, it.shape, it.size * scale, it.color, it.filled,
                  it.outline_width * scale);
    }
  }

  void operator()(const ArrowItem& it) const {
    if (it.halo.a > 0) arrows(it, it.halo, (it.width + 3) * scale, 1.5f * scale);
    arrows(it, it.color, it.width * scale, 0);
  }

  // `grow` pixels added around each head (the halo pass).
  void arrows(const ArrowItem& it, Color col, float w, float grow) const {
    const std::size_t n = std::min(it.xs.size(), it.ys.size());
    for (std::size_t i = 0; i + 1 < n; ++i) {
      const Point a = t.toPixel({it.xs[i], it.ys[i]}), b = t.toPixel({it.xs[i + 1], it.ys[i + 1]});
      if (!Finite(a) || !Finite(b)) continue;
      const double dx = b.x - a.x, dy = b.y - a.y, len = std::sqrt(dx * dx + dy * dy);
      if (len < 0.5) continue;
      // Heads keep their pixel size; arrows shorter than two heads get a head of half their length.
      const double head = std::min<double>(it.head_size * scale, 0.5 * len) + 2 * grow;
      const double ux = dx / len, uy = dy / len, half = 0.45 * head;
      // Single precision as the screen's vertices, so the ImGui backend stays pixel-identical.
      const Point tip{float(b.x + ux * grow), float(b.y + uy * grow)};
      const Point base{float(b.x - ux * head), float(b.y - uy * head)};
      painter.line(a, {float(b.x - ux * head * 0.8), float(b.y - uy * head * 0.8)}, col, w);
      const Point head_pts[3] = {tip,
                                 {base.x - float(uy * half), base.y + float(ux * half)},
                                 {base.x + float(uy * half), base.y - float(ux * half)}};
      painter.fillConvex(head_pts, 3, col);
    }
  }

  void operator()(const FillItem& it) const {
    const std::size_t n = std::min({it.xs.size(), it.ys.size(), it.ys_base.size()});
    std::vector<Point> tris;
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
        const Point c{float(p0.x + f * (p1.x - p0.x)), float(p0.y + f * (p1.y - p0.y))};
        tris.insert(tris.end(), {p0, c, q0, c, p1, q1});
      } else {
        tris.insert(tris.end(), {p0, p1, q1, p0, q1, q0});  // the quad p0 p1 q1 q0
      }
    }
    if (!tris.empty()) painter.fillTriangles(tris, it.color);
  }

  void operator()(const PolygonItem& it) const {
    std::vector<Point> pts;
    const std::size_t n = std::min(it.xs.size(), it.ys.size());
    for (std::size_t i = 0; i < n; ++i) {
      const Point p = t.toPixel({it.xs[i], it.ys[i]});
      if (Finite(p)) pts.push_back(p);
    }
    std::vector<Point> tris;
    for (const auto& tri : TriangulatePolygon(pts))
      tris.insert(tris.end(), {pts[tri[0]], pts[tri[1]], pts[tri[2]]});
    if (!tris.empty()) painter.fillTriangles(tris, it.fill);
    if (it.outline_width > 0 && pts.size() >= 2)
      painter.polyline(pts.data(), int(pts.size()), it.outline, it.outline_width * scale, true);
  }

  void operator()(const RefLineItem& it) const {
    if (it.vertical) {
      const float x = float(t.xToPixel(it.value));
      if (std::isfinite(x))
        painter.line({x, t.area.y0}, {x, t.area.y1}, it.color, it.width * scale);
    } else {
      const float y = float(t.yToPixel(it.value));
      if (std::isfinite(y))
        painter.line({t.area.x0, y}, {t.area.x1, y}, it.color, it.width * scale);
    }
  }

  void operator()(const TextItem& it) const {
    const Point p = t.toPixel({it.x, it.y});
    if (!Finite(p)) return;
    const Point size = painter.textSize(it.text);
    const Point pos{float(p.x) - it.anchor_x * float(size.x) + it.offset_x * scale,
                    float(p.y) - it.anchor_y * float(size.y) + it.offset_y * scale};
    if (it.background.a > 0) {
      const double pad = 3 * scale;
      painter.fillRect(
          {pos.x - pad, pos.y - 0.5 * pad, pos.x + size.x + pad, pos.y + size.y + 0.5 * pad},
          it.background, 2 * scale);
    }
    painter.text(pos, it.text, it.color.isAuto() ? theme.text : it.color);
  }

  void operator()(const ImageItem& it) const {
    const Point top_left = t.toPixel({it.x_min, it.y_max});
    const Point bottom_right = t.toPixel({it.x_max, it.y_min});
    if (!Finite(top_left) || !Finite(bottom_right)) return;
    painter.image(
        {float(top_left.x), float(top_left.y), float(bottom_right.x), float(bottom_right.y)}, it);
  }
};

}  // namespace

void PaintItems(Painter& painter, const Figure& fig, const Transform& t, const PlotStyle& style) {
  const ItemPainter items{painter, t, style.scale, style.theme};
  for (const Item& item : fig.items) std::visit(items, item);
}

// [SECTION] Grid, axes, legend, whole figure

void PaintBackground(Painter& painter, const Figure& fig, const PlotStyle& style) {
  const Theme& th = style.theme;
  if (th.frame_background.a > 0) painter.fillRect(fig.frame, th.frame_background);
  // Under software GL every filled pixel costs: skip the plot-area fill when the window already
  // shows that colour, or when an opaque image (a contour) covers the whole area anyway.
  bool area_covered = !style.fill_plot_area;
  for (const Item& item : fig.items) {
    const auto* image = std::get_if<ImageItem>(&item);
    if (image && !image->transparent && image->tint.a >= 1 && image->x_min <= fig.limits.x.min &&
        image->x_max >= fig.limits.x.max && image->y_min <= fig.limits.y.min &&
        image->y_max >= fig.limits.y.max)
      area_covered = true;
  }
  if (!area_covered) painter.fillRect(fig.area, th.plot_background);
}

void PaintGrid(Painter& painter, const Figure& fig, const Transform& t, const PlotStyle& st) {
  if (!st.grid) return;
  const Theme& th = st.theme;
  const PixelRect& a = t.area;
  const float w = st.grid_width * st.scale;
  for (const Tick& k : XTicks(fig, t, st)) {
    const float x = float(t.xToPixel(k.value));
    painter.line({x, float(a.y0)}, {x, float(a.y1)}, k.major ? th.grid : th.grid_minor, w);
  }
  for (const Tick& k : YTicks(t, st)) {
    const float y = float(t.yToPixel(k.value));
    painter.line({float(a.x0), y}, {float(a.x1), y}, k.major ? th.grid : th.grid_minor, w);
  }
}

namespace {

// A tick label: its centre along its axis and its size.
struct AxisLabel {
  float at;
  Point size;
  const std::string* text;
};

// Labels that would touch (closer than `gap` along the axis: x, or y when `vertical`) are shown
// every second, third, ... one, the first always: a plot 55 pixels wide at UI scale 1.5 read
// "-100 10".
std::size_t LabelStride(const std::vector<AxisLabel>& labels, float gap, bool vertical) {
  const auto extent = [&](const AxisLabel& l) { return float(vertical ? l.size.y : l.size.x); };
  const auto touch = [&](std::size_t every) {
    for (std::size_t i = every; i < labels.size(); i += every) {
      const AxisLabel &l = labels[i - every], &r = labels[i];
      if (std::abs(r.at - l.at) < 0.5f * (extent(l) + extent(r)) + gap) return true;
    }
    return false;
  };
  std::size_t stride = 1;
  while (stride < labels.size() && touch(stride)) ++stride;
  return stride;
}

}  // namespace

void PaintAxes(Painter& painter, const Figure& fig, const Transform& t, const PlotStyle& st) {
  const Theme& th = st.theme;
  const PixelRect& a = t.area;
  const float s = st.scale, tick = st.tick_length * s, pad = st.padding * s;
  const float font = painter.fontSize(), w = st.axis_width * s;
  const auto fx = [](double v) { return static_cast<float>(v); };
  painter.rect({fx(a.x0), fx(a.y0), fx(a.x1), fx(a.y1)}, th.axis, w);

  // The labels point into the ticks: both vectors live to the end of the function.
  const std::vector<Tick> x_ticks = XTicks(fig, t, st), y_ticks = YTicks(t, st);
  std::vector<AxisLabel> x_labels;
  for (const Tick& k : x_ticks) {
    const float x = fx(t.xToPixel(k.value));
    const float len = k.major ? tick : 0.5f * tick;
    painter.line({x, fx(a.y1)}, {x, fx(a.y1) + len}, th.axis, w);
    if (!k.major) continue;
    x_labels.push_back({x, painter.textSize(k.label), &k.label});
  }
  const std::size_t x_stride = LabelStride(x_labels, pad, false);
  for (std::size_t i = 0; i < x_labels.size(); i += x_stride)
    painter.text({x_labels[i].at - 0.5f * fx(x_labels[i].size.x), fx(a.y1) + tick + pad},
                 *x_labels[i].text, th.text);
  std::vector<AxisLabel> y_labels;
  for (const Tick& k : y_ticks) {
    const float y = fx(t.yToPixel(k.value));
    const float len = k.major ? tick : 0.5f * tick;
    painter.line({fx(a.x0) - len, y}, {fx(a.x0), y}, th.axis, w);
    if (!k.major || !fig.y_tick_labels) continue;
    y_labels.push_back({y, painter.textSize(k.label), &k.label});
  }
  const std::size_t y_stride = LabelStride(y_labels, 0, true);
  for (std::size_t i = 0; i < y_labels.size(); i += y_stride)
    painter.text({fx(a.x0) - tick - pad - fx(y_labels[i].size.x),
                  y_labels[i].at - 0.5f * fx(y_labels[i].size.y)},
                 *y_labels[i].text, th.text);
  const PixelRect& f = fig.frame;
  if (!fig.x_label.empty()) {
    const float tw = fx(painter.textSize(fig.x_label).x);
    const double bottom = ColorBarStrip(fig, st, painter).y0;  // above the colour bar, if any
    painter.text({fx(0.5 * (a.x0 + a.x1)) - 0.5f * tw, fx(bottom) - pad - font}, fig.x_label,
                 th.text);
  }
  if (!fig.y_label.empty())
    painter.text({fx(f.x0) + pad + 0.5f * font, fx(0.5 * (a.y0 + a.y1))}, fig.y_label, th.text,
                 true);
  if (!fig.title.empty()) {
    const float tw = fx(painter.textSize(fig.title).x);
    painter.text({fx(0.5 * (a.x0 + a.x1)) - 0.5f * tw, fx(f.y0) + pad}, fig.title, th.text);
  }
}

void PaintLegend(Painter& painter, const Figure& fig, const PixelRect& box, const LegendMetrics& m,
                 const PlotStyle& st, int hovered_row) {
  const float x0 = float(box.x0), y0 = float(box.y0), x1 = float(box.x1);
  painter.fillRect(box, st.theme.legend_background);
  painter.rect(box, st.theme.legend_border, st.scale);
  for (std::size_t i = 0; i < fig.legend.size(); ++i) {
    const LegendEntry& e = fig.legend[i];
    const float y = y0 + m.pad + m.row * static_cast<float>(i);
    const PixelRect sw{x0 + m.pad, y + 0.15f * m.font, x0 + m.pad + m.swatch, y + 0.85f * m.font};
    const Color c = e.hidden ? st.theme.hidden_text : e.color.withAlpha(1);
    if (int(i) == hovered_row) painter.fillRect({x0 + 1, y, x1 - 1, y + m.row}, st.theme.grid);
    if (e.marker) {
      PaintMarker(painter, {float(0.5 * (sw.x0 + sw.x1)), float(0.5 * (sw.y0 + sw.y1))}, e.shape,
                  0.3f * m.font, c, e.filled, 2 * st.scale);
    } else {
      painter.fillRect(sw, c);
    }
    painter.text({float(sw.x1) + m.pad, y}, e.text,
                 e.hidden ? st.theme.hidden_text : st.theme.text);
  }
}

void PaintFigure(Painter& painter, const Figure& fig, const PlotStyle& style) {
  const Transform t = FigureTransform(fig);
  PaintBackground(painter, fig, style);
  painter.pushClip(fig.area);
  PaintGrid(painter, fig, t, style);
  PaintItems(painter, fig, t, style);
  const LegendMetrics m = MeasureLegend(fig, fig.area, style, painter);
  if (m.fits)
    PaintLegend(painter, fig, LegendBox(t, m.width, m.height, m.pad, fig.legend_corner), m, style);
  painter.popClip();
  PaintAxes(painter, fig, t, style);
  PaintFigureColorBar(painter, fig, style);
}

void PaintFigureColorBar(Painter& painter, const Figure& fig, const PlotStyle& style) {
  if (fig.color_bar)
    PaintColorBar(painter, *fig.color_bar, ColorBarStrip(fig, style, painter), style);
}

}  // namespace gradlab::plot
