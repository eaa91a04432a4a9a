// The plot module's CPU backend: a Painter over Cairo (PNG and PDF, no display, no GL), text in
// DejaVu Sans through FreeType at the same pixel size and baseline as the ImGui font.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "app/plot/painter.h"

namespace gradlab::plot {

struct CairoOptions {
  float font_px = 17;  // line height, as ImGui's font size (kBaseFontPx)
  std::string font_path = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";  // else Cairo's sans
  Color page = {1, 1, 1, 1};   // the whole canvas is cleared to this first
  int png_zlib_level = 1;      // 1: fast (the exported maps are smooth and compress well anyway)
  float image_oversample = 2;  // PDF: field images get this many pixels per point
  float pixel_scale = 1;       // PNG and SVG: output pixels per layout pixel (2 or 4 for print)
};

enum class OutputFormat { Png, Pdf };

using PaintFunction = std::function<void(Painter&)>;

// width x height RGBA8 pixels (top row first) painted by `paint`.
std::vector<std::uint8_t> PaintToRgba(int width, int height, const CairoOptions& options,
                                      const PaintFunction& paint);

// Paints a width x height canvas (PDF: points, one per pixel) and writes it to `path`
// atomically. Returns false with a one-line *error.
bool PaintToFile(const std::string& path, OutputFormat format, int width, int height,
                 const CairoOptions& options, const PaintFunction& paint, std::string* error);

// Text measured as the Cairo backend draws it (DejaVu Sans through FreeType), for writers that
// lay a figure out without rasterizing it (SVG): the same widths, so the same layout.
class TextMeasure {
 public:
  explicit TextMeasure(const CairoOptions& options);
  ~TextMeasure();
  TextMeasure(const TextMeasure&) = delete;
  TextMeasure& operator=(const TextMeasure&) = delete;
  Point size(const std::string& text) const;  // advance width, line height
  float px() const;                           // line height (font_px)
  double ascent() const;                      // top of the line to the baseline
  double em() const;                          // the font's size as CSS and PDF mean it

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// RGBA8 pixels to PNG bytes (RGB when every alpha is 255) at a zlib level (0-9).
bool EncodePng(int width, int height, const std::vector<std::uint8_t>& rgba, int zlib_level,
               std::vector<std::uint8_t>* out);

}  // namespace gradlab::plot
