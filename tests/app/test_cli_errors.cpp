// Command-line errors: one line on stderr, exit status 2, never a crash.
#include <gtest/gtest.h>

#include "tests/app/run_command.h"

namespace gradlab::test {
namespace {

struct BadArguments {
  const char* arguments;
  const char* expected;  // a piece of the one-line message
};

TEST(CliErrors, BadArgumentsExit2WithOneLine) {
  const BadArguments cases[] = {
      {"render --lab nope --out x.png", "--lab"},
      {"render --size 12 --out x.png", "--size must look like 1600x900"},
      {"render --size 10x10 --out x.png", "between 64x64"},
      {"render --scale 0 --out x.png", "--scale"},
      {"render --theme purple --out x.png", "--theme"},
      {"render", "--out is required"},
      {"bench-frames --frames 0", "--frames"},
      {"no-such-command", "no-such-command"},
      // CLI11 parses these as numbers; no option can use them.
      {"render --lab optimizer --lr inf --out x.png", "--lr: not a finite number: inf"},
      {"render --lab optimizer --pin nan,1 --out x.png", "--pin: not a finite number: nan"},
      {"trace --function quadratic --lr nan", "--lr: not a finite number: nan"},
      {"trace --function quadratic --method adam --eps inf", "--eps: not a finite number"},
      {"trace --function quadratic --f-tol -1", "--f-tol must be >= 0"},
      // Issue 15 item 12: render checks what it can before a window is made, with trace's words.
      {"render --out /", "'/' is a directory"},
      {"render --out /no/such/dir/x.png", "the directory '/no/such/dir' does not exist"},
      {"render --out /proc/x.png", "cannot write in the directory '/proc'"},
      {"render --function nope --out x.png", "unknown function 'nope' (one of sq-norm, "},
      {"render --expr '' --out x.png", "the expression is empty"},
      {"render --expr 'x^2 + (y' --out x.png", "column"},
      {"render --method sgd --out x.png", "unknown method 'sgd'"},
      {"render --lr 100 --out x.png", "--lr must be in [1e-06, 10] for gd (the app's range)"},
      {"render --lr 0 --out x.png", "--lr must be in [1e-06, 10]"},
      {"render --method newton --lr 0.5 --out x.png", "does not apply to newton"},
      {"render --start 1 --out x.png", "--start must look like X,Y"},
      {"render --compare --method adam --out x.png", "--method picks the single method"},
      {"render --compare --start 1,1 --start 2,2 --out x.png", "give one --start"},
      {"bench-frames --lr 100", "--lr must be in [1e-06, 10]"},
  };
  for (const BadArguments& c : cases) {
    CommandResult r = runGradlab(c.arguments);
    EXPECT_EQ(r.exit_code, 2) << c.arguments << "\n" << r.output;
    EXPECT_EQ(countLines(r.output), 1) << c.arguments << "\n" << r.output;
    EXPECT_NE(r.output.find(c.expected), std::string::npos) << c.arguments << "\n" << r.output;
    EXPECT_EQ(r.output.rfind("gradlab: error: ", 0), 0u) << c.arguments << "\n" << r.output;
  }
}

// The checks above come before any window: they hold without a display too.
TEST(CliErrors, RenderChecksComeBeforeTheDisplay) {
  CommandResult r = runGradlab("render --out /", true, "env -u DISPLAY -u WAYLAND_DISPLAY");
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("is a directory"), std::string::npos) << r.output;
  r = runGradlab("render --lr 100 --out x.png", true, "env -u DISPLAY -u WAYLAND_DISPLAY");
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("--lr must be in"), std::string::npos) << r.output;
}

TEST(CliErrors, HelpExitsZero) {
  CommandResult r = runGradlab("--help");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.output.find("render"), std::string::npos);
}

}  // namespace
}  // namespace gradlab::test
