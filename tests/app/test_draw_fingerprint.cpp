// Frames are rasterized only when their pixels change: the draw data's fingerprint and the frame
// skipper that compares it with the last frame drawn.
#include <gtest/gtest.h>

#include <imgui.h>

#include <cstdint>
#include <string>

#include "app/draw_fingerprint.h"
#include "tests/app/headless_imgui.h"
#include "tests/app/run_command.h"

namespace gradlab {
namespace {

// One frame of a small window with a label and a button; returns its fingerprint.
std::uint64_t frameWith(const char* label, float button_width, std::uint64_t version = 0) {
  ImGui::NewFrame();
  ImGui::SetNextWindowPos(ImVec2(10, 10));
  ImGui::SetNextWindowSize(ImVec2(300, 200));
  ImGui::Begin("window");
  ImGui::TextUnformatted(label);
  ImGui::Button("button", ImVec2(button_width, 0));
  ImGui::End();
  ImGui::Render();
  return drawFingerprint(*ImGui::GetDrawData(), version);
}

class DrawFingerprint : public testing::Test {
 protected:
  void SetUp() override { context_ = test::CreateHeadlessImGui(ImVec2(640, 480)); }
  void TearDown() override { ImGui::DestroyContext(context_); }
  ImGuiContext* context_ = nullptr;
};

TEST_F(DrawFingerprint, EqualFramesHaveEqualFingerprints) {
  frameWith("f = 1.060077", 80);  // the first frame lays the window out
  const std::uint64_t a = frameWith("f = 1.060077", 80);
  const std::uint64_t b = frameWith("f = 1.060077", 80);
  EXPECT_EQ(a, b);
}

TEST_F(DrawFingerprint, AnyChangeOfWhatIsDrawnChangesIt) {
  frameWith("f = 1.060077", 80);
  const std::uint64_t base = frameWith("f = 1.060077", 80);
  EXPECT_NE(frameWith("f = 1.060078", 80), base);     // one glyph
  EXPECT_NE(frameWith("f = 1.060077", 81), base);     // one rectangle a pixel wider
  EXPECT_NE(frameWith("f = 1.060077", 80, 1), base);  // a texture re-shaded under its old name
  ImGui::GetIO().DisplaySize = ImVec2(800, 600);      // the window resized
  EXPECT_NE(frameWith("f = 1.060077", 80), base);
}

TEST(FrameSkipper, DrawsTheFirstFrameEveryChangeAndAfterAnExposeOnly) {
  FrameSkipper skipper;
  EXPECT_TRUE(skipper.mustDraw(7));   // the first frame
  EXPECT_FALSE(skipper.mustDraw(7));  // nothing changed
  EXPECT_TRUE(skipper.mustDraw(8));   // changed
  EXPECT_FALSE(skipper.mustDraw(8));
  skipper.invalid = true;  // the window was exposed: its pixels are gone
  EXPECT_TRUE(skipper.mustDraw(8));
  EXPECT_FALSE(skipper.mustDraw(8));
  EXPECT_EQ(skipper.skipped, 3);
}

long reported(const std::string& output, const std::string& key) {
  const std::size_t at = output.find(key + ": ");
  return at == std::string::npos ? -1 : std::stol(output.substr(at + key.size() + 2));
}

// bench-frames: with no input only the frames where the layout settles (scroll bars, the status
// bar's first frame time) are rasterized; a drag rasterizes every frame (each moves the
// trajectory); --redraw-all rasterizes every frame.
TEST(FrameSkipping, IdleFramesAreNotRasterizedAndDraggedFramesAre) {
  const test::CommandResult idle = test::runGradlab("bench-frames --frames 40 --size 800x600");
  ASSERT_EQ(idle.exit_code, 0) << idle.output;
  EXPECT_GE(reported(idle.output, "frames_rasterized"), 0) << idle.output;
  EXPECT_LE(reported(idle.output, "frames_rasterized"), 4) << idle.output;
  const test::CommandResult drag =
      test::runGradlab("bench-frames --frames 20 --size 800x600 --drag");
  ASSERT_EQ(drag.exit_code, 0) << drag.output;
  EXPECT_EQ(reported(drag.output, "frames_rasterized"), 20) << drag.output;
  const test::CommandResult all =
      test::runGradlab("bench-frames --frames 20 --size 800x600 --redraw-all");
  ASSERT_EQ(all.exit_code, 0) << all.output;
  EXPECT_EQ(reported(all.output, "frames_rasterized"), 20) << all.output;
}

}  // namespace
}  // namespace gradlab
