// Colour map lookup over the generated tables in colormap_data.cpp.
#include "app/plot/colormap.h"

#include <cmath>
#include <cstring>

#include "app/plot/colormap_data.h"

namespace gradlab::plot {

namespace {

const float (*Table(Colormap map))[3] {
  switch (map) {
    case Colormap::Cividis:
      return kCividis;
    case Colormap::Coolwarm:
      return kCoolwarm;
    case Colormap::Viridis:
      break;
  }
  return kViridis;
}

}  // namespace

const char* ColormapName(Colormap map) {
  switch (map) {
    case Colormap::Cividis:
      return "cividis";
    case Colormap::Coolwarm:
      return "coolwarm";
    case Colormap::Viridis:
      break;
  }
  return "viridis";
}

bool ColormapFromName(const char* name, Colormap* map) {
  for (int i = 0; i < kColormapCount; ++i) {
    const auto m = static_cast<Colormap>(i);
    if (std::strcmp(name, ColormapName(m)) == 0) {
      *map = m;
      return true;
    }
  }
  return false;
}

const float* ColormapEntry(Colormap map, int i) {
  i = i < 0 ? 0 : (i > 255 ? 255 : i);
  return Table(map)[i];
}

Color SampleColormap(Colormap map, double t) {
  if (!(t > 0)) t = 0;  // also catches NaN
  if (t > 1) t = 1;
  const double u = t * 255.0;
  const int i = static_cast<int>(std::floor(u));
  const int j = i < 255 ? i + 1 : 255;
  const float f = static_cast<float>(u - i);
  const float* a = Table(map)[i];
  const float* b = Table(map)[j];
  return {a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1]), a[2] + f * (b[2] - a[2]), 1.0f};
}

}  // namespace gradlab::plot
