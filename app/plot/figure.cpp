// Recording a frame's items into a Figure; legend, automatic colours, extents, hover search.
#include "app/plot/figure.h"

#include <algorithm>
#include <cmath>
#include <type_traits>

namespace gradlab::plot {

namespace {

// Adds the finite (x, y) pairs to both extents, so a point with one NaN coordinate is ignored.
void AddPairs(Extent& ex, Extent& ey, const std::vector<double>& xs, const std::vector<double>& ys,
              Scale sx, Scale sy) {
  const std::size_t n = std::min(xs.size(), ys.size());
  for (std::size_t i = 0; i < n; ++i) {
    if (!std::isfinite(xs[i]) || !std::isfinite(ys[i])) continue;
    ex.add(xs[i], sx);
    ey.add(ys[i], sy);
  }
}

Color* ItemColor(Item& item) {
  return std::visit(
      [](auto& it) -> Color* {
        using T = std::decay_t<decltype(it)>;
        if constexpr (std::is_same_v<T, PolygonItem>) {
          return &it.fill;
        } else if constexpr (std::is_same_v<T, ImageItem> || std::is_same_v<T, TextItem>) {
          return nullptr;  // no palette colour: tint and theme text colour
        } else {
          return &it.color;
        }
      },
      item);
}

// The points of a line, marker or arrow item, the items whose points are hovered one by one;
// all null for the others.
struct PointArrays {
  const std::vector<double>* xs = nullptr;
  const std::vector<double>* ys = nullptr;
  const std::vector<int>* indices = nullptr;
};

PointArrays PointsOf(const Item& item) {
  return std::visit(
      [](const auto& it) -> PointArrays {
        using T = std::decay_t<decltype(it)>;
        if constexpr (std::is_same_v<T, LineItem> || std::is_same_v<T, MarkerItem> ||
                      std::is_same_v<T, ArrowItem>) {
          return {&it.xs, &it.ys, &it.indices};
        } else {
          return {};
        }
      },
      item);
}

}  // namespace

std::string ItemLabel(const Item& item) {
  return std::visit(
      [](const auto& it) -> std::string {
        using T = std::decay_t<decltype(it)>;
        if constexpr (std::is_same_v<T, TextItem>) {
          return "";
        } else {
          return it.label;
        }
      },
      item);
}

int ItemIndex(const Item& item, int k) {
  const PointArrays p = PointsOf(item);
  if (p.indices == nullptr || k < 0 || k >= static_cast<int>(p.indices->size())) return -1;
  return (*p.indices)[static_cast<std::size_t>(k)];
}

std::string LegendText(const std::string& label) {
  const std::size_t p = label.find("##");
  return p == std::string::npos ? label : label.substr(0, p);
}

void FigureRecorder::begin(Scale x_scale, Scale y_scale) {
  figure_.items.clear();
  figure_.legend.clear();
  figure_.x_scale = x_scale;
  figure_.y_scale = y_scale;
  extent_x_ = Extent{};
  extent_y_ = Extent{};
  next_color_ = 0;
}

void FigureRecorder::setHidden(const std::string& label, bool hidden) {
  if (hidden) {
    hidden_.insert(label);
  } else {
    hidden_.erase(label);
  }
}

bool FigureRecorder::add(Item item) {
  const std::string label = ItemLabel(item);
  const std::string text = LegendText(label);
  LegendEntry* entry = nullptr;
  for (LegendEntry& e : figure_.legend) {
    if (e.key == label) entry = &e;
  }
  if (Color* c = ItemColor(item); c != nullptr && c->isAuto()) {
    *c = entry != nullptr ? entry->color : RunColor(next_color_++);
    // Fills sit under other items: translucent so the grid and data beneath stay visible.
    if (std::holds_alternative<FillItem>(item) || std::holds_alternative<PolygonItem>(item)) {
      c->a = 0.35f;
    }
  }
  const bool hidden = !label.empty() && isHidden(label);
  bool in_legend = true;
  std::visit(
      [&in_legend](const auto& it) {
        using T = std::decay_t<decltype(it)>;
        if constexpr (std::is_same_v<T, LineItem> || std::is_same_v<T, MarkerItem> ||
                      std::is_same_v<T, ArrowItem>)
          in_legend = it.in_legend;
      },
      item);
  if (!text.empty() && entry == nullptr && in_legend) {
    const Color* c = ItemColor(item);
    LegendEntry e{label, text, c != nullptr ? *c : Color{}, hidden};
    if (const auto* m = std::get_if<MarkerItem>(&item)) {
      e.marker = true;
      e.shape = m->shape;
      e.filled = m->filled;
    }
    figure_.legend.push_back(e);
  }
  if (hidden) return false;

  const Scale sx = figure_.x_scale, sy = figure_.y_scale;
  std::visit(
      [&](const auto& it) {
        using T = std::decay_t<decltype(it)>;
        if constexpr (std::is_same_v<T, FillItem>) {
          AddPairs(extent_x_, extent_y_, it.xs, it.ys, sx, sy);
          AddPairs(extent_x_, extent_y_, it.xs, it.ys_base, sx, sy);
        } else if constexpr (std::is_same_v<T, RefLineItem>) {
          (it.vertical ? extent_x_ : extent_y_).add(it.value, it.vertical ? sx : sy);
        } else if constexpr (std::is_same_v<T, ImageItem>) {
          extent_x_.add(it.x_min, sx);
          extent_x_.add(it.x_max, sx);
          extent_y_.add(it.y_min, sy);
          extent_y_.add(it.y_max, sy);
        } else if constexpr (std::is_same_v<T, TextItem>) {
          // Text follows the data; it does not pull the view.
        } else {
          AddPairs(extent_x_, extent_y_, it.xs, it.ys, sx, sy);
        }
      },
      item);
  figure_.items.push_back(std::move(item));
  return true;
}

NearestPoint FindNearestPoint(const Figure& figure, const Transform& t, Point mouse_px,
                              double max_dist_px) {
  NearestPoint best;
  double best_d2 = max_dist_px * max_dist_px;
  for (std::size_t k = 0; k < figure.items.size(); ++k) {
    const PointArrays p = PointsOf(figure.items[k]);
    if (p.xs == nullptr) continue;
    const std::vector<double>* xs = p.xs;
    const std::vector<double>* ys = p.ys;
    const std::size_t n = std::min(xs->size(), ys->size());
    for (std::size_t i = 0; i < n; ++i) {
      const double dx = t.xToPixel((*xs)[i]) - mouse_px.x;
      const double dy = t.yToPixel((*ys)[i]) - mouse_px.y;
      const double d2 = dx * dx + dy * dy;
      if (d2 <= best_d2) {  // NaN compares false: skipped
        best_d2 = d2;
        best = {static_cast<int>(k), static_cast<int>(i), (*xs)[i], (*ys)[i], std::sqrt(d2)};
      }
    }
  }
  return best;
}

namespace {

// Whether the segment a-b touches the rectangle r (all in pixels); false when a coordinate
// is NaN. Liang-Barsky clipping: the segment meets r if some t in [0, 1] lies inside all edges.
bool SegmentHitsRect(Point a, Point b, const PixelRect& r) {
  if (!std::isfinite(a.x) || !std::isfinite(a.y) || !std::isfinite(b.x) || !std::isfinite(b.y))
    return false;
  double t0 = 0, t1 = 1;
  const double dx = b.x - a.x, dy = b.y - a.y;
  const double p[4] = {-dx, dx, -dy, dy};
  const double q[4] = {a.x - r.x0, r.x1 - a.x, a.y - r.y0, r.y1 - a.y};
  for (int i = 0; i < 4; ++i) {
    if (p[i] == 0) {
      if (q[i] < 0) return false;  // parallel to this edge and outside it
      continue;
    }
    const double t = q[i] / p[i];
    if (p[i] < 0) {
      t0 = std::max(t0, t);
    } else {
      t1 = std::min(t1, t);
    }
    if (t0 > t1) return false;
  }
  return true;
}

// Hits of every data segment and marker on four candidate boxes, in one pass: each point is
// mapped to pixels once (log axes make that the costly part), then tested against all boxes.
struct CornerHits {
  const Transform& t;
  const PixelRect (&boxes)[4];
  int hits[4] = {0, 0, 0, 0};

