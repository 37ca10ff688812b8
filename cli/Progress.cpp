#include "Progress.h"

#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <unistd.h>

namespace akslint::cli {

namespace {

using Clock = std::chrono::steady_clock;

// Quick scans print nothing; longer ones redraw one line a few times a second.
constexpr auto kQuiet = std::chrono::milliseconds(500);
constexpr auto kRedraw = std::chrono::milliseconds(100);

struct ProgressState {
  Clock::time_point start = Clock::now();
  Clock::time_point last{};
  bool drawn = false;
};

void draw(ProgressState& state, std::size_t done, std::size_t total) {
  const auto now = Clock::now();
  if (done == total) {
    if (state.drawn) std::fputs("\r\033[K", stderr);
    return;
  }
  if (now - state.start < kQuiet || now - state.last < kRedraw) return;
  const double seconds = std::chrono::duration<double>(now - state.start).count();
  std::fputs(fmt::format("\r\033[Kakslint: {}/{} files read ({:.0f} files/s)", done, total, static_cast<double>(done) / seconds).c_str(),
             stderr);
  state.last = now;
  state.drawn = true;
}

}  // namespace

std::function<void(std::size_t, std::size_t)> terminal_progress() {
  if (::isatty(STDERR_FILENO) != 1 || std::getenv("CI") != nullptr) return {};
  auto state = std::make_shared<ProgressState>();
  return [state](std::size_t done, std::size_t total) { draw(*state, done, total); };
}

}  // namespace akslint::cli
