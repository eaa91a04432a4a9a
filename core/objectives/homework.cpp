// The homework objectives of EXERCISES.md section C (C1-C7), with hand-written exact
// gradients and Hessians.
#include <cmath>

#include "core/objectives/builtins.h"

namespace gradlab {
namespace {

// C4: f = exp(-w1^2 - 2(w2-1)^2) + exp(-(w1-1)^2 - 2 w2^2).
// For a bump e = exp(-u^2 - 2v^2): grad e = e (-2u, -4v),
// Hessian e [[4u^2 - 2, 8uv], [8uv, 16v^2 - 4]].
struct TwoBumps {
  double value(const Vec2& w) const {
    const double u1 = w.x(), v1 = w.y() - 1, u2 = w.x() - 1, v2 = w.y();
    return std::exp(-u1 * u1 - 2 * v1 * v1) + std::exp(-u2 * u2 - 2 * v2 * v2);
  }
  double valueAndGradient(const Vec2& w, Vec2& g) const {
    const double u1 = w.x(), v1 = w.y() - 1, u2 = w.x() - 1, v2 = w.y();
    const double e1 = std::exp(-u1 * u1 - 2 * v1 * v1);
    const double e2 = std::exp(-u2 * u2 - 2 * v2 * v2);
    g = Vec2(-2 * (e1 * u1 + e2 * u2), -4 * (e1 * v1 + e2 * v2));
    return e1 + e2;
  }
  Eval eval(const Vec2& w) const {
    const double u1 = w.x(), v1 = w.y() - 1, u2 = w.x() - 1, v2 = w.y();
    const double e1 = std::exp(-u1 * u1 - 2 * v1 * v1);
    const double e2 = std::exp(-u2 * u2 - 2 * v2 * v2);
    Eval r;
    r.f = e1 + e2;
    r.grad = Vec2(-2 * (e1 * u1 + e2 * u2), -4 * (e1 * v1 + e2 * v2));
    const double hxx = e1 * (4 * u1 * u1 - 2) + e2 * (4 * u2 * u2 - 2);
    const double hxy = 8 * (e1 * u1 * v1 + e2 * u2 * v2);
    const double hyy = e1 * (16 * v1 * v1 - 4) + e2 * (16 * v2 * v2 - 4);
    r.hess << hxx, hxy, hxy, hyy;
    return r;
  }
};

ObjectivePtr makeTwoBumps(const std::vector<Param>& params) {
  ObjectiveInfo info;
  info.name = "two-bumps";
  info.title = "Two Gaussian bumps (C4)";
  info.description = "f(w) = exp(-w1^2 - 2(w2-1)^2) + exp(-(w1-1)^2 - 2 w2^2), maximized";
  info.window = {-2, 3, -2, 3};
  info.starts = {Vec2(0.2, 0.5), Vec2(0.5, 0.2), Vec2(1.0, 1.0)};
  info.maximize = true;
  // Newton-solved to 40 digits (mpmath); the maxima lie on w1 + w2 = 1 and map onto each other
  // under the point symmetry w -> (1, 1) - w. EXERCISES quotes (0.070777, 0.929258), which is
  // where gradient ascent stops at ||grad|| < 1e-4, not the exact maximum.
  info.known_points = {
      {Vec2(0.070720181679944819, 0.92927981832005518), 1.0600767905778838, "maximum"},
      {Vec2(0.92927981832005518, 0.070720181679944819), 1.0600767905778838, "maximum"},
      {Vec2(0.5, 0.5), 0.94473310548202941, "saddle"},  // 2 exp(-3/4)
  };
  info.params = params;
  return makeBuiltin(info, TwoBumps{});
}

// C5: f = x1^2 - 3 x1 + x2^2 - x1 x2; grad (2x1 - 3 - x2, 2x2 - x1); Hessian [[2, -1], [-1, 2]].
struct Quadratic {
  double value(const Vec2& w) const {
    const double x = w.x(), y = w.y();
    return x * x - 3 * x + y * y - x * y;
  }
  double valueAndGradient(const Vec2& w, Vec2& g) const {
    const double x = w.x(), y = w.y();
    g = Vec2(2 * x - 3 - y, 2 * y - x);
    return x * x - 3 * x + y * y - x * y;
  }
  Eval eval(const Vec2& w) const {
    Eval r;
    r.f = valueAndGradient(w, r.grad);
    r.hess << 2, -1, -1, 2;
    return r;
  }
};

ObjectivePtr makeQuadratic(const std::vector<Param>& params) {
  ObjectiveInfo info;
  info.name = "quadratic";
  info.title = "Quadratic, Newton in one step (C5)";
  info.description = "f(x) = x1^2 - 3 x1 + x2^2 - x1 x2";
  info.window = {-1, 4, -1.5, 3.5};
  info.starts = {Vec2(1, 1)};
  info.known_points = {{Vec2(2, 1), -3, "minimum"}};
  info.params = params;
  info.var_x = "x1";
  info.var_y = "x2";
  return makeBuiltin(info, Quadratic{});
}

}  // namespace

std::vector<BuiltinDef> homeworkBuiltins() {
  return {
      {"two-bumps", {}, makeTwoBumps},
      {"quadratic", {}, makeQuadratic},
  };
}

}  // namespace gradlab
