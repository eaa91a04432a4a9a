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

std::vector<std::uint8_t> RasterizeField(const FieldImage& field, int width, int height) {
  std::vector<std::uint8_t> rgba(std::size_t(std::max(width, 0)) * std::max(height, 0) * 4, 0);
  if (field.nx < 2 || field.ny < 2 || field.t.size() < std::size_t(field.nx) * field.ny ||
      width <= 0 || height <= 0)
    return rgba;
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
  for (int py = 0; py < height; ++py) {
    // Pixel centres; image row 0 is the top, field row 0 the bottom.
    const double v = 1.0 - (py + 0.5) / height;
    const double gy = std::clamp(v * (field.ny - 1), 0.0, double(field.ny - 1));
    const int j0 = std::min(int(gy), field.ny - 2);
    const float fy = float(gy - j0);
    const float* row0 = &field.t[std::size_t(j0) * field.nx];
    const float* row1 = row0 + field.nx;
    std::uint8_t* out = &rgba[std::size_t(py) * width * 4];
    for (int px = 0; px < width; ++px, out += 4) {
      const double uu = (px + 0.5) / width;
      const double gx = std::clamp(uu * (field.nx - 1), 0.0, double(field.nx - 1));
      const int i0 = std::min(int(gx), field.nx - 2);
      const float fx = float(gx - i0);
      const float t = (row0[i0] * (1 - fx) + row0[i0 + 1] * fx) * (1 - fy) +
                      (row1[i0] * (1 - fx) + row1[i0 + 1] * fx) * fy;
      if (!std::isfinite(t)) {
        // The shader's hatch: a quarter of mid-grey on every other 4-pixel diagonal band.
        const bool band = std::fmod((px + py + 1) / 8.0, 1.0) >= 0.5;
        const float h = band ? 0.25f : 0.0f;
        out[0] = byte(u.r + (0.5f - u.r) * h);
        out[1] = byte(u.g + (0.5f - u.g) * h);
        out[2] = byte(u.b + (0.5f - u.b) * h);
        out[3] = 255;
        continue;
      }
      const int k = int(std::clamp(t, 0.0f, 1.0f) * float(kLut - 1) + 0.5f);
      out[0] = lut[k * 3];
      out[1] = lut[k * 3 + 1];
      out[2] = lut[k * 3 + 2];
      out[3] = 255;
    }
  }
  return rgba;
}

}  // namespace gradlab::plot
