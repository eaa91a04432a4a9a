// Themes, checked on a headless ImGui context (issue 15, item 11: see-through drop-down lists,
// an active lab tab hard to spot).
#include <gtest/gtest.h>
#include <imgui.h>

#include "app/plot/plot_imgui.h"
#include "app/theme.h"
#include "tests/app/headless_imgui.h"

namespace gradlab {
namespace {

float luminance(const ImVec4& c) {
  return 0.2126f * c.x + 0.7152f * c.y + 0.0722f * c.z;
}

class Themes : public ::testing::TestWithParam<Theme> {
 protected:
  void SetUp() override { imgui_ = test::CreateHeadlessImGui(ImVec2(400, 300)); }
  void TearDown() override { ImGui::DestroyContext(imgui_); }
  ImGuiContext* imgui_ = nullptr;
};

TEST_P(Themes, DropDownListsAreOpaque) {
  applyTheme(GetParam());
  EXPECT_EQ(ImGui::GetStyle().Colors[ImGuiCol_PopupBg].w, 1.0f);
}

TEST_P(Themes, TheActiveTabStandsOutFromTheOthers) {
  applyTheme(GetParam());
  const ImVec4* c = ImGui::GetStyle().Colors;
  EXPECT_GT(std::abs(luminance(c[ImGuiCol_TabActive]) - luminance(c[ImGuiCol_Tab])), 0.15f);
}

INSTANTIATE_TEST_SUITE_P(DarkAndLight, Themes, ::testing::Values(Theme::Dark, Theme::Light));

// Issue 15, item 9: at --scale 1.5 plot text was scaled twice (ImGui's font already carries the
// UI scale), about twice the size of the rest, and titles were clipped.
TEST(PlotText, FollowsTheUiFontNotTheScaleTwice) {
  ImGuiContext* imgui = test::CreateHeadlessImGui(ImVec2(400, 300));
  plot::PlotContext plots;
  plot::SetCurrentContext(&plots);
  plots.style.scale = 1.5f;
  ImGui::NewFrame();
  EXPECT_FLOAT_EQ(plot::PlotFontSize(), ImGui::GetFontSize());
  ImGui::EndFrame();
  plot::SetCurrentContext(nullptr);
  ImGui::DestroyContext(imgui);
}

}  // namespace
}  // namespace gradlab
