// EXERCISES F1's whole experiment: 3 step sizes x 3 random starts x 10,000 SGD steps on a
// precision matrix, with the full-data log-likelihood (from the scatter, O(1)) at every iterate.
// Items per second = SGD steps per second.
//   NineRunsFromScratch: sampling the data, the ML answer and fresh storage for every iterate
//     (what `gradlab export` pays once).
//   NineRunsInPlace: every run recomputed into the storage of the previous ones (what the lab
//     does when the step-size list, the iterations or the seed change).
//   OneRowInPlace: one step size's three runs (what editing one step size recomputes).
#include <benchmark/benchmark.h>

#include "core/gaussian_sgd.h"

namespace gradlab {
namespace {

constexpr std::int64_t kNineRunSteps = 9 * 10000;

void BM_GaussianSgdNineRunsFromScratch(benchmark::State& state) {
  const GaussianSpec spec;
  const GaussianSgdConfig config;
  for (auto _ : state) {
    const GaussianSgdExperiment e = runExperiment(spec, config);
    benchmark::DoNotOptimize(e.runs.back().objective.back());
  }
  state.SetItemsProcessed(state.iterations() * kNineRunSteps);
}
BENCHMARK(BM_GaussianSgdNineRunsFromScratch)->Unit(benchmark::kMillisecond);

void BM_GaussianSgdNineRunsInPlace(benchmark::State& state) {
  const GaussianSpec spec;
  const GaussianSgdConfig config;
  GaussianSgdExperiment e = runExperiment(spec, config);
  for (auto _ : state) {
    rerunAll(e, config, spec.seed);
    benchmark::DoNotOptimize(e.runs.back().objective.back());
  }
  state.SetItemsProcessed(state.iterations() * kNineRunSteps);
}
BENCHMARK(BM_GaussianSgdNineRunsInPlace)->Unit(benchmark::kMillisecond);

void BM_GaussianSgdOneRowInPlace(benchmark::State& state) {
  const GaussianSpec spec;
  GaussianSgdExperiment e = runExperiment(spec, GaussianSgdConfig{});
  for (auto _ : state) {
    rerunStepSize(e, 2, 1e-3, 10000, spec.seed);
    benchmark::DoNotOptimize(e.runs.back().objective.back());
  }
  state.SetItemsProcessed(state.iterations() * kNineRunSteps / 3);
}
BENCHMARK(BM_GaussianSgdOneRowInPlace)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace gradlab
