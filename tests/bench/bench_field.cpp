// Benchmarks of core/field: 512x512 grids on all cores (built-in and expression) and marching
// squares for 10 levels. Target: a 512x512 grid of a built-in in <= 10 ms on 2 cores.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <string>

#include "core/field.h"
#include "core/objective.h"

namespace gradlab {
namespace {

ObjectivePtr makeOrDie(const char* name, const char* expression = "") {
  ObjectiveSpec spec;
  spec.name = name;
  spec.expression = expression;
  std::string error;
  ObjectivePtr f = makeObjective(spec, &error);
  if (!f) std::abort();
  return f;
}

// state.range(0): threads (0 = all cores).
void fieldGrid512(benchmark::State& state, const ObjectivePtr& f) {
  const Window& win = f->info().window;
  for (auto _ : state) {
    const ScalarField field = evaluateField(*f, win, 512, 512, static_cast<int>(state.range(0)));
    benchmark::DoNotOptimize(field.values.data());
  }
  state.SetItemsProcessed(state.iterations() * 512 * 512);
}

void fieldIsoLines10(benchmark::State& state, const ObjectivePtr& f, bool log_levels) {
  const ScalarField field = evaluateField(*f, f->info().window, 512, 512);
  const std::vector<double> levels =
      log_levels ? logLevels(field.min, field.max, 10) : linearLevels(field.min, field.max, 10);
  std::size_t points = 0;
  for (auto _ : state) {
    const std::vector<IsoLine> lines = isoLines(field, levels);
    points = 0;
    for (const IsoLine& l : lines) {
      for (const Polyline& p : l.polylines) points += p.points.size();
    }
    benchmark::DoNotOptimize(points);
  }
  state.counters["points"] = static_cast<double>(points);
}

BENCHMARK_CAPTURE(fieldGrid512, two_bumps, makeOrDie("two-bumps"))
    ->Arg(1)
    ->Arg(0)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(fieldGrid512, rosenbrock, makeOrDie("rosenbrock"))
    ->Arg(1)
    ->Arg(0)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(fieldGrid512, two_bumps_expression,
                  makeOrDie("expression", "exp(-x^2 - 2*(y-1)^2) + exp(-(x-1)^2 - 2*y^2)"))
    ->Arg(1)
    ->Arg(0)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(fieldIsoLines10, two_bumps_linear, makeOrDie("two-bumps"), false)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(fieldIsoLines10, rosenbrock_log, makeOrDie("rosenbrock"), true)
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace gradlab
