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
    const float entry = std::min(full * 0.4f, ImGui::GetFontSize() * 6.5f);
    entry_centre =
        ImVec2(origin.x + full - 0.5f * entry, origin.y + 0.5f * ImGui::GetFrameHeight());
    const bool changed = SliderLogDouble("step size", &value, 1e-6, 10);
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

TEST_F(ExactEntry, OutOfRangeTypingIsRefusedAndTheValueStays) {
  const ImVec2 away(580, 180);
  for (int i = 0; i < 3; ++i) frame(away, false);
  frame(entry_centre, true);
  frame(entry_centre, false);
  bool changed = false;
  for (const char* c : {"1", "0", "0"}) changed |= frame(entry_centre, false, c);
  changed |= frame(away, true);
  changed |= frame(away, false);
  EXPECT_FALSE(changed);
  EXPECT_EQ(value, 0.1);  // not clamped to 10 behind the user's back
}

}  // namespace
}  // namespace gradlab

namespace gradlab {
namespace {

// Issue 15, item 8: out-of-range or non-numeric typing is refused with a reason, not clamped or
// dropped without a word.
TEST(ParseTypedNumber, RefusesWhatIsNotAValidValueAndSaysWhy) {
  double v = 0.1;
  EXPECT_EQ(ParseTypedNumber("0.05", 1e-6, 10, false, &v), "");
  EXPECT_EQ(v, 0.05);
  v = 0.1;
  EXPECT_EQ(ParseTypedNumber("0", 1e-6, 10, false, &v), "0 is too small: at least 1e-06");
  EXPECT_EQ(ParseTypedNumber("-1", 1e-6, 10, false, &v), "-1 is too small: at least 1e-06");
  EXPECT_EQ(ParseTypedNumber("100", 1e-6, 10, false, &v), "100 is too large: at most 10");
  EXPECT_EQ(ParseTypedNumber("abc", 1e-6, 10, false, &v), "'abc' is not a number");
  EXPECT_EQ(ParseTypedNumber("0.1x", 1e-6, 10, false, &v), "'0.1x' is not a number");
  EXPECT_EQ(ParseTypedNumber("nan", 1e-6, 10, false, &v), "'nan' is not a number");
  EXPECT_EQ(ParseTypedNumber("", 1e-6, 10, false, &v), "type a number");
  EXPECT_EQ(v, 0.1);                                         // every refusal keeps the value
  EXPECT_EQ(ParseTypedNumber("0", 1e-6, 10, true, &v), "");  // allow_zero: 0 is "off"
  EXPECT_EQ(v, 0.0);
}

}  // namespace
}  // namespace gradlab

namespace gradlab {
namespace {

// A number box with - and + buttons in a narrow column showed "200" for 20000: the box widens to
// show its widest value, and keeps the item width where that is enough.
TEST(NumberField, WidensToShowItsWidestValue) {
  ImGuiContext* context = test::CreateHeadlessImGui(ImVec2(600, 200));
  ImGui::NewFrame();
  ImGui::Begin("host", nullptr, ImGuiWindowFlags_NoDecoration);
  const ImGuiStyle& style = ImGui::GetStyle();
  const float buttons = 2 * (ImGui::GetFrameHeight() + style.ItemInnerSpacing.x);
  const float needed = ImGui::CalcTextSize("1000000").x + 2 * style.FramePadding.x + buttons;
  int steps = 1000000;
  ImGui::PushItemWidth(40);
  SetNextNumberFieldWidth("1000000");
  ImGui::InputInt("##narrow", &steps, 1000, 10000);  // no label: the rect is the box
  const float narrow = ImGui::GetItemRectSize().x;
  ImGui::PopItemWidth();
  ImGui::PushItemWidth(400);
  SetNextNumberFieldWidth("1000000");
  ImGui::InputInt("##wide", &steps, 1000, 10000);
  const float wide = ImGui::GetItemRectSize().x;
  ImGui::PopItemWidth();
  ImGui::End();
  ImGui::Render();
  ImGui::DestroyContext(context);
  EXPECT_GE(narrow, needed - 1);  // the whole box: text field and buttons
  EXPECT_NEAR(wide, 400, 1);
}

}  // namespace
}  // namespace gradlab
