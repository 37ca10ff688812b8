#pragma once
// Where a value, block or token sits in a scanned file.
#include <compare>
#include <cstdint>

namespace akslint {

using FileId = std::uint32_t;
inline constexpr FileId kNoFile = 0xFFFFFFFFu;

// A 0-based row and byte column. Spans do not store them: they are found from the file's
// text when something is reported (SourceFile::point), and emitters convert them to 1-based
// lines and code-point columns.
struct SourcePoint {
  std::uint32_t row = 0;
  std::uint32_t column = 0;
  friend constexpr bool operator==(SourcePoint, SourcePoint) = default;
  friend constexpr auto operator<=>(SourcePoint, SourcePoint) = default;
};

// Byte offsets into a file: the model holds many of them (every value and key has one), and
// rows and columns are needed only for the few that are reported.
struct SourceSpan {
  FileId file = kNoFile;
  std::uint32_t begin_byte = 0;
  std::uint32_t end_byte = 0;

  [[nodiscard]] constexpr bool valid() const { return file != kNoFile; }
  friend constexpr bool operator==(const SourceSpan&, const SourceSpan&) = default;
};

}  // namespace akslint
