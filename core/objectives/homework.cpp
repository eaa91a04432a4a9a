// The homework objectives of EXERCISES.md section C (C1-C7), with hand-written exact
// gradients and Hessians.
#include <algorithm>
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
  info.step_size = 0.1;  // C4's runs of 55, 54 and 65 steps
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
  info.step_size = 0.5;  // C5's iterates (1, 1) -> (2, 0.5) -> (1.75, 1) -> ...
  info.known_points = {{Vec2(2, 1), -3, "minimum"}};
  info.params = params;
  info.var_x = "x1";
  info.var_y = "x2";
  return makeBuiltin(info, Quadratic{});
}

// C1: f = ||w||^2; grad 2w; Hessian 2I.
struct SqNorm {
  double value(const Vec2& w) const { return w.squaredNorm(); }
  double valueAndGradient(const Vec2& w, Vec2& g) const {
    g = 2 * w;
    return w.squaredNorm();
  }
  Eval eval(const Vec2& w) const {
    Eval r;
    r.f = valueAndGradient(w, r.grad);
    r.hess = 2 * Mat2::Identity();
    return r;
  }
};

ObjectivePtr makeSqNorm(const std::vector<Param>& params) {
  ObjectiveInfo info;
  info.name = "sq-norm";
  info.title = "Squared norm (C1)";
  info.description = "f(w) = ||w||^2 = w1^2 + w2^2; grad 2w, Hessian 2I";
  info.window = {-2, 2, -2, 2};
  info.starts = {Vec2(1.5, 1.0), Vec2(-1.2, 0.4)};
  info.known_points = {{Vec2(0, 0), 0, "minimum"}};
  info.params = params;
  return makeBuiltin(info, SqNorm{});
}

// C1: f = ||w||^4 / 4; grad ||w||^2 w; Hessian ||w||^2 I + 2 w w^T (zero at the minimum).
struct QuarticNorm {
  double value(const Vec2& w) const {
    const double r2 = w.squaredNorm();
    return r2 * r2 / 4;
  }
  double valueAndGradient(const Vec2& w, Vec2& g) const {
    const double r2 = w.squaredNorm();
    g = r2 * w;
    return r2 * r2 / 4;
  }
  Eval eval(const Vec2& w) const {
    Eval r;
    r.f = valueAndGradient(w, r.grad);
    r.hess = w.squaredNorm() * Mat2::Identity() + 2 * w * w.transpose();
    return r;
  }
};

ObjectivePtr makeQuarticNorm(const std::vector<Param>& params) {
  ObjectiveInfo info;
  info.name = "quartic-norm";
  info.title = "Quartic norm (C1)";
  info.description = "f(w) = ||w||^4 / 4; grad ||w||^2 w, Hessian ||w||^2 I + 2 w w^T";
  info.window = {-2, 2, -2, 2};
  info.starts = {Vec2(1.5, 1.0), Vec2(-1.2, 0.4)};
  info.known_points = {{Vec2(0, 0), 0, "minimum"}};  // degenerate: Hessian 0 there
  info.params = params;
  return makeBuiltin(info, QuarticNorm{});
}

// C2: f = w^T z; grad z; Hessian 0 (Newton's method is impossible).
struct Linear {
  Vec2 z;
  double value(const Vec2& w) const { return w.dot(z); }
  double valueAndGradient(const Vec2& w, Vec2& g) const {
    g = z;
    return w.dot(z);
  }
  Eval eval(const Vec2& w) const {
    Eval r;
    r.f = valueAndGradient(w, r.grad);
    r.hess.setZero();
    return r;
  }
};

ObjectivePtr makeLinear(const std::vector<Param>& params) {
  ObjectiveInfo info;
  info.name = "linear";
  info.title = "Linear function (C2)";
  info.description = "f(w) = w^T z = z1 w1 + z2 w2; grad z, Hessian 0 (no Newton step)";
  info.window = {-2, 2, -2, 2};
  info.starts = {Vec2(1, 1)};
  info.params = params;
  return makeBuiltin(info, Linear{Vec2(params[0].value, params[1].value)});
}

