// Damage tracking: a frame is redrawn only inside the boxes where its primitives differ from the
// last frame's, and those partial redraws give exactly the pixels of a full redraw.
#include <gtest/gtest.h>

#include <imgui.h>

#include <string>
#include <vector>

#include "app/draw_damage.h"
#include "tests/app/headless_imgui.h"
#include "tests/app/run_command.h"

namespace gradlab {
namespace {

bool covers(const std::vector<PixelBox>& boxes, const PixelBox& box) {
  for (const PixelBox& b : boxes)
    if (intersect(b, box) == box) return true;
  return false;
}

TEST(MergeBoxes, CoversEveryBoxWithAtMostTheLimit) {
  std::vector<PixelBox> boxes;
  for (int i = 0; i < 40; ++i)
    boxes.push_back({i * 37 % 700, i * 53 % 500, i * 37 % 700 + 9, i * 53 % 500 + 12});
  const std::vector<PixelBox> merged = mergeBoxes(boxes, 6, 16);
  EXPECT_LE(merged.size(), 6u);
  for (const PixelBox& box : boxes) EXPECT_TRUE(covers(merged, box));
}

TEST(MergeBoxes, JoinsNeighboursAndKeepsDistantBoxesApart) {
  const std::vector<PixelBox> merged =
      mergeBoxes({{0, 0, 10, 10}, {20, 0, 30, 10}, {500, 500, 510, 510}}, 6, 16);
  ASSERT_EQ(merged.size(), 2u);
  EXPECT_TRUE(covers(merged, {0, 0, 30, 10}));
  EXPECT_TRUE(covers(merged, {500, 500, 510, 510}));
  EXPECT_EQ(merged[0].area() + merged[1].area(), 300 + 100);
}

TEST(CommandScissor, RoundsAsTheOpenGl3BackendDoes) {
  ImDrawData data;
  data.DisplayPos = ImVec2(0, 0);
  data.DisplaySize = ImVec2(640, 480);
  data.FramebufferScale = ImVec2(1.5f, 1.5f);
  ImDrawCmd cmd;
  cmd.ClipRect = ImVec4(10.3f, 20.6f, 100.2f, 200.9f);
  // min (15.45, 30.9), max (150.3, 301.35): glScissor(15, int(720 - 301.35) = 418, int(134.85)
  // = 134, int(270.45) = 270): columns 15..148, GL rows 418..687 = rows 32..301 from the top.
  const PixelBox box = commandScissor(data, cmd);
  EXPECT_EQ(box, (PixelBox{15, 720 - 688, 149, 720 - 418}));
}

// Frames of two windows: a label in the first, a button in the second.
class DamageTrackerTest : public testing::Test {
 protected:
  void SetUp() override { context_ = test::CreateHeadlessImGui(ImVec2(640, 480)); }
  void TearDown() override { ImGui::DestroyContext(context_); }

  std::vector<PixelBox> frame(const char* label, float button_width, std::uint64_t version = 0) {
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(10, 10));
    ImGui::SetNextWindowSize(ImVec2(300, 200));
    ImGui::Begin("left");
    ImGui::TextUnformatted(label);
    ImGui::Image(ImTextureID(7), ImVec2(100, 50));
    ImGui::End();
    ImGui::SetNextWindowPos(ImVec2(330, 10));
    ImGui::SetNextWindowSize(ImVec2(300, 200));
    ImGui::Begin("right");
    ImGui::Button("button", ImVec2(button_width, 0));
    ImGui::End();
    ImGui::Render();
    return tracker_.update(*ImGui::GetDrawData(), version, 0x202020);
  }

  ImGuiContext* context_ = nullptr;
  DamageTracker tracker_;
};

TEST_F(DamageTrackerTest, TheFirstFrameIsWholeAndAnEqualFrameIsNothing) {
  const std::vector<PixelBox> first = frame("f = 1.060077", 80);
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first[0], (PixelBox{0, 0, 640, 480}));
  frame("f = 1.060077", 80);  // the layout settles
  EXPECT_TRUE(frame("f = 1.060077", 80).empty());
}

