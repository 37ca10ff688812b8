#pragma once
// Byte offset -> 0-based row and byte column, for readers that find text by hand rather than
// through a parse tree's points. Lines end at LF, CRLF or a lone CR, as SARIF counts them.
#include <akslint/model/SourceSpan.h>

#include <cstdint>
#include <string_view>
#include <vector>

namespace akslint {

// Whether text[i] ends a line: LF, the LF of a CRLF, or a lone CR.
[[nodiscard]] inline bool ends_line(std::string_view text, std::size_t i) {
  return text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'));
}

class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  [[nodiscard]] SourcePoint point(std::uint32_t offset) const;
  [[nodiscard]] std::uint32_t rows() const { return static_cast<std::uint32_t>(starts_.size()); }
  // Text of a row, without its line break.
  [[nodiscard]] std::string_view line(std::uint32_t row) const;

 private:
  std::string_view text_;
  std::vector<std::uint32_t> starts_;  // offset of each row's first byte
};

}  // namespace akslint
