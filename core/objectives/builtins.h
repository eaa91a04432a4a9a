// Private to core/objectives: the pattern every built-in objective follows and the per-family
// tables that objective.cpp concatenates into the function picker's list.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/objective.h"

namespace gradlab {

// Adapts a plain function struct F (value, valueAndGradient, eval; all inline, no allocation)
// to the Objective interface. Templating on F keeps the hot path free of std::function.
template <class F>
class BuiltinObjective final : public Objective {
 public:
  BuiltinObjective(const ObjectiveInfo& info, F fn) : fn_(fn) { info_ = info; }

  double value(const Vec2& w) const override { return fn_.value(w); }
  double valueAndGradient(const Vec2& w, Vec2& grad) const override {
    return fn_.valueAndGradient(w, grad);
  }
  Eval eval(const Vec2& w) const override { return fn_.eval(w); }
  void values(const double* xs, const double* ys, double* out, std::size_t n) const override {
    for (std::size_t i = 0; i < n; ++i) out[i] = fn_.value(Vec2(xs[i], ys[i]));
  }

 private:
  F fn_;
};

template <class F>
ObjectivePtr makeBuiltin(const ObjectiveInfo& info, F fn) {
  return std::make_shared<const BuiltinObjective<F>>(info, fn);
}

// One entry of the picker: name, parameters with their defaults and ranges, and a maker that
// receives the parameters (same order, values already checked against [min, max]).
struct BuiltinDef {
  std::string name;
  std::vector<Param> params;
  ObjectivePtr (*make)(const std::vector<Param>& params);
};

// The families, each in its own file.
std::vector<BuiltinDef> homeworkBuiltins();      // homework.cpp: C1-C7
std::vector<BuiltinDef> leastSquaresBuiltins();  // least_squares.cpp: D1-D2
std::vector<BuiltinDef> classicBuiltins();       // classics.cpp: test functions

}  // namespace gradlab
