// The inspector on a flat plain (issue 15 item 2): core's flat-region rule, not "a saddle point".
#include <gtest/gtest.h>

#include "app/labs/optimizer/optimizer_lab.h"

namespace gradlab {
namespace {

// Item 2 in the inspector: at a run's end on the plain it said "a saddle point".
TEST(Inspector, CallsThePlainAFlatRegionNotASaddle) {
  OptimizerLab lab;
  resetOptimizerLab(lab);
  EXPECT_STREQ(describeShape(inspectPoint(*lab.objective, Vec2(3, 3)), 1e-4),
               "a flat region, not a stationary point");
  EXPECT_STREQ(describeShape(inspectPoint(*lab.objective, Vec2(0.5, 0.5)), 1e-4), "a saddle point");
}

}  // namespace
}  // namespace gradlab
