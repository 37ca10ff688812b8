// Runs a command once and appends "wall cpu peak_rss_kib" to a log (bench/run.sh):
//   akslint_measure LOG OUT COMMAND [ARGS...]
// The command's output goes to OUT, its errors nowhere; its exit status is not looked at (a
// scan with findings exits 1), but one that could not be started (127) stops with an error. Wall seconds run from the fork to the end of the wait; CPU
// seconds (user + system) and the peak RSS are the child's own, from wait4, in microseconds
// where /usr/bin/time prints hundredths of a second (a tenth of the smallest synthetic
// estate's scan). A small C++ program rather than a script: a child's peak RSS counts the
// memory of the process it was forked from, and an interpreter's 13 MiB would hide a small
// scan's.
#include <chrono>
#include <cstdio>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: %s LOG OUT COMMAND [ARGS...]\n", argv[0]);
    return 2;
  }
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid < 0) {
    std::perror("fork");
    return 2;
  }
  if (pid == 0) {
    const int out = open(argv[2], O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    const int null = open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (out < 0 || null < 0 || dup2(out, 1) < 0 || dup2(null, 2) < 0) _exit(127);
    execvp(argv[3], argv + 3);
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  if (wait4(pid, &status, 0, &usage) < 0) {
    std::perror("wait4");
    return 2;
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 127) {
    std::fprintf(stderr, "akslint_measure: %s could not be run\n", argv[3]);
    return 2;
  }
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  std::FILE* log = std::fopen(argv[1], "a");
  if (log == nullptr) {
    std::perror(argv[1]);
    return 2;
  }
  std::fprintf(log, "%.4f %.4f %ld\n", wall, seconds(usage.ru_utime) + seconds(usage.ru_stime), usage.ru_maxrss);
  std::fclose(log);
  return 0;
}
