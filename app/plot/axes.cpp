// Scales, transforms and view math (pan, zoom, equal aspect, fit).
#include "app/plot/axes.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace gradlab::plot {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Fraction along [min, max] in scale space.
double Fraction(double v, const Range& r, Scale s) {
  const double a = ToScaleSpace(r.min, s), b = ToScaleSpace(r.max, s);
  return (ToScaleSpace(v, s) - a) / (b - a);
}

double Unfraction(double f, const Range& r, Scale s) {
  const double a = ToScaleSpace(r.min, s), b = ToScaleSpace(r.max, s);
  return FromScaleSpace(a + f * (b - a), s);
}

Range ShiftFraction(const Range& r, Scale s, double df) {
  return {Unfraction(df, r, s), Unfraction(1 + df, r, s)};
}

// Scales [min, max] about fraction c (in scale space) by factor.
Range ZoomRange(const Range& r, Scale s, double c, double factor) {
  return {Unfraction(c - c * factor, r, s), Unfraction(c + (1 - c) * factor, r, s)};
}

}  // namespace

double ToScaleSpace(double v, Scale scale) {
  if (scale == Scale::Linear) return v;
  return v > 0 ? std::log10(v) : kNaN;
}

double FromScaleSpace(double s, Scale scale) {
  return scale == Scale::Linear ? s : std::pow(10.0, s);
}

double Transform::xToPixel(double x) const {
  return area.x0 + Fraction(x, limits.x, x_scale) * area.width();
}
double Transform::yToPixel(double y) const {
  return area.y1 - Fraction(y, limits.y, y_scale) * area.height();
}
double Transform::pixelToX(double px) const {
  return Unfraction((px - area.x0) / area.width(), limits.x, x_scale);
}
double Transform::pixelToY(double py) const {
  return Unfraction((area.y1 - py) / area.height(), limits.y, y_scale);
}

Range SanitizeRange(Range r, Scale scale) {
  if (!std::isfinite(r.min) || !std::isfinite(r.max))
    return scale == Scale::Log ? Range{1, 10} : Range{0, 1};
  if (r.min > r.max) std::swap(r.min, r.max);
  if (scale == Scale::Log) {
    if (!(r.max > 0)) return {1, 10};
    if (!(r.min > 0)) r.min = r.max * 1e-3;
    const double lo = std::log10(r.min), hi = std::log10(r.max);
    if (hi - lo < 1e-9) {
      const double c = 0.5 * (lo + hi);
      r = {std::pow(10.0, c - 0.5e-9), std::pow(10.0, c + 0.5e-9)};
    }
    return r;
  }
  const double magnitude = std::max({std::fabs(r.min), std::fabs(r.max), 1e-300});
  const double min_span = magnitude * 1e-12;
  if (r.max - r.min < min_span) {
    const double c = 0.5 * (r.min + r.max);
    r = {c - 0.5 * min_span, c + 0.5 * min_span};
  }
  return r;
}

Limits EqualAspect(const Limits& limits, double width_px, double height_px) {
  if (!(width_px > 0) || !(height_px > 0)) return limits;
  Limits out = limits;
  const double ux = limits.x.size() / width_px;   // data units per pixel along x
  const double uy = limits.y.size() / height_px;  // ... along y
  if (ux > uy) {
    const double c = 0.5 * (limits.y.min + limits.y.max), half = 0.5 * ux * height_px;
    out.y = {c - half, c + half};
  } else if (uy > ux) {
    const double c = 0.5 * (limits.x.min + limits.x.max), half = 0.5 * uy * width_px;
    out.x = {c - half, c + half};
  }
  return out;
}

Limits Pan(const Transform& t, double dx_px, double dy_px) {
  Limits out;
  out.x = ShiftFraction(t.limits.x, t.x_scale, -dx_px / t.area.width());
  out.y = ShiftFraction(t.limits.y, t.y_scale, dy_px / t.area.height());
  return out;
}

Limits ZoomAbout(const Transform& t, double px, double py, double factor, bool zoom_x,
                 bool zoom_y) {
  Limits out = t.limits;
  if (zoom_x) out.x = ZoomRange(t.limits.x, t.x_scale, (px - t.area.x0) / t.area.width(), factor);
  if (zoom_y) out.y = ZoomRange(t.limits.y, t.y_scale, (t.area.y1 - py) / t.area.height(), factor);
  return out;
}

double WheelZoomFactor(double wheel) {
  return std::pow(0.8, wheel);
}

Limits LimitsOfPixelRect(const Transform& t, const PixelRect& box) {
  Limits out;
  out.x = {t.pixelToX(std::min(box.x0, box.x1)), t.pixelToX(std::max(box.x0, box.x1))};
  out.y = {t.pixelToY(std::max(box.y0, box.y1)), t.pixelToY(std::min(box.y0, box.y1))};
  return out;
}

void Extent::add(double v, Scale scale) {
  if (!std::isfinite(v) || (scale == Scale::Log && !(v > 0))) return;
  min = std::min(min, v);
  max = std::max(max, v);
}

void Extent::add(const Extent& other) {
  if (!other.valid()) return;
  min = std::min(min, other.min);
  max = std::max(max, other.max);
}

Range FitRange(const Extent& e, Scale scale, double padding) {
  if (!e.valid()) return scale == Scale::Log ? Range{1, 10} : Range{0, 1};
  double a = ToScaleSpace(e.min, scale), b = ToScaleSpace(e.max, scale);
  if (b - a <= 0) {
    const double half = scale == Scale::Log ? 0.5 : std::max(0.5, 0.1 * std::fabs(e.min));
    a -= half;
    b += half;
  } else {
    const double pad = padding * (b - a);
    a -= pad;
    b += pad;
  }
  return SanitizeRange({FromScaleSpace(a, scale), FromScaleSpace(b, scale)}, scale);
}

}  // namespace gradlab::plot
