// ImGui colours for the dark and light themes. See theme.h.
#include "app/theme.h"

#include <imgui.h>

#include <cstring>

namespace gradlab {

const char* themeName(Theme theme) {
  return theme == Theme::Dark ? "dark" : "light";
}

bool parseTheme(const char* text, Theme* theme) {
  if (std::strcmp(text, "dark") == 0)
    *theme = Theme::Dark;
  else if (std::strcmp(text, "light") == 0)
    *theme = Theme::Light;
  else
    return false;
  return true;
}

Rgb themeBackground(Theme theme) {
  return theme == Theme::Dark ? Rgb{0.11f, 0.12f, 0.14f} : Rgb{1.0f, 1.0f, 1.0f};
}

void applyTheme(Theme theme) {
  ImGuiStyle& style = ImGui::GetStyle();
  ImVec4* c = style.Colors;
  if (theme == Theme::Dark) {
    ImGui::StyleColorsDark(&style);
    const Rgb bg = themeBackground(theme);
    c[ImGuiCol_WindowBg] = ImVec4(bg.r, bg.g, bg.b, 1.0f);
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);  // panels sit on the window's clear colour
    c[ImGuiCol_MenuBarBg] = ImVec4(0.15f, 0.16f, 0.19f, 1.0f);
    c[ImGuiCol_Text] = ImVec4(0.92f, 0.93f, 0.95f, 1.0f);
    c[ImGuiCol_TextDisabled] = ImVec4(0.58f, 0.60f, 0.64f, 1.0f);
  } else {
    // Print theme: pure white paper, near-black ink, mid-grey rules; accents stay blue.
    ImGui::StyleColorsLight(&style);
    c[ImGuiCol_WindowBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_PopupBg] = ImVec4(1.0f, 1.0f, 1.0f, 0.98f);
    c[ImGuiCol_MenuBarBg] = ImVec4(0.95f, 0.95f, 0.96f, 1.0f);
    c[ImGuiCol_Text] = ImVec4(0.08f, 0.08f, 0.10f, 1.0f);
    c[ImGuiCol_TextDisabled] = ImVec4(0.40f, 0.40f, 0.44f, 1.0f);
    c[ImGuiCol_Border] = ImVec4(0.75f, 0.75f, 0.78f, 1.0f);
    c[ImGuiCol_FrameBg] = ImVec4(0.93f, 0.93f, 0.95f, 1.0f);
  }
}

plot::PlotStyle themePlotStyle(Theme theme) {
  plot::PlotStyle style;
  style.theme = theme == Theme::Dark ? plot::DarkTheme() : plot::LightTheme();
  const Rgb window = themeBackground(theme);
  style.theme.plot_background = plot::Color{window.r, window.g, window.b, 1};
  return style;
}

}  // namespace gradlab
