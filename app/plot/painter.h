// The small drawing interface a kept Figure paints through, in the shape of matplotlib's
// RendererBase: ImGui's draw list (plot_imgui.cpp), the Cairo backend (painter_cairo.h: PNG and
// PDF) and later an SVG writer each implement it. No GL and no ImGui here.
//
// Coordinates are pixels of the output, y growing downwards. Colours are straight RGBA.
// A backend must implement the pure virtuals; the others have plain defaults built on them and
// exist so a backend can draw them its own way (ImGui's AddLine, AddRect and AddCircle look a
// little different from a two-point polyline, and the screen must not change).
#pragma once

#include <string>
#include <vector>

#include "app/plot/axes.h"
#include "app/plot/color.h"

namespace gradlab::plot {

struct ImageItem;

class Painter {
 public:
  virtual ~Painter() = default;

  // [Required]
  // An open or closed polyline of `count` points, `width` pixels wide.
  virtual void polyline(const Point* points, int count, Color color, float width, bool closed) = 0;
  // A filled convex polygon (markers, arrow heads, boxes), anti-aliased where the backend can.
  virtual void fillConvex(const Point* points, int count, Color color) = 0;
  // Triangles (vertices in threes) filled as one shape: no seams where neighbours meet. Fills
  // and concave polygons arrive here already triangulated.
  virtual void fillTriangles(const std::vector<Point>& vertices, Color color) = 0;
  // Text with its top-left corner at `pos`; vertical text reads bottom to top, centred on `pos`.
  virtual void text(Point pos, const std::string& text, Color color, bool vertical = false) = 0;
  // Width and height of one line of text (the height is fontSize()).
  virtual Point textSize(const std::string& text) const = 0;
  virtual float fontSize() const = 0;
  // An image over the pixel rectangle `dst` (top-left to bottom-right): a GPU texture for
  // ImGui, the item's CPU field (FieldImage) for the others. A backend draws what it can.
  virtual void image(const PixelRect& dst, const ImageItem& image) = 0;
  // Clip rectangles nest; pushClip intersects with the current one.
  virtual void pushClip(const PixelRect& rect) = 0;
  virtual void popClip() = 0;

  // [Optional] defaults through the calls above.
  virtual void line(Point a, Point b, Color color, float width) {
    const Point p[2] = {a, b};
    polyline(p, 2, color, width, false);
  }
  virtual void rect(const PixelRect& r, Color color, float width) {
    const Point p[4] = {{r.x0, r.y0}, {r.x1, r.y0}, {r.x1, r.y1}, {r.x0, r.y1}};
    polyline(p, 4, color, width, true);
  }
  // `rounding`: corner radius; the default ignores it (square corners).
  virtual void fillRect(const PixelRect& r, Color color, float rounding = 0) {
    (void)rounding;
    const Point p[4] = {{r.x0, r.y0}, {r.x1, r.y0}, {r.x1, r.y1}, {r.x0, r.y1}};
    fillConvex(p, 4, color);
  }
  // A circle of radius r: filled, or its outline `width` pixels wide.
  virtual void circle(Point center, float r, Color color, bool filled, float width);
};

}  // namespace gradlab::plot
