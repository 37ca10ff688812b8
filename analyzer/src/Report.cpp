#include <akslint/analyzer/Report.h>

#include <algorithm>

namespace akslint {

bool Report::partial() const {
  return std::any_of(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& d) { return d.makes_scan_partial(); });
}

namespace {

// The 1-based column of `byte` in code points, from its column in bytes.
std::uint32_t code_point_column(const SourceFile& file, std::uint32_t byte, std::uint32_t byte_column) {
  const std::uint32_t line_start = byte >= byte_column ? byte - byte_column : 0;
  return file.code_points(line_start, byte) + 1;
}

}  // namespace

TextRegion text_region(const SourceFile& file, const SourceSpan& span) {
  const SourcePoint start = file.start(span);
  const SourcePoint end = file.end(span);
  TextRegion r;
  r.start_line = start.row + 1;
  r.end_line = end.row + 1;
  r.start_column = code_point_column(file, span.begin_byte, start.column);
  r.end_column = code_point_column(file, span.end_byte, end.column);
  if (r.end_line < r.start_line || (r.end_line == r.start_line && r.end_column < r.start_column)) {
    r.end_line = r.start_line;
    r.end_column = r.start_column;
  }
  return r;
}

}  // namespace akslint
