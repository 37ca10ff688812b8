#pragma once
// A pull reader over JSON text: the caller walks the document and either builds a Value
// (with spans) or skips a value without allocating, so only what the model needs of a plan
// of hundreds of MB is ever held; templates are built whole. It reads RFC 8259 JSON, plus
// comments (`//` and `/* */`, which Azure allows in templates) and control characters in
// strings (taken as written). What else Azure tolerates, trailing commas for one, is left to
// the reader that recovers (JsonReader.h).
#include <akslint/model/Diagnostic.h>
#include <akslint/model/SourceText.h>
#include <akslint/model/Value.h>

#include <optional>
#include <string>
#include <string_view>

namespace akslint {

class JsonScanner {
 public:
  // `text` must outlive the scanner and be under 4 GiB (spans hold 32-bit offsets).
  JsonScanner(std::string_view text, FileId file);
  // The same, handing a mapped text's pages back once the scanner has passed them (at
  // strings and brackets), so a plan of hundreds of MB need not be resident whole.
  JsonScanner(const SourceText& text, FileId file);

  [[nodiscard]] bool failed() const { return error_.has_value(); }
  // The first syntax error (code syntax-error, at its byte), worded for the caller to complete.
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

  [[nodiscard]] SourceSpan span(std::uint32_t begin, std::uint32_t end) const;
  void fail(std::string_view what);

 private:
  void skip_ws();
  // Skips the comment at pos_; false when none starts there (pos_ unmoved) or it is not closed.
  bool skip_comment();
  bool expect(char c);
  // Reads a string literal at pos_; `out` receives the decoded text.
  bool read_string(std::string& out);
  bool skip_string();
  bool skip_scalar();
  std::optional<std::string_view> object_key();
  bool after_member(char close);
  // Walks the object or array at pos_ (`open`...`close`): `each()` reads one member or
  // element, false to stop. A value of another kind is skipped and false returned.
  template <class Each>
  bool entries(char open, char close, Each&& each);
  Value value_at_depth(int depth);
  Value scalar();
  void passing() {
    if (sweep_) sweep_->at(pos_);
  }

  std::string_view text_;
  FileId file_;
  std::uint32_t pos_ = 0;
  std::optional<Diagnostic> error_;
  std::string key_;  // the current member's decoded key
  std::uint32_t key_begin_ = 0;
  std::uint32_t key_end_ = 0;
  std::optional<SourceText::Sweep> sweep_;
};

template <class Each>
bool JsonScanner::entries(char open, char close, Each&& each) {
  if (peek() != open) {
    skip();
    return false;
  }
  ++pos_;
  if (peek() == close) {
    ++pos_;
    return true;
  }
  while (!failed()) {
    if (!each()) return false;
    passing();
    if (!after_member(close)) return !failed();
  }
  return false;
}

template <class F>
bool JsonScanner::members(F&& member) {
  return entries('{', '}', [&] {
    const auto key = object_key();
    if (key) member(*key);
    return key.has_value();
  });
}

template <class F>
bool JsonScanner::elements(F&& element) {
  return entries('[', ']', [&] {
    element();
    return true;
  });
}

}  // namespace akslint
