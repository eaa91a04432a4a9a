// The elbow lab's pictures as plain plot items. See elbow_figures.h.
#include "app/labs/elbows/elbow_figures.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "app/plot/figure_painter.h"
#include "app/views/thinning.h"
#include "core/text_format.h"

namespace gradlab {

namespace {

plot::Color ink(Theme theme) {
  return theme == Theme::Dark ? plot::Color{0.92f, 0.92f, 0.92f, 1}
                              : plot::Color{0.1f, 0.1f, 0.1f, 1};
}
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

plot::Color grey() {
  return plot::Color{0.62f, 0.62f, 0.62f, 1};
}
// Bluish grey: apart from the dead units' grey.
plot::Color dataColor() {
  return plot::Color{0.45f, 0.5f, 0.62f, 0.9f};
}
plot::Color bendColor() {
  return plot::Color::hex(0x009E73);  // Okabe-Ito green
}

double maxAbsU(const VecX& params) {
  const int p = reluNetUnits(params);
  return std::max(1e-12, params.segment(2 * p, p).cwiseAbs().maxCoeff());
}

plot::Figure figureOf(std::vector<plot::Item> items, const std::string& title, const char* x_label,
                      const char* y_label, const plot::Limits& limits, plot::Scale y_scale,
                      Theme theme, const plot::PixelRect& frame, const plot::Painter& painter) {
  const plot::PlotStyle style = themePlotStyle(theme);
  plot::Figure fig;
  fig.title = title;
  fig.x_label = x_label;
  fig.y_label = y_label;
  fig.limits = limits;
  fig.y_scale = y_scale;
  plot::LayoutFigure(fig, frame, style, painter);
  plot::FigureRecorder rec;
  rec.begin(plot::Scale::Linear, y_scale);
  for (plot::Item& item : items) rec.add(std::move(item));
  fig.items = std::move(rec.figure().items);
  fig.legend = std::move(rec.figure().legend);
  plot::PlaceLegend(fig, style, painter);
  return fig;
}

}  // namespace

plot::Color unitColor(double u, bool dead) {
  if (dead) return grey();
  return u >= 0 ? plot::Color::hex(0xE69F00) : plot::Color::hex(0x56B4E9);
}

float unitWidth(double u, double max_abs_u, bool dead) {
  if (dead) return 2;
  return 1 + 4 * float(std::abs(u) / std::max(max_abs_u, 1e-12));
}

// [SECTION] The fit

plot::Limits fitLimits(const ElbowLab& lab) {
  plot::Limits l{{kDataXMin - 0.5, kDataXMax + 0.5}, {-1.5, 1.5}};
  if (lab.data.size() == 0) return l;
  const auto [x_lo, x_hi] = std::minmax_element(lab.data.xs.begin(), lab.data.xs.end());
  const auto [y_lo, y_hi] = std::minmax_element(lab.data.ys.begin(), lab.data.ys.end());
  l.x = {std::min(*x_lo, kDataXMin) - 0.5, std::max(*x_hi, kDataXMax) + 0.5};
  const double pad = 0.2 * std::max(*y_hi - *y_lo, 0.5);
  l.y = {*y_lo - pad, *y_hi + pad};
  return l;
}

std::vector<plot::Item> fitItems(const ElbowLab& lab, Theme theme, bool user_handles) {
  std::vector<plot::Item> items;
  const VecX& params = shownParams(lab);
  const int p = reluNetUnits(params);
  const plot::Limits limits = fitLimits(lab);
  const NetActivation act = lab.trainer ? lab.trainer->activation() : lab.scene.activation;
  const std::vector<double> elbow_x = elbows(params);
  const std::vector<bool> dead = deadUnits(params, lab.data);
  // Under ReLU and leaky ReLU the network is linear between its elbows: the view's two ends and
  // every elbow between them draw it exactly, with a few segments (each one costs triangles).
  std::vector<double> inside;
  for (const double e : elbow_x)
    if (std::isfinite(e)) inside.push_back(e);
  const std::vector<double> xs = samplePoints(limits.x.min, limits.x.max, 2, inside);
  ReluNetEvaluator eval;
  if (lab.scene.show_contributions) {
    for (int j = 0; j < p; ++j) {
      plot::LineItem c;
      c.label = j == 0 ? "unit contributions" : "##unit contribution";
      c.in_legend = j == 0;
      c.xs = xs;
      unitContribution(params, act, j, xs, c.ys);
      c.color = unitColor(params(2 * p + j), dead[std::size_t(j)]).withAlpha(0.8f);
      c.width = 1;
      items.push_back(std::move(c));
    }
  }
  if (!user_handles && lab.data.size() > 0) {
    plot::MarkerItem data;
    data.label = "data";
    data.xs = lab.data.xs;
    data.ys = lab.data.ys;
    data.color = dataColor();
    // Many points as small squares: each circle costs a fan of triangles under llvmpipe.
    const bool many = lab.data.size() > 60;
    data.size = many ? 2.0f : 4;
    if (many) data.shape = plot::MarkerShape::Square;
    items.push_back(std::move(data));
  }
  if (lab.scene.show_bends) {
    for (std::size_t k = 0; k < lab.bends.size(); ++k) {
      plot::MarkerItem bend;
      bend.label = k == 0 ? "data bends" : "##data bend";
      bend.in_legend = k == 0;
      bend.xs = {lab.bends[k]};
      bend.ys = {limits.y.max - 0.04 * (limits.y.max - limits.y.min)};
      bend.color = bendColor();
      bend.shape = plot::MarkerShape::Diamond;
      bend.size = 7;
      items.push_back(std::move(bend));
    }
  }
  // Elbow markers, thin ones first so the strong ones stay on top.
  std::vector<int> order(std::size_t(p), 0);
  for (int j = 0; j < p; ++j) order[std::size_t(j)] = j;
  std::sort(order.begin(), order.end(), [&](int l, int r) {
    return std::abs(params(2 * p + l)) < std::abs(params(2 * p + r));
  });
  const double max_u = maxAbsU(params);
  std::vector<double> kink_x;  // live units' kinks, dotted on the curve after it is drawn
  std::vector<plot::Color> kink_color;
  bool any_pos = false, any_neg = false, any_dead = false;
  for (const int j : order) {
    const double e = elbow_x[std::size_t(j)];
    if (!std::isfinite(e)) continue;
    const bool is_dead = dead[std::size_t(j)];
    const double u = params(2 * p + j);
    const bool first = is_dead ? !any_dead : (u >= 0 ? !any_pos : !any_neg);
    const char* name = is_dead ? "dead unit" : (u >= 0 ? "elbow, u > 0" : "elbow, u < 0");
    (is_dead ? any_dead : (u >= 0 ? any_pos : any_neg)) = true;
    // A tick in the band at the bottom; dead units dashed (switched off, not merely weak).
    plot::LineItem tick;
    tick.label = first ? name : std::string("##") + name;
    tick.in_legend = first;
    const double band_top = limits.y.min + kElbowBand * (limits.y.max - limits.y.min);
    const int dashes = is_dead ? 6 : 1;
    const double step = (band_top - limits.y.min) / dashes;
    for (int k = 0; k < dashes; ++k) {
      tick.xs.insert(tick.xs.end(), {e, e, kNaN});
      tick.ys.insert(tick.ys.end(), {limits.y.min + k * step,
                                     limits.y.min + (k + (is_dead ? 0.55 : 1.0)) * step, kNaN});
    }
    const plot::Color color = unitColor(u, is_dead);
    tick.color = color;
    tick.width = unitWidth(u, max_u, is_dead);
    items.push_back(std::move(tick));
    if (is_dead) {
      plot::MarkerItem cross;
      cross.label = "##dead unit";
      cross.in_legend = false;
      cross.xs = {e};
      cross.ys = {band_top};
      cross.color = grey();
      cross.shape = plot::MarkerShape::Cross;
      cross.size = 6;
      cross.outline_width = 2;
      items.push_back(cross);
    } else {
      kink_x.push_back(e);
      kink_color.push_back(color);
    }
  }
  plot::LineItem fit;
  fit.label = "f(x)";
  fit.xs = xs;
  eval.predict(params, act, xs, fit.ys);
  fit.color = ink(theme);
  fit.width = 2.5f;
  items.push_back(std::move(fit));
  // Each live unit's kink on the fitted curve, in its colour.
  std::vector<double> kink_y;
  eval.predict(params, act, kink_x, kink_y);
  for (std::size_t k = 0; k < kink_x.size(); ++k) {
    plot::MarkerItem dot;
    dot.label = "##kink";
    dot.in_legend = false;
    dot.xs = {kink_x[k]};
    dot.ys = {kink_y[k]};
    dot.color = kink_color[k];
    // Squares: two triangles each; a circle's anti-aliased fan is 16 to 34, and while training
    // runs every dot is redrawn every frame.
    dot.shape = plot::MarkerShape::Square;
    dot.size = 3;
    items.push_back(std::move(dot));
  }
  return items;
}

// [SECTION] Loss and elbow trace

plot::Limits lossLimits(const ElbowLab& lab) {
  double lo = 1e300, hi = 0;
  for (const double v : lab.loss_history) {
    if (!(v > 0) || !std::isfinite(v)) continue;
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }
  if (hi == 0) lo = 1e-3, hi = 1;
  // Padded, then widened to quarter decades: SGD's noisy loss sets a new lowest value on most
  // frames, and limits that followed it would move (and redraw) the whole plot each time.
  const double lo_q = std::floor(4 * std::log10(lo / 1.2)) / 4;
  const double hi_q = std::ceil(4 * std::log10(hi * 1.2)) / 4;
  return {{0, double(std::max(1, lab.timeline.last))},
          {std::pow(10.0, lo_q), std::pow(10.0, hi_q)}};
}

std::vector<plot::Item> lossItems(const ElbowLab& lab, int buckets) {
  plot::LineItem line;
  line.label = "full-data loss";
  // Records are evenly spaced in steps: each pixel column keeps its lowest and highest loss.
  // Buckets over the x axis' records, not those computed so far: while training runs, only the
  // curve's end changes.
  const int axis_records = std::max(1, lab.timeline.last) / lab.record_every + 1;
  buildValueEnvelope(lab.loss_history.data(), shownRecordCount(lab), axis_records,
                     std::max(buckets, 8), line.xs, line.ys);
  for (double& x : line.xs) {
    x *= lab.record_every;
    line.indices.push_back(int(x));
  }
  line.color = plot::Color::hex(0xCC79A7);
  line.width = 2;
  line.zigzag = true;  // SGD's loss is noisy: each column's lowest and highest
  line.in_legend = false;
  std::vector<plot::Item> items;
  items.push_back(std::move(line));
  return items;
}

plot::Limits traceLimits(const ElbowLab& lab) {
  const plot::Limits fit = fitLimits(lab);
  return {{0, double(std::max(1, lab.timeline.last))}, fit.x};
}

std::vector<plot::Item> traceItems(const ElbowLab& lab, Theme theme, int buckets) {
  (void)theme;
  std::vector<plot::Item> items;
  if (lab.scene.show_bends) {
    for (std::size_t k = 0; k < lab.bends.size(); ++k) {
      plot::RefLineItem bend;
      bend.label = k == 0 ? "data bends" : "##data bend";
      bend.vertical = false;
      bend.value = lab.bends[k];
      bend.color = bendColor().withAlpha(0.8f);
      bend.width = 1.5f;
      items.push_back(bend);
    }
  }
  const int n = shownRecordCount(lab);
  const int p = unitCount(lab);
  if (n == 0 || p == 0) return items;
  const VecX& params = shownParams(lab);
  const std::vector<bool> dead = deadUnits(params, lab.data);
  // Thinned to about `buckets` records per unit over the x axis (the stride is of the axis, not
  // of the records so far: while training runs, the points drawn stay and only the end moves).
  const int axis_records = std::max(1, lab.timeline.last) / lab.record_every + 1;
  const int stride = std::max(1, (axis_records + buckets - 1) / std::max(buckets, 1));
  for (int j = 0; j < p; ++j) {
    plot::LineItem line;
    line.label = formatText("unit %d", j + 1);
    line.in_legend = false;
    for (int r = 0; r < n; r += stride) {
      line.xs.push_back(double(recordStep(lab, r)));
      line.ys.push_back(lab.elbow_history[std::size_t(r) * std::size_t(p) + std::size_t(j)]);
      line.indices.push_back(int(recordStep(lab, r)));
    }
    if ((n - 1) % stride != 0) {
      line.xs.push_back(double(recordStep(lab, n - 1)));
      line.ys.push_back(lab.elbow_history[std::size_t(n - 1) * std::size_t(p) + std::size_t(j)]);
      line.indices.push_back(int(recordStep(lab, n - 1)));
    }
    line.color = unitColor(params(2 * p + j), dead[std::size_t(j)]);
    line.width = 1.5f;
    items.push_back(std::move(line));
  }
  return items;
}

// [SECTION] E1

plot::Limits unitLimits(const ElbowLab& lab) {
  const UnitPoint p = lab.scene.unit;
  const double x_lo = std::min({-3.0, p.x - 1}), x_hi = std::max({3.0, p.x + 1});
  const double y_lo = std::min({-1.5, p.y - 1}), y_hi = std::max({3.0, p.y + 1});
  return {{x_lo, x_hi}, {y_lo, y_hi}};
}

namespace {
plot::LineItem unitLine(const UnitPoint& p, const plot::Limits& l, const char* label,
                        plot::Color color, float width) {
  plot::LineItem line;
  line.label = label;
  std::vector<double> kinks;
  if (p.w != 0) kinks.push_back(-p.b / p.w);
  line.xs = samplePoints(l.x.min, l.x.max, 2, kinks);
  for (const double x : line.xs)
    line.ys.push_back(activationValue(Activation::Relu, p.w * x + p.b, 0));
  line.color = color;
  line.width = width;
  return line;
}
}  // namespace

std::vector<plot::Item> unitItems(const ElbowLab& lab, Theme theme) {
  std::vector<plot::Item> items;
  const plot::Limits l = unitLimits(lab);
  const UnitStep step = lastUnitStep(lab);
  const bool moved = unitStepsShown(lab) > 0;
  if (moved) items.push_back(unitLine(step.before, l, "before the step", grey(), 2));
  items.push_back(unitLine(step.after, l, moved ? "after the step" : "phi(x) = relu(w x + b)",
                           plot::Color::hex(0xE69F00), 3));
  plot::MarkerItem point;
  point.label = "data point (x, y)";
  point.xs = {step.after.x};
  point.ys = {step.after.y};
  point.color = ink(theme);
  point.size = 6;
  items.push_back(point);
  if (moved && std::isfinite(step.elbow_before) && std::isfinite(step.elbow_after) &&
      step.elbow_change() != 0) {
    plot::ArrowItem arrow;
    arrow.label = "elbow moves";
    arrow.xs = {step.elbow_before, step.elbow_after};
    arrow.ys = {0, 0};
    arrow.color = plot::Color::hex(0xD55E00);
    arrow.width = 3;
    arrow.head_size = 12;
    items.push_back(arrow);
  }
  if (moved && step.slope_change() != 0) {
    // phi at x before and after: the line's movement where the data point is.
    const double before =
        activationValue(Activation::Relu, step.before.w * step.before.x + step.before.b, 0);
    const double after =
        activationValue(Activation::Relu, step.after.w * step.after.x + step.after.b, 0);
    plot::ArrowItem arrow;
    arrow.label = "phi(x) moves";
    arrow.xs = {step.after.x, step.after.x};
    arrow.ys = {before, after};
    arrow.color = plot::Color::hex(0x0072B2);
    arrow.width = 3;
    arrow.head_size = 12;
    items.push_back(arrow);
  }
  if (moved) {
    plot::TextItem text;
    const double elbow = std::isfinite(step.elbow_change()) ? step.elbow_change() : 0.0;
    // Case (i) says why nothing moved, not only that the changes are 0.
    text.text = step.slope_change() == 0 && elbow == 0
                    ? std::string("nothing moves: the unit is off at x, its gradients are 0")
                    : formatText("slope w: %+.4g  elbow: %+.4g", step.slope_change(), elbow);
    // Bottom right, under the kink's level: the legend takes a top corner, and relu >= 0 keeps
    // the curves out of the band below phi = 0.
    text.x = l.x.max;
    text.y = l.y.min;
    text.anchor_x = 1;
    text.anchor_y = 1;
    text.offset_x = -6;
    text.offset_y = -6;
    items.push_back(text);
  }
  return items;
}

// [SECTION] Export figures

plot::Figure fitFigure(const ElbowLab& lab, Theme theme, const plot::PixelRect& frame,
                       const plot::Painter& painter) {
  const std::string title = formatText("fit at step %ld: %d units, %d dead", shownStep(lab),
                                       unitCount(lab), deadUnitCount(shownParams(lab), lab.data));
  return figureOf(fitItems(lab, theme, false), title, "x", "y", fitLimits(lab), plot::Scale::Linear,
                  theme, frame, painter);
}

plot::Figure lossFigure(const ElbowLab& lab, Theme theme, const plot::PixelRect& frame,
                        const plot::Painter& painter) {
  return figureOf(lossItems(lab, int(frame.width())), "full-data loss (MSE)", "step", "loss",
                  lossLimits(lab), plot::Scale::Log, theme, frame, painter);
}

plot::Figure traceFigure(const ElbowLab& lab, Theme theme, const plot::PixelRect& frame,
                         const plot::Painter& painter) {
  return figureOf(traceItems(lab, theme, int(frame.width()) / 4), "elbow positions -b/a", "step",
                  "elbow x", traceLimits(lab), plot::Scale::Linear, theme, frame, painter);
}

namespace {
// "E1 (iii) w > 0, x < 0" when the unit is one of E1's cases, else its numbers.
std::string unitTitle(const ElbowLab& lab) {
  const UnitPoint& u = lab.scene.unit;
  std::string what = formatText("relu(%g x %+g) on (%g, %g)", u.w, u.b, u.x, u.y);
  for (int i = 0; i < kUnitCaseCount; ++i) {
    const UnitPoint c = unitCase(i);
    if (c.w == u.w && c.b == u.b && c.x == u.x && c.y == u.y)
      what = std::string("E1 ") + unitCaseTitle(i);
  }
  const int steps = unitStepsShown(lab);
  if (steps == 0) return what + ": before any step";
  if (steps == 1) return what + formatText(": one SGD step, lr %g", lab.scene.unit_lr);
  return what + formatText(": step %d of SGD, lr %g", steps, lab.scene.unit_lr);
}
}  // namespace

plot::Figure unitFigure(const ElbowLab& lab, Theme theme, const plot::PixelRect& frame,
                        const plot::Painter& painter) {
  return figureOf(unitItems(lab, theme), unitTitle(lab), "x", "phi(x)", unitLimits(lab),
                  plot::Scale::Linear, theme, frame, painter);
}

}  // namespace gradlab
