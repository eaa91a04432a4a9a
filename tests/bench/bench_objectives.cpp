// Benchmarks of objective evaluation: gradient-descent steps per second and 512x512 grids, for a
// built-in and for a compiled expression (single thread; core/field adds the threads).
#include <benchmark/benchmark.h>

#include <vector>

#include "core/expression.h"
#include "core/objective.h"

namespace gradlab {
namespace {

ObjectivePtr makeOrDie(const ObjectiveSpec& spec) {
  std::string error;
  ObjectivePtr f = makeObjective(spec, &error);
  if (!f) std::abort();
  return f;
}

ObjectiveSpec builtin(const char* name) {
  ObjectiveSpec spec;
  spec.name = name;
  return spec;
}

ObjectiveSpec expression(const char* text) {
  ObjectiveSpec spec;
  spec.name = "expression";
  spec.expression = text;
  return spec;
}

// Gradient ascent steps through the virtual interface, as an optimizer would take them.
void gradientSteps(benchmark::State& state, const ObjectiveSpec& spec) {
  const ObjectivePtr f = makeOrDie(spec);
  Vec2 w(0.2, 0.5), g;
  for (auto _ : state) {
    const double v = f->valueAndGradient(w, g);
    w += 1e-3 * g;
    benchmark::DoNotOptimize(v);
  }
  state.SetItemsProcessed(state.iterations());
}

void evalHessian(benchmark::State& state, const ObjectiveSpec& spec) {
  const ObjectivePtr f = makeOrDie(spec);
  Vec2 w(0.2, 0.5);
  for (auto _ : state) {
    const Eval e = f->eval(w);
    w.x() += 1e-9;
    benchmark::DoNotOptimize(e);
  }
  state.SetItemsProcessed(state.iterations());
}

// A 512x512 grid over the objective's window, as the contour view evaluates it.
void grid512(benchmark::State& state, const ObjectiveSpec& spec) {
  const ObjectivePtr f = makeOrDie(spec);
  const int n = 512;
  const Window& win = f->info().window;
  std::vector<double> xs(n * n), ys(n * n), out(n * n);
  for (int j = 0; j < n; ++j) {
    for (int i = 0; i < n; ++i) {
      xs[j * n + i] = win.x_min + (win.x_max - win.x_min) * i / (n - 1);
      ys[j * n + i] = win.y_min + (win.y_max - win.y_min) * j / (n - 1);
    }
  }
  for (auto _ : state) {
    f->values(xs.data(), ys.data(), out.data(), out.size());
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(state.iterations() * n * n);
}

const char* kTwoBumpsText = "exp(-x^2 - 2*(y-1)^2) + exp(-(x-1)^2 - 2*y^2)";
const char* kTypicalText = "sin(x)*cos(y) + 0.1*x^2";

BENCHMARK_CAPTURE(gradientSteps, two_bumps_builtin, builtin("two-bumps"));
BENCHMARK_CAPTURE(gradientSteps, rosenbrock_builtin, builtin("rosenbrock"));
BENCHMARK_CAPTURE(gradientSteps, two_bumps_expression, expression(kTwoBumpsText));
BENCHMARK_CAPTURE(evalHessian, two_bumps_builtin, builtin("two-bumps"));
BENCHMARK_CAPTURE(evalHessian, two_bumps_expression, expression(kTwoBumpsText));
BENCHMARK_CAPTURE(grid512, two_bumps_builtin, builtin("two-bumps"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(grid512, two_bumps_expression, expression(kTwoBumpsText))
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(grid512, sin_cos_expression, expression(kTypicalText))
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace gradlab