// Kind of the stationary point 0 of w^T S w / 2 from the signs of S's eigenvalues (C7);
// empty when S is singular (the stationary points form a line, or are absent).
std::string quadraticKind(const Mat2& s) {
  const double det = s(0, 0) * s(1, 1) - s(0, 1) * s(1, 0), tr = s.trace();
  const double scale = std::max(1e-300, s.squaredNorm());
  if (std::abs(det) <= 1e-12 * scale) return "";
  if (det < 0) return "saddle";
  return tr > 0 ? "minimum" : "maximum";
}

// C3: f = w^T A w with A not necessarily symmetric; grad (A + A^T) w; Hessian A + A^T.
struct QuadraticForm {
  Mat2 a, sym;  // sym = A + A^T
  double value(const Vec2& w) const { return w.dot(a * w); }
  double valueAndGradient(const Vec2& w, Vec2& g) const {
    g = sym * w;
    return w.dot(a * w);
  }
  Eval eval(const Vec2& w) const {
    Eval r;
    r.f = valueAndGradient(w, r.grad);
    r.hess = sym;
    return r;
  }
};

ObjectivePtr makeQuadraticForm(const std::vector<Param>& params) {
  QuadraticForm fn;
  fn.a << params[0].value, params[1].value, params[2].value, params[3].value;
  fn.sym = fn.a + fn.a.transpose();
  ObjectiveInfo info;
  info.name = "quadratic-form";
  info.title = "Quadratic form w^T A w (C3)";
  info.description =
      "f(w) = w^T A w, A = [[a11, a12], [a21, a22]]; grad (A + A^T) w (= 2Aw iff A symmetric)";
  info.window = {-2, 2, -2, 2};
  info.starts = {Vec2(1.5, 1.0), Vec2(-1.0, 1.5)};
  const std::string kind = quadraticKind(fn.sym);
  if (!kind.empty()) info.known_points = {{Vec2(0, 0), 0, kind}};
  info.params = params;
  return makeBuiltin(info, fn);
}

// C6: f = 2 x1^3 - 5 x1 + c x2^2, the 1-D cubic lifted to 2-D. Hessian diag(12 x1, 2c) is
// singular on x1 = 0; stationary points x1 = +-sqrt(5/6), x2 = 0.
struct Cubic {
  double c;
  double value(const Vec2& w) const {
    const double x = w.x(), y = w.y();
    return 2 * x * x * x - 5 * x + c * y * y;
  }
  double valueAndGradient(const Vec2& w, Vec2& g) const {
    const double x = w.x(), y = w.y();
    g = Vec2(6 * x * x - 5, 2 * c * y);
    return 2 * x * x * x - 5 * x + c * y * y;
  }
  Eval eval(const Vec2& w) const {
    Eval r;
    r.f = valueAndGradient(w, r.grad);
    r.hess << 12 * w.x(), 0, 0, 2 * c;
    return r;
  }
};

ObjectivePtr makeCubic(const std::vector<Param>& params) {
  const double c = params[0].value;
  ObjectiveInfo info;
  info.name = "cubic";
  info.title = "Cubic, singular Hessian (C6)";
  info.description = "f(x) = 2 x1^3 - 5 x1 + c x2^2; Hessian diag(12 x1, 2c), singular on x1 = 0";
  info.window = {-2, 2, -2, 2};
  info.starts = {Vec2(0.3, 1.0), Vec2(-0.3, 1.0), Vec2(-1.5, -1.0)};
  // x1 = sqrt(5/6): f = 2 x1^3 - 5 x1 = x1 (2 * 5/6 - 5) = -(10/3) x1.
  const double r = std::sqrt(5.0 / 6.0);
  info.known_points = {{Vec2(r, 0), -10.0 / 3.0 * r, "minimum"},
                       {Vec2(-r, 0), 10.0 / 3.0 * r, "saddle"}};
  info.params = params;
  info.var_x = "x1";
  info.var_y = "x2";
  return makeBuiltin(info, Cubic{c});
}

