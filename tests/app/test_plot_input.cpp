// The plot module's mouse handling, driven frame by frame through a real ImGui context with no
// window or GL (ImGui runs headless once its font atlas is built): what counts as a click, what
// zooms, what resets the view.
#include <gtest/gtest.h>
#include <imgui.h>

#include "app/plot/plot_imgui.h"
#include "tests/app/headless_imgui.h"

namespace gradlab::plot {
namespace {

struct Seen {
  bool left_click = false, right_click = false;
  Limits limits;
  ImVec2 area_pos, area_size;
};

class PlotInput : public ::testing::Test {
 protected:
  void SetUp() override {
    imgui_ = test::CreateHeadlessImGui(ImVec2(800, 600));
    SetCurrentContext(&plots_);
  }
  void TearDown() override {
    SetCurrentContext(nullptr);
    ImGui::DestroyContext(imgui_);
  }

  // One frame with the mouse at `mouse` and the given buttons down; the plot shows [0, 1]^2.
  Seen frame(ImVec2 mouse, bool left, bool right, PlotFlags flags) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = mouse;
    io.MouseDown[ImGuiMouseButton_Left] = left;
    io.MouseDown[ImGuiMouseButton_Right] = right;
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("host", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove);
    Seen seen;
    if (BeginPlot("##input", ImVec2(-1, -1), flags)) {
      SetupAxesLimits(0, 1, 0, 1);
      const double xs[2] = {0, 1}, ys[2] = {0, 1};
      PlotLine("line", xs, ys, 2);
      seen.left_click = IsPlotClicked(ImGuiMouseButton_Left);
      seen.right_click = IsPlotClicked(ImGuiMouseButton_Right);
      seen.limits = GetPlotLimits();
      seen.area_pos = GetPlotPos();
      seen.area_size = GetPlotSize();
      EndPlot();
    }
    ImGui::End();
    ImGui::Render();
    return seen;
  }

  // A few idle frames so ImGui knows which window is hovered; returns the plot area's centre.
  ImVec2 settle(PlotFlags flags) {
    Seen s = frame(ImVec2(400, 300), false, false, flags);
    for (int i = 0; i < 3; ++i) s = frame(ImVec2(400, 300), false, false, flags);
    return ImVec2(s.area_pos.x + 0.5f * s.area_size.x, s.area_pos.y + 0.5f * s.area_size.y);
  }

