// The registry of built-in objectives and makeObjective: name lookup, parameter checks, dispatch
// to the families in core/objectives/ and to the expression compiler.
#include "core/objective.h"

#include <cmath>
#include <cstdio>

#include "core/expression.h"
#include "core/objectives/builtins.h"

namespace gradlab {
namespace {

// Picker order: the homework first (in exercise order), then the classics.
const std::vector<BuiltinDef>& builtinDefs() {
  static const std::vector<BuiltinDef> defs = [] {
    std::vector<BuiltinDef> all = homeworkBuiltins();
    for (auto& d : leastSquaresBuiltins()) all.push_back(std::move(d));
    for (auto& d : classicBuiltins()) all.push_back(std::move(d));
    return all;
  }();
  return defs;
}

std::string formatNumber(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

void setError(std::string* error, const std::string& message) {
  if (error) *error = message;
}

}  // namespace

const std::vector<ObjectiveInfo>& builtinObjectives() {
  static const std::vector<ObjectiveInfo> infos = [] {
    std::vector<ObjectiveInfo> all;
    for (const BuiltinDef& d : builtinDefs()) all.push_back(d.make(d.params)->info());
    return all;
  }();
  return infos;
}

ObjectivePtr makeObjective(const ObjectiveSpec& spec, std::string* error) {
  if (spec.name == "expression") {
    if (!spec.params.empty()) {
      setError(error, "unknown parameter '" + spec.params.front().first + "' for expression");
      return nullptr;
    }
    return makeExpressionObjective(spec.expression, error);
  }
  for (const BuiltinDef& def : builtinDefs()) {
    if (def.name != spec.name) continue;
    std::vector<Param> params = def.params;
    for (const auto& [name, value] : spec.params) {
      Param* found = nullptr;
      for (Param& p : params) {
        if (p.name == name) found = &p;
      }
      if (!found) {
        setError(error, "unknown parameter '" + name + "' for " + def.name);
        return nullptr;
      }
      // Written so that NaN fails the check too.
      if (!(value >= found->min && value <= found->max)) {
        setError(error, "parameter '" + name + "' = " + formatNumber(value) + " is outside [" +
                            formatNumber(found->min) + ", " + formatNumber(found->max) + "] for " +
                            def.name);
        return nullptr;
      }
      found->value = value;
    }
    return def.make(params);
  }
  setError(error, "unknown function '" + spec.name + "'");
  return nullptr;
}

}  // namespace gradlab
