#version 330 core
// Shades a scalar field (an objective sampled on a grid) as a filled colour map with iso-lines.
// The grid's first and last samples sit exactly on the window's edges.
in vec2 v_uv;
out vec4 frag_color;

uniform sampler2D u_field;     // R32F: each sample's colour-map position t (0..1 spans the
                               // map; computed on the CPU in double); NaN where f is undefined
uniform sampler2D u_colormap;  // 256 x 1 RGB lookup table
uniform vec2 u_grid_size;      // samples in x and y
uniform float u_levels;        // number of level bands between t = 0 and t = 1
uniform int u_filled;          // 0: lines only, like matplotlib's contour
uniform float u_line_px;       // iso-line width in pixels
uniform vec4 u_line_color;     // iso-line colour (used for lines only on a filled map)
uniform vec4 u_background;     // behind lines-only contours and undefined regions
uniform int u_colored_lines;   // 1: lines take the colour map's colour (lines-only mode)

void main() {
  vec2 texel = (v_uv * (u_grid_size - 1.0) + 0.5) / u_grid_size;
  float value = texture(u_field, texel).r;
  if (isnan(value) || isinf(value)) {
    // Undefined: a faint diagonal hatch so a hole reads as "no value", not as a colour.
    float hatch = step(0.5, fract((gl_FragCoord.x + gl_FragCoord.y) / 8.0));
    frag_color = mix(u_background, vec4(0.5, 0.5, 0.5, 1.0), 0.25 * hatch);
    return;
  }
  float t = value;
  float band = t * u_levels;
  // Texel centres: entry i of 256 sits at (i + 0.5) / 256, so t = 0 and 1 hit the end entries
  // exactly, as the CPU colour bar samples them.
  vec3 fill = texture(u_colormap, vec2((clamp(t, 0.0, 1.0) * 255.0 + 0.5) / 256.0, 0.5)).rgb;

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
