// Classic optimization test functions (Rosenbrock, Himmelblau, ...) with exact derivatives.
#include "core/objectives/builtins.h"

namespace gradlab {

std::vector<BuiltinDef> classicBuiltins() {
  return {};
}

}  // namespace gradlab
