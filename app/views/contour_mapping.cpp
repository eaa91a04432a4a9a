// The contour's colour mapping and levels. See contour_mapping.h.
#include "app/views/contour_mapping.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/plot/colormap.h"

namespace gradlab {

std::shared_ptr<plot::FieldImage> makeFieldImage(const std::vector<double>& values, int nx, int ny,
                                                 const ContourOptions& options,
                                                 const ContourMapping& mapping,
                                                 plot::Color undefined) {
  auto image = std::make_shared<plot::FieldImage>();
  image->nx = nx;
  image->ny = ny;
  image->colormap = plot::Colormap(options.colormap);
  image->scale = mapping.scale;
  image->map_lo = mapping.lo;
  image->map_hi = mapping.hi;
  image->undefined = undefined;
  image->t.resize(values.size());
  for (std::size_t i = 0; i < values.size(); ++i)
    image->t[i] = std::isfinite(values[i]) ? float(mapping.scale.at(values[i])) : std::nanf("");
  return image;
}

ContourMapping contourMapping(const ContourOptions& options, double field_min, double field_max) {
  ContourMapping m;
  double lo = field_min, hi = field_max;
  if (options.colormap == int(plot::Colormap::Coolwarm)) {
    const double center = (lo < 0 && hi > 0) ? 0.0 : 0.5 * (lo + hi);
    const double half = std::max(center - lo, hi - center);
    lo = center - half;
    hi = center + half;
  }
  m.lo = lo;
  m.hi = hi;
  m.log = options.log_levels;
  m.log_base = field_min - 1e-3 * (field_max - field_min);
  m.scale = plot::ColorScale(lo, hi, m.log, m.log_base);
  return m;
}

std::vector<double> contourLevels(const ContourMapping& mapping, int levels) {
  std::vector<double> out;
  for (int k = 1; k <= levels; ++k) out.push_back(mapping.scale.valueAt(double(k) / (levels + 1)));
  return out;
}

plot::ColorBar colorBar(const ContourOptions& options, const ContourMapping& mapping) {
  plot::ColorBar bar;
  bar.colormap = plot::Colormap(options.colormap);
  bar.scale = mapping.scale;
  bar.lo = mapping.lo;
  bar.hi = mapping.hi;
  bar.log_ticks = mapping.log && mapping.lo > 0;
  const double magnitude = std::max(std::fabs(mapping.lo), std::fabs(mapping.hi));
  const double span = mapping.hi - mapping.lo;
  const int digits =
      span > 0 ? std::clamp(4 + int(std::ceil(std::log10(std::max(magnitude / span, 1.0)))), 4, 16)
               : 4;
  char text[32];
  std::snprintf(text, sizeof text, "%.*g", digits, mapping.lo);
  bar.lo_text = text;
  std::snprintf(text, sizeof text, "%.*g", digits, mapping.hi);
  bar.hi_text = text;
  return bar;
}

}  // namespace gradlab
