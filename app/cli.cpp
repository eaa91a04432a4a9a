// `gradlab trace`: option parsing into a RunConfig, the runs, and CSV / JSON output.
#include "app/cli.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include <sys/stat.h>
#include <unistd.h>

#include "core/objective.h"
#include "core/param_table.h"
#include "core/run.h"

namespace gradlab {

namespace {

// The --max-iter cap keeps a trace's memory bounded (each iterate is 56 bytes).
constexpr int kMaxIterCap = 10000000;

// A whole string as one finite double; false on trailing text, overflow or NaN.
bool parseNumber(const std::string& text, double* out) {
  if (text.empty()) return false;
  errno = 0;
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || errno == ERANGE || !std::isfinite(v)) return false;
  *out = v;
  return true;
}

void printList(std::ostream& out) {
  out << "functions (--function NAME, parameters with --param name=value):\n";
  for (const ObjectiveInfo& info : builtinObjectives()) {
    out << "  " << info.name << "  " << info.title << (info.maximize ? "  [maximizes]" : "")
        << "\n      " << info.description << "\n";
    char line[200];
    const Window& w = info.window;
    std::snprintf(line, sizeof line, "      window [%g, %g] x [%g, %g]; starts", w.x_min, w.x_max,
                  w.y_min, w.y_max);
    out << line;
    for (const Vec2& s : info.starts) {
      std::snprintf(line, sizeof line, " %g,%g", s.x(), s.y());
      out << line;
    }
    out << "\n";
    for (const Param& p : info.params) {
      char buf[160];
      std::snprintf(buf, sizeof buf, "      --param %s=%g  in [%g, %g]  ", p.name.c_str(), p.value,
                    p.min, p.max);
      out << buf << p.help << "\n";
    }
  }
  out << "  (or --expr \"EXPR\": a formula in x and y, e.g. \"x^2 + 3*sin(y)\")\n";
  out << "methods (--method NAME):\n";
  int n = 0;
  const MethodInfo* table = methodTable(&n);
  for (int i = 0; i < n; ++i)
    out << "  " << table[i].cli_name << "  " << table[i].display_name << "\n";
}

// Applies one hyperparameter option through the tables the app's sliders use (visitMethodParams:
// --lr binds RunConfig::step_size, the others the method's struct); "" or an error line. Ranges
// are checked by the config's validate().
std::string applyHyper(const char* flag, double value, RunConfig& c) {
  if (std::isnan(value)) return "";
  const std::string name = flag + 2;  // "--beta1" -> "beta1"
  if (name == "lr") {                 // the app's range for the method, with Newton's own message
    const std::string problem = checkStepSizeOption(value, c.method);
    if (!problem.empty()) return problem;
  }
  bool applied = false;
  visitMethodParams(c, [&](auto& params, const auto& table, ParamNames names) {
    for (const char* field_name : names) {
      if (name != field_name) continue;
      for (const auto& field : table) {
        if (name != field.name) continue;
        using T = std::decay_t<decltype(params)>;
        if (auto* member = std::get_if<double T::*>(&field.member)) {
          params.** member = value;
          applied = true;
        }
      }
    }
  });
  if (applied) return "";
  return std::string(flag) + " does not apply to method " + methodCliName(c.method);
}

// A CSV field that reads back exactly: %.17g, and "nan" for any NaN (printf may write "-nan").
const char* csvNumber(double v, char (&buf)[32]) {
  if (std::isnan(v)) return "nan";
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

void printCsv(std::ostream& out, const std::vector<Trajectory>& runs) {
  out << "run,iter,x,y,f,grad_norm\n";
  char x[32], y[32], f[32], g[32];
  for (std::size_t r = 0; r < runs.size(); ++r) {
    const std::vector<Iterate>& its = runs[r].iterates;
    for (std::size_t k = 0; k < its.size(); ++k) {
      const Iterate& it = its[k];
      out << r << ',' << k << ',' << csvNumber(it.w.x(), x) << ',' << csvNumber(it.w.y(), y) << ','
          << csvNumber(it.f, f) << ',' << csvNumber(it.gradNorm(), g) << '\n';
    }
  }
}

// One JSON document: the set-up, then per run its start, status and every iterate as
// [iter, x, y, f, grad_norm]. nlohmann-json writes doubles so they read back exactly and
// non-finite values (a diverged run) as null.
void printJson(std::ostream& out, const TraceOptions& o, const ObjectiveInfo& info,
               const RunConfig& c, const std::vector<Vec2>& starts,
               const std::vector<Trajectory>& runs) {
  nlohmann::ordered_json doc;
  doc["function"] = info.name;
  if (!o.expr.empty()) doc["expression"] = o.expr;
  doc["method"] = methodCliName(c.method);
  doc["maximize"] = c.maximize;
  doc["step_size"] = resolved(c).step_size;
  doc["tol"] = c.stop.grad_tol;
  doc["max_iter"] = c.stop.max_iterations;
  doc["params"] = nlohmann::ordered_json::object();
  for (const Param& p : info.params) doc["params"][p.name] = p.value;
  doc["columns"] = {"iter", "x", "y", "f", "grad_norm"};
  doc["runs"] = nlohmann::ordered_json::array();
  for (std::size_t r = 0; r < runs.size(); ++r) {
    const Trajectory& t = runs[r];
    nlohmann::ordered_json run;
    run["start"] = {starts[r].x(), starts[r].y()};
    run["status"] = runStatusName(t.status);
    run["status_iteration"] = t.status_iteration;
    run["message"] = t.message;
    run["hint"] = t.hint;
    nlohmann::ordered_json iterates = nlohmann::ordered_json::array();
    for (std::size_t k = 0; k < t.iterates.size(); ++k) {
      const Iterate& it = t.iterates[k];
      iterates.push_back({k, it.w.x(), it.w.y(), it.f, it.gradNorm()});
    }
    run["iterates"] = std::move(iterates);
    doc["runs"].push_back(std::move(run));
  }
  out << doc.dump() << "\n";
}

}  // namespace

std::string checkFunctionName(const std::string& name) {
  std::string names;
  for (const ObjectiveInfo& info : builtinObjectives()) {
    if (info.name == name) return "";
    names += (names.empty() ? "" : ", ") + info.name;
  }
  return "unknown function '" + name + "' (one of " + names +
         "; gradlab trace --list describes them)";
}

std::string checkExpressionText(const std::string& text) {
  if (text.find_first_not_of(" \t\r\n") == std::string::npos)
    return "the expression is empty: give a formula in x and y, e.g. --expr \"x^2 + 3*y^2\"";
  return "";
}

std::string checkStepSizeOption(double lr, Method method) {
  if (method == Method::Newton)
    return "--lr does not apply to newton (its step is 1); use --method damped-newton --lr ETA";
  const StepSizeRange range = stepSizeRange(method);
  if (!(lr >= range.min && lr <= range.max)) {
    char line[160];
    std::snprintf(line, sizeof line, "--lr must be in [%g, %g] for %s (the app's range), got %g",
                  range.min, range.max, methodCliName(method), lr);
    return line;
  }
  return "";
}

bool parseStartPoint(const std::string& text, Vec2* out) {
  const auto comma = text.find(',');
  if (comma == std::string::npos) return false;
  double x = 0, y = 0;
  if (!parseNumber(text.substr(0, comma), &x) || !parseNumber(text.substr(comma + 1), &y))
    return false;
  *out = Vec2(x, y);
  return true;
}

std::string checkOutputFile(const std::string& path) {
  if (path.empty()) return "--out is empty: give a file name, e.g. --out lab.png";
  struct stat st {};
  if (stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode))
    return "--out '" + path + "' is a directory: give a file name, e.g. " +
           (path.back() == '/' ? path : path + "/") + "lab.png";
  const auto slash = path.find_last_of('/');
  const std::string dir = slash == std::string::npos ? "."
                          : slash == 0               ? "/"
                                                     : path.substr(0, slash);
  if (stat(dir.c_str(), &st) != 0) return "--out: the directory '" + dir + "' does not exist";
  if (!S_ISDIR(st.st_mode)) return "--out: '" + dir + "' is not a directory";
  if (!canWriteIn(dir)) return "--out: cannot write in the directory '" + dir + "'";
  return "";
}

