#version 330 core
// Shades a scalar field (an objective sampled on a grid) as a filled colour map with iso-lines.
// The grid's first and last samples sit exactly on the window's edges.
in vec2 v_uv;
out vec4 frag_color;

uniform sampler2D u_field;     // R32F, grid values; NaN where the objective is undefined
uniform sampler2D u_colormap;  // 256 x 1 RGB lookup table
uniform vec2 u_grid_size;      // samples in x and y
uniform float u_lo;            // value mapped to the colour map's start (after the level map)
uniform float u_hi;            // value mapped to its end
uniform int u_log_levels;      // 1: levels are spaced in log(f - u_log_base)
uniform float u_log_base;      // subtracted before the log (just below the field's minimum)
uniform float u_levels;        // number of level bands between u_lo and u_hi
uniform int u_filled;          // 0: lines only, like matplotlib's contour
uniform float u_line_px;       // iso-line width in pixels
uniform vec4 u_line_color;     // iso-line colour (used for lines only on a filled map)
uniform vec4 u_background;     // behind lines-only contours and undefined regions
uniform int u_colored_lines;   // 1: lines take the colour map's colour (lines-only mode)

float levelCoordinate(float value) {
  if (u_log_levels == 1) {
    float lo = log(max(u_lo - u_log_base, 1e-300));
    float hi = log(max(u_hi - u_log_base, 1e-300));
    return (log(max(value - u_log_base, 1e-300)) - lo) / max(hi - lo, 1e-30);
  }
  return (value - u_lo) / max(u_hi - u_lo, 1e-30);
}

void main() {
  vec2 texel = (v_uv * (u_grid_size - 1.0) + 0.5) / u_grid_size;
  float value = texture(u_field, texel).r;
  if (isnan(value) || isinf(value)) {
    // Undefined: a faint diagonal hatch so a hole reads as "no value", not as a colour.
    float hatch = step(0.5, fract((gl_FragCoord.x + gl_FragCoord.y) / 8.0));
    frag_color = mix(u_background, vec4(0.5, 0.5, 0.5, 1.0), 0.25 * hatch);
    return;
  }
  float t = levelCoordinate(value);
  float band = t * u_levels;
  vec3 fill = texture(u_colormap, vec2(clamp(t, 0.0, 1.0), 0.5)).rgb;

  // Distance to the nearest level in pixels: fwidth gives the band coordinate's change per pixel.
  float per_pixel = max(fwidth(band), 1e-6);
  float distance_px = abs(fract(band - 0.5) - 0.5) / per_pixel;
  float line = 1.0 - smoothstep(0.5 * u_line_px - 0.5, 0.5 * u_line_px + 0.5, distance_px);
  // Where levels crowd closer than a few pixels, fade the lines instead of painting a solid mass.
  line *= clamp(1.5 - 4.0 * per_pixel, 0.0, 1.0);
  // Levels sit strictly inside (lo, hi): bands 1 .. u_levels - 1. Band 0 is the minimum itself,
  // which would paint a flat floor as one wide line.
  if (band < 0.5 || band > u_levels - 0.5) line = 0.0;

  if (u_filled == 1) {
    frag_color = vec4(mix(fill, u_line_color.rgb, line * u_line_color.a), 1.0);
  } else {
    vec3 ink = u_colored_lines == 1 ? fill : u_line_color.rgb;
    frag_color = vec4(mix(u_background.rgb, ink, line), 1.0);
  }
}