// C7: f = (a w1^2 + b w2^2) / 2, Hessian diag(a, b): bowl (a, b > 0), dome (both < 0),
// saddle (opposite signs), valley (b = 0: a line of minima).
struct DiagonalQuadratic {
  double a, b;
  double value(const Vec2& w) const { return (a * w.x() * w.x() + b * w.y() * w.y()) / 2; }
  double valueAndGradient(const Vec2& w, Vec2& g) const {
    g = Vec2(a * w.x(), b * w.y());
    return value(w);
  }
  Eval eval(const Vec2& w) const {
    Eval r;
    r.f = valueAndGradient(w, r.grad);
    r.hess << a, 0, 0, b;
    return r;
  }
};

ObjectivePtr makeShape(const std::string& name, const std::string& title,
                       const std::string& description, double a, double b, const std::string& kind,
                       const std::vector<Param>& params) {
  ObjectiveInfo info;
  info.name = name;
  info.title = title;
  info.description = description;
  info.window = {-2, 2, -2, 2};
  info.starts = {Vec2(1.5, 1.2), Vec2(-1.0, 0.5)};
  info.maximize = kind == "maximum";
  info.known_points = {{Vec2(0, 0), 0, kind}};
  info.params = params;
  return makeBuiltin(info, DiagonalQuadratic{a, b});
}

ObjectivePtr makeBowl(const std::vector<Param>& p) {
  return makeShape("bowl", "Bowl: positive definite Hessian (C7)",
                   "f(w) = (a w1^2 + b w2^2) / 2, Hessian diag(a, b), a, b > 0: a minimum",
                   p[0].value, p[1].value, "minimum", p);
}

ObjectivePtr makeDome(const std::vector<Param>& p) {
  return makeShape("dome", "Dome: negative definite Hessian (C7)",
                   "f(w) = -(a w1^2 + b w2^2) / 2, Hessian diag(-a, -b), a, b > 0: a maximum",
                   -p[0].value, -p[1].value, "maximum", p);
}

ObjectivePtr makeValley(const std::vector<Param>& p) {
  return makeShape("valley", "Valley: semidefinite Hessian (C7)",
                   "f(w) = a w1^2 / 2, Hessian diag(a, 0): a line of minima w1 = 0 (degenerate)",
                   p[0].value, 0, "minimum", p);
}

ObjectivePtr makeSaddle(const std::vector<Param>& p) {
  return makeShape("saddle", "Saddle: indefinite Hessian (C7)",
                   "f(w) = (a w1^2 - b w2^2) / 2, Hessian diag(a, -b), a, b > 0: a saddle",
                   p[0].value, -p[1].value, "saddle", p);
}

}  // namespace

std::vector<BuiltinDef> homeworkBuiltins() {
  const Param curv_a{"a", 1, 0.01, 10, "curvature along w1 (Hessian eigenvalue magnitude)"};
  const Param curv_b{"b", 4, 0.01, 10, "curvature along w2 (Hessian eigenvalue magnitude)"};
  return {
      {"sq-norm", {}, makeSqNorm},
      {"quartic-norm", {}, makeQuarticNorm},
      {"linear",
       {{"z1", 1, -5, 5, "first component of z (the constant gradient)"},
        {"z2", 0.5, -5, 5, "second component of z"}},
       makeLinear},
      {"quadratic-form",
       {{"a11", 1, -5, 5, "A[1,1]"},
        {"a12", 2, -5, 5, "A[1,2]; differs from a21 when A is not symmetric"},
        {"a21", 0, -5, 5, "A[2,1]"},
        {"a22", 3, -5, 5, "A[2,2]"}},
       makeQuadraticForm},
      {"two-bumps", {}, makeTwoBumps},
      {"quadratic", {}, makeQuadratic},
      {"cubic",
       {{"c", 1, 0.1, 5, "curvature 2c along x2 (keeps the stationary kinds fixed)"}},
       makeCubic},
      {"bowl", {curv_a, curv_b}, makeBowl},
      {"dome", {curv_a, curv_b}, makeDome},
      {"valley", {curv_a}, makeValley},
      {"saddle", {curv_a, curv_b}, makeSaddle},
  };
}

}  // namespace gradlab
