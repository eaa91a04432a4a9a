// Optimizer throughput: full run() steps per second (evaluate, record the iterate, check the stop
// rules, step) for every method on two-bumps and on the same function typed as an expression,
// plus the bare gradient-descent update rule. Items per second = optimizer steps per second.
#include <benchmark/benchmark.h>

#include "core/objective.h"
#include "core/optimizers.h"
#include "core/run.h"

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
  if (method != Method::Newton && method != Method::DampedNewton) setStepSize(c, 0.1);
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
    w = sgdStep(p, s, w, g);
    benchmark::DoNotOptimize(w);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_SgdStepOnly);

}  // namespace
}  // namespace gradlab
