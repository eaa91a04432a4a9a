// Optimizer throughput: full run() steps per second (evaluate, record the iterate, check the stop
// rules, step) for every method on two-bumps and on the same function typed as an expression,
// plus the bare gradient-descent update rule, and the n-D mini-batch loop (runStochastic) on a
// 10-parameter least-squares problem. Items per second = optimizer steps per second.
#include <benchmark/benchmark.h>

#include <random>

#include "core/objective.h"
#include "core/optimizers.h"
#include "core/run.h"
#include "core/stochastic.h"

namespace gradlab {
namespace {

constexpr int kSteps = 100000;

ObjectivePtr make(const std::string& name, const std::string& expression = "") {
  ObjectiveSpec spec;
  spec.name = name;
  spec.expression = expression;
  std::string error;
  return makeObjective(spec, &error);
}

// Step sizes that keep each method stepping (no divergence) for kSteps on two-bumps.
RunConfig benchConfig(Method method) {
  RunConfig c = defaultRunConfig(method, /*maximize=*/true);
  if (method != Method::Newton && method != Method::DampedNewton) c.step_size = 0.1;
  c.stop.grad_tol = 0;  // never converge: measure steps, not stop rules
  c.stop.max_iterations = kSteps;
  return c;
}

void runSteps(benchmark::State& state, const ObjectivePtr& f, Method method) {
  if (!f) {
    state.SkipWithError("objective not available");
    return;
  }
  const RunConfig config = benchConfig(method);
  Trajectory t;
  std::int64_t steps = 0;
  for (auto _ : state) {
    run(*f, config, Vec2(0.2, 0.8), t);
    steps += t.status_iteration;
    benchmark::DoNotOptimize(t.iterates.back().w);
  }
  state.SetItemsProcessed(steps);
  state.SetLabel(runStatusName(t.status));
}

void BM_RunTwoBumps(benchmark::State& state) {
  runSteps(state, make("two-bumps"), static_cast<Method>(state.range(0)));
}

void BM_RunExpression(benchmark::State& state) {
  runSteps(state, make("expression", "exp(-x^2 - 2*(y-1)^2) + exp(-(x-1)^2 - 2*y^2)"),
           static_cast<Method>(state.range(0)));
}

void methodArgs(benchmark::internal::Benchmark* b) {
  int n = 0;
  const MethodInfo* table = methodTable(&n);
  for (int i = 0; i < n; ++i) b->Arg(static_cast<int>(table[i].method));
  b->ArgName("method");
}

BENCHMARK(BM_RunTwoBumps)->Apply(methodArgs)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RunExpression)->Apply(methodArgs)->Unit(benchmark::kMillisecond);

// The update rule alone (no objective): the cost the loop adds on top of the evaluation.
void BM_SgdStepOnly(benchmark::State& state) {
  SgdParams p;
  SgdState s;
  Vec2 w(0.2, 0.8);
  const Vec2 g(1e-9, -1e-9);
  for (auto _ : state) {
    w = sgdStep(p, 0.1, s, w, g);
    benchmark::DoNotOptimize(w);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_SgdStepOnly);

// runStochastic with mini-batch Adam (or another first-order method) on least squares with 40
// rows and 10 parameters, batch size 8: per step one mini-batch gradient, one Adam step on VecX
// and the full-data loss recorded with the parameters. F and y are uniform in [-1, 1] from a
// seeded std::mt19937_64 (the committed test data would do as well; this needs no file).
void BM_StochasticLeastSquares10(benchmark::State& state) {
  constexpr int kRows = 40, kDim = 10, kIterations = 10000;
  std::mt19937_64 rng(1);
  const auto uniform = [&rng] { return static_cast<double>(rng() >> 11) * 0x1p-52 - 1; };
  MatX f(kRows, kDim);
  VecX y(kRows);
  for (int i = 0; i < kRows; ++i) {
    for (int j = 0; j < kDim; ++j) f(i, j) = uniform();
    y(i) = uniform();
  }
  const LeastSquaresProblem problem(f, y);
  StochasticConfig config;
  config.method = defaultRunConfig(static_cast<Method>(state.range(0)));
  config.method.step_size = 0.01;
  config.sampler.batch_size = 8;
  config.sampler.seed = 7;
  std::int64_t steps = 0;
  RunStatus status = RunStatus::Running;
  for (auto _ : state) {
    const StochasticTrajectory t = runStochastic(problem, config, VecX::Zero(kDim), kIterations);
    steps += t.status_iteration;
    status = t.status;
    benchmark::DoNotOptimize(t.loss.back());
  }
  state.SetItemsProcessed(steps);
  state.SetLabel(runStatusName(status));
}
BENCHMARK(BM_StochasticLeastSquares10)
    ->Arg(static_cast<int>(Method::Adam))
    ->Arg(static_cast<int>(Method::GradientDescent))
    ->ArgName("method")
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace gradlab
