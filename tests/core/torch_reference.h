// Reading the PyTorch reference CSVs of tests/data/make_torch_reference.py (2-D in
// tests/data/torch/, n-D mini-batch in tests/data/torch_nd/): the header's hyperparameters as a
// gradlab RunConfig, the rows as numbers, and the relative comparison with a noise floor.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/optimizers.h"
#include "core/run.h"

namespace gradlab {
namespace torch_reference {

struct Reference {
  std::string file;
  std::map<std::string, std::string> meta;  // from the "# key=value ..." line
  std::vector<std::vector<double>> rows;    // the numbers of line 4 on (2-D: iter, x, y, f, gx, gy)
};

inline Reference readReference(const std::filesystem::path& path) {
  Reference r;
  r.file = path.filename().string();
  std::ifstream in(path);
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line_no == 2) {
      std::istringstream words(line.substr(2));
      std::string word;
      while (words >> word) {
        const auto eq = word.find('=');
        if (eq != std::string::npos) r.meta[word.substr(0, eq)] = word.substr(eq + 1);
      }
    }
    if (line_no <= 3) continue;
    std::vector<double> row;
    std::istringstream cells(line);
    std::string cell;
    while (std::getline(cells, cell, ',')) row.push_back(std::stod(cell));
    r.rows.push_back(row);
  }
  return r;
}

// Builds gradlab's config from the file's PyTorch hyperparameter names. Every name in the file
// must be understood (a typo or a missing mapping fails the test); `extra_keys` are other header
// keys the caller reads itself (the n-D files' seed and batch_size).
inline RunConfig configFor(const Reference& r, std::string* unknown,
                           const std::set<std::string>& extra_keys = {}) {
  Method method;
  if (!methodFromCliName(r.meta.at("method"), &method)) *unknown = r.meta.at("method");
  RunConfig c = defaultRunConfig(method, r.meta.at("maximize") == "1");
  c.stop.grad_tol = 0;  // compare the raw iterations
  c.stop.max_iterations = static_cast<int>(r.rows.size()) - 1;
  c.stop.divergence_bound = 1e300;
  double centered = 0, history_size = c.lbfgs.history_size;  // bool and int knobs
  std::map<std::string, double*> knobs;
  switch (method) {
    case Method::GradientDescent:
    case Method::Momentum:
    case Method::Nesterov:
      knobs = {{"lr", &c.step_size},
               {"momentum", &c.sgd.momentum},
               {"dampening", &c.sgd.dampening},
               {"weight_decay", &c.sgd.weight_decay}};
      break;
    case Method::GradientDescentArmijo:
      knobs = {{"lr", &c.step_size}, {"c", &c.armijo.c}, {"shrink", &c.armijo.shrink}};
      break;
    case Method::AdaGrad:
      knobs = {{"lr", &c.step_size},
               {"lr_decay", &c.adagrad.lr_decay},
               {"initial_accumulator_value", &c.adagrad.initial_accumulator_value},
               {"eps", &c.adagrad.eps},
               {"weight_decay", &c.adagrad.weight_decay}};
      break;
    case Method::RMSProp:
      knobs = {{"lr", &c.step_size},    {"alpha", &c.rmsprop.alpha},
               {"eps", &c.rmsprop.eps}, {"momentum", &c.rmsprop.momentum},
               {"centered", &centered}, {"weight_decay", &c.rmsprop.weight_decay}};
      break;
    case Method::Adam:
    case Method::AMSGrad:
      knobs = {{"lr", &c.step_size},
               {"beta1", &c.adam.beta1},
               {"beta2", &c.adam.beta2},
               {"eps", &c.adam.eps},
               {"weight_decay", &c.adam.weight_decay}};
      break;
    case Method::Newton:
    case Method::DampedNewton:
      knobs = {{"eta", &c.step_size}};
      break;
    case Method::Lbfgs:
      knobs = {{"lr", &c.step_size},
               {"history_size", &history_size},
               {"tolerance_grad", &c.lbfgs.tolerance_grad},
               {"tolerance_change", &c.lbfgs.tolerance_change}};
      break;
  }
  const std::set<std::string> common = {"function", "method", "maximize", "start", "steps"};
  for (const auto& [key, value] : r.meta) {
    if (common.count(key) || extra_keys.count(key)) continue;
    const auto knob = knobs.find(key);
    if (knob == knobs.end()) {
      *unknown = key;
      continue;
    }
    *knob->second = std::stod(value);
  }
  c.rmsprop.centered = centered != 0;
  c.lbfgs.history_size = static_cast<int>(history_size);
  return c;
}

// |a - b| <= tol * max(|b|, floor): relative, with a floor at the scale where the quantity is
// rounding noise (set per column from the trajectory's own magnitude).
inline ::testing::AssertionResult close(double a, double b, double tol, double floor) {
  if (std::abs(a - b) <= tol * std::max(std::abs(b), floor)) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << a << " vs reference " << b << " (rel "
                                       << std::abs(a - b) / std::max(std::abs(b), floor) << ")";
}

}  // namespace torch_reference
}  // namespace gradlab
