// Plot colours as plain values: RGBA, the qualitative run palette and the light/dark themes.
#pragma once

#include <cstdint>

namespace gradlab::plot {

// Straight (not premultiplied) RGBA in [0, 1]. A negative alpha means "automatic": the item
// takes the next palette colour (or the theme's text colour for text).
struct Color {
  float r = 0, g = 0, b = 0, a = 1;

  static constexpr Color hex(std::uint32_t rgb, float alpha = 1) {
    return {((rgb >> 16) & 0xff) / 255.0f, ((rgb >> 8) & 0xff) / 255.0f, (rgb & 0xff) / 255.0f,
            alpha};
  }
  constexpr Color withAlpha(float alpha) const { return {r, g, b, alpha}; }
  constexpr bool isAuto() const { return a < 0; }
};

inline constexpr Color kAutoColor{0, 0, 0, -1};

// Colour-blind-safe palette for up to 16 runs. Entries 0-6 are Okabe & Ito (2008), "Color
// Universal Design", without its black (invisible on the dark theme); entries 7-15 are Paul
// Tol's "muted" scheme (personal.sron.nl/~pault). Both are distinguishable under the common
// colour-vision deficiencies. Index i wraps around modulo 16.
inline constexpr int kRunPaletteSize = 16;
Color RunColor(int i);

// Colours of everything that is not data. Plain values so settings can store and edit them.
struct Theme {
  Color frame_background;  // around the plot area (axes, labels); transparent = window colour
  Color plot_background;   // inside the plot area
  Color grid;              // major grid lines
  Color grid_minor;        // minor grid lines (log axes)
  Color axis;              // plot-area border and tick marks
  Color text;              // tick labels, axis labels, title, legend
  Color legend_background;
  Color legend_border;
  Color hidden_text;  // legend entries of hidden items
  Color selection;    // box-zoom rectangle
};

Theme LightTheme();
Theme DarkTheme();

}  // namespace gradlab::plot
