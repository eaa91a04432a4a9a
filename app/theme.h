// Themes: a dark screen theme and a light print theme (white background, dark text).
#pragma once

#include "app/plot/style.h"

namespace gradlab {

enum class Theme { Dark, Light };

const char* themeName(Theme theme);  // "dark" / "light"
bool parseTheme(const char* text, Theme* theme);

// Sets ImGui's colours for the theme (sizes are the platform's business: they follow the scale).
void applyTheme(Theme theme);

struct Rgb {
  float r, g, b;
};
// What the window is cleared to behind the UI.
Rgb themeBackground(Theme theme);
// The plot style of every lab's plots in this theme: on screen and in exported figures alike.
// Plots sit on the window's own colour. (The app then sets the scale and skips the plot fill.)
plot::PlotStyle themePlotStyle(Theme theme);

}  // namespace gradlab
