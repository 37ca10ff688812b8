#pragma once
// UTF-8 encoding of one code point, for the readers that decode escapes (\u, \U) and for
// the UTF-16 conversion of input files; and UTF-8 validation of input text.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace akslint {

void append_utf8(std::string& out, std::uint32_t code_point);

// The byte sequence non-empty `text` starts with: its length and whether it is one well-formed
// UTF-8 character. When it is not, the length is that of its maximal invalid subpart (Unicode,
// section 3.9): the bytes one U+FFFD replaces.
struct Utf8Sequence {
  std::size_t length;
  bool valid;
};
[[nodiscard]] Utf8Sequence utf8_sequence(std::string_view text);

// Appends the sequence non-empty `text` starts with when it is UTF-8, else U+FFFD for its
// maximal invalid subpart, so that what is written is UTF-8; returns the bytes of `text` used.
std::size_t append_repaired_utf8(std::string& out, std::string_view text);

// Where the first byte sequence that is not UTF-8 starts (overlong forms and surrogates
// included), or nullopt when all of the text is UTF-8.
[[nodiscard]] std::optional<std::size_t> first_invalid_utf8(std::string_view text);

// The same check made stretch by stretch, in order, as the file index reads a text:
// `check(text, end)` checks the sequences that start before `end`, the last of which may run
// on past it, and stops at the first invalid one.
class Utf8Check {
 public:
  void check(std::string_view text, std::size_t end);
  [[nodiscard]] std::optional<std::size_t> first_invalid() const { return invalid_; }

 private:
  std::size_t next_ = 0;  // where the next sequence starts
  std::optional<std::size_t> invalid_;
};

}  // namespace akslint