  ImGuiContext* imgui_ = nullptr;
  PlotContext plots_;
};

TEST_F(PlotInput, RightClickWithoutDragIsOneClickOnRelease) {
  const ImVec2 c = settle(PlotFlags_None);
  EXPECT_FALSE(frame(c, false, true, PlotFlags_None).right_click);   // press
  EXPECT_FALSE(frame(c, false, true, PlotFlags_None).right_click);   // held
  EXPECT_TRUE(frame(c, false, false, PlotFlags_None).right_click);   // release
  EXPECT_FALSE(frame(c, false, false, PlotFlags_None).right_click);  // and only once
}

TEST_F(PlotInput, RightDragBoxZoomsAndIsNeverAClick) {
  const ImVec2 c = settle(PlotFlags_None);
  const ImVec2 far(c.x + 120, c.y + 90);
  bool clicked = false;
  clicked |= frame(c, false, true, PlotFlags_None).right_click;
  clicked |= frame(ImVec2(c.x + 60, c.y + 45), false, true, PlotFlags_None).right_click;
  clicked |= frame(far, false, true, PlotFlags_None).right_click;
  clicked |= frame(far, false, false, PlotFlags_None).right_click;
  EXPECT_FALSE(clicked);
  const Seen after = frame(far, false, false, PlotFlags_None);
  // The box from the centre to lower right: x from 0.5 up, y from 0.5 down.
  EXPECT_NEAR(after.limits.x.min, 0.5, 0.02);
  EXPECT_LT(after.limits.x.max, 0.9);
  EXPECT_NEAR(after.limits.y.max, 0.5, 0.02);
  EXPECT_GT(after.limits.y.min, 0.1);
}

TEST_F(PlotInput, DoubleClickResetsTheViewUnlessTheCallerOwnsLeftClicks) {
  // Zoom with the wheel, then double click: back to the SetupAxesLimits view.
  const ImVec2 c = settle(PlotFlags_None);
  ImGui::GetIO().MouseWheel = 2;
  frame(c, false, false, PlotFlags_None);
  ImGui::GetIO().MouseWheel = 0;
  const Seen zoomed = frame(c, false, false, PlotFlags_None);
  ASSERT_LT(zoomed.limits.x.max - zoomed.limits.x.min, 0.9);
  for (int i = 0; i < 2; ++i) {
    frame(c, true, false, PlotFlags_None);
    frame(c, false, false, PlotFlags_None);
  }
  const Seen reset = frame(c, false, false, PlotFlags_None);
  EXPECT_NEAR(reset.limits.x.min, 0.0, 1e-9);
  EXPECT_NEAR(reset.limits.x.max, 1.0, 1e-9);
}

TEST_F(PlotInput, CallerOwnedDoubleClickIsTwoClicksAndKeepsTheView) {
  const PlotFlags flags = PlotFlags_CallerOwnsLeftClick;
  const ImVec2 c = settle(flags);
  ImGui::GetIO().MouseWheel = 2;
  frame(c, false, false, flags);
  ImGui::GetIO().MouseWheel = 0;
  const Seen zoomed = frame(c, false, false, flags);
  int clicks = 0;
  for (int i = 0; i < 2; ++i) {
    clicks += frame(c, true, false, flags).left_click;
    clicks += frame(c, false, false, flags).left_click;
  }
  EXPECT_EQ(clicks, 2);
  const Seen after = frame(c, false, false, flags);
  EXPECT_DOUBLE_EQ(after.limits.x.min, zoomed.limits.x.min);
  EXPECT_DOUBLE_EQ(after.limits.x.max, zoomed.limits.x.max);
}

TEST_F(PlotInput, ALegendThatDoesNotFitTheTinyPlotIsLeftOut) {
  const auto legend_width = [this](ImVec2 size) {
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin("host", nullptr, ImGuiWindowFlags_NoDecoration);
    if (BeginPlot("##legend", size)) {
      const double xs[2] = {0, 1}, ys[2] = {0, 1};
      PlotLine("a long legend entry", xs, ys, 2);
      EndPlot();
    }
    ImGui::End();
    ImGui::Render();
    return plots_.plots.begin()->second.legend_rect.width();
  };
  EXPECT_GT(legend_width(ImVec2(600, 400)), 0.0);
  EXPECT_EQ(legend_width(ImVec2(120, 90)), 0.0);
}

// A plot whose title changes every frame ("ellipses, iteration k##ellipses", while a timeline
// plays) is one plot: one kept state, not one per title (the soak's memory growth), and its
// zoom survives the new title.
TEST_F(PlotInput, ATitleThatChangesKeepsOnePlotAndItsView) {
  Limits seen;
  for (int k = 0; k < 50; ++k) {
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin("host", nullptr, ImGuiWindowFlags_NoDecoration);
    const std::string title = "ellipses, iteration " + std::to_string(k) + "##ellipses";
    if (BeginPlot(title.c_str(), ImVec2(400, 300))) {
      SetupAxesLimits(0, 1, 0, 1);  // once: later frames keep the user's view
      if (k == 10) plots_.plots.begin()->second.view = {{2, 3}, {2, 3}};  // the user zoomed
      const double xs[2] = {0, 1}, ys[2] = {0, 1};
      PlotLine("line", xs, ys, 2);
      seen = GetPlotLimits();
      EndPlot();
    }
    ImGui::End();
    ImGui::Render();
  }
  EXPECT_EQ(plots_.plots.size(), 1u);
  EXPECT_EQ(seen.x.min, 2);
}

}  // namespace
}  // namespace gradlab::plot
