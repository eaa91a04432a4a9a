// Recording a frame's items into a Figure; legend, automatic colours, extents, hover search.
#include "app/plot/figure.h"

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
  if (!text.empty() && entry == nullptr) {
    const Color* c = ItemColor(item);
    figure_.legend.push_back({label, text, c != nullptr ? *c : Color{}, hidden});
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
    const std::vector<double>* xs = nullptr;
    const std::vector<double>* ys = nullptr;
    if (const auto* l = std::get_if<LineItem>(&figure.items[k])) {
      xs = &l->xs, ys = &l->ys;
    } else if (const auto* m = std::get_if<MarkerItem>(&figure.items[k])) {
      xs = &m->xs, ys = &m->ys;
    } else if (const auto* a = std::get_if<ArrowItem>(&figure.items[k])) {
      xs = &a->xs, ys = &a->ys;
    } else {
      continue;
    }
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

}  // namespace gradlab::plot
