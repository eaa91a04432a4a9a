// `gradlab trace` through the real executable: CSV header and rows (EXERCISES C5 and C4 numbers),
// status lines on stderr, JSON, --list, and bad input (exit 2 with one line on stderr).
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace gradlab::test {
namespace {

struct TraceResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

// Runs `gradlab trace <arguments>` with stdout and stderr captured separately.
TraceResult trace(const std::string& arguments) {
  char err_path[] = "/tmp/gradlab_trace_err_XXXXXX";
  const int fd = mkstemp(err_path);
  TraceResult r;
  if (fd < 0) return r;
  close(fd);
  const std::string command =
      "'" + std::string(GRADLAB_EXE) + "' trace " + arguments + " 2>'" + err_path + "'";
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe) {
    std::array<char, 4096> buffer{};
    std::size_t n = 0;
    while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) r.out.append(buffer.data(), n);
    const int status = pclose(pipe);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  std::ifstream in(err_path);
  std::stringstream ss;
  ss << in.rdbuf();
  r.err = ss.str();
  std::remove(err_path);
  return r;
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) out.push_back(line);
  return out;
}

struct Row {
  int run = 0, iter = 0;
  double x = 0, y = 0, f = 0, grad_norm = 0;
};

std::vector<Row> rows(const std::string& csv) {
  std::vector<Row> out;
  const std::vector<std::string> ls = lines(csv);
  for (std::size_t i = 1; i < ls.size(); ++i) {
    Row r;
    EXPECT_EQ(std::sscanf(ls[i].c_str(), "%d,%d,%lf,%lf,%lf,%lf", &r.run, &r.iter, &r.x, &r.y, &r.f,
                          &r.grad_norm),
              6)
        << ls[i];
    out.push_back(r);
  }
  return out;
}

TEST(Trace, C5GradientDescentRowsMatchTheExercise) {
  const TraceResult r = trace("--function quadratic --method gd --lr 0.5 --start 1,1 --max-iter 5");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ASSERT_EQ(lines(r.out).at(0), "run,iter,x,y,f,grad_norm");
  const std::vector<Row> rs = rows(r.out);
  ASSERT_EQ(rs.size(), 6u);  // iterates 0..5
  const double xs[] = {1, 2, 1.75, 2, 1.9375, 2}, ys[] = {1, 0.5, 1, 0.875, 1, 0.96875};
  for (int k = 0; k < 6; ++k) {
    EXPECT_EQ(rs[k].run, 0);
    EXPECT_EQ(rs[k].iter, k);
    EXPECT_EQ(rs[k].x, xs[k]);
    EXPECT_EQ(rs[k].y, ys[k]);
    EXPECT_EQ(rs[k].grad_norm, std::sqrt(5.0) / std::pow(2.0, k));  // %.17g round-trips
  }
  EXPECT_EQ(rs[0].f, -2);
  EXPECT_EQ(r.err, "run 0: no convergence in 5 steps\n");
}

TEST(Trace, C5NewtonReachesTheMinimumInOneStep) {
  const TraceResult r = trace("--function quadratic --method newton --start 1,1");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<Row> rs = rows(r.out);
  ASSERT_EQ(rs.size(), 2u);
  EXPECT_EQ(rs[1].x, 2);
  EXPECT_EQ(rs[1].y, 1);
  EXPECT_EQ(rs[1].f, -3);
  EXPECT_EQ(r.err, "run 0: converged in 1 step to a minimum (f = -3)\n");
}

TEST(Trace, TwoBumpsMaximizesByDefaultFromItsThreeStarts) {
  const TraceResult r = trace("--function two-bumps --method gd --lr 0.1");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<Row> rs = rows(r.out);
  ASSERT_EQ(rs.size(), 56u + 55u + 66u);
  EXPECT_EQ(r.err,
            "run 0: converged in 55 steps to a maximum (f = 1.060077)\n"
            "run 1: converged in 54 steps to a maximum (f = 1.060077)\n"
            "run 2: converged in 65 steps to a maximum (f = 1.060077)\n");
  // --minimize descends from the same start instead.
  const TraceResult down = trace("--function two-bumps --minimize --start 0.2,0.5 --max-iter 3");
  const std::vector<Row> ds = rows(down.out);
  ASSERT_EQ(ds.size(), 4u);
  EXPECT_LT(ds[1].f, ds[0].f);
}

TEST(Trace, PlateauAtEta5IsReported) {
  const TraceResult r = trace("--function two-bumps --lr 5 --start 0.2,0.5 --start 0.5,0.2");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<std::string> err = lines(r.err);
  ASSERT_EQ(err.size(), 2u);
  EXPECT_EQ(err[0], "run 0: stopped on a plateau at step 1 (f = 9.1e-06; best seen 0.903)");
  EXPECT_EQ(err[1].rfind("run 1: stopped on a plateau at step 285", 0), 0u) << err[1];
}

