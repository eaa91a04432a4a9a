// Parameter tables: every descriptor is bound to the right member, with a range that holds the
// default, so JSON keys (and the sliders and flags built on them) cannot drift from the structs.
#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <string>

#include "core/param_table.h"

namespace gradlab {
namespace {

// For each field: setting a distinctive in-range value through the table changes exactly that
// field, read back through the same table; every default is inside its range; names are unique.
template <class T>
void checkTable(const ParamTable<T>& table, const char* what) {
  std::set<std::string> names;
  static const T defaults;
  for (const ParamField<T>& field : table) {
    SCOPED_TRACE(std::string(what) + "." + field.name);
    EXPECT_TRUE(names.insert(field.name).second) << "duplicate name";
    const bool is_bool = std::holds_alternative<bool T::*>(field.member);
    const bool is_int = std::holds_alternative<int T::*>(field.member);
    if (!is_bool) {
      EXPECT_LE(field.min, getParam(defaults, field));
      EXPECT_GE(field.max, getParam(defaults, field));
      EXPECT_LT(field.min, field.max);
    }
    // A value no default has: the far end of the range (or the flipped bool).
    double value = is_bool ? 1 - getParam(defaults, field) : field.max;
    if (is_int) value = double(static_cast<long long>(value));
    T params{};
    std::string error;
    ASSERT_TRUE(setParam(params, field, value, &error)) << error;
    EXPECT_EQ(getParam(params, field), value);
    for (const ParamField<T>& other : table) {
      if (&other != &field) {
        EXPECT_EQ(getParam(params, other), getParam(defaults, other)) << other.name;
      }
    }
  }
}

// The field of `table` called `name` (the test fails when there is none).
template <class T>
const ParamField<T>& fieldNamed(const ParamTable<T>& table, const std::string& name) {
  for (const ParamField<T>& field : table)
    if (field.name == name) return field;
  ADD_FAILURE() << "no field " << name;
  return table.front();
}

TEST(ParamTable, EveryFieldIsBoundToItsOwnMemberWithItsDefaultInRange) {
  checkTable(runConfigParamTable(), "config");
  checkTable(sgdParamTable(), "sgd");
  checkTable(armijoParamTable(), "armijo");
  checkTable(adagradParamTable(), "adagrad");
  checkTable(rmspropParamTable(), "rmsprop");
  checkTable(adamParamTable(), "adam");
  checkTable(newtonParamTable(), "newton");
  checkTable(lbfgsParamTable(), "lbfgs");
  checkTable(stopRulesTable(), "stop");
  checkTable(sweepConfigTable(), "sweep");
}

TEST(ParamTable, NamedMembersAreTheOnesTheirNamesSay) {
  AdamParams adam;
  std::string error;
  for (const auto& field : adamParamTable()) {
    if (std::string(field.name) == "beta2") {
      ASSERT_TRUE(setParam(adam, field, 0.95, &error));
    }
  }
  EXPECT_EQ(adam.beta2, 0.95);
  EXPECT_EQ(adam.beta1, 0.9);
  StopRules stop;
  for (const auto& field : stopRulesTable()) {
    if (std::string(field.name) == "max_iterations") {
      ASSERT_TRUE(setParam(stop, field, 77, &error));
    }
  }
  EXPECT_EQ(stop.max_iterations, 77);
}

TEST(ParamTable, OutOfRangeWrongKindAndNonFiniteValuesAreRefusedByName) {
  AdamParams adam;
  const ParamField<AdamParams>& beta1 = fieldNamed(adamParamTable(), "beta1");
  std::string error;
  EXPECT_FALSE(setParam(adam, beta1, 2.0, &error));
  EXPECT_EQ(error.rfind("beta1 must be in [", 0), 0u) << error;
  EXPECT_FALSE(setParam(adam, beta1, std::nan(""), &error));
  EXPECT_EQ(error, "beta1 is not a finite number");
  EXPECT_EQ(adam.beta1, 0.9);  // untouched
  LbfgsParams lbfgs;
  EXPECT_FALSE(setParam(lbfgs, fieldNamed(lbfgsParamTable(), "history_size"), 10.5, &error));
  EXPECT_EQ(error, "history_size must be a whole number");
  EXPECT_FALSE(setParam(adam, fieldNamed(adamParamTable(), "amsgrad"), 0.5, &error));
  EXPECT_EQ(error, "amsgrad must be true or false");
}

}  // namespace
}  // namespace gradlab

