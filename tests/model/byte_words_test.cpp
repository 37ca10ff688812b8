// The word-at-a-time byte tests against a byte-by-byte loop, for every byte value at every
// position of a word whose other bytes are random.
#include <akslint/model/ByteWords.h>

#include <catch2/catch.hpp>

#include <random>

using namespace akslint;

namespace {

// The high-bit marks of the bytes of `word` for which `test` holds.
template <class Test>
std::uint64_t marks_of(std::uint64_t word, Test&& test) {
  std::uint64_t marks = 0;
  for (int b = 0; b < 8; ++b) {
    if (test(static_cast<unsigned char>(word >> (8 * b)))) marks |= std::uint64_t{0x80} << (8 * b);
  }
  return marks;
}

}  // namespace

TEST_CASE("byte words: equal_bytes and bytes_below mark exactly the bytes a loop finds") {
  std::mt19937_64 rng(42);
  for (int value = 0; value < 256; ++value) {
    for (int at = 0; at < 8; ++at) {
      for (int trial = 0; trial < 8; ++trial) {
        std::uint64_t word = rng();
        word = (word & ~(std::uint64_t{0xFF} << (8 * at))) | (std::uint64_t(value) << (8 * at));
        const auto c = static_cast<unsigned char>(value);
        INFO("word " << std::hex << word);
        CHECK(words::equal_bytes(word, c) == marks_of(word, [&](unsigned char b) { return b == c; }));
        for (const int limit : {0x01, 0x20, 0x7F, 0x80}) {
          const auto bound = static_cast<unsigned char>(limit);
          CHECK(words::bytes_below(word, bound) == marks_of(word, [&](unsigned char b) { return b < bound; }));
        }
      }
    }
  }
}
