// Least squares with ridge regularization (EXERCISES D1-D2): a bowl whose conditioning and
// orientation the student controls through the singular values and vectors of F.
#include <cmath>

#include "core/objectives/builtins.h"

namespace gradlab {
namespace {

// f(w) = ||F w - y||^2 / 2 + (lambda / 2) ||w||^2 with F = diag(sigma_max, sigma_min) R(theta)^T,
// so the right singular vectors of F are R(theta)'s columns and the bowl turns with theta.
// grad = F^T (F w - y) + lambda w; Hessian F^T F + lambda I (constant);
// minimum w* = (F^T F + lambda I)^-1 F^T y (D2: ridge = least squares on [F; sqrt(lambda) I]).
struct LeastSquares {
  Mat2 f_mat;  // F
  Vec2 y;
  double lambda;
  Mat2 hess;  // F^T F + lambda I

  double value(const Vec2& w) const {
    return ((f_mat * w - y).squaredNorm() + lambda * w.squaredNorm()) / 2;
  }
  double valueAndGradient(const Vec2& w, Vec2& g) const {
    const Vec2 r = f_mat * w - y;
    g = f_mat.transpose() * r + lambda * w;
    return (r.squaredNorm() + lambda * w.squaredNorm()) / 2;
  }
  Eval eval(const Vec2& w) const {
    Eval e;
    e.f = valueAndGradient(w, e.grad);
    e.hess = hess;
    return e;
  }
};

ObjectivePtr makeLeastSquares(const std::vector<Param>& params) {
  const double sigma_max = params[0].value, cond = params[1].value;
  const double theta = params[2].value * 3.141592653589793238462643383279502884 / 180;
  LeastSquares fn;
  fn.y = Vec2(params[3].value, params[4].value);
  fn.lambda = params[5].value;
  const double c = std::cos(theta), s = std::sin(theta);
  Mat2 rotation_t;  // R(theta)^T
  rotation_t << c, s, -s, c;
  fn.f_mat = Vec2(sigma_max, sigma_max / cond).asDiagonal() * rotation_t;
  fn.hess = fn.f_mat.transpose() * fn.f_mat + fn.lambda * Mat2::Identity();
  // Solve in the singular basis: w* = R diag(sigma_i / (sigma_i^2 + lambda)) U^T y with U = I,
  // exact even when cond is large (no explicit inverse of an ill-conditioned matrix).
  const double sigma_min = sigma_max / cond;
  const Vec2 coeffs(sigma_max * fn.y.x() / (sigma_max * sigma_max + fn.lambda),
                    sigma_min * fn.y.y() / (sigma_min * sigma_min + fn.lambda));
  const Vec2 w_star = rotation_t.transpose() * coeffs;

  ObjectiveInfo info;
  info.name = "least-squares";
  info.title = "Least squares and ridge (D1, D2)";
  info.description =
      "f(w) = ||F w - y||^2 / 2 + (lambda/2) ||w||^2, F = diag(sigma_max, sigma_max/cond) "
      "R(theta)^T";
  info.window = {w_star.x() - 3, w_star.x() + 3, w_star.y() - 3, w_star.y() + 3};
  info.starts = {w_star + Vec2(-2.5, 2.0), w_star + Vec2(2.5, -1.0)};
  info.known_points = {{w_star, fn.value(w_star), "minimum"}};
  info.params = params;
  return makeBuiltin(info, fn);
}

}  // namespace

std::vector<BuiltinDef> leastSquaresBuiltins() {
  return {{"least-squares",
           {{"sigma_max", 1, 0.1, 10, "largest singular value of F"},
            {"cond", 10, 1, 1000, "condition number sigma_max / sigma_min of F"},
            {"theta", 30, -90, 90, "rotation of the right singular vectors, degrees"},
            {"y1", 1, -5, 5, "first target value"},
            {"y2", 0.2, -5, 5, "second target value"},
            {"lambda", 0, 0, 10, "ridge penalty (lambda/2) ||w||^2"}},
           makeLeastSquares}};
}

}  // namespace gradlab
