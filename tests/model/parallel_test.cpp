// The scan's fork-join loops: every item once, in the order each promises, and a failure
// carried back to the caller.
#include <akslint/model/Parallel.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <stdexcept>
#include <thread>
#include <vector>

using namespace akslint;

namespace {

std::vector<std::size_t> take_all(RunQueue& queue, std::size_t thread) {
  std::vector<std::size_t> out;
  while (const auto i = queue.take(thread)) out.push_back(*i);
  return out;
}

}  // namespace

TEST_CASE("run queue: one thread takes every item in index order") {
  RunQueue queue(6, 2, 1);
  CHECK(take_all(queue, 0) == std::vector<std::size_t>{0, 1, 2, 3, 4, 5});
}

TEST_CASE("run queue: shared items go to whoever asks, then each thread walks its own run") {
  RunQueue queue(10, 2, 2);  // shared 0 and 1; runs [2, 6) and [6, 10)
  CHECK(queue.take(1) == 0u);
  CHECK(queue.take(0) == 1u);
  CHECK(queue.take(1) == 6u);
  CHECK(queue.take(0) == 2u);
  CHECK(queue.take(1) == 7u);
  // Thread 0 finishes its run, then takes from the back of thread 1's.
  CHECK(take_all(queue, 0) == std::vector<std::size_t>{3, 4, 5, 9, 8});
  CHECK_FALSE(queue.take(1));
}

TEST_CASE("run queue: more threads than items still hands out every item once") {
  RunQueue queue(3, 0, 4);  // more threads than items: some runs are empty
  std::vector<std::size_t> taken = take_all(queue, 0);
  for (std::size_t t = 1; t < 4; ++t) {
    for (const auto i : take_all(queue, t)) taken.push_back(i);
  }
  std::sort(taken.begin(), taken.end());
  CHECK(taken == std::vector<std::size_t>{0, 1, 2});
}

TEST_CASE("parallel loops: every item exactly once, whatever the thread count") {
  for (const unsigned jobs : {1u, 2u, 4u}) {
    std::vector<std::atomic<int>> plain(1000);
    std::vector<std::atomic<int>> runs(1000);
    parallel_for(plain.size(), jobs, [&](std::size_t i) { ++plain[i]; });
    parallel_for_runs(runs.size(), 50, jobs, [&](std::size_t i) { ++runs[i]; });
    INFO("jobs " << jobs);
    CHECK(std::all_of(plain.begin(), plain.end(), [](const auto& n) { return n == 1; }));
    CHECK(std::all_of(runs.begin(), runs.end(), [](const auto& n) { return n == 1; }));
  }
}

TEST_CASE("parallel loops: an exception on any thread reaches the caller") {
  const auto fail_at_17 = [](std::size_t i) {
    if (i == 17) throw std::runtime_error("item 17");
  };
  for (const unsigned jobs : {1u, 2u}) {
    CHECK_THROWS_WITH(parallel_for(100, jobs, fail_at_17), "item 17");
    CHECK_THROWS_WITH(parallel_for_runs(100, 10, jobs, fail_at_17), "item 17");
  }
}

TEST_CASE("side by side: both tasks run, one after the other with one job, together with two") {
  for (const unsigned jobs : {1u, 2u}) {
    // The second waits for what the first makes, as the graph's edges wait for their targets.
    std::atomic<int> made{0};
    std::vector<int> seen;
    side_by_side(
        jobs,
        [&](const std::atomic<bool>&) {
          for (int i = 1; i <= 100; ++i) made.store(i, std::memory_order_release);
        },
        [&](const std::atomic<bool>& stop) {
          for (int i = 1; i <= 100; ++i) {
            while (made.load(std::memory_order_acquire) < i && !stop) std::this_thread::yield();
            seen.push_back(i);
          }
        });
    INFO("jobs " << jobs);
    CHECK(seen.size() == 100);
    CHECK(made == 100);
  }
}

TEST_CASE("side by side: a task's exception reaches the caller, and a task waiting on it gives up") {
  for (const unsigned jobs : {1u, 2u}) {
    bool gave_up = false;
    const auto fail = [](const std::atomic<bool>&) { throw std::runtime_error("first"); };
    const auto wait_for_ever = [&](const std::atomic<bool>& stop) {
      while (!stop) std::this_thread::yield();
      gave_up = true;
    };
    INFO("jobs " << jobs);
    CHECK_THROWS_WITH(side_by_side(jobs, fail, wait_for_ever), "first");
    CHECK(gave_up == (jobs > 1));  // with one job the second never starts
  }
}
