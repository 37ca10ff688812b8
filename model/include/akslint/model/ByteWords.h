#pragma once
// Text eight bytes at a time: for the passes every byte of every file goes through (the
// file index, the UTF-8 check, the nesting check) and for JSON string escaping, a word is
// tested at once instead of each byte with a branch of its own.
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

// How many bytes `marks` marks (high bits only, as equal_bytes gives them).
constexpr std::uint32_t count_marks(std::uint64_t marks) {
  return static_cast<std::uint32_t>((((marks >> 7) * kOnes) >> 56));
}

}  // namespace akslint::words
