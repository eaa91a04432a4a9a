// The colour bar's layout, ticks and painting. See colorbar.h.
#include "app/plot/colorbar.h"

#include <algorithm>

#include "app/plot/painter.h"
#include "app/plot/ticks.h"

namespace gradlab::plot {

namespace {
constexpr double kBarEm = 0.7, kTickEm = 0.3;
}  // namespace

double ColorBarRoom(const PlotStyle& style, const Painter& painter) {
  const double font = painter.fontSize();
  return 2 * style.padding * style.scale + (kBarEm + kTickEm) * font + font;
}

ColorBarLayout LayoutColorBar(const ColorBar& bar, const PixelRect& strip, const PlotStyle& style,
                              const Painter& painter) {
  const double font = painter.fontSize(), pad = 0.4 * font;
  const double left = strip.x0 + style.padding * style.scale;
  const double right = strip.x1 - style.padding * style.scale;
  const double top = strip.y0 + style.padding * style.scale, h = kBarEm * font;
  ColorBarLayout l;
  l.bar = {left + painter.textSize(bar.lo_text).x + pad, top,
           right - painter.textSize(bar.hi_text).x - pad, top + h};
  if (l.bar.x1 < l.bar.x0 + 1) l.bar.x1 = l.bar.x0 + 1;  // a tiny frame: a sliver, never inverted
  const double text_y = top + 0.5 * (h - font);
  l.lo_text = {left, text_y};
  l.hi_text = {l.bar.x1 + pad, text_y};
  return l;
}

std::vector<ColorBarTick> ColorBarTicks(const ColorBar& bar, const PixelRect& r,
                                        const Painter& painter) {
  std::vector<ColorBarTick> out;
  const double lo = bar.lo, hi = bar.hi;
  if (!(hi > lo)) return out;
  const double font = painter.fontSize();
  const int target = std::max(2, int(r.width() / (font * 6)));
  const std::vector<Tick> ticks =
      bar.log_ticks && lo > 0 ? LogTicks(lo, hi, target) : LinearTicks(lo, hi, target);
  double next_free = r.x0 - 1e9;  // labels left to right, each after the previous one's end
  for (const Tick& t : ticks) {
    if (!t.major || t.value <= lo || t.value >= hi) continue;
    const double pos = bar.scale.at(t.value);
    if (!(pos >= 0 && pos <= 1)) continue;
    const double x = r.x0 + pos * r.width();
    const double w = painter.textSize(t.label).x;
    const double left = std::clamp(x - 0.5 * w, r.x0, std::max(r.x0, r.x1 - w));
    if (left < next_free) continue;
    out.push_back({t.value, x, left, t.label});
    next_free = left + w + 0.8 * font;
  }
  return out;
}

void PaintColorBar(Painter& painter, const ColorBar& bar, const PixelRect& strip,
                   const PlotStyle& style) {
  if (!bar.shown) return;
  const ColorBarLayout l = LayoutColorBar(bar, strip, style, painter);
  const PixelRect& r = l.bar;
  for (int i = 0; i < kColorBarSteps; ++i) {
    const Color c = SampleColormap(bar.colormap, (i + 0.5) / kColorBarSteps);
    // Each step overlaps the next by half a pixel: no seam shows between them.
    const double a = r.x0 + r.width() * i / kColorBarSteps;
    const double b = std::min(r.x1, r.x0 + r.width() * (i + 1) / kColorBarSteps + 0.5);
    painter.fillRect({a, r.y0, b, r.y1}, c.withAlpha(1));
  }
  const Color ink = style.theme.text;
  painter.text(l.lo_text, bar.lo_text, ink);
  painter.text(l.hi_text, bar.hi_text, ink);
  const double font = painter.fontSize(), tick = kTickEm * font;
  const float width = style.axis_width * style.scale;
  for (const ColorBarTick& t : ColorBarTicks(bar, r, painter)) {
    painter.line({t.x, r.y1}, {t.x, r.y1 + tick}, ink, width);
    painter.text({t.label_left, r.y1 + tick}, t.label, ink);
  }
}

}  // namespace gradlab::plot
