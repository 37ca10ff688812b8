#pragma once
// Fork-join loops for the scan's parallel stages (reading files, reading units, running
// rules, writing results). Callers write each item's result into its own slot and merge the
// slots in index order afterwards, so the output is the same whatever the thread count or
// timing.
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

namespace akslint {

// `jobs` as asked for, 0 meaning one per core.
inline unsigned job_count(unsigned jobs) { return jobs != 0 ? jobs : std::max(1u, std::thread::hardware_concurrency()); }

// Calls worker(t, stop) for t in [0, threads), each on a thread of its own, this one being
// thread 0: for loops that hand out their items themselves. The first exception (a bug or an
// I/O failure) sets `stop`, for the other workers to take no more items, and is rethrown here
// once all have returned.
template <class Worker>
void on_threads(std::size_t threads, Worker&& worker) {
  std::atomic<bool> stop{false};
  std::exception_ptr failure;
  std::mutex failure_lock;
  auto run = [&](std::size_t t) {
    try {
      worker(t, stop);
    } catch (...) {
      const std::lock_guard lock(failure_lock);
      if (!failure) failure = std::current_exception();
      stop = true;
    }
  };
  {
    std::vector<std::jthread> pool;
    for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(run, t);
    run(0);
  }
  if (failure) std::rethrow_exception(failure);
}

// Calls first(stop) and second(stop): side by side, second on a thread of its own, when `jobs`
// allows two (0: one per core); else first, then second, on this thread. `stop` is set when
// one throws (rethrown here), so that a task waiting on what the other makes can give up.
template <class First, class Second>
void side_by_side(unsigned jobs, First&& first, Second&& second) {
  if (job_count(jobs) == 1) {
    const std::atomic<bool> stop{false};
    first(stop);
    second(stop);
    return;
  }
  on_threads(2, [&](std::size_t t, const std::atomic<bool>& stop) {
    if (t == 0) {
      first(stop);
    } else {
      second(stop);
    }
  });
}

// Calls fn(i) for every i in [0, n) on up to `jobs` threads (0: one per core), this one
// included; items are taken in index order.
template <class Fn>
void parallel_for(std::size_t n, unsigned jobs, Fn&& fn) {
  std::atomic<std::size_t> next{0};
  on_threads(std::clamp<std::size_t>(n, 1, job_count(jobs)), [&](std::size_t, const std::atomic<bool>& stop) {
    for (std::size_t i = next++; i < n && !stop; i = next++) fn(i);
  });
}

// Items [0, n) for `threads` threads, in runs that keep neighbours on one thread. The first
// `shared` items go to whichever thread asks next, in index order. The rest is cut into one
// run per thread, which that thread takes from the front; a thread whose run is done takes
// from the back of the run with the most items left. Each thread so walks its own stretch of
// neighbours in order, and two threads meet only where their runs end.
class RunQueue {
 public:
  RunQueue(std::size_t n, std::size_t shared, std::size_t threads) : shared_(std::min(shared, n)) {
    const std::size_t rest = n - shared_;
    for (std::size_t t = 0; t < threads; ++t) {
      runs_.emplace_back(shared_ + rest * t / threads, shared_ + rest * (t + 1) / threads);
    }
  }

  // The next item for `thread`, or nullopt when every item is taken.
  std::optional<std::size_t> take(std::size_t thread) {
    const std::lock_guard guard(lock_);
    if (next_shared_ < shared_) return next_shared_++;
    if (auto& [front, back] = runs_[thread]; front < back) return front++;
    const auto longest = std::max_element(runs_.begin(), runs_.end(), [](const auto& a, const auto& b) {
      return a.second - a.first < b.second - b.first;
    });
    if (longest == runs_.end() || longest->first == longest->second) return std::nullopt;
    return --longest->second;
  }

 private:
  std::mutex lock_;
  std::size_t next_shared_ = 0;
  std::size_t shared_;
  std::vector<std::pair<std::size_t, std::size_t>> runs_;  // [front, back) of each thread's run
};

// Calls fn(i) for every i in [0, n) on up to `jobs` threads, taken as a RunQueue gives them.
template <class Fn>
void parallel_for_runs(std::size_t n, std::size_t shared, unsigned jobs, Fn&& fn) {
  const std::size_t threads = std::clamp<std::size_t>(n, 1, job_count(jobs));
  RunQueue queue(n, shared, threads);
  on_threads(threads, [&](std::size_t t, const std::atomic<bool>& stop) {
    for (auto i = queue.take(t); i && !stop; i = queue.take(t)) fn(*i);
  });
}

}  // namespace akslint
