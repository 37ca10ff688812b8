#include "ts/ParseArena.h"

#include <tree_sitter/api.h>

// Without AddressSanitizer the (un)poisoning macros do nothing. With it, the arena's free
// space, freed blocks and block headers are poisoned, so that the sanitizer still catches
// reads past a block and uses of a tree after its document closed.
#include <sanitizer/asan_interface.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace akslint::ts {

namespace {

constexpr std::size_t kAlign = alignof(std::max_align_t);
constexpr std::size_t kHeader = kAlign;  // before each block: its size
constexpr std::size_t kLink = sizeof(std::byte*);  // in a block on a free list: the next one
constexpr std::size_t kFirstChunk = std::size_t{64} << 10;  // most files need one to three

std::size_t rounded(std::size_t n) { return (n + kAlign - 1) & ~(kAlign - 1); }
std::size_t size_class(std::size_t size) { return rounded(size) / kAlign; }

void poison(const void* at, std::size_t bytes) { ASAN_POISON_MEMORY_REGION(at, bytes); }
void unpoison(const void* at, std::size_t bytes) { ASAN_UNPOISON_MEMORY_REGION(at, bytes); }

std::size_t size_of(const std::byte* block) {
  std::size_t size = 0;
  unpoison(block - kHeader, sizeof size);
  std::memcpy(&size, block - kHeader, sizeof size);
  poison(block - kHeader, sizeof size);
  return size;
}

void set_size(std::byte* block, std::size_t size) {
  unpoison(block - kHeader, sizeof size);
  std::memcpy(block - kHeader, &size, sizeof size);
  poison(block - kHeader, sizeof size);
}

// tree-sitter's own allocator aborts when memory runs out, and the runtime's C code cannot
// pass an exception on; so does this one.
void* checked(void* block, std::size_t size) {
  if (block == nullptr && size > 0) {
    std::fprintf(stderr, "akslint: out of memory (%zu bytes) while parsing\n", size);
    std::abort();
  }
  return block;
}

}  // namespace

ParseArena::~ParseArena() {
  for (const Chunk& chunk : chunks_) {
    unpoison(chunk.begin, static_cast<std::size_t>(chunk.end - chunk.begin));
    std::free(chunk.begin);
  }
}

void* ParseArena::allocate(std::size_t size) {
  const std::size_t cls = size_class(size);
  if (cls < kSizeClasses && free_[cls] != nullptr) {
    std::byte* block = free_[cls];
    std::memcpy(&free_[cls], block, kLink);
    poison(block, kLink);
    set_size(block, size);
    unpoison(block, size);
    return block;
  }
  const std::size_t need = kHeader + rounded(size);
  if (static_cast<std::size_t>(end_ - next_) < need) next_chunk(need);
  std::byte* block = next_ + kHeader;
  next_ += need;
  last_ = block;
  set_size(block, size);
  unpoison(block, size);
  return block;
}

void* ParseArena::reallocate(void* old, std::size_t size) {
  auto* block = static_cast<std::byte*>(old);
  const std::size_t had = size_of(block);
  // Arrays grow by reallocation, mostly just after they were carved: the last block grows
  // where it is while its chunk has room.
  if (block == last_ && static_cast<std::size_t>(end_ - block) >= rounded(size)) {
    poison(block, rounded(had));
    unpoison(block, size);
    set_size(block, size);
    next_ = block + rounded(size);
    return block;
  }
  void* moved = allocate(size);
  std::memcpy(moved, block, std::min(had, size));
  free(block);
  return moved;
}

void ParseArena::free(void* freed) {
  auto* block = static_cast<std::byte*>(freed);
  const std::size_t size = size_of(block);
  poison(block, rounded(size));
  if (block == last_) {
    next_ = block - kHeader;
    last_ = nullptr;
    return;
  }
  // Small blocks wait on a list for the next request of their size (tree-sitter frees and
  // makes subtrees, stack nodes and arrays of a few sizes all through a parse); larger ones
  // wait for the release.
  const std::size_t cls = size_class(size);
  if (cls == 0 || cls >= kSizeClasses) return;
  unpoison(block, kLink);
  std::memcpy(block, &free_[cls], kLink);
  free_[cls] = block;
}

