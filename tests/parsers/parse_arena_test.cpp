// The arena tree-sitter parses in: blocks as the C allocator gives them, freed small blocks
// reused, everything let go at once, and blocks from elsewhere passed to the C allocator.
#include "ts/ParseArena.h"
#include "ts/TsTree.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>

using namespace akslint;

// tree-sitter's allocation functions as installed (the runtime's alloc.c): what its code calls.
extern "C" {
extern void* (*ts_current_malloc)(std::size_t);
extern void* (*ts_current_realloc)(void*, std::size_t);
extern void (*ts_current_free)(void*);
}

namespace {

bool aligned(const void* block) { return reinterpret_cast<std::uintptr_t>(block) % alignof(std::max_align_t) == 0; }

}  // namespace

TEST_CASE("parse arena: blocks are aligned, distinct and owned") {
  ts::ParseArena arena;
  void* a = arena.allocate(24);
  void* b = arena.allocate(0);
  void* c = arena.allocate(1000);
  CHECK(aligned(a));
  CHECK(aligned(b));
  CHECK(aligned(c));
  CHECK(a != b);
  CHECK(b != c);
  CHECK(arena.owns(a));
  CHECK(arena.owns(c));
  void* elsewhere = std::malloc(24);
  CHECK_FALSE(arena.owns(elsewhere));
  std::free(elsewhere);
}

TEST_CASE("parse arena: reallocation keeps the contents, in place or moved") {
  ts::ParseArena arena;
  auto* grown = static_cast<char*>(arena.allocate(16));
  std::memcpy(grown, "0123456789abcdef", 16);
  // The last block grows where it is.
  CHECK(arena.reallocate(grown, 64) == grown);
  CHECK(std::memcmp(grown, "0123456789abcdef", 16) == 0);
  void* after = arena.allocate(8);
  // Another block now follows it, so it moves.
  auto* moved = static_cast<char*>(arena.reallocate(grown, 4096));
  CHECK(moved != grown);
  CHECK(std::memcmp(moved, "0123456789abcdef", 16) == 0);
  // Past the first chunk, into a new one.
  auto* large = static_cast<char*>(arena.reallocate(moved, std::size_t{1} << 20));
  CHECK(arena.owns(large));
  CHECK(std::memcmp(large, "0123456789abcdef", 16) == 0);
  CHECK(arena.owns(after));
}

TEST_CASE("parse arena: freed blocks come back") {
  ts::ParseArena arena;
  void* first = arena.allocate(40);
  void* second = arena.allocate(40);
  const std::size_t carved = arena.bytes_carved();
  // The last block's bytes go back to the chunk at once.
  arena.free(second);
  CHECK(arena.bytes_carved() < carved);
  CHECK(arena.allocate(40) == second);
  // An earlier small block waits for the next request of its size.
  arena.free(first);
  CHECK(arena.allocate(64) != first);
  CHECK(arena.allocate(33) == first);
}

TEST_CASE("parse arena: a release lets every block go and keeps the first chunk") {
  ts::ParseArena arena;
  void* small = arena.allocate(100);
  void* large = arena.allocate(std::size_t{4} << 20);
  void* freed = arena.allocate(40);  // in the large block's chunk, then on a free list
  (void)arena.allocate(8);
  arena.free(freed);
  CHECK(arena.bytes_carved() > (std::size_t{4} << 20));
  arena.release();
  CHECK(arena.bytes_carved() == 0);
  CHECK_FALSE(arena.owns(large));
  CHECK(arena.owns(small));  // its chunk, kept
  CHECK(arena.allocate(100) == small);
  CHECK(arena.owns(arena.allocate(40)));  // the free lists went too
}

TEST_CASE("parse arena: tree-sitter allocates in it while a document is open") {
  const ts::ParseArena& arena = ts::ArenaScope::arena();
  void* before = nullptr;
  {
    const ts::ArenaScope first_scope;  // installs the allocator
    CHECK(arena.bytes_carved() == 0);
  }
  before = ts_current_malloc(64);  // no scope open: the C allocator's
  CHECK_FALSE(arena.owns(before));
  {
    const ts::Document outer(tree_sitter_hcl(), "locals {\n  a = 1\n}\n", 0);
    REQUIRE(outer.ok());
    const std::string outer_tree = ts_node_string(outer.root());  // in the arena too
    const std::size_t outer_bytes = arena.bytes_carved();
    CHECK(outer_bytes > 0);
    ts_current_free(before);  // passed on to the C allocator
    void* block = ts_current_malloc(64);
    CHECK(arena.owns(block));
    std::memset(block, 'x', 64);
    block = ts_current_realloc(block, 100000);
    CHECK(arena.owns(block));
    CHECK(static_cast<const char*>(block)[63] == 'x');
    ts_current_free(block);
    {
      const ts::Document inner(tree_sitter_yaml(), "kind: Namespace\n", 1);
      REQUIRE(inner.ok());
      CHECK(arena.bytes_carved() > outer_bytes);
    }
    // The inner document closed; the outer tree is still whole.
    CHECK(arena.bytes_carved() > 0);
    CHECK(ts_node_string(outer.root()) == outer_tree);
  }
  CHECK(arena.bytes_carved() == 0);
}
