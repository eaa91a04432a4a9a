// Axis scales, view limits and the data <-> pixel transform, plus the view math behind pan,
// zoom, box zoom, equal aspect and auto-fit. Pure functions on plain values.
#pragma once

namespace gradlab::plot {

enum class Scale { Linear, Log };

struct Point {
  double x = 0, y = 0;
};

// A closed interval; valid views have min < max (and min > 0 on a log axis).
struct Range {
  double min = 0, max = 1;
  double size() const { return max - min; }
};

struct Limits {
  Range x, y;
};

// A rectangle in screen pixels, y growing downwards (ImGui's convention).
struct PixelRect {
  double x0 = 0, y0 = 0, x1 = 1, y1 = 1;
  double width() const { return x1 - x0; }
  double height() const { return y1 - y0; }
  bool contains(double px, double py) const { return px >= x0 && px <= x1 && py >= y0 && py <= y1; }
};

// "Scale space" is where an axis is linear: the value itself, or log10 of it on a log axis.
// ToScaleSpace returns NaN for v <= 0 on a log axis (such points are not drawn).
double ToScaleSpace(double v, Scale scale);
double FromScaleSpace(double s, Scale scale);

// Maps data to pixels of `area`: x_min at the left edge, y_min at the *bottom* edge (y flips).
struct Transform {
  Limits limits;
  Scale x_scale = Scale::Linear, y_scale = Scale::Linear;
  PixelRect area;

  double xToPixel(double x) const;
  double yToPixel(double y) const;
  double pixelToX(double px) const;
  double pixelToY(double py) const;
  Point toPixel(Point p) const { return {xToPixel(p.x), yToPixel(p.y)}; }
  Point toData(Point px) const { return {pixelToX(px.x), pixelToY(px.y)}; }
};

// Makes a range usable as a view: swaps reversed ends, widens empty or too-narrow ranges (span at
// least 1e-12 of the magnitude), replaces non-finite ends, and keeps log ranges positive.
Range SanitizeRange(Range r, Scale scale);

// Widens the x or the y range (about its centre) so that one data unit is as many pixels along
// x as along y. Only meaningful for two linear axes; returns `limits` unchanged otherwise.
Limits EqualAspect(const Limits& limits, double width_px, double height_px);

// The limits after dragging the content by (dx, dy) pixels: the data point under the mouse
// stays under the mouse. Works in scale space, so log axes pan by constant factors.
Limits Pan(const Transform& t, double dx_px, double dy_px);

// Zooms by `factor` (< 1 zooms in: the spans shrink by that factor) about the pixel (px, py);
// the data point under (px, py) stays there. zoom_x / zoom_y choose the axes affected.
Limits ZoomAbout(const Transform& t, double px, double py, double factor, bool zoom_x = true,
                 bool zoom_y = true);

// Factor for one mouse-wheel notch (wheel > 0 zooms in): 0.8^wheel.
double WheelZoomFactor(double wheel);

// The limits spanned by a pixel rectangle (corners in any order), e.g. a box-zoom selection.
Limits LimitsOfPixelRect(const Transform& t, const PixelRect& box);

// Running min/max of data along one axis; non-finite values (and values <= 0 on a log axis)
// are ignored.
struct Extent {
  double min = 1e308, max = -1e308;
  void add(double v, Scale scale);
  void add(const Extent& other);
  bool valid() const { return min <= max; }
};

// Limits that show an extent with `padding` (fraction of the span, each side, in scale space).
// A single value gets +-0.5 (linear; +-10% of |v| when that is larger) or a factor sqrt(10)
// (log); no data gives [0, 1] (linear) or [1, 10] (log).
Range FitRange(const Extent& e, Scale scale, double padding);

}  // namespace gradlab::plot
