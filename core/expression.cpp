// The expression compiler: tokenizer and recursive-descent parser emitting a flat SSA program
// (with constant folding), and its evaluators: double, batched double, and forward-mode AD.
//
// [SECTION] Scalar semantics of each op (shared by folding, evaluation and derivatives)
// [SECTION] Forward-mode numbers: Dual1 (gradient) and Jet2 (gradient + Hessian)
// [SECTION] Parser
// [SECTION] Evaluators
// [SECTION] Expression objective
#include "core/expression.h"

#include "core/activations.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <memory>
#include <string>
#include <vector>

namespace gradlab {
namespace {

// [SECTION] Scalar semantics of each op ---------------------------------------------------

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kPi = 3.141592653589793238462643383279502884;
constexpr double kE = 2.718281828459045235360287471352662498;

// The activation an op evaluates (core/activations.h: the one definition of each, its value and
// derivatives); false for the other ops. The op's c is the activation's parameter.
inline bool opActivation(ExprOp op, Activation* act) {
  switch (op) {
    case ExprOp::Tanh:
      *act = Activation::Tanh;
      return true;
    case ExprOp::Sigmoid:
      *act = Activation::Sigmoid;
      return true;
    case ExprOp::Relu:
      *act = Activation::Relu;
      return true;
    case ExprOp::Softplus:
      *act = Activation::Softplus;
      return true;
    case ExprOp::LeakyRelu:
      *act = Activation::LeakyRelu;
      return true;
    case ExprOp::Elu:
      *act = Activation::Elu;
      return true;
    case ExprOp::Gelu:
      *act = Activation::Gelu;
      return true;
    case ExprOp::Silu:
      *act = Activation::Silu;
      return true;
    case ExprOp::HardTanh:
      *act = Activation::HardTanh;
      return true;
    default:
      return false;
  }
}

inline double powIntD(double a, double n) {
  return n == 2 ? a * a : std::pow(a, n);
}

// min/max propagate NaN (as torch.minimum / torch.maximum do).
inline double minD(double a, double b) {
  return a < b ? a : (b < a ? b : (a == b ? a : kNaN));
}
inline double maxD(double a, double b) {
  return a > b ? a : (b > a ? b : (a == b ? a : kNaN));
}

inline double unaryD(ExprOp op, double a, double c) {
  switch (op) {
    case ExprOp::Neg:
      return -a;
    case ExprOp::PowInt:
      return powIntD(a, c);
    case ExprOp::PowConst:
      return std::pow(a, c);
    case ExprOp::Exp:
      return std::exp(a);
    case ExprOp::Log:
      return std::log(a);
    case ExprOp::Sqrt:
      return std::sqrt(a);
    case ExprOp::Abs:
      return std::abs(a);
    case ExprOp::Sin:
      return std::sin(a);
    case ExprOp::Cos:
      return std::cos(a);
    case ExprOp::Tan:
      return std::tan(a);
    default: {
      Activation act;
      return opActivation(op, &act) ? activationValue(act, a, c) : kNaN;
    }
  }
}

inline double binaryD(ExprOp op, double a, double b) {
  switch (op) {
    case ExprOp::Add:
      return a + b;
    case ExprOp::Sub:
      return a - b;
    case ExprOp::Mul:
      return a * b;
    case ExprOp::Div:
      return a / b;
    case ExprOp::Min:
      return minD(a, b);
    case ExprOp::Max:
      return maxD(a, b);
    case ExprOp::Pow:
      return std::pow(a, b);
    default:
      return kNaN;
  }
}

bool isBinary(ExprOp op) {
  switch (op) {
    case ExprOp::Add:
    case ExprOp::Sub:
    case ExprOp::Mul:
    case ExprOp::Div:
    case ExprOp::Min:
    case ExprOp::Max:
    case ExprOp::Pow:
      return true;
    default:
      return false;
  }
}

// A unary function's value and first two derivatives at a point.
struct D3 {
  double f, d1, d2;
};

// Second derivative of a^n, written so that n(n-1) = 0 gives exactly 0 (not 0 * inf at a = 0).
inline D3 powerRule(double a, double n, double f) {
  const double d1 = n == 0 ? 0.0 : n * std::pow(a, n - 1);
  const double d2 = n * (n - 1) == 0 ? 0.0 : n * (n - 1) * std::pow(a, n - 2);
  return {f, d1, d2};
}

inline D3 unaryDerivs(ExprOp op, double a, double c) {
  switch (op) {
    case ExprOp::Neg:
      return {-a, -1, 0};
    case ExprOp::PowInt:
      if (c == 2) return {a * a, 2 * a, 2};  // the common square, without std::pow
      return powerRule(a, c, powIntD(a, c));
    case ExprOp::PowConst:
      return powerRule(a, c, std::pow(a, c));
    case ExprOp::Exp: {
      const double e = std::exp(a);
      return {e, e, e};
    }
    case ExprOp::Log:
      return {std::log(a), 1 / a, -1 / (a * a)};
    case ExprOp::Sqrt: {
      const double s = std::sqrt(a);
      return {s, 0.5 / s, -0.25 / (s * s * s)};
    }
    // abs'(0) = 0 (PyTorch's sign(0) = 0).
    case ExprOp::Abs:
      return {std::abs(a), a > 0 ? 1.0 : (a < 0 ? -1.0 : 0.0), 0};
    case ExprOp::Sin:
      return {std::sin(a), std::cos(a), -std::sin(a)};
    case ExprOp::Cos:
      return {std::cos(a), -std::sin(a), -std::cos(a)};
    case ExprOp::Tan: {
      const double t = std::tan(a), d = 1 + t * t;
      return {t, d, 2 * t * d};
    }
    // Activations: PyTorch's conventions at kinks (relu'(0) = 0), see core/activations.h.
    default: {
      Activation act;
      if (!opActivation(op, &act)) return {kNaN, kNaN, kNaN};
      const ActivationValue v = activationEval(act, a, c);
      return {v.f, v.d1, v.d2};
    }
  }
}

// A binary function's value and partial derivatives up to second order at (a, b).
struct P2 {
  double f, fa, fb, faa, fab, fbb;
};

inline P2 binaryPartials(ExprOp op, double a, double b) {
  switch (op) {
    case ExprOp::Add:
      return {a + b, 1, 1, 0, 0, 0};
    case ExprOp::Sub:
      return {a - b, 1, -1, 0, 0, 0};
    case ExprOp::Mul:
      return {a * b, b, a, 0, 1, 0};
    case ExprOp::Div: {
      const double r = 1 / b;
      return {a / b, r, -a * r * r, 0, -r * r, 2 * a * r * r * r};
    }
    // At a tie the derivative is split evenly between the arguments (torch.maximum).
    case ExprOp::Min:
    case ExprOp::Max: {
      const double f = binaryD(op, a, b);
      const bool tie = a == b;
      const bool pick_a = op == ExprOp::Min ? a < b : a > b;
      const double fa = tie ? 0.5 : (pick_a ? 1.0 : 0.0);
      return {f, fa, tie ? 0.5 : 1 - fa, 0, 0, 0};
    }
    // a^b = exp(b log a): f_a = b a^(b-1), f_b = a^b log a, f_aa = b(b-1) a^(b-2),
    // f_ab = a^(b-1) (1 + b log a), f_bb = a^b log^2 a. At a = 0 the b-derivatives are taken
    // as 0 (PyTorch's convention), since a^b log a -> 0 there for b > 0.
    case ExprOp::Pow: {
      const double f = std::pow(a, b);
      const D3 da = powerRule(a, b, f);
      if (a == 0) return {f, da.d1, 0, da.d2, 0, 0};
      const double L = std::log(a);
      return {f, da.d1, f * L, da.d2, std::pow(a, b - 1) * (1 + b * L), f * L * L};
    }
    default:
      return {kNaN, kNaN, kNaN, kNaN, kNaN, kNaN};
  }
}

// [SECTION] Forward-mode numbers --------------------------------------------------------------
//
// Every chain-rule term is (outer derivative) x (inner derivative factor). A term whose inner
// factor is exactly 0 is skipped, so an infinite outer derivative meeting a zero inner one gives 0,
// not inf * 0 = NaN: sqrt(relu(x)) at x < 0 has derivative 0 (as in PyTorch, whose relu backward
// masks the incoming infinity), while a NaN inner factor still propagates.

// outer * inner, or 0 when inner is exactly 0.
inline double term(double outer, double inner) {
  return inner == 0 ? 0.0 : outer * inner;
}
// outer * u * v, or 0 when u or v is exactly 0.
inline double term(double outer, double u, double v) {
  return u == 0 || v == 0 ? 0.0 : outer * u * v;
}

// Value and gradient in (x, y).
struct Dual1 {
  double v, gx, gy;

