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
  };
  for (const BadArguments& c : cases) {
    CommandResult r = runGradlab(c.arguments);
    EXPECT_EQ(r.exit_code, 2) << c.arguments << "\n" << r.output;
    EXPECT_EQ(countLines(r.output), 1) << c.arguments << "\n" << r.output;
    EXPECT_NE(r.output.find(c.expected), std::string::npos) << c.arguments << "\n" << r.output;
  }
}

TEST(CliErrors, HelpExitsZero) {
  CommandResult r = runGradlab("--help");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.output.find("render"), std::string::npos);
}

}  // namespace
}  // namespace gradlab::test
