// The Network lab's grid cells as plain data. See network_figures.h.
#include "app/labs/networks/network_figures.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/labs/activations/activation_figures.h"
#include "app/plot/figure_painter.h"

namespace gradlab {

plot::Color networkCurveColor(Activation a) {
  return activationColor(a);
}

plot::Limits networkCellLimits(const NetworkLab& lab, int row, int column) {
  const NetworkCell& c = networkCell(lab, row, column);
  plot::Limits limits;
  limits.x = {lab.scene.x_min, lab.scene.x_max};
  double lo = c.y_min, hi = c.y_max;
  if (hi - lo < 1e-9 * std::max(1.0, std::abs(hi))) lo -= 0.5, hi += 0.5;
  const double pad = 0.08 * (hi - lo);
  limits.y = {lo - pad, hi + pad};
  return limits;
}

void thinToPixelColumns(const std::vector<double>& xs, const std::vector<double>& ys, double x_min,
                        double x_max, int columns, std::vector<double>& out_x,
                        std::vector<double>& out_y) {
  out_x.clear();
  out_y.clear();
  const std::size_t n = std::min(xs.size(), ys.size());
  if (columns < 1 || n <= std::size_t(4 * columns) || !(x_max > x_min)) {
    out_x.assign(xs.begin(), xs.begin() + long(n));
    out_y.assign(ys.begin(), ys.begin() + long(n));
    return;
  }
  const double per_x = double(columns) / (x_max - x_min);
  std::size_t start = 0;
  while (start < n) {
    const long column = long(std::floor((xs[start] - x_min) * per_x));
    std::size_t end = start + 1;
    while (end < n && long(std::floor((xs[end] - x_min) * per_x)) == column) ++end;
    // The column's first, lowest, highest and last samples, in x order, each once.
    std::size_t lo = start, hi = start;
    for (std::size_t k = start; k < end; ++k) {
      if (ys[k] < ys[lo]) lo = k;
      if (ys[k] > ys[hi]) hi = k;
    }
    std::size_t keep[4] = {start, std::min(lo, hi), std::max(lo, hi), end - 1};
    for (int i = 0; i < 4; ++i) {
      if (i > 0 && keep[i] == keep[i - 1]) continue;
      out_x.push_back(xs[keep[i]]);
      out_y.push_back(ys[keep[i]]);
    }
    start = end;
  }
}

void dropCollinearPoints(std::vector<double>& xs, std::vector<double>& ys, double x_px, double y_px,
                         double tolerance_px) {
  const std::size_t n = std::min(xs.size(), ys.size());
  if (n < 3) return;
  std::size_t kept = 1, anchor = 0;  // xs[0..kept) are the output so far; xs[anchor] the last
  double lo = -HUGE_VAL,
         hi = HUGE_VAL;  // slopes (pixels) from the anchor every dropped point allows
  for (std::size_t i = 1; i < n; ++i) {
    const double dx = (xs[i] - xs[anchor]) * x_px, dy = (ys[i] - ys[anchor]) * y_px;
    const bool fits = dx > 0 && std::isfinite(dy) && dy / dx >= lo && dy / dx <= hi;
    if (!fits && i - 1 != anchor) {
      // Point i - 1 ends the stretch: keep it and start a new one there.
      anchor = i - 1;
      xs[kept] = xs[anchor];
      ys[kept] = ys[anchor];
      ++kept;
      lo = -HUGE_VAL, hi = HUGE_VAL;
    }
    const double ddx = (xs[i] - xs[anchor]) * x_px, ddy = (ys[i] - ys[anchor]) * y_px;
    if (ddx > 0 && std::isfinite(ddy)) {
      lo = std::max(lo, (ddy - tolerance_px) / ddx);
      hi = std::min(hi, (ddy + tolerance_px) / ddx);
    } else {
      lo = hi = HUGE_VAL;  // nothing more fits past a vertical step or a NaN
    }
  }
  xs[kept] = xs[n - 1];
  ys[kept] = ys[n - 1];
  ++kept;
  xs.resize(kept);
  ys.resize(kept);
}

std::vector<plot::Item> networkCellItems(const NetworkLab& lab, int row, int column, Theme theme,
                                         const plot::Limits& view, double width_px,
                                         double height_px) {
  std::vector<plot::Item> items;
  const NetworkCell& c = networkCell(lab, row, column);
  // Kinks: faint, thin and opaque-ish lines (wide translucent bands cost llvmpipe frames).
  const plot::Color kink_color = theme == Theme::Dark ? plot::Color{0.75f, 0.75f, 0.8f, 0.35f}
                                                      : plot::Color{0.3f, 0.3f, 0.35f, 0.3f};
  for (const MlpKink& k : c.kinks) {
    plot::RefLineItem line;
    line.label = "##kink";
    line.value = k.t;
    line.color = kink_color;
    line.width = 1;
    items.push_back(line);
  }
  plot::LineItem curve;
  curve.label = plottedOutputName(lab.scene) + "##curve";
  const double x_px = width_px / std::max(view.x.max - view.x.min, 1e-300);
  const double y_px = height_px / std::max(view.y.max - view.y.min, 1e-300);
  thinToPixelColumns(c.xs, c.ys, view.x.min, view.x.max, int(std::ceil(width_px)), curve.xs,
                     curve.ys);
  dropCollinearPoints(curve.xs, curve.ys, x_px, y_px, 0.25);
  curve.color = networkCurveColor(c.activation);
  curve.width = 2.5f;
  curve.in_legend = false;
  items.push_back(std::move(curve));
  if (c.y_max - c.y_min <= 1e-12 * (1 + std::abs(c.y_max))) {
    // A dead output (ReLU cut every path) looks like a drawing bug unless it is said.
    char text[96];
    std::snprintf(text, sizeof text, "constant: %s = %.3g", plottedOutputName(lab.scene).c_str(),
                  c.y_max + 0.0);
    plot::TextItem note;
    note.text = text;
    note.x = view.x.min;
    note.y = view.y.max;
    note.anchor_x = 0;
    note.anchor_y = 0;
    note.offset_x = 6;
    note.offset_y = 6;
    note.color = networkCurveColor(c.activation);
    items.push_back(std::move(note));
  }
  return items;
}

std::string networkCellFileName(const NetworkScene& s, int row, int column) {
  return "r" + std::to_string(row + 1) + "c" + std::to_string(column + 1) + "-" +
         activationInfo(s.activations[std::size_t(row)]).name + "-seed" +
         std::to_string(s.seeds[std::size_t(column)]);
}

plot::Figure networkCellFigure(const NetworkLab& lab, int row, int column, Theme theme,
                               const plot::PixelRect& frame, const plot::Painter& painter) {
  const plot::PlotStyle style = themePlotStyle(theme);
  plot::Figure fig;
  fig.title = networkCellTitle(lab.scene, row, column);
  fig.x_label = sweptInputName(lab.scene);
  fig.y_label = plottedOutputName(lab.scene);
  fig.limits = networkCellLimits(lab, row, column);
  fig.show_legend = false;
  plot::LayoutFigure(fig, frame, style, painter);
  fig.items =
      networkCellItems(lab, row, column, theme, fig.limits, fig.area.width(), fig.area.height());
  return fig;
}

}  // namespace gradlab
