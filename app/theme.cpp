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
    // The lab tabs: inactive ones recede, the active one is the accent (it was a shade apart).
    c[ImGuiCol_Tab] = ImVec4(0.17f, 0.21f, 0.28f, 1.0f);
    c[ImGuiCol_TabHovered] = ImVec4(0.30f, 0.50f, 0.80f, 1.0f);
    c[ImGuiCol_TabActive] = ImVec4(0.22f, 0.50f, 0.88f, 1.0f);
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
    c[ImGuiCol_Tab] = ImVec4(0.88f, 0.90f, 0.94f, 1.0f);
    c[ImGuiCol_TabHovered] = ImVec4(0.55f, 0.72f, 0.95f, 1.0f);
    c[ImGuiCol_TabActive] = ImVec4(0.35f, 0.60f, 0.95f, 1.0f);
  }
  // Drop-down lists and tooltips are opaque: the map showing through made them hard to read.
  c[ImGuiCol_PopupBg].w = 1.0f;
}

plot::PlotStyle themePlotStyle(Theme theme) {
  plot::PlotStyle style;
  style.theme = theme == Theme::Dark ? plot::DarkTheme() : plot::LightTheme();
  const Rgb window = themeBackground(theme);
  style.theme.plot_background = plot::Color{window.r, window.g, window.b, 1};
  return style;
}

}  // namespace gradlab