  static Dual1 constant(double c) { return {c, 0, 0}; }
  static Dual1 varX(double x) { return {x, 1, 0}; }
  static Dual1 varY(double y) { return {y, 0, 1}; }
};

inline Dual1 chain1(const Dual1& a, const D3& d) {
  return {d.f, term(d.d1, a.gx), term(d.d1, a.gy)};
}

inline Dual1 chain2(const Dual1& a, const Dual1& b, const P2& p) {
  return {p.f, term(p.fa, a.gx) + term(p.fb, b.gx), term(p.fa, a.gy) + term(p.fb, b.gy)};
}

// Value, gradient and Hessian in (x, y): a truncated second-order Taylor number.
struct Jet2 {
  double v, gx, gy, hxx, hxy, hyy;

  static Jet2 constant(double c) { return {c, 0, 0, 0, 0, 0}; }
  static Jet2 varX(double x) { return {x, 1, 0, 0, 0, 0}; }
  static Jet2 varY(double y) { return {y, 0, 1, 0, 0, 0}; }
};

// Chain rule to second order: (g o a)_i = g' a_i, (g o a)_ij = g' a_ij + g'' a_i a_j.
inline Jet2 chain1(const Jet2& a, const D3& d) {
  return {d.f,
          term(d.d1, a.gx),
          term(d.d1, a.gy),
          term(d.d1, a.hxx) + term(d.d2, a.gx, a.gx),
          term(d.d1, a.hxy) + term(d.d2, a.gx, a.gy),
          term(d.d1, a.hyy) + term(d.d2, a.gy, a.gy)};
}

// For h(a, b): h_ij = f_a a_ij + f_b b_ij + f_aa a_i a_j + f_ab (a_i b_j + a_j b_i) + f_bb b_i b_j.
inline Jet2 chain2(const Jet2& a, const Jet2& b, const P2& p) {
  return {p.f,
          term(p.fa, a.gx) + term(p.fb, b.gx),
          term(p.fa, a.gy) + term(p.fb, b.gy),
          term(p.fa, a.hxx) + term(p.fb, b.hxx) + term(p.faa, a.gx, a.gx) +
              2 * term(p.fab, a.gx, b.gx) + term(p.fbb, b.gx, b.gx),
          term(p.fa, a.hxy) + term(p.fb, b.hxy) + term(p.faa, a.gx, a.gy) +
              term(p.fab, a.gx, b.gy) + term(p.fab, a.gy, b.gx) + term(p.fbb, b.gx, b.gy),
          term(p.fa, a.hyy) + term(p.fb, b.hyy) + term(p.faa, a.gy, a.gy) +
              2 * term(p.fab, a.gy, b.gy) + term(p.fbb, b.gy, b.gy)};
}

// [SECTION] Parser ------------------------------------------------------------------------

// An activation's parameter (alpha, beta) is its second argument: a constant, since the program
// differentiates in x and y only. `min_arity` < `arity` when the parameter may be left out (then
// it is PyTorch's default, from core/activations.h).
struct FunctionDef {
  const char* name;
  int arity;
  ExprOp op;  // for pow: Pow (turned into PowInt/PowConst when the exponent is constant)
  int min_arity = arity;
  const char* usage = "";  // the call written out, for arity errors of activations
};

constexpr FunctionDef kFunctions[] = {
    {"exp", 1, ExprOp::Exp},
    {"log", 1, ExprOp::Log},
    {"sqrt", 1, ExprOp::Sqrt},
    {"abs", 1, ExprOp::Abs},
    {"sin", 1, ExprOp::Sin},
    {"cos", 1, ExprOp::Cos},
    {"tan", 1, ExprOp::Tan},
    {"tanh", 1, ExprOp::Tanh},
    {"sigmoid", 1, ExprOp::Sigmoid},
    {"relu", 1, ExprOp::Relu},
    {"softplus", 2, ExprOp::Softplus, 1, "softplus(x) or softplus(x, beta)"},
    {"leaky_relu", 2, ExprOp::LeakyRelu, 2, "leaky_relu(x, alpha)"},
    {"elu", 2, ExprOp::Elu, 1, "elu(x) or elu(x, alpha)"},
    {"gelu", 1, ExprOp::Gelu},
    {"silu", 1, ExprOp::Silu},
    {"hardtanh", 1, ExprOp::HardTanh},
    {"min", 2, ExprOp::Min},
    {"max", 2, ExprOp::Max},
    {"pow", 2, ExprOp::Pow},
};

// Deep nesting ("((((...", "-----x") would otherwise overflow the stack.
constexpr int kMaxDepth = 200;

enum class TokKind { Number, Name, Symbol, End, Bad };

struct Token {
  TokKind kind = TokKind::End;
  std::string text;  // as typed
  double number = 0;
  int column = 1;  // 1-based
};

// The length in bytes of the well-formed UTF-8 sequence starting at text[i] (1 for ASCII), or 0
// when the bytes there are not one (a stray continuation byte, a truncated or overlong sequence,
// a surrogate or a code point above U+10FFFF).
std::size_t utf8Length(const std::string& text, std::size_t i) {
  const auto at = [&](std::size_t k) {
    return k < text.size() ? static_cast<unsigned char>(text[k]) : 0u;
  };
  const unsigned lead = at(i);
  if (lead < 0x80) return 1;
  std::size_t n;
  unsigned lo = 0x80, hi = 0xBF;  // the allowed range of the second byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    n = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    n = 3;
    if (lead == 0xE0) lo = 0xA0;  // overlong
    if (lead == 0xED) hi = 0x9F;  // surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    n = 4;
    if (lead == 0xF0) lo = 0x90;  // overlong
    if (lead == 0xF4) hi = 0x8F;  // above U+10FFFF
  } else {
    return 0;
  }
  if (at(i + 1) < lo || at(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < n; ++k) {
    if (at(i + k) < 0x80 || at(i + k) > 0xBF) return 0;
  }
  return n;
}

struct ParseResult {
  std::vector<ExprInstr> program;
  ExpressionError error;
  std::string var_x = "x", var_y = "y";
};

class Parser {
 public:
  explicit Parser(const std::string& text) : text_(text) { advance(); }

