// The word-at-a-time byte tests against a byte-by-byte loop, for every byte value at every
// position of a word whose other bytes are random.
#include <akslint/model/ByteWords.h>

#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <string_view>

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

TEST_CASE("byte blocks: a comparison's marks and the lane sums match a loop over the sixteen bytes") {
  std::mt19937_64 rng(7);
  for (int trial = 0; trial < 4096; ++trial) {
    std::string bytes(words::kBlockSize, '\0');
    for (char& c : bytes) c = static_cast<char>(rng());
    // A few bytes set to the one compared with, so that every block has hits to find.
    const auto target = static_cast<unsigned char>(rng());
    for (int k = 0; k < trial % 5; ++k) bytes[rng() % bytes.size()] = static_cast<char>(target);
    const std::string_view text(bytes);
    INFO("trial " << trial);
    const words::Block block = words::load_block(text, 0);
    const auto equal = [&](unsigned char b) { return b == target; };
    const words::BlockMarks found = words::marks(words::hits(block == target));
    CHECK(found.low == marks_of(words::load(text, 0), equal));
    CHECK(found.high == marks_of(words::load(text, 8), equal));
    CHECK(found.none() == (text.find(static_cast<char>(target)) == std::string_view::npos));
    std::uint32_t sum = 0;
    for (const char c : bytes) sum += static_cast<unsigned char>(c);
    CHECK(words::lane_sum(block) == sum);
  }
  const std::string all_ones(words::kBlockSize, '\xFF');
  CHECK(words::lane_sum(words::load_block(all_ones, 0)) == 16 * 255);
  CHECK(words::marks(words::load_block(all_ones, 0)).none() == false);  // marks of the bytes' own high bits
}
