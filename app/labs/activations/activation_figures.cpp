// The Activation lab's plots as plain data. See activation_figures.h.
#include "app/labs/activations/activation_figures.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <variant>

#include "app/plot/figure_painter.h"

namespace gradlab {
namespace {

plot::Color inkColor(Theme theme) {
  return theme == Theme::Dark ? plot::Color{0.95f, 0.95f, 0.95f, 1}
                              : plot::Color{0.1f, 0.1f, 0.1f, 1};
}

// Outside the run palette (the activations' colours), bright on either theme: the leaky-ReLU
// limit, and the Taylor polynomial within / beyond its tolerance.
constexpr plot::Color kHighlight = plot::Color::hex(0xFF3399);  // pink
constexpr plot::Color kDeparts = plot::Color::hex(0xE41A1C);    // red
constexpr plot::Color kWithin = plot::Color::hex(0x2CA02C);     // green

plot::LineItem line(std::string label, const std::vector<double>& xs, const std::vector<double>& ys,
                    plot::Color color, float width) {
  plot::LineItem l;
  l.label = std::move(label);
  l.xs = xs;
  l.ys = ys;
  l.color = color;
  l.width = width;
  return l;
}

// Values far outside the view (a Taylor polynomial at x = 1000 is 1e57) clamped a few spans out:
// the visible part of the line is unchanged and pixel coordinates stay finite.
std::vector<double> clampToView(const std::vector<double>& ys, const plot::Limits& limits) {
  const double span = limits.y.size();
  std::vector<double> out(ys.size());
  for (std::size_t i = 0; i < ys.size(); ++i)
    out[i] = std::clamp(ys[i], limits.y.min - 4 * span, limits.y.max + 4 * span);
  return out;
}

std::string rangeText(const ActivationScene& s) {
  char text[64];
  std::snprintf(text, sizeof text, "[%g, %g]", s.x_min, s.x_max);
  return text;
}

// The lines of text in the top-left corner of plot `order`.
std::vector<std::pair<std::string, plot::Color>> notes(const ActivationLab& lab, int order,
                                                       Theme theme) {
  std::vector<std::pair<std::string, plot::Color>> out;
  const ActivationScene& s = lab.scene;
  for (const IdentityOverlay& o : lab.overlays) {
    const ActivationIdentityInfo& info = activationIdentityInfo(o.id);
    if (info.on_derivative_plot == (order == 0) || order == 2) continue;
    out.push_back({std::string(info.lhs) + " = " + info.rhs + ":  max |difference| " +
                       formatDifference(o.curves.max_difference),
                   inkColor(theme)});
    if (o.id == ActivationIdentity::LeakyIsMax && lab.leaky_limit != LeakyLimit::None) {
      out.push_back({lab.leaky_limit == LeakyLimit::Relu
                         ? "alpha = 0: leaky ReLU is ReLU (max |difference| " +
                               formatDifference(lab.leaky_limit_difference) + ")"
                         : "alpha = 1: leaky ReLU is linear, f(x) = x (max |difference| " +
                               formatDifference(lab.leaky_limit_difference) + ")",
                     kHighlight});
    }
  }
  if (order == 2 && s.identities[int(ActivationIdentity::SoftplusDerivative)]) {
    for (const IdentityOverlay& o : lab.overlays) {
      if (o.id != ActivationIdentity::SoftplusDerivative) continue;
      char text[128];
      std::snprintf(text, sizeof text, "max |softplus''| on the range = %.4g <= beta/4 = %.4g",
                    o.curves.max_second_derivative, o.curves.second_derivative_bound);
      out.push_back({text, inkColor(theme)});
    }
  }
  if (order == 0 && s.taylor) {
    char text[160];
    if (std::isfinite(lab.taylor.within)) {
      std::snprintf(text, sizeof text, "Taylor degree %d: |P - sigmoid| <= %g for |x| <= %.4g",
                    s.taylor_degree, s.taylor_tolerance, lab.taylor.within);
    } else {
      std::snprintf(text, sizeof text, "Taylor degree %d: |P - sigmoid| <= %g on all of %s",
                    s.taylor_degree, s.taylor_tolerance, rangeText(s).c_str());
    }
    out.push_back({text, lab.taylor.departs_in_range ? kDeparts : kWithin});
  }
  return out;
}

}  // namespace

const char* activationPlotTitle(int order) {
  static const char* const kTitles[] = {"activations f(x)", "first derivatives f'(x)",
                                        "second derivatives f''(x)"};
  return kTitles[std::clamp(order, 0, 2)];
}

const char* activationPlotYLabel(int order) {
  static const char* const kLabels[] = {"f(x)", "f'(x)", "f''(x)"};
  return kLabels[std::clamp(order, 0, 2)];
}

const char* activationPlotFileName(int order) {
  static const char* const kNames[] = {"values", "derivatives", "second-derivatives"};
  return kNames[std::clamp(order, 0, 2)];
}

// Okabe & Ito's colours first (as the run palette), then Paul Tol's muted ones that read on both
// the dark and the light theme (his indigo and sand do not: one or the other).
plot::Color activationColor(Activation a) {
  static constexpr std::uint32_t kColors[kActivationCount] = {
      0x0072B2, 0xD55E00, 0x009E73, 0xCC79A7, 0xE69F00,
      0x56B4E9, 0x999933, 0xCC6677, 0x44AA99, 0xAA4499};
  return plot::Color::hex(kColors[int(a)]);
}

// Light, so that a translucent band of it stays visible on the dark theme.
plot::Color identityColor(ActivationIdentity id) {
  static constexpr std::uint32_t kColors[kActivationIdentityCount] = {0x88CCEE, 0xDDCC77, 0x66CCAA,
                                                                      0xBBBBBB, 0xEE99AA, 0x99DDFF};
  return plot::Color::hex(kColors[int(id)]);
}

plot::Color leakyLimitColor() {
  return kHighlight;
}

plot::Limits activationPlotLimits(const ActivationLab& lab, int order) {
  plot::Limits limits;
  limits.x = {lab.scene.x_min, lab.scene.x_max};
  curveRange(lab, order, &limits.y.min, &limits.y.max);
  return limits;
}

std::vector<plot::Item> activationPlotItems(const ActivationLab& lab, int order,
                                            const plot::Limits& limits, Theme theme,
                                            float line_height) {
  std::vector<plot::Item> items;
  const ActivationScene& s = lab.scene;
  const plot::Color ink = inkColor(theme);
  // Identity bands: the left side, wide and translucent, so the right side drawn thin on top
  // is seen to run inside it.
  const auto on_this_plot = [order](const IdentityOverlay& o) {
    return order < 2 && activationIdentityInfo(o.id).on_derivative_plot == (order == 1);
  };
  for (const IdentityOverlay& o : lab.overlays) {
    if (!on_this_plot(o)) continue;
    const ActivationIdentityInfo& info = activationIdentityInfo(o.id);
    items.push_back(line(info.lhs, o.curves.xs, clampToView(o.curves.lhs, limits),
                         identityColor(o.id).withAlpha(0.5f), 12));
  }
  if (order == 0 && s.taylor) {
    // sigmoid itself under the polynomial, unless it is shown as an activation already.
    if (!s.shown[int(Activation::Sigmoid)])
      items.push_back(line("sigmoid", lab.taylor.xs, lab.taylor.sigmoid,
                           activationColor(Activation::Sigmoid), 2.5f));
  }
  for (const ActivationCurves& c : lab.curves) {
    const PlotCurve& curve = c.order[order];
    const std::string label = activationLabel(s, c.id);
    items.push_back(
        line(label, curve.xs, clampToView(curve.ys, limits), activationColor(c.id), 2.5f));
    if (!curve.dot_xs.empty()) {
      plot::MarkerItem dots;
      dots.label = label;
      dots.xs = curve.dot_xs;
      dots.ys = curve.dot_ys;
      dots.color = activationColor(c.id);
      dots.size = 4.5f;
      dots.in_legend = false;
      items.push_back(std::move(dots));
    }
  }
  if (order == 0 && s.taylor) {
    // Within the tolerance in green, departing in red: NaN splits each into its pieces.
    const TaylorView& t = lab.taylor;
    const std::vector<double> ys = clampToView(t.ys, limits);
    std::vector<double> within(ys.size()), departs(ys.size());
    for (std::size_t i = 0; i < ys.size(); ++i) {
      const bool ok = std::abs(t.ys[i] - t.sigmoid[i]) <= s.taylor_tolerance;
      within[i] = ok ? ys[i] : std::nan("");
      departs[i] = ok ? std::nan("") : ys[i];
    }
    // Join each piece to its neighbour so the colour changes without a gap.
    for (std::size_t i = 1; i < ys.size(); ++i) {
      if (std::isnan(departs[i]) && !std::isnan(departs[i - 1])) departs[i] = ys[i];
      if (std::isnan(departs[i - 1]) && !std::isnan(departs[i])) departs[i - 1] = ys[i - 1];
    }
    char label[64];
    std::snprintf(label, sizeof label, "Taylor P%d, within %g", s.taylor_degree,
                  s.taylor_tolerance);
    items.push_back(line(label, t.xs, within, kWithin, 3));
    std::snprintf(label, sizeof label, "Taylor P%d, off by more", s.taylor_degree);
    items.push_back(line(label, t.xs, departs, kDeparts, 3));
    if (std::isfinite(t.within)) {
      for (double x : {-t.within, t.within}) {
        if (x <= s.x_min || x >= s.x_max) continue;
        plot::RefLineItem r;
        r.label = "##taylor edge";
        r.value = x;
        r.color = kDeparts.withAlpha(0.7f);
        r.width = 1.5f;
        items.push_back(r);
      }
    }
  }
  for (const IdentityOverlay& o : lab.overlays) {
    if (!on_this_plot(o)) continue;
    const ActivationIdentityInfo& info = activationIdentityInfo(o.id);
    items.push_back(line(std::string("= ") + info.rhs, o.curves.xs,
                         clampToView(o.curves.rhs, limits), ink, 1.75f));
    if (o.id == ActivationIdentity::LeakyIsMax && lab.leaky_limit != LeakyLimit::None) {
      // The activation leaky ReLU has become, drawn over it in the highlight colour.
      const Activation other =
          lab.leaky_limit == LeakyLimit::Relu ? Activation::Relu : Activation::Linear;
      std::vector<double> ys;
      for (double x : o.curves.xs) ys.push_back(activationValue(other, x, 0));
      items.push_back(line(lab.leaky_limit == LeakyLimit::Relu ? "= ReLU(x)" : "= x (linear)",
                           o.curves.xs, clampToView(ys, limits), kHighlight, 4));
    }
  }
  if (order == 2 && s.identities[int(ActivationIdentity::SoftplusDerivative)]) {
    plot::RefLineItem bound;
    bound.label = "beta/4";
    bound.vertical = false;
    bound.value = s.softplus_beta / 4;
    bound.color = identityColor(ActivationIdentity::SoftplusDerivative);
    bound.width = 1.5f;
    items.push_back(bound);
  }
  int row = 0;
  for (const auto& [text, color] : notes(lab, order, theme)) {
    plot::TextItem t;
    t.text = text;
    t.x = limits.x.min;
    t.y = limits.y.max;
    t.color = color;
    t.anchor_x = 0;
    t.anchor_y = 0;
    t.offset_x = 6;
    t.offset_y = 6 + line_height * 1.15f * float(row++);
    t.background =
        (theme == Theme::Dark ? plot::Color{0.08f, 0.08f, 0.1f, 1} : plot::Color{1, 1, 1, 1})
            .withAlpha(0.85f);
    items.push_back(std::move(t));
  }
  return items;
}

std::string sigmoidTaylorText(int degree) {
  std::string text;
  for (int k = 0; k <= std::min(degree, kSigmoidTaylorMaxDegree); ++k) {
    const Fraction c = sigmoidTaylorCoefficient(k);
    if (c.num == 0) continue;
    const std::int64_t num = std::llabs(c.num);
    std::string term;
    if (k == 0) {
      term = std::to_string(num) + "/" + std::to_string(c.den);
    } else {
      const std::string power = k == 1 ? "x" : "x^" + std::to_string(k);
      term = (num == 1 ? power : std::to_string(num) + power) + "/" + std::to_string(c.den);
    }
    if (text.empty()) {
      text = (c.num < 0 ? "-" : "") + term;
    } else {
      text += (c.num < 0 ? " - " : " + ") + term;
    }
  }
  return text;
}

plot::Figure activationFigure(const ActivationLab& lab, int order, Theme theme,
                              const plot::PixelRect& frame, const plot::Painter& painter) {
  const plot::PlotStyle style = themePlotStyle(theme);
  plot::Figure fig;
  fig.title = activationPlotTitle(order);
  fig.x_label = "x";
  fig.y_label = activationPlotYLabel(order);
  fig.limits = activationPlotLimits(lab, order);
  plot::LayoutFigure(fig, frame, style, painter);
  plot::FigureRecorder rec;
  rec.begin(plot::Scale::Linear, plot::Scale::Linear);
  for (plot::Item& item : activationPlotItems(lab, order, fig.limits, theme, painter.fontSize()))
    rec.add(std::move(item));
  fig.items = std::move(rec.figure().items);
  fig.legend = std::move(rec.figure().legend);
  plot::PlaceLegend(fig, style, painter);
  // The notes are in the top-left corner: a legend there would cover them.
  const bool has_notes = std::any_of(fig.items.begin(), fig.items.end(), [](const plot::Item& i) {
    return std::holds_alternative<plot::TextItem>(i);
  });
  if (has_notes && fig.legend_corner == plot::LegendCorner::TopLeft)
    fig.legend_corner = plot::LegendCorner::BottomRight;
  return fig;
}

}  // namespace gradlab
