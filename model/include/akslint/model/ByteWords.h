#pragma once
// Text eight or sixteen bytes at a time, tested at once instead of each byte with a branch of
// its own: words for JSON string escaping (short strings), blocks for the passes every byte
// of every file goes through (the file index, the UTF-8 check, the nesting check).
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace akslint::words {

inline constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
inline constexpr std::uint64_t kHighBits = kOnes * 0x80;

// The eight bytes of `text` from `at` (at + 8 <= text.size()), as one word.
inline std::uint64_t load(std::string_view text, std::size_t at) {
  std::uint64_t word = 0;
  std::memcpy(&word, text.data() + at, sizeof word);
  return word;
}

// The bytes of `word` equal to `byte`, each marked by its high bit. Exact: no carry crosses
// from one byte to the next.
constexpr std::uint64_t equal_bytes(std::uint64_t word, unsigned char byte) {
  constexpr std::uint64_t kLow7 = kOnes * 0x7F;
  const std::uint64_t x = word ^ (kOnes * byte);
  return ~(((x & kLow7) + kLow7) | x) & kHighBits;
}

// The bytes of `word` below `bound` (at most 0x80), each marked by its high bit. Exact, as
// equal_bytes is: a byte with its high bit set is never below.
constexpr std::uint64_t bytes_below(std::uint64_t word, unsigned char bound) {
  constexpr std::uint64_t kLow7 = kOnes * 0x7F;
  return ~(((word & kLow7) + kOnes * (0x80 - bound)) | word) & kHighBits;
}

// Sixteen bytes at a time, as the compiler's vector type (GCC's and Clang's extension:
// SSE2 on x86-64, NEON on ARM, plain words elsewhere). A comparison covers the block in a
// few instructions, and its result converts to the word marks above, so what reads marks
// reads them from blocks the same way.
using Block = unsigned char __attribute__((vector_size(16)));
inline constexpr std::size_t kBlockSize = sizeof(Block);

// The sixteen bytes of `text` from `at` (at + 16 <= text.size()).
inline Block load_block(std::string_view text, std::size_t at) {
  Block block;
  std::memcpy(&block, text.data() + at, sizeof block);
  return block;
}

// A comparison's result (all ones in each byte where it holds) as a Block.
template <class Comparison>
inline Block hits(Comparison result) {
  return reinterpret_cast<Block>(result);
}

// The high bits of a block's bytes, as equal_bytes marks bytes: the first eight bytes in
// `low`, the others in `high` (in each word's memory order). Of a comparison's hits, they
// mark where it holds; of text itself, its bytes that are not ASCII.
struct BlockMarks {
  std::uint64_t low = 0;
  std::uint64_t high = 0;
  [[nodiscard]] bool none() const { return (low | high) == 0; }
};
using BlockHalves = std::uint64_t __attribute__((vector_size(16)));
inline BlockMarks marks(Block bytes) {
  const auto halves = reinterpret_cast<BlockHalves>(bytes & 0x80);
  return {halves[0], halves[1]};
}

// The sum of a block's sixteen bytes, each counted as a number from 0 to 255.
inline std::uint32_t lane_sum(Block block) {
  const auto halves = reinterpret_cast<BlockHalves>(block);
  constexpr std::uint64_t kEvenBytes = 0x00FF00FF00FF00FFULL;
  const auto pairs = [](std::uint64_t w) { return (w & kEvenBytes) + ((w >> 8) & kEvenBytes); };
  const std::uint64_t sums = pairs(halves[0]) + pairs(halves[1]);  // four sums of at most 1,020
  return static_cast<std::uint32_t>((sums * 0x0001000100010001ULL) >> 48);
}

}  // namespace akslint::words