TEST(Trace, FAndWToleranceRulesStopWhereTheC5StepsShrinkBelowThem) {
  // C5, eta = 0.5: |delta f| = 0.75, 0.1875, 0.046875, 0.01171875, 0.0029296875, ... and
  // ||delta w|| = sqrt(5) / 2^k: 1.118, 0.559, 0.2795, 0.1398, ...
  TraceResult r = trace("--function quadratic --lr 0.5 --start 1,1 --tol 0 --f-tol 0.01");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(rows(r.out).size(), 6u);  // stops at step 5, the first |delta f| < 0.01
  EXPECT_NE(r.err.find("converged in 5 steps"), std::string::npos) << r.err;
  r = trace("--function quadratic --lr 0.5 --start 1,1 --tol 0 --w-tol 0.2");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(rows(r.out).size(), 5u);  // step 4 moves 0.1398 < 0.2
}

TEST(Trace, ToleranceZeroAndMaxIterGiveIterates0ToN) {
  TraceResult r = trace("--function sq-norm --lr 0.5 --tol 0 --max-iter 20 --start 1,1");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(rows(r.out).size(), 21u);
  r = trace("--function sq-norm --max-iter 0 --start=-1,2");
  const std::vector<Row> rs = rows(r.out);
  ASSERT_EQ(rs.size(), 1u);
  EXPECT_EQ(rs[0].x, -1);
}

TEST(Trace, NewtonOnLinearSaysHessianSingular) {
  const TraceResult r = trace("--function linear --method newton");
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "run 0: Newton impossible: Hessian singular\n");
  EXPECT_EQ(r.out.find("nan"), std::string::npos);
}

TEST(Trace, JsonHasEveryIterateOfEveryRun) {
  const TraceResult r =
      trace("--function quadratic --lr 0.5 --start 1,1 --start 0,0 --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["function"], "quadratic");
  EXPECT_EQ(j["method"], "gd");
  ASSERT_EQ(j["runs"].size(), 2u);
  EXPECT_EQ(j["runs"][0]["status"], "converged");
  EXPECT_EQ(j["runs"][0]["status_iteration"], 15);
  EXPECT_EQ(j["runs"][0]["iterates"].size(), 16u);
  EXPECT_EQ(j["runs"][0]["iterates"][1][1].get<double>(), 2.0);
  EXPECT_EQ(j["runs"][0]["iterates"][1][2].get<double>(), 0.5);
}

TEST(Trace, ListShowsFunctionsParametersAndMethods) {
  const TraceResult r = trace("--list");
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("two-bumps"), std::string::npos);
  // C4's window and its three starts.
  EXPECT_NE(r.out.find("window [-2, 3] x [-2, 3]; starts 0.2,0.5 0.5,0.2 1,1"), std::string::npos);
  EXPECT_NE(r.out.find("--param a="), std::string::npos);  // rosenbrock's a
  EXPECT_NE(r.out.find("damped-newton"), std::string::npos);
}

// Review item: sqrt'(0) = inf times relu'(-1) = 0 gave a NaN gradient and "diverged at step 0".
TEST(Trace, SqrtOfReluHasAFiniteGradientAndConverges) {
  const TraceResult r = trace("--expr 'sqrt(relu(x)) + y^2' --start=-1,1");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<Row> rs = rows(r.out);
  ASSERT_GE(rs.size(), 2u);
  EXPECT_EQ(rs[0].f, 1);
  EXPECT_EQ(rs[0].grad_norm, 2);  // gradient (0, 2)
  EXPECT_EQ(r.out.find("nan"), std::string::npos);
  EXPECT_EQ(r.err.rfind("run 0: converged in ", 0), 0u) << r.err;
}

// Review item: NaN or infinity at the start is not a divergence the step size caused.
TEST(Trace, UndefinedAtTheStartIsReportedAsSuch) {
  for (const char* expr : {"sqrt(-1)", "0/0", "1e999*x"}) {
    const TraceResult r = trace(std::string("--expr '") + expr + "'");
    ASSERT_EQ(r.exit_code, 0) << expr << "\n" << r.err;
    EXPECT_EQ(r.err, "run 0: f or its gradient is undefined at the start (w = (1, 1))\n") << expr;
  }
}

TEST(Trace, NonAsciiCharacterIsQuotedWholeInTheError) {
  const TraceResult r = trace("--expr 'x\xC2\xB2'");  // x²
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "gradlab: error: unexpected character '\xC2\xB2' at column 2\n");
}

