// The GL contour layer. See contour_layer.h.
#include "app/views/contour_layer.h"

#include <algorithm>

#include "app/plot/colormap.h"
#include "core/field.h"

namespace gradlab {

GLuint updateContourLayer(ContourLayer& layer, const Objective& f, int objective_version,
                          const ContourOptions& options, const Window& window, int pixel_w,
                          int pixel_h, Theme theme) {
  if (!layer.initialized) {
    layer.initialized = true;
    layer.renderer.init(&layer.error);
  }
  if (!layer.renderer.ready() || pixel_w < 2 || pixel_h < 2) return 0;
  // About one sample per two pixels; the texture's bilinear filter smooths in between.
  const int nx = std::clamp(pixel_w / 2, 48, 400), ny = std::clamp(pixel_h / 2, 48, 400);
  const bool field_stale = layer.objective_version != objective_version ||
                           !sameWindow(layer.window, window) || layer.grid_nx != nx ||
                           layer.grid_ny != ny;
  if (field_stale) {
    ScalarField field = evaluateField(f, window, nx, ny);
    layer.field_values = std::move(field.values);
    layer.field_valid = field.finite_count > 0;
    layer.field_min = field.min;
    layer.field_max = field.max > field.min ? field.max : field.min + 1;
    layer.objective_version = objective_version;
    layer.window = window;
    layer.grid_nx = nx;
    layer.grid_ny = ny;
    ++layer.field_evaluations;
  }
  const bool mapping_stale = field_stale || layer.options.log_levels != options.log_levels ||
                             layer.options.colormap != options.colormap;
  const plot::Theme colors = theme == Theme::Dark ? plot::DarkTheme() : plot::LightTheme();
  if (mapping_stale) {
    // The map spans the visible range (contourMapping says how, for the export as well).
    layer.mapping = contourMapping(options, layer.field_min, layer.field_max);
    layer.field_image =
        makeFieldImage(layer.field_values, nx, ny, options, layer.mapping, colors.plot_background);
    layer.renderer.setField(layer.field_image->t.data(), nx, ny);
  }
  if (mapping_stale || layer.pixel_w != pixel_w || layer.pixel_h != pixel_h ||
      layer.options.levels != options.levels || layer.options.lines_only != options.lines_only ||
      layer.theme != theme) {
    ContourStyle style;
    // The shader draws a line at every integer band: n + 1 bands put n levels strictly inside
    // (min, max), the same levels as core's linearLevels(n) / logLevels(n).
    style.levels = options.levels + 1;
    style.filled = !options.lines_only;
    style.colored_lines = true;
    style.line_px = options.lines_only ? 1.6f : 1.0f;
    const float ink = theme == Theme::Dark ? 0.0f : 0.1f;
    const float line_rgba[4] = {ink, ink, ink, 0.28f};
    std::copy(line_rgba, line_rgba + 4, style.line_rgba);
    const plot::Color bg = colors.plot_background;
    const float background[4] = {bg.r, bg.g, bg.b, 1.0f};
    std::copy(background, background + 4, style.background_rgba);
    style.colormap_rgb = plot::ColormapEntry(plot::Colormap(options.colormap), 0);
    layer.renderer.shade(pixel_w, pixel_h, style);
    ++layer.shades;
    layer.pixel_w = pixel_w;
    layer.pixel_h = pixel_h;
    layer.options = options;
    layer.theme = theme;
  }
  return layer.renderer.texture();
}

}  // namespace gradlab
