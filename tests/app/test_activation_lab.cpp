// The Activation lab's logic with no window: every state change as a function call, the scene's
// JSON round trip and its errors, the command-line options, and the exported figures' content.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <cmath>
#include <string>
#include <variant>

#include "app/labs/activations/activation_figures.h"
#include "app/labs/activations/activation_lab.h"
#include "app/labs/activations/activation_options.h"
#include "app/labs/activations/activation_scene.h"

namespace gradlab {
namespace {

ActivationLab freshLab() {
  ActivationLab lab;
  resetActivationLab(lab);
  return lab;
}

const ActivationCurves* curvesOf(const ActivationLab& lab, Activation a) {
  for (const ActivationCurves& c : lab.curves)
    if (c.id == a) return &c;
  return nullptr;
}

// The y of a curve at sample x (the first sample there: kinks have two).
double curveAt(const PlotCurve& c, double x) {
  for (std::size_t i = 0; i < c.xs.size(); ++i)
    if (c.xs[i] == x) return c.ys[i];
  return std::nan("");
}

TEST(ActivationLab, DefaultShowsReluLeakyTanhSigmoidOverMinus4To4) {
  const ActivationLab lab = freshLab();
  ASSERT_EQ(lab.curves.size(), 4u);
  EXPECT_EQ(lab.curves[0].id, Activation::Relu);
  EXPECT_EQ(lab.curves[3].id, Activation::Sigmoid);
  EXPECT_EQ(lab.xs.front(), -4);
  EXPECT_EQ(lab.xs.back(), 4);
  EXPECT_TRUE(lab.overlays.empty());
  // Curves are the core's values at the samples.
  const ActivationCurves* tanh = curvesOf(lab, Activation::Tanh);
  ASSERT_TRUE(tanh);
  EXPECT_EQ(curveAt(tanh->order[0], 1.0), std::tanh(1.0));
  EXPECT_EQ(curveAt(tanh->order[1], 1.0), activationEval(Activation::Tanh, 1.0, 0).d1);
}

TEST(ActivationLab, ToggleAnActivationAddsAndRemovesItsCurves) {
  ActivationLab lab = freshLab();
  const int version = lab.version;
  toggleActivation(lab, Activation::Gelu);
  EXPECT_GT(lab.version, version);
  ASSERT_TRUE(curvesOf(lab, Activation::Gelu));
  EXPECT_EQ(curveAt(curvesOf(lab, Activation::Gelu)->order[2], 0.0),
            2 / std::sqrt(2 * 3.141592653589793));  // gelu''(0) = 2 phi(0)
  toggleActivation(lab, Activation::Gelu);
  EXPECT_FALSE(curvesOf(lab, Activation::Gelu));
  toggleActivation(lab, Activation::Relu);
  EXPECT_FALSE(curvesOf(lab, Activation::Relu));
}

// relu' jumps at 0: the derivative curve ends at the one-sided limits 0 and 1, broken by NaN, and
// the dot at 0 is PyTorch's relu'(0) = 0.
TEST(ActivationLab, DerivativeJumpsAreBrokenWithADotAtTheConventionValue) {
  const ActivationLab lab = freshLab();
  const PlotCurve& d1 = curvesOf(lab, Activation::Relu)->order[1];
  ASSERT_EQ(d1.dot_xs, std::vector<double>{0.0});
  EXPECT_EQ(d1.dot_ys, std::vector<double>{0.0});
  int breaks = 0;
  for (std::size_t i = 0; i < d1.xs.size(); ++i) {
    if (!std::isnan(d1.xs[i])) continue;
    ++breaks;
    EXPECT_EQ(d1.ys[i - 1], 0.0);
    EXPECT_EQ(d1.ys[i + 1], 1.0);
  }
  EXPECT_EQ(breaks, 1);
  // The values are continuous: no break, no dot.
  EXPECT_TRUE(curvesOf(lab, Activation::Relu)->order[0].dot_xs.empty());
  // leaky ReLU: f'(0) = alpha.
  EXPECT_EQ(curvesOf(lab, Activation::LeakyRelu)->order[1].dot_ys, std::vector<double>{0.1});
}

TEST(ActivationLab, LeakyAlphaAtZeroAndOneIsHighlightedAsReluAndLinear) {
  ActivationLab lab = freshLab();
  setIdentityShown(lab, ActivationIdentity::LeakyIsMax, true);
  ASSERT_EQ(lab.overlays.size(), 1u);
  EXPECT_EQ(lab.overlays[0].curves.max_difference, 0.0);
  EXPECT_EQ(lab.leaky_limit, LeakyLimit::None);

  setActivationParam(lab, Activation::LeakyRelu, 0);
  EXPECT_EQ(lab.leaky_limit, LeakyLimit::Relu);
  EXPECT_EQ(lab.leaky_limit_difference, 0.0);
  EXPECT_EQ(lab.overlays[0].curves.max_difference, 0.0);
  setActivationParam(lab, Activation::LeakyRelu, 0.5);
  EXPECT_EQ(lab.leaky_limit, LeakyLimit::None);
  setActivationParam(lab, Activation::LeakyRelu, 1);
  EXPECT_EQ(lab.leaky_limit, LeakyLimit::Linear);
  EXPECT_EQ(lab.leaky_limit_difference, 0.0);
  // Out of the slider's range: clamped to it.
  setActivationParam(lab, Activation::LeakyRelu, 7);
  EXPECT_EQ(lab.scene.leaky_alpha, 1.0);
  // The plot says so in the highlight note, with the measured difference.
  const std::vector<plot::Item> items =
      activationPlotItems(lab, 0, activationPlotLimits(lab, 0), Theme::Dark, 16);
  bool noted = false, overlay = false;
  for (const plot::Item& item : items) {
    if (const auto* t = std::get_if<plot::TextItem>(&item))
      noted |= t->text == "alpha = 1: leaky ReLU is linear, f(x) = x (max |difference| 0)";
    if (const auto* l = std::get_if<plot::LineItem>(&item)) overlay |= l->label == "= x (linear)";
  }
  EXPECT_TRUE(noted);
  EXPECT_TRUE(overlay);
}

TEST(ActivationLab, ChangingTheRangeResamplesAndBadRangesAreRefused) {
  ActivationLab lab = freshLab();
  EXPECT_EQ(setActivationRange(lab, -10, 2), "");
  EXPECT_EQ(lab.xs.front(), -10);
  EXPECT_EQ(lab.xs.back(), 2);
  // The kinks are samples: relu's derivative breaks exactly at 0.
  EXPECT_EQ(curvesOf(lab, Activation::Relu)->order[1].dot_xs, std::vector<double>{0.0});
  double y0, y1;
  curveRange(lab, 0, &y0, &y1);
  EXPECT_LE(y0, -1.0);  // leaky ReLU at -10 with alpha 0.1
  EXPECT_GE(y1, 2.0);
  EXPECT_EQ(setActivationRange(lab, 3, 3),
            "x_range: the end must exceed the start by at least 0.001");
  EXPECT_EQ(setActivationRange(lab, -5000, 1), "x_range[0] must be in [-1000, 1000]");
  EXPECT_EQ(lab.scene.x_min, -10);  // unchanged
}

TEST(ActivationLab, EachIdentityTogglesAndMeasuresAtMost1e12) {
  ActivationLab lab = freshLab();
  setActivationRange(lab, -30, 30);
  for (const ActivationIdentityInfo& info : activationIdentityTable()) {
    toggleIdentity(lab, info.id);
    ASSERT_FALSE(lab.overlays.empty());
    EXPECT_EQ(lab.overlays.back().id, info.id);
    EXPECT_LE(lab.overlays.back().curves.max_difference, 1e-12) << info.name;
  }
  EXPECT_EQ(int(lab.overlays.size()), kActivationIdentityCount);
  // The f'' plot's range is its own curves' (the identities are drawn on the other two).
  double lo, hi;
  curveRange(lab, 2, &lo, &hi);
  // (|tanh''| peaks at 4/(3 sqrt 3) = 0.77; the leaky-ReLU identity reaches 30 on [-30, 30].)
  EXPECT_GT(lo, -1.0);
  EXPECT_LT(hi, 1.0);
  toggleIdentity(lab, ActivationIdentity::TanhFromSigmoid);
  EXPECT_EQ(int(lab.overlays.size()), kActivationIdentityCount - 1);
  // softplus' = sigma(beta x) and max |softplus''| = beta/4.
  setActivationParam(lab, Activation::Softplus, 2);
  for (const IdentityOverlay& o : lab.overlays) {
    if (o.id != ActivationIdentity::SoftplusDerivative) continue;
    EXPECT_DOUBLE_EQ(o.curves.second_derivative_bound, 0.5);
    EXPECT_NEAR(o.curves.max_second_derivative, 0.5, 1e-15);
  }
}

TEST(ActivationLab, TaylorDepartureIsWhereTheErrorFirstExceedsTheTolerance) {
  ActivationLab lab = freshLab();
  setTaylor(lab, true, 7, 1e-3);
  const double r = lab.taylor.within;
  ASSERT_TRUE(std::isfinite(r));
  EXPECT_TRUE(lab.taylor.departs_in_range);
  // Within up to r, beyond it just after: checked on the core's functions, both sides.
  for (double x : {0.5 * r, 0.99 * r, -0.99 * r})
    EXPECT_LE(std::abs(sigmoidTaylor(7, x) - sigmoid(x)), 1e-3) << x;
  for (double x : {1.01 * r, -1.01 * r})
    EXPECT_GT(std::abs(sigmoidTaylor(7, x) - sigmoid(x)), 1e-3) << x;
  EXPECT_NEAR(std::abs(sigmoidTaylor(7, r) - sigmoid(r)), 1e-3, 1e-9);
  // A higher degree stays within for longer (inside the radius of convergence pi).
  setTaylor(lab, true, 15, 1e-3);
  EXPECT_GT(lab.taylor.within, r);
  // A loose tolerance on a narrow range: no departure there.
  setActivationRange(lab, -0.5, 0.5);
  setTaylor(lab, true, 3, 1e-2);
  EXPECT_FALSE(std::isfinite(lab.taylor.within));
  EXPECT_FALSE(lab.taylor.departs_in_range);
  EXPECT_EQ(sigmoidTaylorText(7), "1/2 + x/4 - x^3/48 + x^5/480 - 17x^7/80640");
}

TEST(ActivationScene, RoundTripKeepsEveryField) {
  ActivationLab lab = freshLab();
  toggleActivation(lab, Activation::Silu);
  setActivationParam(lab, Activation::LeakyRelu, 0.25);
  setActivationParam(lab, Activation::Elu, 1.5);
  setActivationParam(lab, Activation::Softplus, 3);
  setActivationRange(lab, -6, 2.5);
  setIdentityShown(lab, ActivationIdentity::SigmoidSymmetry, true);
  setSecondDerivativeShown(lab, true);
  setTaylor(lab, true, 9, 1e-5);
  const nlohmann::json j = activationSceneToJson(lab.scene);
  ActivationLab other = freshLab();
  ASSERT_EQ(loadActivationScene(other, j), "");
  EXPECT_EQ(activationSceneToJson(other.scene), j);
  EXPECT_EQ(other.scene.shown, lab.scene.shown);
  EXPECT_EQ(other.scene.identities, lab.scene.identities);
  EXPECT_EQ(other.scene.taylor_degree, 9);
  EXPECT_EQ(other.curves.size(), lab.curves.size());
  // Through text, too (what a scene file holds).
  ActivationLab third = freshLab();
  ASSERT_EQ(loadActivationScene(third, nlohmann::json::parse(j.dump())), "");
  EXPECT_EQ(activationSceneToJson(third.scene), j);
}

TEST(ActivationScene, MalformedScenesNameTheBadFieldAndLeaveTheLabUnchanged) {
  const struct {
    const char* json;
    const char* error;
  } cases[] = {
      {R"({"shown": ["relu", "swish"]})",
       "shown[1]: 'swish' is not one of relu, leaky_relu, linear, tanh, sigmoid, softplus, elu, "
       "gelu, silu, hardtanh"},
      {R"({"shown": "relu"})", "shown must be a list of names"},
      {R"({"leaky_alpha": 1.5})", "leaky_alpha must be in [0, 1]"},
      {R"({"softplus_beta": "big"})", "softplus_beta must be a number"},
      {R"({"x_range": [4, -4]})", "x_range: the end must exceed the start by at least 0.001"},
      {R"({"x_range": [1]})", "x_range must be [x_min, x_max]"},
      {R"({"identities": ["leaky", 3]})",
       "identities[1] must be a name (leaky, tanh, symmetry, sigmoid-derivative, relu-idempotent, "
       "softplus-derivative)"},
      {R"({"taylor": {"degree": 40}})", "taylor.degree must be in [1, 19]"},
      {R"({"taylor": {"degree": 2.5}})", "taylor.degree must be a whole number"},
      {R"({"taylor": {"order": 3}})", "taylor.order is not a field (shown, degree, tolerance)"},
      {R"({"alpha": 0.1})", "'alpha' is not a field of the activation scene"},
      {R"({"version": 9})", "version 9 is newer than this gradlab reads (1)"},
      {R"([1, 2])", "the scene must be a JSON object"},
  };
  for (const auto& c : cases) {
    ActivationLab lab = freshLab();
    const nlohmann::json before = activationSceneToJson(lab.scene);
    EXPECT_EQ(loadActivationScene(lab, nlohmann::json::parse(c.json)), c.error) << c.json;
    EXPECT_EQ(activationSceneToJson(lab.scene), before) << c.json;
  }
}

TEST(ActivationOptions, ShowAlphaIdentityAndErrors) {
  ActivationLab lab = freshLab();
  ASSERT_EQ(applyActivationOptions(
                lab, {"--show", "relu,tanh", "--alpha", "0", "--identity", "leaky,tanh", "--range",
                      "-3,5", "--taylor", "7", "--tolerance", "1e-4", "--second"}),
            "");
  EXPECT_EQ(lab.curves.size(), 2u);
  EXPECT_EQ(lab.scene.leaky_alpha, 0.0);
  EXPECT_EQ(lab.leaky_limit, LeakyLimit::Relu);
  EXPECT_EQ(lab.overlays.size(), 2u);
  EXPECT_EQ(lab.scene.x_min, -3);
  EXPECT_TRUE(lab.scene.show_second);
  EXPECT_EQ(lab.scene.taylor_degree, 7);
  EXPECT_EQ(lab.scene.taylor_tolerance, 1e-4);

  ActivationLab other = freshLab();
  EXPECT_EQ(applyActivationOptions(other, {"--show", "relu,swish"}),
            "--show: 'swish' is not an activation (relu, leaky_relu, linear, tanh, sigmoid, "
            "softplus, elu, gelu, silu, hardtanh)");
  EXPECT_EQ(applyActivationOptions(other, {"--alpha", "2"}), "--alpha must be in [0, 1], got 2");
  EXPECT_EQ(applyActivationOptions(other, {"--beta", "0"}), "--beta must be in [0.1, 10], got 0");
  EXPECT_EQ(applyActivationOptions(other, {"--range", "2,1"}),
            "--range: x_range: the end must exceed the start by at least 0.001");
  EXPECT_EQ(applyActivationOptions(other, {"--taylor", "20"}),
            "--taylor must be a degree in [1, 19]");
  EXPECT_NE(applyActivationOptions(other, {"--nope"}), "");
  EXPECT_EQ(activationSceneToJson(other.scene), activationSceneToJson(defaultActivationScene()));
}

}  // namespace
}  // namespace gradlab