  ParseResult run() {
    if (tok_.kind == TokKind::End) {
      fail("empty expression", 1);
    } else {
      parseSum();
      if (!failed() && tok_.kind != TokKind::End) unexpected();
    }
    if (!failed()) removeDeadCode();
    if (!failed() && result_.program.size() > kMaxExpressionInstructions) {
      result_.error.message = "expression too complex: " + std::to_string(result_.program.size()) +
                              " operations (at most " + std::to_string(kMaxExpressionInstructions) +
                              ")";
      result_.error.column = 1;
    }
    if (failed()) result_.program.clear();
    return std::move(result_);
  }

 private:
  // Tokenizer ---------------------------------------------------------------------------
  void advance() {
    std::size_t i = pos_;
    while (i < text_.size() && std::isspace(static_cast<unsigned char>(text_[i]))) ++i;
    prev_ = std::move(tok_);
    tok_ = Token();
    tok_.column = static_cast<int>(i) + 1;
    if (i >= text_.size()) {
      pos_ = i;
      return;
    }
    const char ch = text_[i];
    const auto isDigit = [&](std::size_t k) {
      return k < text_.size() && std::isdigit(static_cast<unsigned char>(text_[k]));
    };
    std::size_t end = i;
    if (isDigit(i) || (ch == '.' && isDigit(i + 1))) {
      while (isDigit(end)) ++end;
      if (end < text_.size() && text_[end] == '.') {
        ++end;
        while (isDigit(end)) ++end;
      }
      // An exponent only when digits follow: "2e" is the number 2 followed by the name e.
      if (end < text_.size() && (text_[end] == 'e' || text_[end] == 'E')) {
        std::size_t k = end + 1;
        if (k < text_.size() && (text_[k] == '+' || text_[k] == '-')) ++k;
        if (isDigit(k)) {
          end = k;
          while (isDigit(end)) ++end;
        }
      }
      tok_.kind = TokKind::Number;
      // from_chars is locale-independent and correctly rounded; it rejects a leading '.'.
      std::string digits = text_.substr(i, end - i);
      if (digits[0] == '.') digits.insert(digits.begin(), '0');
      const auto res = std::from_chars(digits.data(), digits.data() + digits.size(), tok_.number);
      if (res.ec == std::errc::result_out_of_range) {
        tok_.number = std::strtod(digits.c_str(), nullptr);  // overflow to inf, underflow to 0
      }
    } else if (std::isalpha(static_cast<unsigned char>(ch)) || ch == '_') {
      while (end < text_.size() &&
             (std::isalnum(static_cast<unsigned char>(text_[end])) || text_[end] == '_')) {
        ++end;
      }
      tok_.kind = TokKind::Name;
    } else if (std::string("+-*/^(),").find(ch) != std::string::npos) {
      end = i + 1;
      tok_.kind = TokKind::Symbol;
    } else {
      // A character outside the grammar: shown whole (one UTF-8 code point), or as \xNN for a
      // byte that does not start a valid UTF-8 sequence or is an invisible control character.
      const std::size_t length = utf8Length(text_, i);
      end = i + std::max<std::size_t>(length, 1);
      tok_.kind = TokKind::Bad;
      const unsigned char byte = static_cast<unsigned char>(ch);
      if (length == 0 || (length == 1 && (byte < 0x20 || byte == 0x7f))) {
        static const char kHex[] = "0123456789ABCDEF";
        tok_.text = std::string("\\x") + kHex[byte >> 4] + kHex[byte & 15];
        pos_ = end;
        return;
      }
    }
    tok_.text = text_.substr(i, end - i);
    pos_ = end;
  }

