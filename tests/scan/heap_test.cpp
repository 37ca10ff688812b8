// The one-scan heap: blocks up to 32 MiB come from one heap, advised onto huge pages where
// the kernel offers them.
#include <akslint/scan/Heap.h>

#include <catch2/catch.hpp>

#include "support/TestSupport.h"

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <memory>
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

TEST_CASE("heap: what is kept until exit outlives every reference its owner held") {
  struct Model {
    std::vector<int> data = std::vector<int>(1000, 7);
  };
  auto owned = std::make_shared<Model>();
  const std::weak_ptr<Model> watch = owned;
  keep_until_exit(std::shared_ptr<const void>(std::move(owned)));
  CHECK_FALSE(watch.expired());
  Model moved;
  const int* data = moved.data.data();
  keep_until_exit(std::move(moved));  // the kept object took the buffer, which stays allocated
  CHECK(*data == 7);
}
