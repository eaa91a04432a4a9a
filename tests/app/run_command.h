// Runs the real gradlab executable for app tests and captures its output and exit code.
#pragma once

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace gradlab::test {

struct CommandResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr, interleaved
  std::string stdout_only;
};

// The settings directory of every run in this test process (XDG_CONFIG_HOME): `gradlab gui`
// keeps settings.json, and tests must neither read the user's nor change it.
inline const std::string& testConfigHome() {
  static const std::string dir = [] {
    char name[] = "/tmp/gradlab-test-config-XXXXXX";
    return std::string(mkdtemp(name) ? name : "/nonexistent/gradlab-test-config");
  }();
  return dir;
}

// `arguments` is appended to the executable's path as shell text; `env_prefix` may set
// XDG_CONFIG_HOME itself (it comes after the test's own).
inline CommandResult runGradlab(const std::string& arguments, bool merge_stderr = true,
                                const std::string& env_prefix = "") {
#ifdef GRADLAB_SANITIZE
  // Mesa's llvmpipe keeps JIT and driver allocations until exit, which LeakSanitizer reports
  // from unknown (unloaded) modules. Leak checks stay on for everything in-process.
  const std::string sanitizer_env = "ASAN_OPTIONS=detect_leaks=0 ";
#else
  const std::string sanitizer_env;
#endif
  const std::string command = sanitizer_env + "XDG_CONFIG_HOME='" + testConfigHome() + "' " +
                              env_prefix + " '" + std::string(GRADLAB_EXE) + "' " + arguments +
                              (merge_stderr ? " 2>&1" : " 2>/dev/null");
  CommandResult result;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return result;
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    result.output.append(buffer.data(), n);
  const int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.stdout_only = merge_stderr ? std::string() : result.output;
  return result;
}

inline int countLines(const std::string& text) {
  int lines = 0;
  for (char c : text) lines += c == '\n';
  return lines;
}

}  // namespace gradlab::test