  bool isSymbol(char c) const { return tok_.kind == TokKind::Symbol && tok_.text[0] == c; }

  // Errors ------------------------------------------------------------------------------
  bool failed() const { return !result_.error.message.empty(); }

  void fail(const std::string& what, int column, const std::string& hint = "") {
    if (failed()) return;  // keep the first error
    result_.error.message =
        what + " at column " + std::to_string(column) + (hint.empty() ? "" : "; " + hint);
    result_.error.column = column;
  }

  void unexpected() {
    if (tok_.kind == TokKind::End) {
      fail("unexpected end of expression", tok_.column);
    } else if (tok_.kind == TokKind::Bad) {
      fail("unexpected character '" + tok_.text + "'", tok_.column);
    } else if (impliedProduct()) {
      // "2x", "2(x + 1)", "(x)(y)", "x y": math notation for a product the grammar spells "*".
      const std::string left = prev_.text == ")" ? "(...)" : prev_.text;
      const std::string right = tok_.text == "(" ? "(...)" : tok_.text;
      fail("unexpected '" + tok_.text + "'", tok_.column,
           "for a product write " + left + "*" + right);
    } else {
      fail("unexpected '" + tok_.text + "'", tok_.column);
    }
  }

  // An operand (number, name or ')') followed directly by the start of another operand.
  bool impliedProduct() const {
    const bool prev_operand = prev_.kind == TokKind::Number || prev_.kind == TokKind::Name ||
                              (prev_.kind == TokKind::Symbol && prev_.text == ")");
    const bool next_operand = (tok_.kind == TokKind::Number && tok_.text[0] != '.') ||
                              tok_.kind == TokKind::Name ||
                              (tok_.kind == TokKind::Symbol && tok_.text == "(");
    return prev_operand && next_operand;
  }

