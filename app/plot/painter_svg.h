// The plot module's SVG writer: a Painter that writes SVG elements, so a kept figure becomes a
// vector file that opens in a browser or Inkscape and looks like the screen. Lines, markers,
// arrows and iso-lines are paths, text stays text (DejaVu Sans, laid out with the Cairo
// backend's measurements), and a field image is embedded as a PNG of its pixels.
#pragma once

#include <string>

#include "app/plot/painter_cairo.h"

namespace gradlab::plot {

// A width x height SVG document painted by `paint` (options: font, page colour).
std::string PaintToSvg(int width, int height, const CairoOptions& options,
                       const PaintFunction& paint);

// The same, written to `path` atomically. Returns false with a one-line *error.
bool PaintToSvgFile(const std::string& path, int width, int height, const CairoOptions& options,
                    const PaintFunction& paint, std::string* error);

}  // namespace gradlab::plot