  void segment(Point a, Point b) {
    const double x0 = std::min(a.x, b.x), x1 = std::max(a.x, b.x);
    const double y0 = std::min(a.y, b.y), y1 = std::max(a.y, b.y);
    for (int c = 0; c < 4; ++c) {
      const PixelRect& r = boxes[c];
      if (x1 < r.x0 || x0 > r.x1 || y1 < r.y0 || y0 > r.y1) continue;  // cheap reject
      hits[c] += SegmentHitsRect(a, b, r);
    }
  }

  // Long curves are thinned to about 256 segments: enough to tell where a curve runs, at a
  // cost that does not grow with run length.
  void polyline(const std::vector<double>& xs, const std::vector<double>& ys) {
    const std::size_t n = std::min(xs.size(), ys.size());
    if (n == 0) return;
    const std::size_t stride = std::max<std::size_t>(1, n / 256);
    Point prev = t.toPixel({xs[0], ys[0]});
    if (n == 1) segment(prev, prev);
    for (std::size_t i = stride; i < n + stride - 1; i += stride) {
      const std::size_t k = std::min(i, n - 1);
      const Point p = t.toPixel({xs[k], ys[k]});
      segment(prev, p);
      prev = p;
    }
  }

  void item(const Item& item) {
    if (const auto* l = std::get_if<LineItem>(&item)) {
      polyline(l->xs, l->ys);
    } else if (const auto* a = std::get_if<ArrowItem>(&item)) {
      polyline(a->xs, a->ys);
    } else if (const auto* f = std::get_if<FillItem>(&item)) {
      polyline(f->xs, f->ys);
    } else if (const auto* m = std::get_if<MarkerItem>(&item)) {
      const std::size_t n = std::min(m->xs.size(), m->ys.size());
      for (std::size_t i = 0; i < n; ++i) {
        const Point p = t.toPixel({m->xs[i], m->ys[i]});
        for (int c = 0; c < 4; ++c) hits[c] += boxes[c].contains(p.x, p.y);
      }
    } else if (const auto* x = std::get_if<TextItem>(&item)) {
      // A label counts at its anchor: a legend over it would hide it.
      const Point p = t.toPixel({x->x, x->y});
      for (int c = 0; c < 4; ++c) hits[c] += boxes[c].contains(p.x, p.y);
    } else if (const auto* r = std::get_if<RefLineItem>(&item)) {
      const double v = r->vertical ? t.xToPixel(r->value) : t.yToPixel(r->value);
      for (int c = 0; c < 4; ++c) {
        const PixelRect& b = boxes[c];
        hits[c] += r->vertical ? (v >= b.x0 && v <= b.x1) : (v >= b.y0 && v <= b.y1);
      }
    }
  }
};

}  // namespace

PixelRect LegendBox(const Transform& t, double size_w, double size_h, double pad,
                    LegendCorner corner) {
  const PixelRect& a = t.area;
  const bool right = corner == LegendCorner::TopRight || corner == LegendCorner::BottomRight;
  const bool top = corner == LegendCorner::TopRight || corner == LegendCorner::TopLeft;
  const double x0 = right ? a.x1 - pad - size_w : a.x0 + pad;
  const double y0 = top ? a.y0 + pad : a.y1 - pad - size_h;
  return {x0, y0, x0 + size_w, y0 + size_h};
}

LegendCorner ChooseLegendCorner(const Figure& figure, const Transform& t, double size_w,
                                double size_h, double pad, LegendCorner current) {
  constexpr LegendCorner kCorners[4] = {LegendCorner::TopRight, LegendCorner::TopLeft,
                                        LegendCorner::BottomRight, LegendCorner::BottomLeft};
  // Each box grown by a few pixels: a line drawn along its edge (a plateau at the top of the
  // plot) is hidden by it too.
  constexpr double kMargin = 4;
  PixelRect boxes[4];
  for (int c = 0; c < 4; ++c) {
    boxes[c] = LegendBox(t, size_w, size_h, pad, kCorners[c]);
    boxes[c] = {boxes[c].x0 - kMargin, boxes[c].y0 - kMargin, boxes[c].x1 + kMargin,
                boxes[c].y1 + kMargin};
  }
  CornerHits count{t, boxes};
  for (const Item& item : figure.items) count.item(item);
  LegendCorner best = current;
  int best_hits = count.hits[static_cast<int>(current)];
  for (int c = 0; c < 4; ++c) {
    if (count.hits[c] < best_hits) {
      best = kCorners[c];
      best_hits = count.hits[c];
    }
  }
  return best;
}

}  // namespace gradlab::plot