bool ParseArena::owns(const void* block) const {
  const auto at = reinterpret_cast<std::uintptr_t>(block);
  // Newest first: most blocks freed or grown are recent.
  return std::any_of(chunks_.rbegin(), chunks_.rend(), [&](const Chunk& chunk) {
    return at >= reinterpret_cast<std::uintptr_t>(chunk.begin) && at < reinterpret_cast<std::uintptr_t>(chunk.end);
  });
}

// A new chunk, twice the last one (or as large as `need`), so that a large file's parse
// takes a few chunks, not hundreds.
void ParseArena::next_chunk(std::size_t need) {
  std::size_t size = kFirstChunk;
  if (!chunks_.empty()) {
    carved_before_ += static_cast<std::size_t>(next_ - chunks_.back().begin);
    size = 2 * static_cast<std::size_t>(chunks_.back().end - chunks_.back().begin);
  }
  size = std::max(size, need);
  auto* begin = static_cast<std::byte*>(checked(std::malloc(size), size));
  poison(begin, size);
  chunks_.push_back({begin, begin + size});
  next_ = begin;
  end_ = begin + size;
  last_ = nullptr;
}

void ParseArena::release() {
  for (std::size_t i = 1; i < chunks_.size(); ++i) {
    unpoison(chunks_[i].begin, static_cast<std::size_t>(chunks_[i].end - chunks_[i].begin));
    std::free(chunks_[i].begin);
  }
  chunks_.resize(std::min<std::size_t>(chunks_.size(), 1));
  next_ = chunks_.empty() ? nullptr : chunks_.front().begin;
  end_ = chunks_.empty() ? nullptr : chunks_.front().end;
  poison(next_, static_cast<std::size_t>(end_ - next_));
  last_ = nullptr;
  carved_before_ = 0;
  free_.fill(nullptr);
}

std::size_t ParseArena::bytes_carved() const {
  return chunks_.empty() ? 0 : carved_before_ + static_cast<std::size_t>(next_ - chunks_.back().begin);
}

namespace {

struct ThreadArena {
  ParseArena arena;
  unsigned open_scopes = 0;
};

ThreadArena& this_thread() {
  thread_local ThreadArena arena;
  return arena;
}

void* arena_malloc(std::size_t size) {
  ThreadArena& t = this_thread();
  return t.open_scopes > 0 ? t.arena.allocate(size) : checked(std::malloc(size), size);
}

void* arena_calloc(std::size_t count, std::size_t size) {
  ThreadArena& t = this_thread();
  if (t.open_scopes == 0) return checked(std::calloc(count, size), count * size);
  if (size != 0 && count > SIZE_MAX / size) return checked(nullptr, SIZE_MAX);  // aborts
  void* block = t.arena.allocate(count * size);
  std::memset(block, 0, count * size);
  return block;
}

void* arena_realloc(void* block, std::size_t size) {
  if (block == nullptr) return arena_malloc(size);
  ThreadArena& t = this_thread();
  if (t.open_scopes > 0 && t.arena.owns(block)) return t.arena.reallocate(block, size);
  return checked(std::realloc(block, size), size);
}

void arena_free(void* block) {
  if (block == nullptr) return;
  ThreadArena& t = this_thread();
  if (t.open_scopes > 0 && t.arena.owns(block)) {
    t.arena.free(block);
  } else {
    std::free(block);
  }
}

}  // namespace

ArenaScope::ArenaScope() {
  static const bool installed = [] {
    ts_set_allocator(arena_malloc, arena_calloc, arena_realloc, arena_free);
    return true;
  }();
  (void)installed;
  ++this_thread().open_scopes;
}

ArenaScope::~ArenaScope() {
  ThreadArena& t = this_thread();
  if (--t.open_scopes == 0) t.arena.release();
}

const ParseArena& ArenaScope::arena() { return this_thread().arena; }

}  // namespace akslint::ts
