#include "MappedFiles.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <csignal>
#include <cstring>
#include <mutex>

#include <unistd.h>

namespace akslint::mapped_files {

struct Slot {
  std::atomic<int> state{0};  // 0 free, 1 claimed, 2 published
  const char* begin = nullptr;
  std::size_t size = 0;
  std::array<char, 512> path{};
};

namespace {

// At most this many files are mapped at once (and hold a descriptor); others are read.
constexpr std::size_t kSlots = 64;
std::array<Slot, kSlots> g_slots;
struct sigaction g_previous_action {};

void write_stderr(const char* s) {
  for (std::size_t left = std::strlen(s); left > 0;) {
    const ssize_t n = ::write(STDERR_FILENO, s, left);
    if (n <= 0) return;
    s += n;
    left -= static_cast<std::size_t>(n);
  }
}

// A bus error inside a mapped file means the file lost the page being read: it shrank
// after it was mapped. Anything else is left to whoever handled SIGBUS before.
void on_bus_error(int signal, siginfo_t* info, void* context) {
  const auto* at = static_cast<const char*>(info->si_addr);
  for (const Slot& s : g_slots) {
    if (s.state.load(std::memory_order_acquire) == 2 && at >= s.begin && at < s.begin + s.size) {
      write_stderr("akslint: ");
      write_stderr(s.path.data());
      write_stderr(": the file shrank while it was being read; the scan stopped\n");
      ::_exit(2);
    }
  }
  if ((g_previous_action.sa_flags & SA_SIGINFO) != 0 && g_previous_action.sa_sigaction != nullptr) {
    g_previous_action.sa_sigaction(signal, info, context);
    return;
  }
  // Returning re-runs the faulting access under the previous (by default, fatal) action.
  ::sigaction(SIGBUS, &g_previous_action, nullptr);
}

void install_handler() {
  static std::once_flag once;
  std::call_once(once, [] {
    struct sigaction action {};
    action.sa_sigaction = on_bus_error;
    action.sa_flags = SA_SIGINFO;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGBUS, &action, &g_previous_action);
  });
}

}  // namespace

Slot* claim() {
  for (Slot& s : g_slots) {
    int free = 0;
    if (s.state.compare_exchange_strong(free, 1, std::memory_order_acq_rel)) return &s;
  }
  return nullptr;
}

void publish(Slot* slot, const char* begin, std::size_t size, std::string_view path) {
  install_handler();
  slot->begin = begin;
  slot->size = size;
  const std::size_t n = std::min(path.size(), slot->path.size() - 1);
  std::memcpy(slot->path.data(), path.data(), n);
  slot->path[n] = '\0';
  slot->state.store(2, std::memory_order_release);
}

void release(Slot* slot) { slot->state.store(0, std::memory_order_release); }

}  // namespace akslint::mapped_files
