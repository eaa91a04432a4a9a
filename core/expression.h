// A user-typed formula f(x, y) compiled once into a flat program, evaluated fast (one point or
// a batch of points) and with exact gradient and Hessian by second-order forward-mode AD.
//
// Grammar (lowest to highest precedence):
//   sum     = product (('+' | '-') product)*
//   product = unary (('*' | '/') unary)*
//   unary   = ('-' | '+') unary | power
//   power   = primary ('^' unary)?          right-associative; -x^2 = -(x^2), 2^-1 = 0.5
//   primary = number | constant | variable | function '(' args ')' | '(' sum ')'
// Numbers: 3, 3.5, .5, 5., 1e-3, 2.5E+4. Constants: pi, e. Variables: x, y (also w1, w2 and
// x1, x2: the first and second coordinate). Functions: exp log sqrt abs sin cos tan (one
// argument), min max pow (two), and the activations of core/activations.h, each computed by its
// one definition there: tanh sigmoid relu gelu silu hardtanh (one argument), leaky_relu(x, alpha),
// softplus(x) or softplus(x, beta), elu(x) or elu(x, alpha) (alpha and beta constants; left out,
// PyTorch's defaults beta = 1, alpha = 1).
//
// Domain errors give NaN (log of a negative, sqrt(-1)), never exceptions. Derivatives follow
// PyTorch: relu'(0) = 0, abs'(0) = 0; min/max at a tie split the derivative evenly between
// both arguments (as torch.maximum / torch.minimum do), so max(x, x) has derivative 1.
// A constant integer exponent (x^3, pow(x, -2)) uses the power rule and works for negative x;
// a constant non-integer exponent uses c x^(c-1). A variable exponent a^b has the value
// std::pow(a, b) and the derivatives of exp(b log a), as torch.pow: for a < 0 the value is finite
// when b is an integer there and NaN otherwise, but the derivative in b (a^b log a) is NaN, so
// (-2)^y at y = 3 is -8 with gradient (0, NaN). At a = 0 the derivative in b is taken as 0.
// In the chain rule a term whose inner derivative is exactly 0 is dropped (first and second
// order), so an infinite outer derivative does not turn it into NaN: sqrt(relu(x)) + y^2 at
// (-1, 1) has gradient (0, 2), as in PyTorch, and Hessian diag(0, 2).
//
// Size limits (bounding compile time, evaluation time and memory): the text is at most
// kMaxExpressionLength bytes ("expression too long: N characters (at most 4096)", column 4097)
// and the compiled program at most kMaxExpressionInstructions instructions ("expression too
// complex: N operations (at most 2048)", column 1).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/objective.h"

namespace gradlab {

constexpr std::size_t kMaxExpressionLength = 4096;        // bytes of text
constexpr std::size_t kMaxExpressionInstructions = 2048;  // after folding and dead-code removal

// A compile error: `message` is the whole line a UI shows, e.g. "expected ')' at column 12";
// `column` is 1-based (in bytes of the text) so a caret can be drawn under it. A character
// outside the grammar is quoted whole ("unexpected character '²' at column 2", the column of its
// first byte); a byte that is not valid UTF-8, or a control character, is quoted as \xNN.
struct ExpressionError {
  std::string message;
  int column = 0;
};

// One instruction of the compiled program. Instruction i writes slot i (SSA form), so the
// operands a and b are indices of earlier instructions.
enum class ExprOp : std::uint8_t {
  Const,
  VarX,
  VarY,  // leaves
  Add,
  Sub,
  Mul,
  Div,
  Min,
  Max,
  Pow,  // binary
  Neg,
  PowInt,
  PowConst,  // unary with c as the exponent
  Exp,
  Log,
  Sqrt,
  Abs,
  Sin,
  Cos,
  Tan,
  Tanh,
  Sigmoid,
  Relu,
  Softplus,  // unary functions; activations take their parameter in c
  LeakyRelu,
  Elu,
  Gelu,
  Silu,
  HardTanh,
};

struct ExprInstr {
  ExprOp op = ExprOp::Const;
  std::int32_t a = -1, b = -1;  // operand slots (-1: unused)
  double c = 0;  // Const: the value; PowInt/PowConst: the exponent; activations: alpha or beta
};

class Expression {
 public:
  // Parses and compiles `text`. On failure ok() is false and error() says what and where.
  static Expression compile(const std::string& text);

  bool ok() const { return error_.message.empty(); }
  const ExpressionError& error() const { return error_; }
  const std::string& text() const { return text_; }
  // The compiled program after constant folding and dead-code removal (result in the last slot).
  const std::vector<ExprInstr>& program() const { return program_; }
  // Axis labels: how the text spelled the two variables ("x"/"y", "w1"/"w2" or "x1"/"x2").
  const std::string& varNameX() const { return var_x_; }
  const std::string& varNameY() const { return var_y_; }

  // All evaluators require ok(); they never allocate for programs of up to 64 instructions.
  double value(double x, double y) const;
  double valueAndGradient(double x, double y, Vec2& grad) const;
  Eval eval(double x, double y) const;
  // out[i] = f(xs[i], ys[i]) for i < n, evaluated instruction by instruction over blocks of
  // points (fast for grids). Safe to call from several threads at once.
  void values(const double* xs, const double* ys, double* out, std::size_t n) const;

 private:
  std::string text_;
  ExpressionError error_;
  std::vector<ExprInstr> program_;
  std::string var_x_ = "x", var_y_ = "y";
};

// One instruction's value and first partial derivatives in its operands a and b, given their
// values (b ignored by unary ops; Const and the variables have none). The same rules as the
// evaluators (PyTorch's conventions at kinks and ties): reverse-mode graphs (core/graph.h) use
// it so that a typed graph differentiates exactly as the compiler does.
struct ExprLocal {
  double f = 0, da = 0, db = 0;
};
ExprLocal exprLocalDerivatives(const ExprInstr& in, double a, double b);

// Makes the Objective for a typed expression (makeObjective with name "expression"): window
// [-3, 3]^2, start (1, 1), title "f(x, y) = <text>". On a compile error returns nullptr and sets
// *error to the error's message.
ObjectivePtr makeExpressionObjective(const std::string& text, std::string* error);

}  // namespace gradlab
