// Colour scale and CPU rasterization of a field image. See field_image.h.
#include "app/plot/field_image.h"

#include <algorithm>
#include <cmath>

namespace gradlab::plot {

ColorScale::ColorScale(double lo, double hi, bool log_levels, double base)
    : log_base(base), log(log_levels) {
  a = log ? std::log(lo - log_base) : lo;
  const double b = log ? std::log(hi - log_base) : hi;
  span = b > a ? b - a : 1.0;
}

double ColorScale::at(double f) const {
  const double v = log ? std::log(std::max(f - log_base, 1e-300)) : f;
  return (v - a) / span;
}

double ColorScale::valueAt(double t) const {
  const double v = a + t * span;
  return log ? log_base + std::exp(v) : v;
}

namespace {

// Calls put(x, y, r, g, b) for every pixel of [x0, x1) x [y0, y1), sampled at its centre on a
// canvas where the field covers `dst`.
template <class Put>
void Rasterize(const FieldImage& field, const PixelRect& dst, int x0, int y0, int x1, int y1,
               Put put) {
  if (field.nx < 2 || field.ny < 2 || field.t.size() < std::size_t(field.nx) * field.ny ||
      !(dst.width() > 0) || !(dst.height() > 0))
    return;
  // The colour map, linearly interpolated between its 256 entries (the shader's linear filter),
  // tabulated finely enough that the table's own steps are below a byte.
  constexpr int kLut = 1024;
  std::vector<std::uint8_t> lut(kLut * 3);
  for (int i = 0; i < kLut; ++i) {
    const Color c = SampleColormap(field.colormap, double(i) / (kLut - 1));
    lut[i * 3] = std::uint8_t(std::lround(255.0f * c.r));
    lut[i * 3 + 1] = std::uint8_t(std::lround(255.0f * c.g));
    lut[i * 3 + 2] = std::uint8_t(std::lround(255.0f * c.b));
  }
  auto byte = [](float v) { return std::uint8_t(std::lround(255.0f * std::clamp(v, 0.0f, 1.0f))); };
  const Color u = field.undefined;
  // Per column: the grid cell and the weight within it (the same for every row).
  const int w = std::max(0, x1 - x0);
  std::vector<int> cell(w);
  std::vector<float> weight(w);
  for (int i = 0; i < w; ++i) {
    const double uu = (x0 + i + 0.5 - dst.x0) / dst.width();
    const double gx = std::clamp(uu * (field.nx - 1), 0.0, double(field.nx - 1));
    cell[i] = std::min(int(gx), field.nx - 2);
    weight[i] = float(gx - cell[i]);
  }
  for (int py = y0; py < y1; ++py) {
    // Image row 0 is the top, field row 0 the bottom.
    const double v = 1.0 - (py + 0.5 - dst.y0) / dst.height();
    const double gy = std::clamp(v * (field.ny - 1), 0.0, double(field.ny - 1));
    const int j0 = std::min(int(gy), field.ny - 2);
    const float fy = float(gy - j0);
    const float* row0 = &field.t[std::size_t(j0) * field.nx];
    const float* row1 = row0 + field.nx;
    for (int i = 0; i < w; ++i) {
      const int i0 = cell[i];
      const float fx = weight[i];
      const float t = (row0[i0] * (1 - fx) + row0[i0 + 1] * fx) * (1 - fy) +
                      (row1[i0] * (1 - fx) + row1[i0 + 1] * fx) * fy;
      const int px = x0 + i;
      if (!std::isfinite(t)) {
        // The shader's hatch: a quarter of mid-grey on every other 4-pixel diagonal band.
        const bool band = std::fmod((px + py + 1) / 8.0, 1.0) >= 0.5;
        const float h = band ? 0.25f : 0.0f;
        put(px, py, byte(u.r + (0.5f - u.r) * h), byte(u.g + (0.5f - u.g) * h),
            byte(u.b + (0.5f - u.b) * h));
        continue;
      }
      const int k = int(std::clamp(t, 0.0f, 1.0f) * float(kLut - 1) + 0.5f);
      put(px, py, lut[k * 3], lut[k * 3 + 1], lut[k * 3 + 2]);
    }
  }
}

}  // namespace

std::vector<std::uint8_t> RasterizeField(const FieldImage& field, int width, int height) {
  std::vector<std::uint8_t> rgba(std::size_t(std::max(width, 0)) * std::max(height, 0) * 4, 0);
  if (width <= 0 || height <= 0) return rgba;
  Rasterize(field, {0, 0, double(width), double(height)}, 0, 0, width, height,
            [&](int x, int y, std::uint8_t r, std::uint8_t g, std::uint8_t b) {
              std::uint8_t* out = &rgba[(std::size_t(y) * width + x) * 4];
              out[0] = r, out[1] = g, out[2] = b, out[3] = 255;
            });
  return rgba;
}

void RasterizeFieldRegion(const FieldImage& field, const PixelRect& dst, int x0, int y0, int x1,
                          int y1, std::uint32_t* pixels, int stride) {
  auto* base = reinterpret_cast<std::uint8_t*>(pixels);
  Rasterize(field, dst, x0, y0, x1, y1,
            [&](int x, int y, std::uint8_t r, std::uint8_t g, std::uint8_t b) {
              auto* row = reinterpret_cast<std::uint32_t*>(base + std::ptrdiff_t(y - y0) * stride);
              row[x - x0] = 0xff000000u | (std::uint32_t(r) << 16) | (std::uint32_t(g) << 8) | b;
            });
}

}  // namespace gradlab::plot
