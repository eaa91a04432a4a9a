// Tests of the optimizer step rules: names, validation, hand-computed first steps, and every
// method's trajectory against PyTorch reference CSVs (tests/data/make_torch_reference.py).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "core/optimizers.h"
#include "core/run.h"
#include "optim_test_objectives.h"
#include "torch_reference.h"

namespace gradlab {
namespace {

using torch_reference::close;
using torch_reference::configFor;
using torch_reference::readReference;
using torch_reference::Reference;

// [SECTION] Names and validation

TEST(Methods, CliNamesRoundTrip) {
  int n = 0;
  const MethodInfo* table = methodTable(&n);
  ASSERT_EQ(n, 11);
  const char* expected[] = {"gd",   "gd-armijo", "momentum", "nesterov",      "adagrad", "rmsprop",
                            "adam", "amsgrad",   "newton",   "damped-newton", "lbfgs"};
  for (int i = 0; i < n; ++i) {
    EXPECT_STREQ(table[i].cli_name, expected[i]);
    Method m;
    ASSERT_TRUE(methodFromCliName(expected[i], &m));
    EXPECT_EQ(m, table[i].method);
    EXPECT_STREQ(methodCliName(m), expected[i]);
    EXPECT_GT(std::string(methodDisplayName(m)).size(), 2u);
  }
  Method m;
  EXPECT_FALSE(methodFromCliName("sgd", &m));
}

TEST(Validate, DefaultsAreValidAndBadValuesSayWhatIsWrong) {
  EXPECT_EQ(SgdParams{}.validate(), "");
  EXPECT_EQ(ArmijoParams{}.validate(), "");
  EXPECT_EQ(AdagradParams{}.validate(), "");
  EXPECT_EQ(RmspropParams{}.validate(), "");
  EXPECT_EQ(AdamParams{}.validate(), "");
  EXPECT_EQ(NewtonParams{}.validate(), "");
  EXPECT_EQ(LbfgsParams{}.validate(), "");
  LbfgsParams lbfgs;
  lbfgs.history_size = 0;
  EXPECT_NE(lbfgs.validate(), "");
  SgdParams sgd;
  sgd.nesterov = true;  // torch: "Nesterov momentum requires a momentum and zero dampening"
  EXPECT_NE(sgd.validate().find("Nesterov"), std::string::npos);
  sgd.momentum = 0.9;
  EXPECT_EQ(sgd.validate(), "");
  sgd.dampening = 0.1;
  EXPECT_NE(sgd.validate(), "");
  AdamParams adam;
  adam.beta1 = 1.0;
  EXPECT_EQ(adam.validate(), "beta1 must be in [0, 1) (got 1)");
  adam.beta1 = 0.9;
  EXPECT_EQ(adam.validate(), "");
  RmspropParams rms;
  rms.eps = -1;
  EXPECT_NE(rms.validate(), "");
  AdagradParams ada;
  ada.lr_decay = -0.1;
  EXPECT_NE(ada.validate(), "");
  ArmijoParams arm;
  arm.c = 1;
  EXPECT_NE(arm.validate(), "");
}

// [SECTION] Hand-computed steps

TEST(Steps, AdamFirstStepMovesEveryCoordinateByLr) {
  // After one step m_hat = g and v_hat = g^2, so the step is lr * g / (|g| + eps).
  AdamParams p;
  AdamState s;
  const Vec2 w = adamStep(p, 0.1, s, Vec2(1, 1), Vec2(3, -0.002));
  EXPECT_NEAR(w.x(), 0.9, 1e-9);
  EXPECT_NEAR(w.y(), 1.1, 1e-6);
  EXPECT_EQ(s.t, 1);
  EXPECT_NEAR(s.m.x(), 0.3, 1e-15);
}

TEST(Steps, AmsgradKeepsTheLargestSecondMoment) {
  AdamParams p;
  p.amsgrad = true;
  AdamState s;
  adamStep(p, 1e-3, s, Vec2(0, 0), Vec2(10, 0));
  adamStep(p, 1e-3, s, Vec2(0, 0), Vec2(0.1, 0));
  EXPECT_GT(s.v_max.x(), s.v.x() - 1e-18);
  EXPECT_NEAR(s.v_max.x(), 0.001 * 100, 1e-15);
}

TEST(Steps, MomentumBufferStartsAsTheGradient) {
  SgdParams p;
  p.momentum = 0.9;
  p.dampening = 0.5;  // dampening does not apply to the first step (torch clones g)
  SgdState s;
  Vec2 w = sgdStep(p, 0.1, s, Vec2(0, 0), Vec2(1, 2));
  EXPECT_EQ(s.momentum_buffer, Vec2(1, 2));
  EXPECT_NEAR(w.x(), -0.1, 1e-16);
  w = sgdStep(p, 0.1, s, w, Vec2(1, 2));
  EXPECT_NEAR(s.momentum_buffer.x(), 0.9 + 0.5, 1e-15);
  EXPECT_NEAR(w.x(), -0.1 - 0.14, 1e-15);
}

TEST(Steps, MaximizeAscends) {
  SgdParams p;
  p.maximize = true;
  SgdState s;
  EXPECT_EQ(sgdStep(p, 0.1, s, Vec2(0, 0), Vec2(1, -1)), Vec2(0.1, -0.1));
  AdagradParams a;
  a.maximize = true;
  AdagradState as;
  EXPECT_GT(adagradStep(a, 1e-2, as, Vec2(0, 0), Vec2(1, 1)).x(), 0);
}

TEST(Steps, NewtonSingularIsAValueNotNaN) {
  NewtonParams p;
  NewtonState s;
  Vec2 w_next(7, 7);
  EXPECT_FALSE(newtonStep(p, 1.0, s, Vec2(1, 1), Vec2(1, 2), Mat2::Zero(), &w_next));
  EXPECT_EQ(w_next, Vec2(7, 7));
  Mat2 h;
  h << 1, 1, 1, 1;  // rank one
  EXPECT_FALSE(newtonStep(p, 1.0, s, Vec2(1, 1), Vec2(1, 2), h, &w_next));
  h << 1e-7, 0, 0, 1;  // ill-conditioned but invertible: a (large) step is taken
  EXPECT_TRUE(newtonStep(p, 1.0, s, Vec2(0, 0), Vec2(1e-7, 1), h, &w_next));
  EXPECT_NEAR(w_next.x(), -1, 1e-12);
  EXPECT_NEAR(w_next.y(), -1, 1e-12);
}

// The one singularity test (optimizer_lab uses it too): |det H| <= tol * ||H||_F^2.
TEST(Steps, NewtonDirectionIsTheOneSingularityTest) {
  Vec2 d(7, 7);
  EXPECT_FALSE(newtonDirection(Mat2::Zero(), Vec2(1, 2), 1e-12, &d));
  EXPECT_EQ(d, Vec2(7, 7));  // untouched
  Mat2 h;
  h << 2, 0, 0, 4;
  ASSERT_TRUE(newtonDirection(h, Vec2(1, 2), 1e-12, &d));
  EXPECT_EQ(d, Vec2(-0.5, -0.5));
  // Relative: |det| = 1e-12 against ||H||_F^2 = 1 + 1e-24 is singular at tol 1e-12, not at 1e-13;
  // scaling H by any factor does not change the answer.
  h << 1, 0, 0, 1e-12;
  EXPECT_FALSE(newtonDirection(h, Vec2(1, 1), 1e-12, &d));
  EXPECT_TRUE(newtonDirection(h, Vec2(1, 1), 1e-13, &d));
  EXPECT_FALSE(newtonDirection(1e-20 * h, Vec2(1, 1), 1e-12, &d));
  EXPECT_TRUE(newtonDirection(1e-20 * h, Vec2(1, 1), 1e-13, &d));
  h << 1, std::nan(""), 0, 1;
  EXPECT_FALSE(newtonDirection(h, Vec2(1, 1), 1e-12, &d));
  // newtonStep is w + eta * newtonDirection.
  NewtonParams p;
  NewtonState s;
  h << 2, 1, 1, 3;
  Vec2 w_next;
  ASSERT_TRUE(newtonStep(p, 0.5, s, Vec2(1, 1), Vec2(1, 2), h, &w_next));
  ASSERT_TRUE(newtonDirection(h, Vec2(1, 2), p.singular_tol, &d));
  EXPECT_EQ(s.direction, d);
  EXPECT_EQ(w_next, Vec2(1, 1) + 0.5 * d);
}

// torch accepts momentum >= 1, but then the buffer grows without bound: validate() says so.
// No torch reference (tests/data/torch) uses momentum >= 1; the largest is 0.9.
TEST(Validate, MomentumOfOneOrMoreIsRejected) {
  SgdParams sgd;
  sgd.momentum = 0.999;
  EXPECT_EQ(sgd.validate(), "");
  sgd.momentum = 1;
  EXPECT_EQ(
      sgd.validate(),
      "momentum must be in [0, 1): with momentum >= 1 the buffer grows without bound (got 1)");
  sgd.momentum = 1.5;
  EXPECT_NE(sgd.validate().find("grows without bound"), std::string::npos);
  RmspropParams rms;
  rms.momentum = 0.5;
  EXPECT_EQ(rms.validate(), "");
  rms.momentum = 1;
  EXPECT_NE(rms.validate().find("momentum must be in [0, 1)"), std::string::npos);
  rms.momentum = -0.1;
  EXPECT_NE(rms.validate().find("momentum must be in [0, 1)"), std::string::npos);
}

TEST(Steps, ArmijoHalvesUntilSufficientDecrease) {
  const ObjectivePtr f = testing_objectives::builtin("sq-norm");  // ||w||^2
  ASSERT_TRUE(f);
  ArmijoParams p;
  ArmijoState s;
  Vec2 w_next;
  double f_next = 0;
  // From w = (1, 0), g = (2, 0) with first trial step 4: t = 4, 2, 1 fail; t = 0.5 lands on 0.
  ASSERT_TRUE(armijoStep(p, 4, s, *f, Vec2(1, 0), 1, Vec2(2, 0), &w_next, &f_next));
  EXPECT_EQ(s.last_halvings, 3);
  EXPECT_EQ(s.last_step, 0.5);
  EXPECT_EQ(w_next, Vec2(0, 0));
  EXPECT_EQ(f_next, 0);
}

// [SECTION] PyTorch reference trajectories

// The reference functions are gradlab's built-ins with their default parameters.
ObjectivePtr referenceObjective(const std::string& name) {
  return testing_objectives::builtin(name);
}

TEST(TorchReference, EveryMethodMatchesPyTorchOnThreeFunctionsWithTwoSettings) {
  const std::filesystem::path dir = std::filesystem::path(GRADLAB_TEST_DATA_DIR) / "torch";
  ASSERT_TRUE(std::filesystem::is_directory(dir)) << dir;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    if (entry.path().extension() == ".csv") files.push_back(entry.path());
  std::sort(files.begin(), files.end());

  std::map<std::string, std::set<std::string>> functions_per_method;
  std::map<std::string, int> settings_per_method;
  for (const auto& path : files) {
    const Reference ref = readReference(path);
    SCOPED_TRACE(ref.file);
    ASSERT_GE(ref.rows.size(), 5u);
    std::string unknown;
    const RunConfig config = configFor(ref, &unknown);
    ASSERT_EQ(unknown, "") << "unknown hyperparameter in the CSV header";
    ASSERT_EQ(config.validate(), "");
    const ObjectivePtr f = referenceObjective(ref.meta.at("function"));
    ASSERT_TRUE(f) << ref.meta.at("function");
    const Trajectory t = run(*f, config, Vec2(ref.rows[0][1], ref.rows[0][2]));
    ASSERT_EQ(t.iterates.size(), ref.rows.size()) << t.message;

    // Noise floors: 1e-6 of the largest |value| of the column along the reference run; below it
    // a quantity is the difference of nearly equal numbers (a gradient at the optimum).
    double w_scale = 0, f_scale = 0, g_scale = 0;
    for (const auto& row : ref.rows) {
      w_scale = std::max({w_scale, std::abs(row[1]), std::abs(row[2])});
      f_scale = std::max(f_scale, std::abs(row[3]));
      g_scale = std::max({g_scale, std::abs(row[4]), std::abs(row[5])});
    }
    int failures = 0;
    for (std::size_t k = 0; k < ref.rows.size() && failures < 3; ++k) {
      const Iterate& it = t.iterates[k];
      const auto& row = ref.rows[k];
      const bool ok = close(it.w.x(), row[1], 1e-9, 1e-6 * w_scale) &&
                      close(it.w.y(), row[2], 1e-9, 1e-6 * w_scale) &&
                      close(it.f, row[3], 1e-9, 1e-6 * f_scale) &&
                      close(it.grad.x(), row[4], 1e-9, 1e-6 * g_scale) &&
                      close(it.grad.y(), row[5], 1e-9, 1e-6 * g_scale);
      if (!ok) {
        ++failures;
        ADD_FAILURE() << "iterate " << k << ": gradlab (" << it.w.x() << ", " << it.w.y() << ") f "
                      << it.f << " g (" << it.grad.x() << ", " << it.grad.y() << "); torch ("
                      << row[1] << ", " << row[2] << ") f " << row[3] << " g (" << row[4] << ", "
                      << row[5] << ")";
      }
    }
    functions_per_method[ref.meta.at("method")].insert(ref.meta.at("function"));
    settings_per_method[ref.meta.at("method")] += 1;
  }
  // Coverage: all eleven methods, three functions each, two settings (pure Newton has none).
  ASSERT_EQ(functions_per_method.size(), 11u);
  for (const auto& [method, functions] : functions_per_method) {
    EXPECT_GE(functions.size(), 3u) << method;
    EXPECT_GE(settings_per_method[method], method == "newton" ? 3 : 6) << method;
  }
}

}  // namespace
}  // namespace gradlab
