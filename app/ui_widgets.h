// Small ImGui widgets every lab uses: "(?)" teaching notes, log sliders with exact entry.
#pragma once

namespace gradlab {

// A greyed "(?)" that shows `text` in a tooltip when hovered (a teaching note).
void HelpMarker(const char* text);

// A logarithmic slider for a positive double plus an exact numeric entry beside it.
// Returns true when the value changed (clamped to [min, max]).
// With allow_zero, typing 0 switches the value off (shown as "off"; the slider turns it on).
bool SliderLogDouble(const char* label, double* value, double min, double max,
                     const char* format = "%.3g", bool allow_zero = false);
// A linear slider for a double. Ctrl+click types an exact value.
bool SliderDouble(const char* label, double* value, double min, double max,
                  const char* format = "%.3g");

}  // namespace gradlab
