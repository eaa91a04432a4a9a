// Tick values and labels: nice steps, many ranges, log decades, label formatting.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "app/plot/ticks.h"

namespace gradlab::plot {
namespace {

std::vector<double> Values(const std::vector<Tick>& ticks, bool major_only = true) {
  std::vector<double> v;
  for (const Tick& t : ticks) {
    if (t.major || !major_only) v.push_back(t.value);
  }
  return v;
}

std::vector<std::string> Labels(const std::vector<Tick>& ticks) {
  std::vector<std::string> v;
  for (const Tick& t : ticks) {
    if (t.major) v.push_back(t.label);
  }
  return v;
}

TEST(NiceNum, RoundsToOneTwoFiveTimesPowersOfTen) {
  EXPECT_EQ(NiceNum(1.2, true), 1);
  EXPECT_EQ(NiceNum(1.6, true), 2);
  EXPECT_EQ(NiceNum(3.5, true), 5);
  EXPECT_EQ(NiceNum(7.5, true), 10);
  EXPECT_EQ(NiceNum(0.26, true), 0.2);
  EXPECT_EQ(NiceNum(0.00043, true), 0.0005);
  EXPECT_EQ(NiceNum(420, true), 500);
  EXPECT_EQ(NiceNum(1.2, false), 2);
  EXPECT_EQ(NiceNum(2.0, false), 2);
  EXPECT_EQ(NiceNum(2.1, false), 5);
  EXPECT_EQ(NiceNum(6, false), 10);
  EXPECT_EQ(NiceNum(0, true), 0);
  EXPECT_EQ(NiceNum(-3, true), 0);
  EXPECT_EQ(NiceNum(NAN, true), 0);
}

TEST(LinearTicks, UnitIntervalGetsTenthsOfTwo) {
  const auto ticks = LinearTicks(0, 1, 6);
  EXPECT_EQ(Values(ticks), (std::vector<double>{0, 0.2, 0.4, 0.6, 0.8, 1.0}));
  EXPECT_EQ(Labels(ticks), (std::vector<std::string>{"0", "0.2", "0.4", "0.6", "0.8", "1"}));
}

TEST(LinearTicks, ContourWindowOfC4GetsIntegers) {
  const auto ticks = LinearTicks(-2, 3, 6);
  EXPECT_EQ(Values(ticks), (std::vector<double>{-2, -1, 0, 1, 2, 3}));
  EXPECT_EQ(Labels(ticks), (std::vector<std::string>{"-2", "-1", "0", "1", "2", "3"}));
}

TEST(LinearTicks, TenthsAreExactDecimalsNotAccumulatedSums) {
  const auto ticks = LinearTicks(0, 1, 11);
  ASSERT_EQ(ticks.size(), 11u);
  EXPECT_EQ(ticks[3].value, 0.3);  // not 0.30000000000000004
  EXPECT_EQ(ticks[3].label, "0.3");
  EXPECT_EQ(ticks[7].label, "0.7");
}

TEST(LinearTicks, TicksStayInsideRangeAndAreEvenlySpaced) {
  const double ranges[][2] = {{-2.7, 3.1},   {0.013, 0.017},   {-1e-9, 3e-9},   {1e6, 7.3e6},
                              {99.5, 100.5}, {-123456, -1000}, {1e-300, 1e-299}};
  for (const auto& r : ranges) {
    for (int target : {3, 5, 8, 12}) {
      const auto ticks = LinearTicks(r[0], r[1], target);
      ASSERT_GE(ticks.size(), 2u) << r[0] << " " << r[1] << " " << target;
      EXPECT_LE(static_cast<int>(ticks.size()), 2 * target + 1);
      const double step = LinearTickStep(r[0], r[1], target);
      for (std::size_t i = 0; i < ticks.size(); ++i) {
        EXPECT_GE(ticks[i].value, r[0] - 1e-9 * step);
        EXPECT_LE(ticks[i].value, r[1] + 1e-9 * step);
        if (i > 0) {
          EXPECT_NEAR(ticks[i].value - ticks[i - 1].value, step, 1e-9 * step);
        }
      }
    }
  }
}

TEST(LinearTicks, TinyRangeUsesScientificLabels) {
  const auto ticks = LinearTicks(0, 4e-5, 5);
  EXPECT_EQ(Labels(ticks), (std::vector<std::string>{"0", "1e-05", "2e-05", "3e-05", "4e-05"}));
  const auto half = LinearTicks(1e-5, 2e-5, 3);
  EXPECT_EQ(Labels(half), (std::vector<std::string>{"1e-05", "1.5e-05", "2e-05"}));
}

TEST(LinearTicks, HugeRangeUsesScientificLabels) {
  const auto ticks = LinearTicks(0, 3e6, 4);
  EXPECT_EQ(Labels(ticks), (std::vector<std::string>{"0", "1e+06", "2e+06", "3e+06"}));
}

TEST(LinearTicks, ModerateValuesUseFixedNotation) {
  EXPECT_EQ(Labels(LinearTicks(0, 50000, 6)),
            (std::vector<std::string>{"0", "10000", "20000", "30000", "40000", "50000"}));
  EXPECT_EQ(Labels(LinearTicks(-0.01, 0.01, 5)),
            (std::vector<std::string>{"-0.01", "-0.005", "0", "0.005", "0.01"}));
}

TEST(LinearTicks, EmptyOrInvalidRangeGivesNoTicks) {
  EXPECT_TRUE(LinearTicks(1, 1, 5).empty());
  EXPECT_TRUE(LinearTicks(2, 1, 5).empty());
  EXPECT_TRUE(LinearTicks(0, INFINITY, 5).empty());
  EXPECT_TRUE(LinearTicks(NAN, 1, 5).empty());
}

TEST(FormatTick, NeverPrintsNegativeZeroOrRoundingNoise) {
  const TickFormat f = ChooseTickFormat(0.1, 1);
  EXPECT_EQ(FormatTick(-1e-17, 0.1, f), "0");
  EXPECT_EQ(FormatTick(0.1 + 0.2, 0.1, f), "0.3");
  EXPECT_EQ(FormatTick(-0.0, 0.1, f), "0");
  EXPECT_EQ(FormatValue(0.1 + 0.2), "0.3");
  EXPECT_EQ(FormatValue(1.060077), "1.06008");
  EXPECT_EQ(FormatValue(-0.0), "0");
}

TEST(LogTicks, DecadesAreMajorWithMinorTicksBetween) {
  const auto ticks = LogTicks(1e-3, 1e2, 8);
  EXPECT_EQ(Values(ticks), (std::vector<double>{1e-3, 1e-2, 1e-1, 1, 10, 100}));
  EXPECT_EQ(Labels(ticks), (std::vector<std::string>{"0.001", "0.01", "0.1", "1", "10", "100"}));
  const auto all = Values(ticks, false);
  EXPECT_EQ(all.size(), 6u + 5u * 8u);  // 2..9 in each of the five full decades
  for (std::size_t i = 1; i < all.size(); ++i) EXPECT_LT(all[i - 1], all[i]);
}

TEST(LogTicks, ManyDecadesLabelEveryNthAndUseExponents) {
  const auto ticks = LogTicks(1e-12, 1e12, 6);
  const auto major = Values(ticks);
  ASSERT_GE(major.size(), 4u);
  EXPECT_LE(major.size(), 7u);
  EXPECT_EQ(Labels(ticks).front(), "10\u207b\u00b9\u2070");  // 10^-10: every 5th of 25 decades
  for (const Tick& t : ticks) {
    if (t.major) {
      EXPECT_EQ(t.label.find('.'), std::string::npos);
    }
  }
}

TEST(PowerOfTenLabel, WritesTheExponentInSuperscripts) {
  EXPECT_EQ(PowerOfTenLabel(0), "10\u2070");
  EXPECT_EQ(PowerOfTenLabel(-4), "10\u207b\u2074");
  EXPECT_EQ(PowerOfTenLabel(12), "10\u00b9\u00b2");
  EXPECT_EQ(PowerOfTenLabel(-305), "10\u207b\u00b3\u2070\u2075");
}

TEST(LogTicks, PartialDecadeFallsBackToLinearTicks) {
  const auto ticks = LogTicks(2, 8, 4);
  EXPECT_EQ(Values(ticks), (std::vector<double>{2, 4, 6, 8}));
}

TEST(KeepWholeNumberTicks, IterationAxesShowNoHalfSteps) {
  // A run of one step fits [-0.05, 1.05]: 1-2-5 steps give 0, 0.5, 1 (and minor ticks).
  std::vector<Tick> ticks = LinearTicks(-0.05, 1.05, 3);
  ASSERT_GE(ticks.size(), 3u);
  KeepWholeNumberTicks(ticks);
  ASSERT_EQ(ticks.size(), 2u);
  EXPECT_EQ(ticks[0].label, "0");
  EXPECT_EQ(ticks[1].label, "1");
  // Wide ranges keep every tick (all whole numbers already), labelled in full.
  std::vector<Tick> wide = LinearTicks(0, 100000, 3);
  const std::size_t n = wide.size();
  KeepWholeNumberTicks(wide);
  EXPECT_EQ(wide.size(), n);
  EXPECT_EQ(Labels(wide), (std::vector<std::string>{"0", "50000", "100000"}));
}

TEST(LogTicks, InvalidRangeGivesNoTicks) {
  EXPECT_TRUE(LogTicks(0, 10, 5).empty());
  EXPECT_TRUE(LogTicks(-1, 10, 5).empty());
  EXPECT_TRUE(LogTicks(10, 1, 5).empty());
}

}  // namespace
}  // namespace gradlab::plot