TEST_F(DamageTrackerTest, OneGlyphDamagesItsOwnPlaceOnly) {
  frame("f = 1.060077", 80);
  frame("f = 1.060077", 80);
  const std::vector<PixelBox> damage = frame("f = 1.060078", 80);
  ASSERT_FALSE(damage.empty());
  long area = 0;
  for (const PixelBox& box : damage) {
    area += box.area();
    EXPECT_TRUE(intersect(box, {10, 10, 310, 210}) == box) << "damage outside the left window";
  }
  EXPECT_LT(area, 40 * 40) << "more than the changed glyph";
}

TEST_F(DamageTrackerTest, AWiderButtonDamagesTheRightWindowOnly) {
  frame("f", 80);
  frame("f", 80);
  const std::vector<PixelBox> damage = frame("f", 120);
  ASSERT_FALSE(damage.empty());
  for (const PixelBox& box : damage)
    EXPECT_TRUE(intersect(box, {330, 10, 630, 210}) == box) << "damage outside the right window";
}

TEST_F(DamageTrackerTest, ATextureReshadedInPlaceDamagesTheImageOnly) {
  frame("f", 80);
  frame("f", 80);
  const std::vector<PixelBox> damage = frame("f", 80, 1);
  ASSERT_EQ(damage.size(), 1u);
  EXPECT_GE(damage[0].area(), 100 * 50);
  EXPECT_LE(damage[0].area(), 104 * 54);
}

TEST_F(DamageTrackerTest, ANewClearColourOrSizeIsTheWholeFrame) {
  frame("f", 80);
  frame("f", 80);
  ImGui::GetIO().DisplaySize = ImVec2(800, 600);
  const std::vector<PixelBox> damage = frame("f", 80);
  ASSERT_EQ(damage.size(), 1u);
  EXPECT_EQ(damage[0], (PixelBox{0, 0, 800, 600}));
}

long reported(const std::string& output, const std::string& key) {
  const std::size_t at = output.find(key + ": ");
  return at == std::string::npos ? -1 : std::stol(output.substr(at + key.size() + 2));
}
double reportedNumber(const std::string& output, const std::string& key) {
  const std::size_t at = output.find(key + ": ");
  return at == std::string::npos ? -1 : std::stod(output.substr(at + key.size() + 2));
}

// Every lab's moving picture, redrawn where it changed, equals a full redraw pixel for pixel.
TEST(KeptFrame, PartialRedrawsEqualFullRedrawsInEveryLab) {
  const char* runs[] = {
      "--lab optimizer --drag",
      "--lab optimizer --animate",
      "--lab networks --drag",
      "--lab elbows --units 16 --samples 40 --max-steps 100000 --steps 1000 --play --speed 2000",
      "--lab stochastic --animate",
      "--lab activations",
      "--lab backprop",
  };
  for (const char* run : runs) {
    const test::CommandResult r = test::runGradlab(
        std::string("bench-frames --frames 24 --size 900x600 --check-damage ") + run);
    ASSERT_EQ(r.exit_code, 0) << run << "\n" << r.output;
    EXPECT_EQ(reported(r.output, "damage_mismatch_frames"), 0) << run << "\n" << r.output;
  }
}

// Dragging a start repaints the map, the curves and the inspector, not the whole window.
TEST(KeptFrame, ADragRedrawsLessThanTheWindow) {
  const test::CommandResult r = test::runGradlab("bench-frames --frames 20 --size 1600x900 --drag");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const double fraction = reportedNumber(r.output, "redrawn_fraction");
  EXPECT_GT(fraction, 0.05) << r.output;
  EXPECT_LT(fraction, 0.8) << r.output;
}

// The backprop lab's scripted input (x1 changing every frame, as typing would): every frame
// recomputes the graph and every changed one is rasterized, but only where numbers changed.
TEST(KeptFrame, ABackpropInputChangeRecomputesAndRedrawsPartOfTheWindow) {
  const test::CommandResult r =
      test::runGradlab("bench-frames --lab backprop --frames 20 --size 1600x900 --drag");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(reportedNumber(r.output, "graph_recomputes"), 20) << r.output;
  // (The first frame moves x1 by sin(0) = 0: the same pixels.)
  EXPECT_EQ(reportedNumber(r.output, "frames_rasterized"), 19) << r.output;
  const double fraction = reportedNumber(r.output, "redrawn_fraction");
  EXPECT_GT(fraction, 0.02) << r.output;
  EXPECT_LT(fraction, 0.6) << r.output;
}

}  // namespace
}  // namespace gradlab
