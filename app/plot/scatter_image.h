// Many same-coloured square markers painted into one RGBA image, pixel for pixel as the ImGui
// painter would draw them (axis-aligned squares covering the pixels whose centres they contain,
// each blended over the last). Drawn as one textured quad, a thousand samples cost a software
// rasterizer two triangles a frame instead of two thousand, whenever something over them moves.
// GL-free: app/views/scatter_layer.h uploads the image; the exports keep the markers as vectors.
#pragma once

#include <cstdint>
#include <vector>

#include "app/plot/axes.h"
#include "app/plot/color.h"

namespace gradlab::plot {

struct ScatterImage {
  int width = 0, height = 0;       // framebuffer pixels
  std::vector<std::uint8_t> rgba;  // straight (not premultiplied) alpha, top row first
  double x_min = 0, x_max = 0;     // the data rectangle the image covers exactly: its edges
  double y_min = 0, y_max = 0;     //   lie on whole framebuffer pixels
};

// Paints squares of half-size `half_size` (in the transform's pixel units) centred on each
// (xs[i], ys[i]) over the plot area of `t`, at `pixel_scale` framebuffer pixels per unit (ImGui's
// FramebufferScale; the display's origin at 0). The image covers the whole framebuffer pixels
// the area touches. Points that do not map (NaN, <= 0 on a log axis) are left out.
void PaintSquaresImage(const std::vector<double>& xs, const std::vector<double>& ys,
                       const Transform& t, double pixel_scale, double half_size, Color color,
                       ScatterImage& out);

}  // namespace gradlab::plot