  // Emitting, with constant folding -----------------------------------------------------
  bool isConst(int slot) const { return result_.program[slot].op == ExprOp::Const; }
  double constValue(int slot) const { return result_.program[slot].c; }

  int push(ExprInstr in) {
    result_.program.push_back(in);
    return static_cast<int>(result_.program.size()) - 1;
  }

  int emitConst(double c) { return push({ExprOp::Const, -1, -1, c}); }

  int emitUnary(ExprOp op, int a, double c = 0) {
    if (isConst(a)) return emitConst(unaryD(op, constValue(a), c));
    return push({op, a, -1, c});
  }

  int emitBinary(ExprOp op, int a, int b) {
    if (op == ExprOp::Pow && isConst(b)) {
      // A constant exponent: the power rule, valid for negative bases when it is an integer.
      const double n = constValue(b);
      const bool integer = std::abs(n) <= 1e9 && n == std::floor(n);
      return emitUnary(integer ? ExprOp::PowInt : ExprOp::PowConst, a, n);
    }
    if (isConst(a) && isConst(b)) return emitConst(binaryD(op, constValue(a), constValue(b)));
    return push({op, a, b, 0});
  }

  // Grammar -----------------------------------------------------------------------------
  // Every parse function returns the slot of its value, or -1 after an error.
  int parseSum() {
    if (++depth_ > kMaxDepth) {
      fail("expression nested too deeply", tok_.column);
      return -1;
    }
    int left = parseProduct();
    while (!failed() && (isSymbol('+') || isSymbol('-'))) {
      const ExprOp op = isSymbol('+') ? ExprOp::Add : ExprOp::Sub;
      advance();
      const int right = parseProduct();
      if (failed()) break;
      left = emitBinary(op, left, right);
    }
    --depth_;
    return failed() ? -1 : left;
  }

  int parseProduct() {
    int left = parseUnary();
    while (!failed() && (isSymbol('*') || isSymbol('/'))) {
      const ExprOp op = isSymbol('*') ? ExprOp::Mul : ExprOp::Div;
      advance();
      const int right = parseUnary();
      if (failed()) break;
      left = emitBinary(op, left, right);
    }
    return failed() ? -1 : left;
  }

  int parseUnary() {
    if (++depth_ > kMaxDepth) {
      fail("expression nested too deeply", tok_.column);
      return -1;
    }
    int result;
    if (isSymbol('-')) {
      advance();
      const int a = parseUnary();
      result = failed() ? -1 : emitUnary(ExprOp::Neg, a);
    } else if (isSymbol('+')) {
      advance();
      result = parseUnary();
    } else {
      result = parsePower();
    }
    --depth_;
    return result;
  }

  // '^' binds tighter than unary minus on its left and is right-associative; its exponent is a
  // unary so that 2^-1 and 2^3^2 = 2^(3^2) parse.
  int parsePower() {
    const int base = parsePrimary();
    if (failed() || !isSymbol('^')) return base;
    advance();
    const int exponent = parseUnary();
    if (failed()) return -1;
    return emitBinary(ExprOp::Pow, base, exponent);
  }

  int parsePrimary() {
    if (tok_.kind == TokKind::Number) {
      const double v = tok_.number;
      advance();
      return emitConst(v);
    }
    if (isSymbol('(')) {
      advance();
      const int inner = parseSum();
      if (failed()) return -1;
      if (!isSymbol(')')) {
        fail("expected ')'", tok_.column);
        return -1;
      }
      advance();
      return inner;
    }
    if (tok_.kind == TokKind::Name) return parseName();
    unexpected();
    return -1;
  }

