#pragma once
// A pull reader over JSON text for plans of hundreds of MB: the caller walks the document
// and either builds a Value (with spans) or skips a value without allocating, so only what
// the model needs is ever held. Positions are computed on demand from a line index.
#include <akslint/model/Diagnostic.h>
#include <akslint/model/Value.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace akslint::plan {

// Row and byte column of an offset. Checkpoints every 64 KiB bound the cost of a jump;
// offsets asked in increasing order (the reading order) cost only the bytes in between.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  [[nodiscard]] SourcePoint point(std::uint32_t offset);

 private:
  static constexpr std::uint32_t kBlockBits = 16;
  void advance_to(std::uint32_t offset);

  std::string_view text_;
  std::vector<std::uint32_t> block_rows_;         // row at each block's first byte
  std::vector<std::uint32_t> block_line_starts_;  // start of the line holding that byte
  std::uint32_t at_ = 0;
  std::uint32_t row_ = 0;
  std::uint32_t line_start_ = 0;
};

class JsonScanner {
 public:
  // `text` must outlive the scanner and be under 4 GiB (spans hold 32-bit offsets).
  JsonScanner(std::string_view text, FileId file);

  [[nodiscard]] bool failed() const { return error_.has_value(); }
  [[nodiscard]] const std::optional<Diagnostic>& error() const { return error_; }

  // The first byte of the next value (whitespace skipped); '\0' at the end or after an error.
  [[nodiscard]] char peek();
  [[nodiscard]] std::uint32_t offset() const { return pos_; }
  // The offset of the next value, whitespace skipped.
  [[nodiscard]] std::uint32_t next_offset() {
    skip_ws();
    return pos_;
  }
  void seek(std::uint32_t offset) { pos_ = offset; }
  // True when only whitespace is left.
  [[nodiscard]] bool at_end();

  // Walks an object: `member(key)` is called with the scanner at the member's value, which
  // it must consume (read, skip or walk). `key` and `key_span()` are valid until then. A value
  // that is not an object is skipped and false returned.
  template <class F>
  bool members(F&& member);
  // The current member's name, as written. Positions are computed only when asked for: most
  // members of a plan are skipped.
  [[nodiscard]] SourceSpan key_span() { return span(key_begin_, key_end_); }
  // Walks an array the same way: `element()` consumes one element.
  template <class F>
  bool elements(F&& element);

  // Builds the next value with spans.
  [[nodiscard]] Value value();
  // Skips the next value, checking only that brackets and strings are well formed.
  void skip();
  // The next value as a string; other kinds are skipped and answer nullopt.
  [[nodiscard]] std::optional<std::string> string();

  [[nodiscard]] SourceSpan span(std::uint32_t begin, std::uint32_t end);
  // From `begin` (whose point the caller took before reading on) to the current offset;
  // avoids walking back over a large value for its start.
  [[nodiscard]] SourceSpan closed_span(std::uint32_t begin, SourcePoint start);
  [[nodiscard]] SourcePoint point(std::uint32_t offset);
  void fail(std::string_view what);

 private:
  void skip_ws();
  bool expect(char c);
  // Reads a string literal at pos_; `out` receives the decoded text.
  bool read_string(std::string& out);
  bool skip_string();
  bool skip_scalar();
  std::optional<std::string_view> object_key();
  bool after_member(char close);
  Value value_at_depth(int depth);
  Value scalar();

  std::string_view text_;
  FileId file_;
  std::uint32_t pos_ = 0;
  LineIndex lines_;
  std::optional<Diagnostic> error_;
  std::string key_;  // the current member's decoded key
  std::uint32_t key_begin_ = 0;
  std::uint32_t key_end_ = 0;
};

template <class F>
bool JsonScanner::members(F&& member) {
  if (peek() != '{') {
    skip();
    return false;
  }
  ++pos_;
  if (peek() == '}') {
    ++pos_;
    return true;
  }
  while (!failed()) {
    const auto key = object_key();
    if (!key) return false;
    member(*key);
    if (!after_member('}')) return !failed();
  }
  return false;
}

template <class F>
bool JsonScanner::elements(F&& element) {
  if (peek() != '[') {
    skip();
    return false;
  }
  ++pos_;
  if (peek() == ']') {
    ++pos_;
    return true;
  }
  while (!failed()) {
    element();
    if (!after_member(']')) return !failed();
  }
  return false;
}

}  // namespace akslint::plan
