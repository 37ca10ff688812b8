#include <akslint/analyzer/Report.h>

#include <algorithm>

namespace akslint {

bool Report::partial() const {
  return std::any_of(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& d) { return d.makes_scan_partial(); });
}

namespace {

// Code points in text[line_start, byte): UTF-8 continuation bytes are not counted.
std::uint32_t code_point_column(std::string_view text, std::uint32_t byte, std::uint32_t byte_column) {
  const std::uint32_t line_start = byte >= byte_column ? byte - byte_column : 0;
  const std::uint32_t end = std::min<std::uint32_t>(byte, static_cast<std::uint32_t>(text.size()));
  std::uint32_t count = 0;
  for (std::uint32_t i = line_start; i < end; ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++count;
  }
  return count + 1;
}

}  // namespace

TextRegion text_region(const SourceFile& file, const SourceSpan& span) {
  TextRegion r;
  r.start_line = span.start.row + 1;
  r.end_line = span.end.row + 1;
  r.start_column = code_point_column(file.text, span.begin_byte, span.start.column);
  r.end_column = code_point_column(file.text, span.end_byte, span.end.column);
  if (r.end_line < r.start_line || (r.end_line == r.start_line && r.end_column < r.start_column)) {
    r.end_line = r.start_line;
    r.end_column = r.start_column;
  }
  return r;
}

}  // namespace akslint