  int parseName() {
    const std::string name = tok_.text;
    const int column = tok_.column;
    advance();
    if (name == "pi") return emitConst(kPi);
    if (name == "e") return emitConst(kE);
    if (name == "x" || name == "w1" || name == "x1") return variable(0, name);
    if (name == "y" || name == "w2" || name == "x2") return variable(1, name);
    const FunctionDef* fn = nullptr;
    for (const FunctionDef& f : kFunctions) {
      if (name == f.name) fn = &f;
    }
    if (!fn) {
      fail((isSymbol('(') ? "unknown function '" : "unknown name '") + name + "'", column);
      return -1;
    }
    if (!isSymbol('(')) {
      fail("expected '(' after '" + name + "'", tok_.column);
      return -1;
    }
    advance();
    int args[2] = {-1, -1};
    int arg_columns[2] = {0, 0};
    int count = 0;
    if (isSymbol(')')) {
      advance();
    } else {
      while (true) {
        const int arg_column = tok_.column;
        const int arg = parseSum();
        if (failed()) return -1;
        if (count < 2) {
          args[count] = arg;
          arg_columns[count] = arg_column;
        }
        ++count;
        if (isSymbol(',')) {
          advance();
          continue;
        }
        if (isSymbol(')')) {
          advance();
          break;
        }
        fail(tok_.kind == TokKind::End ? std::string("expected ')'") : "expected ',' or ')'",
             tok_.column);
        return -1;
      }
    }
    if (count < fn->min_arity || count > fn->arity) {
      const std::string counts =
          fn->min_arity == fn->arity
              ? std::to_string(fn->arity)
              : std::to_string(fn->min_arity) + " or " + std::to_string(fn->arity);
      fail(
          "function '" + name + "' takes " + counts + (fn->arity == 1 ? " argument" : " arguments"),
          column, *fn->usage ? std::string("write ") + fn->usage : "");
      return -1;
    }
    Activation act;
    if (opActivation(fn->op, &act)) return emitActivation(act, fn->op, args, arg_columns, count);
    return fn->arity == 1 ? emitUnary(fn->op, args[0]) : emitBinary(fn->op, args[0], args[1]);
  }

  // An activation with its parameter: the second argument (a constant) or PyTorch's default.
  int emitActivation(Activation act, ExprOp op, const int* args, const int* arg_columns,
                     int count) {
    const ActivationInfo& info = activationInfo(act);
    double param = info.param_default;
    if (count == 2) {
      if (!isConst(args[1])) {
        fail(std::string("the ") + info.param + " of '" + info.name + "' must be a constant",
             arg_columns[1], std::string("e.g. ") + info.name + "(x, 0.1)");
        return -1;
      }
      param = constValue(args[1]);
      if (!std::isfinite(param)) {
        fail(std::string("the ") + info.param + " of '" + info.name + "' is not a finite number",
             arg_columns[1]);
        return -1;
      }
      if (act == Activation::Softplus && !(param > 0)) {
        fail(std::string("the beta of 'softplus' must be positive"), arg_columns[1]);
        return -1;
      }
    }
    return emitUnary(op, args[0], param);
  }

  // One instruction per variable, reused; the first spelling names the axis.
  int variable(int which, const std::string& spelling) {
    int& slot = var_slot_[which];
    if (slot < 0) {
      slot = push({which == 0 ? ExprOp::VarX : ExprOp::VarY, -1, -1, 0});
      (which == 0 ? result_.var_x : result_.var_y) = spelling;
    }
    return slot;
  }

  // Folding leaves unused constants behind; keep only what the result depends on.
  void removeDeadCode() {
    std::vector<ExprInstr>& p = result_.program;
    std::vector<char> live(p.size(), 0);
    live.back() = 1;
    for (std::size_t i = p.size(); i-- > 0;) {
      if (!live[i]) continue;
      if (p[i].a >= 0) live[p[i].a] = 1;
      if (p[i].b >= 0) live[p[i].b] = 1;
    }
    std::vector<int> new_index(p.size(), -1);
    std::vector<ExprInstr> kept;
    for (std::size_t i = 0; i < p.size(); ++i) {
      if (!live[i]) continue;
      ExprInstr in = p[i];
      if (in.a >= 0) in.a = new_index[in.a];
      if (in.b >= 0) in.b = new_index[in.b];
      new_index[i] = static_cast<int>(kept.size());
      kept.push_back(in);
    }
    p = std::move(kept);
  }

