// Objective: a function of two variables with its value, exact gradient and exact Hessian,
// plus what a view needs to show it (window, start points, known optima, parameters).
#pragma once

#include <Eigen/Core>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace gradlab {

using Vec2 = Eigen::Vector2d;
using Mat2 = Eigen::Matrix2d;

// One evaluation returns everything an optimizer may need.
struct Eval {
  double f = 0;
  Vec2 grad = Vec2::Zero();
  Mat2 hess = Mat2::Zero();
};

// An axis-aligned view window [x_min, x_max] x [y_min, y_max] in objective coordinates.
struct Window {
  double x_min = -1, x_max = 1;
  double y_min = -1, y_max = 1;
};
// Exactly the same window (caches compare the window they were made for with the current one).
inline bool sameWindow(const Window& a, const Window& b) {
  return a.x_min == b.x_min && a.x_max == b.x_max && a.y_min == b.y_min && a.y_max == b.y_max;
}

// A parameter of a built-in objective. Sliders bind to `value` within [min, max];
// the command line sets it with --param name=value.
struct Param {
  std::string name;  // short identifier, e.g. "a", "cond", "z1"
  double value = 0;  // default when the objective is made
  double min = -10, max = 10;
  std::string help;  // one line: what it means
};

// A point whose answer the objective's author knows (tests and status chips use it).
struct KnownPoint {
  Vec2 w = Vec2::Zero();
  double f = 0;
  std::string kind;  // "minimum", "maximum" or "saddle"
};

struct ObjectiveInfo {
  std::string name;          // identifier used by the CLI and scenes, e.g. "two-bumps"
  std::string title;         // shown in the function picker, e.g. "Two Gaussian bumps (C4)"
  std::string description;   // one line with the formula
  Window window;             // sensible default view
  std::vector<Vec2> starts;  // default start points
  bool maximize = false;     // the direction the homework optimizes in
  double step_size = 0;      // the exercise's gradient step size (EXERCISES; 0: it names none)
  std::vector<KnownPoint> known_points;
  std::vector<Param> params;
  std::string var_x = "w1", var_y = "w2";  // axis labels
};

// The interface every objective implements. All methods are const and thread-safe so that
// grids can be evaluated on several threads at once.
class Objective {
 public:
  virtual ~Objective() = default;

  virtual double value(const Vec2& w) const = 0;
  // Value and gradient, cheaper than eval() where the Hessian is not needed.
  virtual double valueAndGradient(const Vec2& w, Vec2& grad) const = 0;
  // Value, gradient and Hessian.
  virtual Eval eval(const Vec2& w) const = 0;
  // Values at n points (xs[i], ys[i]); override where batching is faster (expressions).
  virtual void values(const double* xs, const double* ys, double* out, std::size_t n) const {
    for (std::size_t i = 0; i < n; ++i) out[i] = value(Vec2(xs[i], ys[i]));
  }

  const ObjectiveInfo& info() const { return info_; }

 protected:
  ObjectiveInfo info_;
};

using ObjectivePtr = std::shared_ptr<const Objective>;

// What makes an objective: a built-in by name with parameter overrides, or a typed expression.
struct ObjectiveSpec {
  std::string name = "two-bumps";                      // a built-in's name, or "expression"
  std::string expression;                              // used when name == "expression"
  std::vector<std::pair<std::string, double>> params;  // overrides of the defaults
};

// The built-ins, in the order the function picker lists them.
const std::vector<ObjectiveInfo>& builtinObjectives();

// Makes the objective a spec describes. On failure returns nullptr and sets *error to one line
// ("unknown function 'foo'", "unknown parameter 'q' for rosenbrock", an expression error with
// its column, a parameter outside its range).
ObjectivePtr makeObjective(const ObjectiveSpec& spec, std::string* error);

}  // namespace gradlab
