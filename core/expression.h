// A user-typed formula f(x, y) compiled once into a flat program, evaluated fast (one point or
// a batch of points) and with exact gradient and Hessian by second-order forward-mode AD.
#pragma once

#include <string>

#include "core/objective.h"

namespace gradlab {

// Makes the Objective for a typed expression (makeObjective with name "expression"). On a parse
// error returns nullptr and sets *error to one line with the 1-based column.
ObjectivePtr makeExpressionObjective(const std::string& text, std::string* error);

}  // namespace gradlab
