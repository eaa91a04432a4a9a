// Small objectives local to the optimizer, run and analysis tests: exact closed forms with known
// answers (quadratic forms for bowl/dome/saddle/valley/linear, C6's cubic, Rosenbrock), and a
// helper that prefers a built-in by name once it exists.
#pragma once

#include <memory>
#include <string>

#include "core/objective.h"

namespace gradlab {
namespace testing_objectives {

// f(w) = w^T A w / 2 + b^T w + c: gradient A w + b (A symmetric), Hessian A.
class QuadraticForm final : public Objective {
 public:
  QuadraticForm(const Mat2& a, const Vec2& b, double c = 0) : a_(a), b_(b), c_(c) {
    info_.name = "test-quadratic-form";
  }
  double value(const Vec2& w) const override { return 0.5 * w.dot(a_ * w) + b_.dot(w) + c_; }
  double valueAndGradient(const Vec2& w, Vec2& grad) const override {
    grad = a_ * w + b_;
    return value(w);
  }
  Eval eval(const Vec2& w) const override {
    Eval e;
    e.f = valueAndGradient(w, e.grad);
    e.hess = a_;
    return e;
  }

 private:
  Mat2 a_;
  Vec2 b_;
  double c_;
};

// EXERCISES C6 made two-dimensional: f = 2 x^3 - 5 x + y^2; Hessian diag(12 x, 2), singular at
// x = 0.
class Cubic final : public Objective {
 public:
  Cubic() { info_.name = "test-cubic"; }
  double value(const Vec2& w) const override {
    return 2 * w.x() * w.x() * w.x() - 5 * w.x() + w.y() * w.y();
  }
  double valueAndGradient(const Vec2& w, Vec2& grad) const override {
    grad = Vec2(6 * w.x() * w.x() - 5, 2 * w.y());
    return value(w);
  }
  Eval eval(const Vec2& w) const override {
    Eval e;
    e.f = valueAndGradient(w, e.grad);
    e.hess << 12 * w.x(), 0, 0, 2;
    return e;
  }
};

// Rosenbrock (1 - x)^2 + 100 (y - x^2)^2; minimum (1, 1), f = 0.
class Rosenbrock final : public Objective {
 public:
  Rosenbrock() { info_.name = "test-rosenbrock"; }
  double value(const Vec2& w) const override {
    const double u = 1 - w.x(), v = w.y() - w.x() * w.x();
    return u * u + 100 * v * v;
  }
  double valueAndGradient(const Vec2& w, Vec2& grad) const override {
    const double u = 1 - w.x(), v = w.y() - w.x() * w.x();
    grad = Vec2(-2 * u - 400 * w.x() * v, 200 * v);
    return u * u + 100 * v * v;
  }
  Eval eval(const Vec2& w) const override {
    Eval e;
    e.f = valueAndGradient(w, e.grad);
    const double x = w.x(), y = w.y();
    e.hess << 2 - 400 * y + 1200 * x * x, -400 * x, -400 * x, 200;
    return e;
  }
};

inline ObjectivePtr quadraticForm(double a11, double a12, double a22, Vec2 b = Vec2::Zero(),
                                  double c = 0) {
  Mat2 a;
  a << a11, a12, a12, a22;
  return std::make_shared<const QuadraticForm>(a, b, c);
}

// The built-in `name` with its defaults, or nullptr (and *error) when it is not registered.
inline ObjectivePtr builtin(const std::string& name, std::string* error = nullptr) {
  ObjectiveSpec spec;
  spec.name = name;
  std::string e;
  ObjectivePtr f = makeObjective(spec, &e);
  if (error) *error = e;
  return f;
}

}  // namespace testing_objectives
}  // namespace gradlab