  const std::string& text_;
  std::size_t pos_ = 0;
  Token tok_;
  Token prev_;  // the token before tok_ (error messages)
  int depth_ = 0;
  int var_slot_[2] = {-1, -1};
  ParseResult result_;
};

// [SECTION] Evaluators --------------------------------------------------------------------

// Scratch space for one evaluation: on the stack for small programs, else on the heap.
constexpr std::size_t kStackSlots = 64;

template <class T>
T evaluateAD(const std::vector<ExprInstr>& program, double x, double y, T* s) {
  const std::size_t n = program.size();
  if (n == 0) return T{};  // compile() never emits an empty program
  for (std::size_t i = 0; i < n; ++i) {
    const ExprInstr& in = program[i];
    switch (in.op) {
      case ExprOp::Const:
        s[i] = T::constant(in.c);
        break;
      case ExprOp::VarX:
        s[i] = T::varX(x);
        break;
      case ExprOp::VarY:
        s[i] = T::varY(y);
        break;
      default:
        if (isBinary(in.op)) {
          s[i] = chain2(s[in.a], s[in.b], binaryPartials(in.op, s[in.a].v, s[in.b].v));
        } else {
          s[i] = chain1(s[in.a], unaryDerivs(in.op, s[in.a].v, in.c));
        }
    }
  }
  return s[n - 1];
}

template <class T>
T evaluateAD(const std::vector<ExprInstr>& program, double x, double y) {
  if (program.size() <= kStackSlots) {
    T slots[kStackSlots];
    return evaluateAD(program, x, y, slots);
  }
  std::unique_ptr<T[]> slots(new T[program.size()]);
  return evaluateAD(program, x, y, slots.get());
}

double evaluateDouble(const std::vector<ExprInstr>& program, double x, double y, double* s) {
  const std::size_t n = program.size();
  if (n == 0) return std::numeric_limits<double>::quiet_NaN();  // compile() never emits this
  for (std::size_t i = 0; i < n; ++i) {
    const ExprInstr& in = program[i];
    switch (in.op) {
      case ExprOp::Const:
        s[i] = in.c;
        break;
      case ExprOp::VarX:
        s[i] = x;
        break;
      case ExprOp::VarY:
        s[i] = y;
        break;
      case ExprOp::Add:
        s[i] = s[in.a] + s[in.b];
        break;
      case ExprOp::Sub:
        s[i] = s[in.a] - s[in.b];
        break;
      case ExprOp::Mul:
        s[i] = s[in.a] * s[in.b];
        break;
      case ExprOp::Div:
        s[i] = s[in.a] / s[in.b];
        break;
      default:
        s[i] = isBinary(in.op) ? binaryD(in.op, s[in.a], s[in.b]) : unaryD(in.op, s[in.a], in.c);
    }
  }
  return s[n - 1];
}

// Points per block in the batched path: all slots of a block stay in L1/L2.
constexpr std::size_t kBlock = 128;

// Applies one unary op to a block; the switch is outside the loop so each loop is tight.
template <class Fn>
inline void mapBlock(const double* a, double* out, std::size_t m, Fn fn) {
  for (std::size_t k = 0; k < m; ++k) out[k] = fn(a[k]);
}

template <class Fn>
inline void zipBlock(const double* a, const double* b, double* out, std::size_t m, Fn fn) {
  for (std::size_t k = 0; k < m; ++k) out[k] = fn(a[k], b[k]);
}

void evaluateBlock(const ExprInstr& in, const double* a, const double* b, double* out,
                   std::size_t m) {
  const double c = in.c;
  switch (in.op) {
    case ExprOp::Add:
      zipBlock(a, b, out, m, [](double u, double v) { return u + v; });
      break;
    case ExprOp::Sub:
      zipBlock(a, b, out, m, [](double u, double v) { return u - v; });
      break;
    case ExprOp::Mul:
      zipBlock(a, b, out, m, [](double u, double v) { return u * v; });
      break;
    case ExprOp::Div:
      zipBlock(a, b, out, m, [](double u, double v) { return u / v; });
      break;
    case ExprOp::Min:
      zipBlock(a, b, out, m, minD);
      break;
    case ExprOp::Max:
      zipBlock(a, b, out, m, maxD);
      break;
    case ExprOp::Pow:
      zipBlock(a, b, out, m, [](double u, double v) { return std::pow(u, v); });
      break;
    case ExprOp::Neg:
      mapBlock(a, out, m, [](double u) { return -u; });
      break;
    case ExprOp::PowInt:
      if (c == 2) {
        mapBlock(a, out, m, [](double u) { return u * u; });
      } else {
        mapBlock(a, out, m, [c](double u) { return std::pow(u, c); });
      }
      break;
    case ExprOp::PowConst:
      mapBlock(a, out, m, [c](double u) { return std::pow(u, c); });
      break;
    case ExprOp::Exp:
      mapBlock(a, out, m, [](double u) { return std::exp(u); });
      break;
    case ExprOp::Log:
      mapBlock(a, out, m, [](double u) { return std::log(u); });
      break;
    case ExprOp::Sqrt:
      mapBlock(a, out, m, [](double u) { return std::sqrt(u); });
      break;
    case ExprOp::Abs:
      mapBlock(a, out, m, [](double u) { return std::abs(u); });
      break;
    case ExprOp::Sin:
      mapBlock(a, out, m, [](double u) { return std::sin(u); });
      break;
    case ExprOp::Cos:
      mapBlock(a, out, m, [](double u) { return std::cos(u); });
      break;
    case ExprOp::Tan:
      mapBlock(a, out, m, [](double u) { return std::tan(u); });
      break;
    default: {
      Activation act;
      if (!opActivation(in.op, &act)) break;  // leaves are handled by the caller
      double (*value)(double, double) = activationInfo(act).value;
      mapBlock(a, out, m, [value, c](double u) { return value(u, c); });
      break;
    }
  }
}

}  // namespace

ExprLocal exprLocalDerivatives(const ExprInstr& in, double a, double b) {
  switch (in.op) {
    case ExprOp::Const:
      return {in.c, 0, 0};
    case ExprOp::VarX:
    case ExprOp::VarY:
      return {kNaN, 0, 0};  // a leaf: its value is the point, not a function of operands
    default:
      break;
  }
  if (isBinary(in.op)) {
    const P2 p = binaryPartials(in.op, a, b);
    return {p.f, p.fa, p.fb};
  }
  const D3 d = unaryDerivs(in.op, a, in.c);
  return {d.f, d.d1, 0};
}

Expression Expression::compile(const std::string& text) {
  Expression e;
  e.text_ = text;
  if (text.size() > kMaxExpressionLength) {
    // Checked before parsing: the parser's time and memory grow with the text.
    e.error_.message = "expression too long: " + std::to_string(text.size()) +
                       " characters (at most " + std::to_string(kMaxExpressionLength) + ")";
    e.error_.column = static_cast<int>(kMaxExpressionLength) + 1;
    return e;
  }
  ParseResult r = Parser(text).run();
  e.error_ = std::move(r.error);
  e.program_ = std::move(r.program);
  e.var_x_ = std::move(r.var_x);
  e.var_y_ = std::move(r.var_y);
  return e;
}

double Expression::value(double x, double y) const {
  if (program_.size() <= kStackSlots) {
    double slots[kStackSlots];
    return evaluateDouble(program_, x, y, slots);
  }
  std::vector<double> slots(program_.size());
  return evaluateDouble(program_, x, y, slots.data());
}

double Expression::valueAndGradient(double x, double y, Vec2& grad) const {
  const Dual1 r = evaluateAD<Dual1>(program_, x, y);
  grad = Vec2(r.gx, r.gy);
  return r.v;
}

Eval Expression::eval(double x, double y) const {
  const Jet2 r = evaluateAD<Jet2>(program_, x, y);
  Eval e;
  e.f = r.v;
  e.grad = Vec2(r.gx, r.gy);
  e.hess << r.hxx, r.hxy, r.hxy, r.hyy;
  return e;
}

void Expression::values(const double* xs, const double* ys, double* out, std::size_t n) const {
  const std::size_t slots = program_.size();
  // Constants are filled once; variables point straight into xs / ys.
  std::vector<double> storage(slots * kBlock);
  std::vector<const double*> src(slots);
  for (std::size_t i = 0; i < slots; ++i) {
    if (program_[i].op == ExprOp::Const) {
      std::fill_n(storage.data() + i * kBlock, kBlock, program_[i].c);
    }
    src[i] = storage.data() + i * kBlock;
  }
  for (std::size_t base = 0; base < n; base += kBlock) {
    const std::size_t m = std::min(kBlock, n - base);
    for (std::size_t i = 0; i < slots; ++i) {
      const ExprInstr& in = program_[i];
      if (in.op == ExprOp::Const) continue;
      if (in.op == ExprOp::VarX || in.op == ExprOp::VarY) {
        src[i] = (in.op == ExprOp::VarX ? xs : ys) + base;
        continue;
      }
      evaluateBlock(in, src[in.a], in.b >= 0 ? src[in.b] : nullptr, storage.data() + i * kBlock, m);
    }
    std::copy_n(src[slots - 1], m, out + base);
  }
}

// [SECTION] Expression objective ----------------------------------------------------------

namespace {

class ExpressionObjective final : public Objective {
 public:
  ExpressionObjective(Expression expr, ObjectiveInfo info) : expr_(std::move(expr)) {
    info_ = std::move(info);
  }

  double value(const Vec2& w) const override { return expr_.value(w.x(), w.y()); }
  double valueAndGradient(const Vec2& w, Vec2& grad) const override {
    return expr_.valueAndGradient(w.x(), w.y(), grad);
  }
  Eval eval(const Vec2& w) const override { return expr_.eval(w.x(), w.y()); }
  void values(const double* xs, const double* ys, double* out, std::size_t n) const override {
    expr_.values(xs, ys, out, n);
  }

 private:
  Expression expr_;
};

}  // namespace

ObjectivePtr makeExpressionObjective(const std::string& text, std::string* error) {
  Expression expr = Expression::compile(text);
  if (!expr.ok()) {
    if (error) *error = expr.error().message;
    return nullptr;
  }
  ObjectiveInfo info;
  info.name = "expression";
  info.title = "f(x, y) = " + text;
  info.description = "f(x, y) = " + text + " (typed; derivatives by forward-mode AD)";
  info.window = {-3, 3, -3, 3};
  info.starts = {Vec2(1, 1)};
  info.var_x = expr.varNameX();
  info.var_y = expr.varNameY();
  return std::make_shared<const ExpressionObjective>(std::move(expr), std::move(info));
}

}  // namespace gradlab
