#include <akslint/model/BracketDepth.h>

#include <akslint/model/ByteWords.h>

#include <algorithm>
#include <bit>

namespace akslint {

namespace {

// The brackets among the sixteen bytes of `block`, each marked by its byte's high bit: '('
// and ')' differ only in bit 0, '[' and '{' (and ']' and '}') only in bit 5, so three
// comparisons cover all six.
words::BlockMarks bracket_marks(words::Block block) {
  const words::Block bit0 = block | 0x01;
  const words::Block bit5 = block | 0x20;
  return words::marks(words::hits(bit0 == ')') | words::hits(bit5 == '{') | words::hits(bit5 == '}'));
}

}  // namespace

void BracketDepth::add(std::string_view piece) {
  const auto step = [&](char c) {
    if (c == '{' || c == '[' || c == '(') {
      deepest_ = std::max(deepest_, ++depth_);
    } else if ((c == '}' || c == ']' || c == ')') && depth_ > 0) {
      --depth_;
    }
  };
  // Most sixteen-byte blocks of a file hold no bracket and are passed at once; in the others
  // only the brackets are visited, lowest byte first, which is the first where words are
  // little-endian (elsewhere every byte is stepped through).
  const auto step_marked = [&](std::size_t at, std::uint64_t marks) {
    for (; marks != 0; marks &= marks - 1) step(piece[at + static_cast<std::size_t>(std::countr_zero(marks)) / 8]);
  };
  std::size_t i = 0;
  if constexpr (std::endian::native == std::endian::little) {
    for (; i + words::kBlockSize <= piece.size(); i += words::kBlockSize) {
      const words::BlockMarks marks = bracket_marks(words::load_block(piece, i));
      if (marks.none()) continue;
      step_marked(i, marks.low);
      step_marked(i + 8, marks.high);
    }
  }
  for (; i < piece.size(); ++i) step(piece[i]);
}

std::uint32_t bracket_depth(std::string_view text) {
  BracketDepth depth;
  depth.add(text);
  return depth.deepest();
}

}  // namespace akslint