bool canWriteIn(const std::string& dir) {
  if (access(dir.c_str(), W_OK | X_OK) != 0) return false;
  // access() says yes to root everywhere and knows nothing of read-only mounts: try a file.
  std::string probe = dir + "/.gradlab-probe-XXXXXX";
  const int fd = mkstemp(probe.data());
  if (fd < 0) return false;
  close(fd);
  unlink(probe.c_str());
  return true;
}

std::string parseSize(const std::string& text, int* width, int* height) {
  int w = 0, h = 0;
  char x = 0, extra = 0;
  if (std::sscanf(text.c_str(), "%d%c%d%c", &w, &x, &h, &extra) != 3 || (x != 'x' && x != 'X'))
    return "--size must look like 1600x900, got '" + text + "'";
  if (w < 64 || h < 64 || w > 8192 || h > 8192)
    return "--size must be between 64x64 and 8192x8192, got '" + text + "'";
  *width = w;
  *height = h;
  return "";
}

CLI::Validator finiteNumber() {
  return CLI::Validator(
      [](std::string& text) {
        double v = 0;
        return parseNumber(text, &v) ? std::string() : "not a finite number: " + text;
      },
      "FINITE");
}

void addTraceOptions(CLI::App& command, TraceOptions& o) {
  command.add_flag("--list", o.list, "list the functions with their parameters, and the methods");
  CLI::Option* function =
      command.add_option("--function", o.function, "a built-in function (see --list)");
  CLI::Option* expr = command.add_option_function<std::string>(
      "--expr",
      [&o](const std::string& text) {
        o.expr = text;
        o.expr_given = true;
      },
      "a typed formula in x and y");
  function->excludes(expr);
  command.add_option("--param", o.params, "a parameter of the built-in, name=value (repeatable)");
  command.add_option("--method", o.method,
                     "gd, gd-armijo, momentum, nesterov, adagrad, rmsprop, adam, amsgrad, "
                     "newton, damped-newton, lbfgs (default gd)");
  CLI::Option* maximize =
      command.add_flag("--maximize", o.maximize, "gradient ascent (default: the function's own)");
  CLI::Option* minimize = command.add_flag("--minimize", o.minimize, "force descent");
  maximize->excludes(minimize);
  command
      .add_option("--lr", o.lr,
                  "step size in the app's range [1e-6, 10] (damped-newton: eta in [1e-3, 2]; "
                  "default: the method's)")
      ->check(finiteNumber());
  command.add_option("--momentum", o.momentum, "momentum (momentum, nesterov: 0.9; rmsprop: 0)")
      ->check(finiteNumber());
  command.add_option("--beta1", o.beta1, "Adam beta1 (default 0.9)")->check(finiteNumber());
  command.add_option("--beta2", o.beta2, "Adam beta2 (default 0.999)")->check(finiteNumber());
  command.add_option("--eps", o.eps, "epsilon (adagrad 1e-10, rmsprop and adam 1e-8)")
      ->check(finiteNumber());
  command.add_option("--alpha", o.alpha, "RMSProp smoothing constant (default 0.99)")
      ->check(finiteNumber());
  command.add_option("--start", o.starts,
                     "start point X,Y (repeatable; --start=-1,2 for a negative X; default: the "
                     "function's starts)");
  command.add_option("--tol", o.tol, "stop when ||grad|| < T; 0 disables (default 1e-4)")
      ->check(finiteNumber());
  command.add_option("--f-tol", o.f_tol, "stop when |f_k - f_k-1| < T; default 0 (off)")
      ->check(finiteNumber());
  command.add_option("--w-tol", o.w_tol, "stop when ||w_k - w_k-1|| < T; default 0 (off)")
      ->check(finiteNumber());
  command.add_option("--max-iter", o.max_iter, "at most N steps (default 10000)");
  command.add_option("--format", o.format, "csv or json (default csv)");
}

