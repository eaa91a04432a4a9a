// Frames only when a pixel would change: the real app under Xvfb, with no input, draws its
// settling frames and then nothing; playing, it draws when the shown iterate changes.
#include <gtest/gtest.h>

#include <string>

#include "tests/app/run_command.h"

namespace gradlab {
namespace {

long framesDrawn(const std::string& output) {
  const std::size_t at = output.find("frames_drawn: ");
  return at == std::string::npos ? -1 : std::stol(output.substr(at + 14));
}

TEST(GuiIdle, NoInputNoFramesAfterSettling) {
  const test::CommandResult r = test::runGradlab("gui --quit-after 2 --report-frames");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const long frames = framesDrawn(r.output);
  EXPECT_GE(frames, 1) << r.output;
  EXPECT_LE(frames, 6) << r.output;  // the settling frames only; a 60 Hz loop would draw ~120
  // Of those, only frames whose pixels changed were rasterized (app/draw_fingerprint.h).
  const std::size_t at = r.output.find("frames_rasterized: ");
  ASSERT_NE(at, std::string::npos) << r.output;
  const long rasterized = std::stol(r.output.substr(at + 19));
  EXPECT_GE(rasterized, 1) << r.output;
  EXPECT_LE(rasterized, frames) << r.output;
}

TEST(GuiIdle, PlayingDrawsOneFramePerIterateNotPerRefresh) {
  // Default scene at 20 iterations/s: 2 s reveal about 40 iterates, so about 40 frames.
  const test::CommandResult r = test::runGradlab("gui --play --quit-after 2 --report-frames");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const long frames = framesDrawn(r.output);
  EXPECT_GE(frames, 10) << r.output;
  EXPECT_LE(frames, 50) << r.output;
}

TEST(GuiIdle, PlayOnALabWithNothingToPlayIsAnError) {
  const test::CommandResult r = test::runGradlab("gui --lab activations --play --quit-after 1");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("nothing to play"), std::string::npos) << r.output;
}

TEST(GuiIdle, BadLabOptionsFailBeforeAnyWindowOpens) {
  const test::CommandResult r =
      test::runGradlab("gui --function nope --quit-after 1", true, "env -u DISPLAY");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("unknown function 'nope'"), std::string::npos) << r.output;
}

}  // namespace
}  // namespace gradlab
