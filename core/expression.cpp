// The expression compiler: tokenizer, recursive-descent parser, flat program, evaluators.
#include "core/expression.h"

namespace gradlab {

ObjectivePtr makeExpressionObjective(const std::string&, std::string* error) {
  if (error) *error = "expressions are not available yet";
  return nullptr;
}

}  // namespace gradlab
