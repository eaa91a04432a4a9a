// ReLU-network training speed: the elbow lab's budget is 1,000 SGD steps of 64 units on 200 points
// per displayed frame.
#include <benchmark/benchmark.h>

#include "core/relu_net.h"

namespace gradlab {
namespace {

void BM_ReluNetSgdSteps(benchmark::State& state) {
  const Samples data = makeDataSet(DataSet::Sine, 200, 1);
  TrainSettings settings;
  settings.batch_size = int(state.range(0));
  settings.lr = 0.01;  // stable for every batch size (a diverged run would take no steps)
  ReluNetTrainer trainer(data, initReluNet(64, 0, -2, 2, 1), settings, NetActivation{});
  long taken = 0;
  for (auto _ : state) taken += trainer.steps(1000);
  state.SetItemsProcessed(taken);
  if (taken != state.iterations() * 1000) state.SkipWithError("the run diverged");
}
BENCHMARK(BM_ReluNetSgdSteps)->Arg(1)->Arg(10)->Arg(200)->Unit(benchmark::kMillisecond);

void BM_ReluNetFullLoss(benchmark::State& state) {
  const Samples data = makeDataSet(DataSet::Sine, 200, 1);
  const VecX params = initReluNet(64, 0, -2, 2, 1);
  ReluNetEvaluator eval;
  for (auto _ : state) benchmark::DoNotOptimize(eval.loss(params, NetActivation{}, data));
}
BENCHMARK(BM_ReluNetFullLoss)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace gradlab
