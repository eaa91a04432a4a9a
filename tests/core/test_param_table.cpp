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

TEST(ParamTable, EveryFieldIsBoundToItsOwnMemberWithItsDefaultInRange) {
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
  const ParamField<AdamParams>& beta1 = adamParamTable()[1];
  std::string error;
  EXPECT_FALSE(setParam(adam, beta1, 2.0, &error));
  EXPECT_EQ(error.rfind("beta1 must be in [", 0), 0u) << error;
  EXPECT_FALSE(setParam(adam, beta1, std::nan(""), &error));
  EXPECT_EQ(error, "beta1 is not a finite number");
  EXPECT_EQ(adam.beta1, 0.9);  // untouched
  LbfgsParams lbfgs;
  EXPECT_FALSE(setParam(lbfgs, lbfgsParamTable()[3], 10.5, &error));
  EXPECT_EQ(error, "history_size must be a whole number");
  EXPECT_FALSE(setParam(adam, adamParamTable()[5], 0.5, &error));
  EXPECT_EQ(error, "amsgrad must be true or false");
}

}  // namespace
}  // namespace gradlab

namespace gradlab {
namespace {

// Every name a method lists (its sliders, its trace flags) is a field of the table it is visited
// with, and every method but pure Newton takes a step size.
TEST(ParamTable, EveryMethodsParametersAreFieldsOfItsTable) {
  int count = 0;
  const MethodInfo* methods = methodTable(&count);
  for (int m = 0; m < count; ++m) {
    RunConfig config = defaultRunConfig(methods[m].method);
    int visited = 0;
    visitMethodParams(config, [&](auto&, const auto& table, ParamNames names) {
      ++visited;
      for (const char* name : names) {
        bool found = false;
        for (const auto& field : table) found |= std::string(field.name) == name;
        EXPECT_TRUE(found) << methods[m].cli_name << ": " << name;
      }
      const std::string first = *names.begin();
      EXPECT_TRUE(first == "lr" || first == "eta") << methods[m].cli_name;
    });
    EXPECT_EQ(visited, methods[m].method == Method::Newton ? 0 : 1) << methods[m].cli_name;
  }
}

}  // namespace
}  // namespace gradlab
