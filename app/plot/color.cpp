// The run palette and the two plot themes.
#include "app/plot/color.h"

namespace gradlab::plot {

Color RunColor(int i) {
  constexpr std::uint32_t kPalette[kRunPaletteSize] = {
      // Okabe-Ito: blue, vermillion, bluish green, reddish purple, orange, sky blue, yellow.
      0x0072B2, 0xD55E00, 0x009E73, 0xCC79A7, 0xE69F00, 0x56B4E9, 0xF0E442,
      // Tol muted: rose, indigo, sand, green, cyan, wine, teal, olive, purple.
      0xCC6677, 0x332288, 0xDDCC77, 0x117733, 0x88CCEE, 0x882255, 0x44AA99, 0x999933, 0xAA4499};
  const int k = ((i % kRunPaletteSize) + kRunPaletteSize) % kRunPaletteSize;
  return Color::hex(kPalette[k]);
}

Theme LightTheme() {
  Theme t;
  t.frame_background = Color::hex(0xFFFFFF, 0);
  t.plot_background = Color::hex(0xFFFFFF);
  t.grid = Color::hex(0xD9D9D9);
  t.grid_minor = Color::hex(0xEFEFEF);
  t.axis = Color::hex(0x404040);
  t.text = Color::hex(0x202020);
  t.legend_background = Color::hex(0xFFFFFF, 0.85f);
  t.legend_border = Color::hex(0xA0A0A0);
  t.hidden_text = Color::hex(0xA0A0A0);
  t.selection = Color::hex(0x0072B2, 0.25f);
  return t;
}

Theme DarkTheme() {
  Theme t;
  t.frame_background = Color::hex(0x000000, 0);
  t.plot_background = Color::hex(0x1B1B1F);
  t.grid = Color::hex(0x3C3C44);
  t.grid_minor = Color::hex(0x2A2A30);
  t.axis = Color::hex(0xB0B0B0);
  t.text = Color::hex(0xE6E6E6);
  t.legend_background = Color::hex(0x1B1B1F, 0.85f);
  t.legend_border = Color::hex(0x606068);
  t.hidden_text = Color::hex(0x707078);
  t.selection = Color::hex(0x56B4E9, 0.25f);
  return t;
}

}  // namespace gradlab::plot
