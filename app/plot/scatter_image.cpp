#include "app/plot/scatter_image.h"

#include <algorithm>
#include <cmath>

namespace gradlab::plot {

namespace {

// A colour channel as ImGui packs a vertex colour (ColorConvertFloat4ToU32).
std::uint8_t channel8(float v) {
  // ImGui's own rounding (IM_F32_TO_INT8_SAT), in float, so the image matches its vertices.
  return std::uint8_t(
      int(std::clamp(v, 0.0f, 1.0f) * 255.0f + 0.5f));  // NOLINT(bugprone-incorrect-roundings)
}

// The pixels [first, last) whose centres k + 0.5 lie in [lo, hi): what GL fills of a rectangle.
void coveredPixels(double lo, double hi, int size, int& first, int& last) {
  first = std::max(0, int(std::ceil(lo - 0.5)));
  last = std::min(size, int(std::ceil(hi - 0.5)));
}

}  // namespace

void PaintSquaresImage(const std::vector<double>& xs, const std::vector<double>& ys,
                       const Transform& t, double pixel_scale, double half_size, Color color,
                       ScatterImage& out) {
  const double s = pixel_scale;
  const int x0 = int(std::floor(t.area.x0 * s)), y0 = int(std::floor(t.area.y0 * s));
  const int x1 = int(std::ceil(t.area.x1 * s)), y1 = int(std::ceil(t.area.y1 * s));
  out.width = std::max(0, x1 - x0);
  out.height = std::max(0, y1 - y0);
  out.x_min = t.pixelToX(x0 / s);
  out.x_max = t.pixelToX(x1 / s);
  out.y_max = t.pixelToY(y0 / s);
  out.y_min = t.pixelToY(y1 / s);
  // Coverage first (how many squares cover each pixel), then one colour: k squares of alpha a,
  // each blended over the last, leave 1 - (1 - a)^k of their colour.
  std::vector<std::uint16_t> cover(std::size_t(out.width) * std::size_t(out.height), 0);
  const std::size_t n = std::min(xs.size(), ys.size());
  for (std::size_t i = 0; i < n; ++i) {
    const Point p = t.toPixel({xs[i], ys[i]});
    if (!std::isfinite(p.x) || !std::isfinite(p.y)) continue;
    // As the painter's square: corners as float vertices (ImDrawVert), scaled by the backend.
    const double left = float(p.x - half_size), right = float(p.x + half_size);
    const double top = float(p.y - half_size), bottom = float(p.y + half_size);
    int i0, i1, j0, j1;
    coveredPixels(left * s - x0, right * s - x0, out.width, i0, i1);
    coveredPixels(top * s - y0, bottom * s - y0, out.height, j0, j1);
    for (int j = j0; j < j1; ++j)
      for (int k = i0; k < i1; ++k) {
        std::uint16_t& c = cover[std::size_t(j) * std::size_t(out.width) + std::size_t(k)];
        c = std::uint16_t(std::min(c + 1, 0xffff));
      }
  }
  const std::uint8_t a8 = channel8(color.a);
  const double a = a8 / 255.0;
  std::vector<std::uint8_t> alpha_of(1, 0);  // by cover count, grown as needed
  out.rgba.assign(cover.size() * 4, 0);
  for (std::size_t p = 0; p < cover.size(); ++p) {
    const std::uint16_t k = cover[p];
    if (k == 0) continue;
    while (alpha_of.size() <= k)
      alpha_of.push_back(
          std::uint8_t(std::lround(255.0 * (1.0 - std::pow(1.0 - a, double(alpha_of.size()))))));
    out.rgba[4 * p + 0] = channel8(color.r);
    out.rgba[4 * p + 1] = channel8(color.g);
    out.rgba[4 * p + 2] = channel8(color.b);
    out.rgba[4 * p + 3] = alpha_of[k];
  }
}

}  // namespace gradlab::plot