TEST(Trace, HelpListsEveryMethod) {
  const TraceResult r = trace("--help");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string help = r.out + r.err;
  for (const char* name : {"gd-armijo", "amsgrad", "damped-newton", "lbfgs"}) {
    EXPECT_NE(help.find(name), std::string::npos) << name;
  }
}

struct BadTrace {
  const char* arguments;
  const char* expected;  // a piece of the one-line message
};

TEST(Trace, BadInputExits2WithOneLine) {
  const BadTrace cases[] = {
      {"--function nope", "unknown function 'nope'"},
      {"--function rosenbrock --param q=1", "unknown parameter 'q'"},
      {"--function rosenbrock --param a", "name=value"},
      {"--function rosenbrock --param a=1e9", "outside"},
      {"--function two-bumps --start 1", "--start must look like X,Y"},
      {"--function two-bumps --start 1,y", "--start must look like X,Y"},
      {"--function two-bumps --lr -1", "--lr must be in [1e-06, 10] for gd (the app's range)"},
      // The app's step slider runs from 1e-6 to 10 (damped Newton's eta 1e-3 to 2).
      {"--function two-bumps --lr 100", "--lr must be in [1e-06, 10]"},
      {"--function two-bumps --lr 1e-7", "--lr must be in [1e-06, 10]"},
      {"--function rosenbrock --method damped-newton --lr 3", "--lr must be in [0.001, 2]"},
      {"--function two-bumps --method newton --lr 0.5", "does not apply to newton"},
      {"--function nope", "(one of sq-norm, "},
      {"--function nope", "gradlab trace --list"},
      {"--expr ''", "the expression is empty"},
      {"--expr '   '", "the expression is empty"},
      {"--function two-bumps --method adam --beta2 1", "beta2 must be in [0, 1)"},
      {"--function two-bumps --beta1 0.5", "does not apply to method gd"},
      {"--function two-bumps --method sgd", "unknown method 'sgd'"},
      {"--expr 'x^2 + (y'", "column"},
      {"--function two-bumps --format xml", "--format"},
      {"--function two-bumps --max-iter -3", "--max-iter"},
      {"", "--function"},
  };
  for (const BadTrace& c : cases) {
    const TraceResult r = trace(c.arguments);
    EXPECT_EQ(r.exit_code, 2) << c.arguments << "\n" << r.err;
    EXPECT_EQ(lines(r.err).size(), 1u) << c.arguments << "\n" << r.err;
    EXPECT_NE(r.err.find(c.expected), std::string::npos) << c.arguments << "\n" << r.err;
    EXPECT_EQ(r.out, "") << c.arguments;
    // One prefix for every command's errors (it was "gradlab trace: error: " here).
    EXPECT_EQ(r.err.rfind("gradlab: error: ", 0), 0u) << c.arguments << "\n" << r.err;
  }
}

// Issue 15 item 2: the plain far from both bumps was "converged in 0 steps to a saddle point".
TEST(Trace, FlatPlainIsAFlatRegionNotASaddle) {
  TraceResult r = trace("--function two-bumps --start 3,3");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err,
            "run 0: stopped on a flat region, not a stationary point, at step 0 "
            "(f = 4.2e-08)\n");
  r = trace("--function two-bumps --start 100,0.5");
  EXPECT_EQ(r.err.rfind("run 0: stopped on a flat region, not a stationary point, at step 0", 0),
            0u)
      << r.err;
  // The saddle between the bumps is a genuine stationary point and stays one.
  r = trace("--function two-bumps --start 0.5,0.5");
  EXPECT_EQ(r.err, "run 0: converged in 0 steps to a saddle point (f = 0.9447331)\n");
}

// Issue 15 item 3: stepping past x = 0 on log(x) was "diverged at step 6".
TEST(Trace, LeavingLogsDomainIsNotDivergence) {
  TraceResult r = trace("--expr 'log(x)' --start 1,1");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err.rfind("run 0: left the function's domain at step 6 (f undefined at (", 0), 0u)
      << r.err;
  EXPECT_NE(lines(r.out).back().find(",nan,"), std::string::npos) << r.out;
  r = trace("--expr 'log(x)' --start 1,1 --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["runs"][0]["status"], "left-domain");
  EXPECT_EQ(j["runs"][0]["status_iteration"], 6);
  EXPECT_TRUE(j["runs"][0]["iterates"][6][3].is_null());  // f undefined
  EXPECT_NE(j["runs"][0]["hint"].get<std::string>(), "");
  // Overflow is still divergence.
  r = trace("--function sq-norm --lr 10 --start 1,1");
  EXPECT_EQ(r.err, "run 0: diverged at step 7\n");
}

}  // namespace
}  // namespace gradlab::test
