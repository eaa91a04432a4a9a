// Small ImGui widgets every lab uses: "(?)" teaching notes, log sliders with exact entry.
#pragma once

#include <string>

namespace gradlab {

// A greyed "(?)" that shows `text` in a tooltip when hovered (a teaching note).
void HelpMarker(const char* text);
// ImGui::SameLine() when an item `width` pixels wide still fits on the line after the last
// item, else nothing (it goes on the next line): rows that wrap in a narrow column.
void SameLineIfFits(float width);
// The width of a radio button or checkbox with this label.
float ToggleWidth(const char* label);
// Sets the next ImGui::InputInt's width (with its - and + buttons) to the item width, or wider
// where that would not show `widest` (e.g. "1000000"): a cut-off 20000 reads as 200.
void SetNextNumberFieldWidth(const char* widest);
// A lab's control column: `fraction` of the available width, kept within [min_em, max_em] font
// heights; a narrow window (under 50 em: 1024 x 768 at UI scale 1.5, 800 x 600) lowers the
// minimum to 13 em, so the plots beside it keep room.
float ControlColumnWidth(float avail_w, float fraction, float min_em, float max_em);

// What a number typed into an exact-entry box means for a value in [min, max] (with allow_zero,
// 0 too): "" with *value set, or why it is refused ("'abc' is not a number", "100 is too large:
// at most 10"), *value untouched.
std::string ParseTypedNumber(const std::string& text, double min, double max, bool allow_zero,
                             double* value);

// A logarithmic slider for a positive double plus an exact numeric entry beside it.
// Returns true when the value changed. A typed value outside [min, max] or not a number is
// refused where it was typed: the value stays, and a line under the row says why until the next
// edit. With allow_zero, typing 0 switches the value off (shown as "off"; the slider turns it on).
// The slider itself carries no number (it would sit under the handle): the box shows it.
bool SliderLogDouble(const char* label, double* value, double min, double max,
                     bool allow_zero = false);
// The same with a linear slider.
bool SliderDouble(const char* label, double* value, double min, double max);

}  // namespace gradlab
