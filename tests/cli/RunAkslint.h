#pragma once
// Runs the built akslint executable as a user would and captures what it prints.
#include <cstdio>
#include <string>
#include <sys/wait.h>

namespace akslint::test {

struct RunResult {
  int exit_code = -1;
  std::string out;  // standard output; standard error goes to the test log
};

// `arguments` is appended to the binary's path as shell words; callers quote what needs it.
inline RunResult run_akslint(const std::string& arguments) {
  RunResult result;
  const std::string command = std::string("'") + AKSLINT_BINARY + "' " + arguments;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  char buffer[4096];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) result.out.append(buffer, n);
  const int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

// Single-quotes a path for the shell.
inline std::string quoted(const std::string& text) {
  std::string out = "'";
  for (const char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace akslint::test