namespace gradlab {
namespace {

// Every name a method lists (its sliders, its trace flags) is a field of the table it is visited
// with; every method but pure Newton takes the step size first, then its own fields (if any).
TEST(ParamTable, EveryMethodsParametersAreFieldsOfItsTable) {
  int count = 0;
  const MethodInfo* methods = methodTable(&count);
  for (int m = 0; m < count; ++m) {
    const Method method = methods[m].method;
    RunConfig config = defaultRunConfig(method);
    int visited = 0;
    visitMethodParams(config, [&](auto& params, const auto& table, ParamNames names) {
      for (const char* name : names) {
        bool found = false;
        for (const auto& field : table) found |= std::string(field.name) == name;
        EXPECT_TRUE(found) << methods[m].cli_name << ": " << name;
      }
      if (visited++ == 0) {
        EXPECT_EQ(static_cast<const void*>(&params), static_cast<const void*>(&config));
        EXPECT_EQ(names.size(), 1u);
        EXPECT_EQ(std::string(*names.begin()), "lr") << methods[m].cli_name;
      }
    });
    const bool own_fields = method != Method::GradientDescent && method != Method::Newton &&
                            method != Method::DampedNewton;
    EXPECT_EQ(visited, method == Method::Newton ? 0 : own_fields ? 2 : 1) << methods[m].cli_name;
  }
}

// Issue 14, item 4: the step size is one field of RunConfig, bound once in the tables. No method's
// struct table has a step size of its own; each method's step-size row binds RunConfig::step_size.
TEST(StepSize, RunConfigHoldsTheOneStepSizeFieldAndEveryMethodBindsIt) {
  ASSERT_EQ(runConfigParamTable().size(), 1u);
  const ParamField<RunConfig>& step = runConfigParamTable().front();
  EXPECT_EQ(std::string(step.name), "lr");  // torch's name: JSON key and --lr
  ASSERT_TRUE(std::holds_alternative<double RunConfig::*>(step.member));
  EXPECT_EQ(std::get<double RunConfig::*>(step.member), &RunConfig::step_size);
  const auto noStepField = [](const auto& table, const char* what) {
    for (const auto& field : table) {
      const std::string name = field.name;
      EXPECT_TRUE(name != "lr" && name != "eta" && name != "step_size") << what << "." << name;
    }
  };
  noStepField(sgdParamTable(), "sgd");
  noStepField(armijoParamTable(), "armijo");
  noStepField(adagradParamTable(), "adagrad");
  noStepField(rmspropParamTable(), "rmsprop");
  noStepField(adamParamTable(), "adam");
  noStepField(newtonParamTable(), "newton");
  noStepField(lbfgsParamTable(), "lbfgs");

  int count = 0;
  const MethodInfo* methods = methodTable(&count);
  for (int m = 0; m < count; ++m) {
    const Method method = methods[m].method;
    const ParamTable<RunConfig>& table = stepSizeTable(method);
    ASSERT_EQ(table.size(), 1u);
    EXPECT_EQ(std::get<double RunConfig::*>(table.front().member), &RunConfig::step_size);
    EXPECT_EQ(std::string(table.front().name), "lr");
    if (method == Method::Newton) continue;
    // The row's range is the method's (damped Newton: [1e-3, 2]) and holds its default.
    EXPECT_EQ(table.front().min, stepSizeRange(method).min) << methods[m].cli_name;
    EXPECT_EQ(table.front().max, stepSizeRange(method).max) << methods[m].cli_name;
    RunConfig config = defaultRunConfig(method);
    EXPECT_GE(config.step_size, table.front().min);
    EXPECT_LE(config.step_size, table.front().max);
    std::string error;
    ASSERT_TRUE(setParam(config, table.front(), 0.75, &error)) << error;
    EXPECT_EQ(config.step_size, 0.75);
  }
  EXPECT_EQ(std::string(stepSizeTable(Method::DampedNewton).front().label), "eta");
  EXPECT_EQ(std::string(stepSizeTable(Method::GradientDescentArmijo).front().label),
            "first trial step");
}

}  // namespace
}  // namespace gradlab
