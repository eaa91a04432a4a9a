// A scalar field's image as CPU data: colour-map positions on a grid, the colour map and the
// f -> position mapping. An ImageItem carries it so every backend (not only the GPU) can draw
// the contour map again; RasterizeField turns it into pixels as shaders/field.frag does.
#pragma once

#include <cstdint>
#include <vector>

#include "app/plot/axes.h"
#include "app/plot/color.h"
#include "app/plot/colormap.h"

namespace gradlab::plot {

// f -> colour-map position t: 0 at the map's low end, 1 at its high end, linear in f or in
// log(f - log_base) (as core's linearLevels / logLevels space the levels). One mapping for the
// texture, the colour bar's ticks and the exported iso-lines.
struct ColorScale {
  double a = 0, span = 1, log_base = 0;
  bool log = false;

  ColorScale() = default;
  ColorScale(double lo, double hi, bool log_levels, double base);
  double at(double f) const;
  // The f at position t (the inverse of at()).
  double valueAt(double t) const;
};

struct FieldImage {
  int nx = 0, ny = 0;
  std::vector<float> t;  // nx * ny positions, row-major, row 0 at the lowest y; NaN: undefined
  Colormap colormap = Colormap::Viridis;
  ColorScale scale;                // how t was made from f
  double map_lo = 0, map_hi = 1;   // f at t = 0 and t = 1
  Color undefined = {0, 0, 0, 1};  // under NaN samples (a faint grey hatch is drawn on it)
};

// width x height RGBA8 pixels (top row first) of the field stretched over them, row 0 of the
// field at the bottom: bilinear interpolation of t between the grid's samples (the first and
// last samples on the image's edges), then the colour map, as the contour shader does.
std::vector<std::uint8_t> RasterizeField(const FieldImage& field, int width, int height);

// The same for the pixels [x0, x1) x [y0, y1) of a canvas on which the field covers the pixel
// rectangle `dst` (fractional): each pixel's centre is sampled. Written as 0xffRRGGBB words
// (Cairo's RGB24 / ARGB32 layout) into rows `stride` bytes apart, (x0, y0) at `pixels`.
void RasterizeFieldRegion(const FieldImage& field, const PixelRect& dst, int x0, int y0, int x1,
                          int y1, std::uint32_t* pixels, int stride);

}  // namespace gradlab::plot
