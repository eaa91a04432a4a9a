// The shared widgets, driven through a real ImGui context with no window or GL: the log slider's
// exact-entry box applies a typed value when it is left, by Enter or by a click elsewhere.
#include <gtest/gtest.h>
#include <imgui.h>

#include <algorithm>

#include "app/ui_widgets.h"
#include "tests/app/headless_imgui.h"

namespace gradlab {
namespace {

class ExactEntry : public ::testing::Test {
 protected:
  void SetUp() override { imgui_ = test::CreateHeadlessImGui(ImVec2(600, 200)); }
  void TearDown() override { ImGui::DestroyContext(imgui_); }

  // One frame; returns whether the slider reported a change. `entry_centre` is where the
  // exact-entry box is (computed from the same layout rule as SliderLogDouble).
  bool frame(ImVec2 mouse, bool down, const char* typed = nullptr) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = mouse;
    io.MouseDown[ImGuiMouseButton_Left] = down;
    if (typed != nullptr) io.AddInputCharactersUTF8(typed);
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("host", nullptr, ImGuiWindowFlags_NoDecoration);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float full = ImGui::CalcItemWidth();
    const float entry = std::min(full * 0.38f, ImGui::GetFontSize() * 5.5f);
    entry_centre =
        ImVec2(origin.x + full - 0.5f * entry, origin.y + 0.5f * ImGui::GetFrameHeight());
    const bool changed = SliderLogDouble("step size", &value, 1e-6, 10, "%.3g");
    ImGui::End();
    ImGui::Render();
    return changed;
  }

  ImGuiContext* imgui_ = nullptr;
  double value = 0.1;
  ImVec2 entry_centre;
};

TEST_F(ExactEntry, TypedValueAppliesOnlyWhenTheBoxIsLeftByAClickElsewhere) {
  const ImVec2 away(580, 180);
  for (int i = 0; i < 3; ++i) frame(away, false);
  frame(entry_centre, true);  // click into the box: it selects its text
  frame(entry_centre, false);
  bool changed = false;
  for (const char* c : {"0", ".", "0", "5"}) changed |= frame(entry_centre, false, c);
  EXPECT_FALSE(changed) << "no half-typed value while typing";
  EXPECT_EQ(value, 0.1);
  changed |= frame(away, true);  // click elsewhere: the box is left
  changed |= frame(away, false);
  EXPECT_TRUE(changed);
  EXPECT_EQ(value, 0.05);
}

}  // namespace
}  // namespace gradlab
