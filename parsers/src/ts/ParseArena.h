#pragma once
// Where tree-sitter allocates while a document is parsed and read. A parse makes and drops
// many small blocks, and its tree is a heap block per node, which ts_tree_delete would visit
// one by one to free (a tenth of an HCL file's parse). Here they are carved from a few large
// blocks, and all go back at once when the thread's last open document closes.
#include <array>
#include <cstddef>
#include <vector>

namespace akslint::ts {

class ParseArena {
 public:
  ParseArena() = default;
  ParseArena(const ParseArena&) = delete;
  ParseArena& operator=(const ParseArena&) = delete;
  ~ParseArena();

  // Blocks aligned as malloc's. `reallocate` and `free` take only blocks this arena owns.
  [[nodiscard]] void* allocate(std::size_t size);
  [[nodiscard]] void* reallocate(void* block, std::size_t size);
  void free(void* block);
  [[nodiscard]] bool owns(const void* block) const;

  // Lets every block go at once. The first large block is kept for the next document; the
  // larger ones that a large file needed go back to the C allocator.
  void release();

  // Bytes carved since the last release, freed ones included (for tests and measurement).
  [[nodiscard]] std::size_t bytes_carved() const;

 private:
  struct Chunk {
    std::byte* begin;
    std::byte* end;
  };
  static constexpr std::size_t kSizeClasses = 33;  // free lists for blocks of up to 512 bytes

  void next_chunk(std::size_t need);

  std::vector<Chunk> chunks_;
  std::byte* next_ = nullptr;  // the free space of the newest chunk
  std::byte* end_ = nullptr;
  std::byte* last_ = nullptr;  // the last block carved, which can grow in place or be taken back
  std::size_t carved_before_ = 0;  // in the chunks before the current one
  std::array<std::byte*, kSizeClasses> free_{};  // freed blocks by size, 16 bytes a class
};

// Opens this thread's arena for tree-sitter for the scope's life; scopes nest, and the
// outermost one releases it. tree-sitter's allocator is installed by the first scope; outside
// any scope, and for blocks the arena did not make, it is the C allocator.
class ArenaScope {
 public:
  ArenaScope();
  ~ArenaScope();
  ArenaScope(const ArenaScope&) = delete;
  ArenaScope& operator=(const ArenaScope&) = delete;

  // This thread's arena (for tests and measurement).
  [[nodiscard]] static const ParseArena& arena();
};

}  // namespace akslint::ts
