// Helpers for the optimizer, run and analysis tests: a built-in by name, and a general quadratic
// form w^T A w / 2 + b^T w + c with any symmetric A (conditioning and sweep tests).
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

inline ObjectivePtr quadraticForm(double a11, double a12, double a22, const Vec2& b = Vec2::Zero(),
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