int runTrace(const TraceOptions& o, std::ostream& out, std::ostream& err) {
  const auto fail = [&err](const std::string& message) {
    err << kErrorPrefix << message << "\n";
    return 2;
  };
  if (o.list) {
    printList(out);
    return 0;
  }
  if (o.format != "csv" && o.format != "json")
    return fail("--format must be csv or json, got '" + o.format + "'");
  std::string error;
  const bool expr_given = o.expr_given || !o.expr.empty();
  if (o.function.empty() && !expr_given)
    return fail("give --function NAME or --expr \"EXPR\" (gradlab trace --list shows the names)");
  if (!o.function.empty() && expr_given) return fail("give --function or --expr, not both");

  // The objective.
  ObjectiveSpec spec;
  if (expr_given) {
    error = checkExpressionText(o.expr);
    if (!error.empty()) return fail(error);
    if (!o.params.empty()) return fail("--param applies to built-in functions, not to --expr");
    spec.name = "expression";
    spec.expression = o.expr;
  } else {
    error = checkFunctionName(o.function);
    if (!error.empty()) return fail(error);
    spec.name = o.function;
  }
  for (const std::string& p : o.params) {
    const auto eq = p.find('=');
    double value = 0;
    if (eq == std::string::npos || eq == 0 || !parseNumber(p.substr(eq + 1), &value))
      return fail("--param must look like name=value, got '" + p + "'");
    spec.params.emplace_back(p.substr(0, eq), value);
  }
  const ObjectivePtr f = makeObjective(spec, &error);
  if (!f) return fail(error.empty() ? "cannot make the function" : error);

  // The method and its hyperparameters.
  Method method;
  if (!methodFromCliName(o.method, &method)) {
    std::string names;
    int n = 0;
    const MethodInfo* table = methodTable(&n);
    for (int i = 0; i < n; ++i) names += std::string(i ? ", " : "") + table[i].cli_name;
    return fail("unknown method '" + o.method + "' (one of " + names + ")");
  }
  const bool maximize = o.maximize ? true : o.minimize ? false : f->info().maximize;
  RunConfig config = defaultRunConfig(method, maximize);
  const std::pair<const char*, double> hypers[] = {{"--lr", o.lr},       {"--momentum", o.momentum},
                                                   {"--beta1", o.beta1}, {"--beta2", o.beta2},
                                                   {"--eps", o.eps},     {"--alpha", o.alpha}};
  for (const auto& [flag, value] : hypers) {
    error = applyHyper(flag, value, config);
    if (!error.empty()) return fail(error);
  }
  if (!(o.tol >= 0) || !std::isfinite(o.tol)) return fail("--tol must be >= 0");
  if (!(o.f_tol >= 0) || !std::isfinite(o.f_tol)) return fail("--f-tol must be >= 0");
  if (!(o.w_tol >= 0) || !std::isfinite(o.w_tol)) return fail("--w-tol must be >= 0");
  if (o.max_iter < 0 || o.max_iter > kMaxIterCap)
    return fail("--max-iter must be in [0, " + std::to_string(kMaxIterCap) + "]");
  config.stop.grad_tol = o.tol;
  config.stop.f_tol = o.f_tol;
  config.stop.x_tol = o.w_tol;
  config.stop.max_iterations = o.max_iter;
  error = config.validate();
  if (!error.empty()) return fail(error);

  // The starts.
  std::vector<Vec2> starts;
  for (const std::string& s : o.starts) {
    Vec2 w;
    if (!parseStartPoint(s, &w))
      return fail("--start must look like X,Y (e.g. 0.2,0.5), got '" + s + "'");
    starts.push_back(w);
  }
  if (starts.empty()) starts = f->info().starts;
  if (starts.empty()) return fail("the function has no default start: give --start X,Y");

  const std::vector<Trajectory> runs = runMany(*f, config, starts);
  if (o.format == "json") {
    printJson(out, o, f->info(), config, starts, runs);
  } else {
    printCsv(out, runs);
  }
  out.flush();
  for (std::size_t r = 0; r < runs.size(); ++r)
    err << "run " << r << ": " << runs[r].message << "\n";
  return 0;
}

}  // namespace gradlab
