#pragma once
// Where a value, block or token sits in a scanned file.
#include <compare>
#include <cstdint>

namespace akslint {

using FileId = std::uint32_t;
inline constexpr FileId kNoFile = 0xFFFFFFFFu;

// 0-based rows and byte columns, as tree-sitter reports them. Only emitters convert
// to 1-based lines and code-point columns.
struct SourcePoint {
  std::uint32_t row = 0;
  std::uint32_t column = 0;
  friend constexpr bool operator==(SourcePoint, SourcePoint) = default;
  friend constexpr auto operator<=>(SourcePoint, SourcePoint) = default;
};

struct SourceSpan {
  FileId file = kNoFile;
  std::uint32_t begin_byte = 0;
  std::uint32_t end_byte = 0;
  SourcePoint start;
  SourcePoint end;

  [[nodiscard]] constexpr bool valid() const { return file != kNoFile; }
  friend constexpr bool operator==(const SourceSpan&, const SourceSpan&) = default;
};

}  // namespace akslint
