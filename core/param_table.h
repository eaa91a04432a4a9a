// Parameter tables: one descriptor per field of a parameter struct (its name, what it means,
// the member, its range and scale), so that JSON scene keys, range checks and, in time, sliders
// and CLI flags are all bound to the same member by one line each, not by hand in each place.
#pragma once

#include <cstdio>
#include <initializer_list>
#include <string>
#include <variant>
#include <vector>

#include "core/analysis.h"
#include "core/optimizers.h"
#include "core/run.h"

namespace gradlab {

template <class T>
struct ParamField {
  const char* name;   // JSON key (and CLI flag --name); PyTorch's name where torch has one
  const char* label;  // the slider's label, in the course's words ("step size" for lr)
  const char* help;   // what it means, for the "(?)" beside the slider
  std::variant<double T::*, int T::*, bool T::*> member;
  double min = 0, max = 0;  // the inclusive range the UI offers (bools ignore it)
  bool log_scale = false;   // a log slider
};

template <class T>
using ParamTable = std::vector<ParamField<T>>;

// The run configuration's own field: the step size RunConfig::step_size, bound here and nowhere
// else (JSON key and CLI flag "lr", torch's name). The method structs' tables have no step size.
const ParamTable<RunConfig>& runConfigParamTable();
// That one row as `method` presents it: the same member and name, the method's label, help and
// range (stepSizeRange: damped Newton's eta in [1e-3, 2]; Armijo's "first trial step"). Pure
// Newton, whose step is forced to 1, gets the general row.
const ParamTable<RunConfig>& stepSizeTable(Method method);

// One table per struct; `maximize` is left out where RunConfig::maximize sets it.
const ParamTable<SgdParams>& sgdParamTable();
const ParamTable<ArmijoParams>& armijoParamTable();
const ParamTable<AdagradParams>& adagradParamTable();
const ParamTable<RmspropParams>& rmspropParamTable();
const ParamTable<AdamParams>& adamParamTable();
const ParamTable<NewtonParams>& newtonParamTable();
const ParamTable<LbfgsParams>& lbfgsParamTable();
const ParamTable<StopRules>& stopRulesTable();
const ParamTable<SweepConfig>& sweepConfigTable();

// A field's value as a double (bools: 0 or 1), and back.
template <class T>
double getParam(const T& params, const ParamField<T>& field) {
  return std::visit([&params](auto member) { return double(params.*member); }, field.member);
}

// Sets the field from a double; false with *error (naming the field) when it is not finite, not
// a whole number for an int, not 0 or 1 for a bool, or outside [min, max].
template <class T>
bool setParam(T& params, const ParamField<T>& field, double value, std::string* error) {
  const bool is_bool = std::holds_alternative<bool T::*>(field.member);
  const bool is_int = std::holds_alternative<int T::*>(field.member);
  std::string problem;
  if (!(value == value) || value - value != 0) {
    problem = "is not a finite number";
  } else if (is_bool && value != 0 && value != 1) {
    problem = "must be true or false";
  } else if (is_int && value != double(static_cast<long long>(value))) {
    problem = "must be a whole number";
  } else if (!is_bool && (value < field.min || value > field.max)) {
    char range[64];
    std::snprintf(range, sizeof range, "must be in [%g, %g]", field.min, field.max);
    problem = range;
  }
  if (!problem.empty()) {
    if (error) *error = std::string(field.name) + " " + problem;
    return false;
  }
  std::visit(
      [&params, value](auto member) {
        using V = std::remove_reference_t<decltype(params.*member)>;
        params.*member = static_cast<V>(value);
      },
      field.member);
  return true;
}

using ParamNames = std::initializer_list<const char*>;

// Calls f(params, table, names) with the structs, tables and field names the active method of `c`
// takes (torch's names): first the step size (c itself, stepSizeTable, "lr"), then the method's
// own struct. The sliders a method shows and the flags `gradlab trace` accepts come from here, so
// they cannot disagree. Pure Newton takes none.
template <class F>
void visitMethodParams(RunConfig& c, F&& f) {
  if (c.method != Method::Newton) f(c, stepSizeTable(c.method), ParamNames{"lr"});
  switch (c.method) {
    case Method::GradientDescent:
    case Method::Newton:
    case Method::DampedNewton:
      break;
    case Method::GradientDescentArmijo:
      f(c.armijo, armijoParamTable(), ParamNames{"c", "shrink"});
      break;
    case Method::Momentum:
      f(c.sgd, sgdParamTable(), ParamNames{"momentum", "dampening"});
      break;
    case Method::Nesterov:
      f(c.sgd, sgdParamTable(), ParamNames{"momentum"});
      break;
    case Method::AdaGrad:
      f(c.adagrad, adagradParamTable(), ParamNames{"lr_decay", "initial_accumulator_value", "eps"});
      break;
    case Method::RMSProp:
      f(c.rmsprop, rmspropParamTable(), ParamNames{"alpha", "momentum", "eps", "centered"});
      break;
    case Method::Adam:
    case Method::AMSGrad:
      f(c.adam, adamParamTable(), ParamNames{"beta1", "beta2", "eps"});
      break;
    case Method::Lbfgs:
      f(c.lbfgs, lbfgsParamTable(), ParamNames{"history_size"});
      break;
  }
}

}  // namespace gradlab
