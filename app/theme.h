// Themes: a dark screen theme and a light print theme (white background, dark text).
#pragma once

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

}  // namespace gradlab
