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

// U+FFFD in UTF-8, written in place of a sequence that is not UTF-8.
inline constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";

// Where the first byte sequence that is not UTF-8 starts (overlong forms and surrogates
// included), or nullopt when all of the text is UTF-8.
[[nodiscard]] std::optional<std::size_t> first_invalid_utf8(std::string_view text);

}  // namespace akslint
