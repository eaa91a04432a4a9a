// Classic optimization test functions (Rosenbrock, Himmelblau, Beale, Booth, Rastrigin,
// six-hump camel, monkey saddle) with hand-written exact gradients and Hessians.
// Stationary points were Newton-solved to 40 digits with mpmath and rounded to 17.
#include <cmath>

#include "core/objectives/builtins.h"

namespace gradlab {
namespace {

constexpr double kPi = 3.141592653589793238462643383279502884;

// f = (a - x)^2 + b (y - x^2)^2.
// grad = (-2(a - x) - 4bx(y - x^2), 2b(y - x^2)); Hessian [[2 - 4b(y - 3x^2), -4bx], [., 2b]].
struct Rosenbrock {
  double a, b;
  double value(const Vec2& w) const {
    const double x = w.x(), u = a - x, v = w.y() - x * x;
    return u * u + b * v * v;
  }
  double valueAndGradient(const Vec2& w, Vec2& g) const {
    const double x = w.x(), u = a - x, v = w.y() - x * x;
    g = Vec2(-2 * u - 4 * b * x * v, 2 * b * v);
    return u * u + b * v * v;
  }
  Eval eval(const Vec2& w) const {
    Eval r;
    r.f = valueAndGradient(w, r.grad);
    const double x = w.x();
    r.hess << 2 - 4 * b * (w.y() - 3 * x * x), -4 * b * x, -4 * b * x, 2 * b;
    return r;
  }
};

ObjectivePtr makeRosenbrock(const std::vector<Param>& p) {
  const double a = p[0].value, b = p[1].value;
  ObjectiveInfo info;
  info.name = "rosenbrock";
  info.title = "Rosenbrock's banana valley";
  info.description = "f(w) = (a - w1)^2 + b (w2 - w1^2)^2; minimum (a, a^2)";
  info.window = {-2, 2, -1, 3};
  info.starts = {Vec2(-1.2, 1.0), Vec2(-1.5, 2.5), Vec2(1.5, -0.5)};
  info.known_points = {{Vec2(a, a * a), 0, "minimum"}};
  info.params = p;
  return makeBuiltin(info, Rosenbrock{a, b});
}

// f = u^2 + v^2 with u = x^2 + y - 11, v = x + y^2 - 7.
// grad = (4xu + 2v, 2u + 4yv); Hessian [[4u + 8x^2 + 2, 4(x + y)], [., 4v + 8y^2 + 2]].
struct Himmelblau {
  double value(const Vec2& w) const {
    const double x = w.x(), y = w.y(), u = x * x + y - 11, v = x + y * y - 7;
    return u * u + v * v;
  }
  double valueAndGradient(const Vec2& w, Vec2& g) const {
    const double x = w.x(), y = w.y(), u = x * x + y - 11, v = x + y * y - 7;
    g = Vec2(4 * x * u + 2 * v, 2 * u + 4 * y * v);
    return u * u + v * v;
  }
  Eval eval(const Vec2& w) const {
    Eval r;
    r.f = valueAndGradient(w, r.grad);
    const double x = w.x(), y = w.y(), u = x * x + y - 11, v = x + y * y - 7;
    const double hxy = 4 * (x + y);
    r.hess << 4 * u + 8 * x * x + 2, hxy, hxy, 4 * v + 8 * y * y + 2;
    return r;
  }
};

ObjectivePtr makeHimmelblau(const std::vector<Param>& p) {
  ObjectiveInfo info;
  info.name = "himmelblau";
  info.title = "Himmelblau's function";
  info.description = "f(w) = (w1^2 + w2 - 11)^2 + (w1 + w2^2 - 7)^2; four minima with f = 0";
  info.window = {-5, 5, -5, 5};
  info.starts = {Vec2(0, 0), Vec2(-1, 1), Vec2(1, -3)};
  info.known_points = {
      {Vec2(3, 2), 0, "minimum"},
      {Vec2(-2.8051180869527449, 3.131312518250573), 0, "minimum"},
      {Vec2(-3.7793102533777469, -3.2831859912861694), 0, "minimum"},
      {Vec2(3.5844283403304917, -1.8481265269644036), 0, "minimum"},
      {Vec2(-0.27084459066734761, -0.92303855647998146), 181.6165215225827, "maximum"},
      {Vec2(-0.12796134673068007, -1.9537149802445764), 178.33723920192746, "saddle"},
      {Vec2(-3.0730257507643896, -0.081353044287967512), 104.01516291755811, "saddle"},
      {Vec2(0.086677504555396352, 2.8842547011747761), 67.71915008752614, "saddle"},
      {Vec2(3.3851541836070209, 0.073851879837749288), 13.31192627040559, "saddle"},
  };
  info.params = p;
  return makeBuiltin(info, Himmelblau{});
}

// f = sum_{i=1..3} t_i^2 with t_i = c_i - x + x y^i, c = (1.5, 2.25, 2.625).
// grad t_i = (y^i - 1, i x y^(i-1)); Hessian of t_i = [[0, i y^(i-1)], [., i(i-1) x y^(i-2)]];
// Hessian f = sum 2 (grad t_i grad t_i^T + t_i Hessian t_i).
struct Beale {
  double value(const Vec2& w) const {
    const double x = w.x(), y = w.y(), y2 = y * y, y3 = y2 * y;
    const double t1 = 1.5 - x + x * y, t2 = 2.25 - x + x * y2, t3 = 2.625 - x + x * y3;
    return t1 * t1 + t2 * t2 + t3 * t3;
  }
  double valueAndGradient(const Vec2& w, Vec2& g) const {
    const double x = w.x(), y = w.y(), y2 = y * y, y3 = y2 * y;
    const double t1 = 1.5 - x + x * y, t2 = 2.25 - x + x * y2, t3 = 2.625 - x + x * y3;
    g = Vec2(2 * (t1 * (y - 1) + t2 * (y2 - 1) + t3 * (y3 - 1)),
             2 * (t1 * x + t2 * 2 * x * y + t3 * 3 * x * y2));
    return t1 * t1 + t2 * t2 + t3 * t3;
  }
  Eval eval(const Vec2& w) const {
    Eval r;
    r.f = valueAndGradient(w, r.grad);
    const double x = w.x(), y = w.y(), y2 = y * y, y3 = y2 * y;
    const double t1 = 1.5 - x + x * y, t2 = 2.25 - x + x * y2, t3 = 2.625 - x + x * y3;
    const double a1 = y - 1, a2 = y2 - 1, a3 = y3 - 1;     // d t_i / dx
    const double b1 = x, b2 = 2 * x * y, b3 = 3 * x * y2;  // d t_i / dy
    const double hxx = 2 * (a1 * a1 + a2 * a2 + a3 * a3);
    const double hxy = 2 * (a1 * b1 + a2 * b2 + a3 * b3 + t1 + t2 * 2 * y + t3 * 3 * y2);
    const double hyy = 2 * (b1 * b1 + b2 * b2 + b3 * b3 + t2 * 2 * x + t3 * 6 * x * y);
    r.hess << hxx, hxy, hxy, hyy;
    return r;
  }
};

ObjectivePtr makeBeale(const std::vector<Param>& p) {
  ObjectiveInfo info;
  info.name = "beale";
  info.title = "Beale's function";
  info.description =
      "f(w) = (1.5 - w1 + w1 w2)^2 + (2.25 - w1 + w1 w2^2)^2 + (2.625 - w1 + w1 w2^3)^2";
  info.window = {-4.5, 4.5, -4.5, 4.5};
  info.starts = {Vec2(1, 1), Vec2(-2, 2), Vec2(2, -1)};
  info.known_points = {{Vec2(3, 0.5), 0, "minimum"}, {Vec2(0, 1), 14.203125, "saddle"}};
  info.params = p;
  return makeBuiltin(info, Beale{});
}

// f = (x + 2y - 7)^2 + (2x + y - 5)^2; Hessian [[10, 8], [8, 10]].
struct Booth {
  double value(const Vec2& w) const {
    const double u = w.x() + 2 * w.y() - 7, v = 2 * w.x() + w.y() - 5;
    return u * u + v * v;
  }
  double valueAndGradient(const Vec2& w, Vec2& g) const {
    const double u = w.x() + 2 * w.y() - 7, v = 2 * w.x() + w.y() - 5;
    g = Vec2(2 * u + 4 * v, 4 * u + 2 * v);
    return u * u + v * v;
  }
  Eval eval(const Vec2& w) const {
    Eval r;
    r.f = valueAndGradient(w, r.grad);
    r.hess << 10, 8, 8, 10;
    return r;
  }
};

ObjectivePtr makeBooth(const std::vector<Param>& p) {
  ObjectiveInfo info;
  info.name = "booth";
  info.title = "Booth's function";
  info.description = "f(w) = (w1 + 2 w2 - 7)^2 + (2 w1 + w2 - 5)^2; minimum (1, 3)";
  info.window = {-4, 6, -2, 8};
  info.starts = {Vec2(-3, -1), Vec2(5, 7)};
  info.known_points = {{Vec2(1, 3), 0, "minimum"}};
  info.params = p;
  return makeBuiltin(info, Booth{});
}

// f = 2A + sum_i (w_i^2 - A cos(2 pi w_i)); grad_i = 2 w_i + 2 pi A sin(2 pi w_i);
// Hessian diag(2 + 4 pi^2 A cos(2 pi w_i)).
struct Rastrigin {
  double a;
  double value(const Vec2& w) const {
    return 2 * a + w.x() * w.x() - a * std::cos(2 * kPi * w.x()) + w.y() * w.y() -
           a * std::cos(2 * kPi * w.y());
  }
  double valueAndGradient(const Vec2& w, Vec2& g) const {
    g = Vec2(2 * w.x() + 2 * kPi * a * std::sin(2 * kPi * w.x()),
             2 * w.y() + 2 * kPi * a * std::sin(2 * kPi * w.y()));
    return value(w);
  }
  Eval eval(const Vec2& w) const {
    Eval r;
    r.f = valueAndGradient(w, r.grad);
    const double k = 4 * kPi * kPi * a;
    r.hess << 2 + k * std::cos(2 * kPi * w.x()), 0, 0, 2 + k * std::cos(2 * kPi * w.y());
    return r;
  }
};

ObjectivePtr makeRastrigin(const std::vector<Param>& p) {
  ObjectiveInfo info;
  info.name = "rastrigin";
  info.title = "Rastrigin's function (many local minima)";
  info.description = "f(w) = 2A + sum_i (w_i^2 - A cos(2 pi w_i)); global minimum 0 at 0";
  info.window = {-5.12, 5.12, -5.12, 5.12};
  info.starts = {Vec2(2.3, -1.7), Vec2(0.4, 0.45), Vec2(-4, 3.5)};
  info.known_points = {{Vec2(0, 0), 0, "minimum"}};
  info.params = p;
  return makeBuiltin(info, Rastrigin{p[0].value});
}

// f = (4 - 2.1x^2 + x^4/3) x^2 + xy + (4y^2 - 4) y^2 = 4x^2 - 2.1x^4 + x^6/3 + xy - 4y^2 + 4y^4.
// grad = (8x - 8.4x^3 + 2x^5 + y, x - 8y + 16y^3);
// Hessian [[8 - 25.2x^2 + 10x^4, 1], [1, -8 + 48y^2]].
struct SixHumpCamel {
  double value(const Vec2& w) const {
    const double x = w.x(), y = w.y(), x2 = x * x, y2 = y * y;
    return (4 - 2.1 * x2 + x2 * x2 / 3) * x2 + x * y + (4 * y2 - 4) * y2;
  }
  double valueAndGradient(const Vec2& w, Vec2& g) const {
    const double x = w.x(), y = w.y(), x2 = x * x, y2 = y * y;
    g = Vec2(x * (8 - 8.4 * x2 + 2 * x2 * x2) + y, x + y * (16 * y2 - 8));
    return (4 - 2.1 * x2 + x2 * x2 / 3) * x2 + x * y + (4 * y2 - 4) * y2;
  }
  Eval eval(const Vec2& w) const {
    Eval r;
    r.f = valueAndGradient(w, r.grad);
    const double x2 = w.x() * w.x(), y2 = w.y() * w.y();
    r.hess << 8 - 25.2 * x2 + 10 * x2 * x2, 1, 1, 48 * y2 - 8;
    return r;
  }
};

ObjectivePtr makeSixHumpCamel(const std::vector<Param>& p) {
  ObjectiveInfo info;
  info.name = "six-hump-camel";
  info.title = "Six-hump camel";
  info.description = "f(w) = (4 - 2.1 w1^2 + w1^4/3) w1^2 + w1 w2 + (4 w2^2 - 4) w2^2";
  info.window = {-2.2, 2.2, -1.3, 1.3};
  info.starts = {Vec2(-1.5, 0.5), Vec2(1.0, -0.2), Vec2(0.3, 1.0)};
  info.known_points = {
      {Vec2(0.089842013100318062, -0.71265640302073963), -1.0316284534898774, "minimum"},
      {Vec2(-0.089842013100318062, 0.71265640302073963), -1.0316284534898774, "minimum"},
      {Vec2(-1.7036067149699809, 0.79608356867262512), -0.21546382438371839, "minimum"},
      {Vec2(1.7036067149699809, -0.79608356867262512), -0.21546382438371839, "minimum"},
      {Vec2(-1.6071047529201974, -0.56865145488413135), 2.1042503103112577, "minimum"},
      {Vec2(1.6071047529201974, 0.56865145488413135), 2.1042503103112577, "minimum"},
      {Vec2(-1.2302298765166525, -0.16233458445899496), 2.4962953510235767, "maximum"},
      {Vec2(1.2302298765166525, 0.16233458445899496), 2.4962953510235767, "maximum"},
      {Vec2(0, 0), 0, "saddle"},
      {Vec2(-1.1092053368047864, 0.76826809250953984), 0.543718600978185, "saddle"},
      {Vec2(1.1092053368047864, -0.76826809250953984), 0.543718600978185, "saddle"},
      {Vec2(-1.2960702671671091, -0.60508438803865851), 2.2294708180298597, "saddle"},
      {Vec2(1.2960702671671091, 0.60508438803865851), 2.2294708180298597, "saddle"},
      {Vec2(-1.6380679841897787, -0.22867406904439409), 2.2293571975307141, "saddle"},
      {Vec2(1.6380679841897787, 0.22867406904439409), 2.2293571975307141, "saddle"},
  };
  info.params = p;
  return makeBuiltin(info, SixHumpCamel{});
}

// f = x^3 - 3xy^2; grad (3x^2 - 3y^2, -6xy); Hessian [[6x, -6y], [-6y, -6x]] (0 at the origin).
struct MonkeySaddle {
  double value(const Vec2& w) const {
    const double x = w.x(), y = w.y();
    return x * x * x - 3 * x * y * y;
  }
  double valueAndGradient(const Vec2& w, Vec2& g) const {
    const double x = w.x(), y = w.y();
    g = Vec2(3 * (x * x - y * y), -6 * x * y);
    return x * x * x - 3 * x * y * y;
  }
  Eval eval(const Vec2& w) const {
    Eval r;
    r.f = valueAndGradient(w, r.grad);
    r.hess << 6 * w.x(), -6 * w.y(), -6 * w.y(), -6 * w.x();
    return r;
  }
};

ObjectivePtr makeMonkeySaddle(const std::vector<Param>& p) {
  ObjectiveInfo info;
  info.name = "monkey-saddle";
  info.title = "Monkey saddle (degenerate saddle)";
  info.description = "f(w) = w1^3 - 3 w1 w2^2; Hessian 0 at the saddle (0, 0)";
  info.window = {-1.5, 1.5, -1.5, 1.5};
  info.starts = {Vec2(0.5, 0.3), Vec2(-0.2, 1.0)};
  info.known_points = {{Vec2(0, 0), 0, "saddle"}};
  info.params = p;
  return makeBuiltin(info, MonkeySaddle{});
}

}  // namespace

std::vector<BuiltinDef> classicBuiltins() {
  return {
      {"rosenbrock",
       {{"a", 1, 0, 1.5, "minimum at (a, a^2)"},
        {"b", 100, 1, 1000, "steepness of the valley walls"}},
       makeRosenbrock},
      {"himmelblau", {}, makeHimmelblau},
      {"beale", {}, makeBeale},
      {"booth", {}, makeBooth},
      {"rastrigin", {{"A", 10, 0, 20, "amplitude of the cosine ripples"}}, makeRastrigin},
      {"six-hump-camel", {}, makeSixHumpCamel},
      {"monkey-saddle", {}, makeMonkeySaddle},
  };
}

}  // namespace gradlab
