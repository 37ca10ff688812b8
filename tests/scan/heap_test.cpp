// The one-scan heap: blocks up to 32 MiB come from one heap, advised onto huge pages where
// the kernel offers them; and what is left to the process's exit.
#include <akslint/scan/Heap.h>
#include <akslint/scan/Scan.h>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "support/TestSupport.h"

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <unistd.h>

using namespace akslint;
using akslint::testing::mapping_of;

namespace {

bool huge_pages_offered() {
  std::ifstream enabled("/sys/kernel/mm/transparent_hugepage/enabled");
  std::string modes;
  return std::getline(enabled, modes) && modes.find("[never]") == std::string::npos;
}

}  // namespace

TEST_CASE("heap: after the set-up, a block of some MiB comes from the advised heap") {
  prepare_heap_for_one_scan(std::size_t{64} << 20);
  void* small = std::malloc(64);
  void* block = std::malloc(std::size_t{4} << 20);
  REQUIRE(small != nullptr);
  REQUIRE(block != nullptr);
  const auto small_mapping = mapping_of(small);
  const auto mapping = mapping_of(block);
  REQUIRE(small_mapping.has_value());
  REQUIRE(mapping.has_value());
  if (small_mapping->name != "[heap]") {
    WARN("the allocator is not glibc's (a sanitizer's, say); nothing to check");
  } else {
    // Without the set-up glibc maps a block this large on its own, outside the heap.
    CHECK(mapping->name == "[heap]");
    const auto top = reinterpret_cast<std::uintptr_t>(sbrk(0));
    CHECK(top - reinterpret_cast<std::uintptr_t>(block) >= (std::size_t{56} << 20));
    if (huge_pages_offered()) CHECK(mapping->flags.find(" hg ") != std::string::npos);
  }
  std::free(block);
  std::free(small);
}

TEST_CASE("heap: a second set-up changes nothing that the first did") {
  prepare_heap_for_one_scan(std::size_t{64} << 20);
  const auto top = reinterpret_cast<std::uintptr_t>(sbrk(0));
  prepare_heap_for_one_scan(std::size_t{64} << 20);
  // The heap's free top already holds the probe: it is not grown again.
  CHECK(reinterpret_cast<std::uintptr_t>(sbrk(0)) == top);
}

TEST_CASE("keep_until_exit: what it is given is never destroyed") {
  static int destroyed = 0;
  struct Counted {
    bool owner = true;
    Counted() = default;
    Counted(Counted&& other) noexcept { other.owner = false; }
    Counted(const Counted&) = delete;
    Counted& operator=(const Counted&) = delete;
    Counted& operator=(Counted&&) = delete;
    ~Counted() {
      if (owner) ++destroyed;
    }
  };
  {
    Counted kept;
    keep_until_exit(std::move(kept));
  }
  CHECK(destroyed == 0);
  // Under LeakSanitizer (scripts/test-sanitizers.sh) this block would be reported at exit if
  // it were not reachable.
  keep_until_exit(std::vector<char>(std::size_t{1} << 20, 'x'));
}

TEST_CASE("a scan that leaves its model to the exit reports the same") {
  const auto findings = [](bool exit_after) {
    ScanOptions options;
    options.root = std::filesystem::path(AKSLINT_TESTS_DIR) / "rules";
    options.jobs = 2;
    options.exit_after = exit_after;
    const Report report = scan(options);
    std::vector<std::string> out;
    for (const Finding& f : report.findings) {
      out.push_back(fmt::format("{} {} {} {}", f.rule->id, f.primary.file, f.primary.begin_byte, f.message));
    }
    return out;
  };
  const auto freed = findings(false);
  CHECK(freed.size() > 100);
  CHECK(findings(true) == freed);
}
