#pragma once
// A fork-join loop for the scan's parallel stages (reading files, reading units, running
// rules, writing results). Callers write each item's result into its own slot and merge the slots in index
// order afterwards, so the output is the same whatever the thread count or timing.
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace akslint {

// `jobs` as asked for, 0 meaning one per core.
inline unsigned job_count(unsigned jobs) { return jobs != 0 ? jobs : std::max(1u, std::thread::hardware_concurrency()); }

// Calls fn(i) for every i in [0, n) on up to `jobs` threads (0: one per core), this one
// included; items are taken in index order. An exception (a bug or an I/O failure) stops the other threads from
// taking more items and is rethrown here.
template <class Fn>
void parallel_for(std::size_t n, unsigned jobs, Fn&& fn) {
  std::atomic<std::size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_lock;
  auto worker = [&] {
    for (std::size_t i = next++; i < n; i = next++) {
      try {
        fn(i);
      } catch (...) {
        const std::lock_guard lock(failure_lock);
        if (!failure) failure = std::current_exception();
        next = n;
      }
    }
  };
  const std::size_t threads = std::clamp<std::size_t>(n, 1, job_count(jobs));
  {
    std::vector<std::jthread> pool;
    for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
    worker();
  }
  if (failure) std::rethrow_exception(failure);
}

}  // namespace akslint
