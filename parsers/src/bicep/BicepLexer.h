#pragma once
// Bicep tokens. Bicep is newline-sensitive, so newlines are tokens; strings with
// interpolation arrive in pieces ('a${ ... }b${ ... }c') with the embedded expressions' tokens
// in between, as the language's own lexer does.
#include <akslint/model/Diagnostic.h>

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace akslint::bicep {

enum class Tok : std::uint8_t {
  Identifier,
  Number,
  String,          // 'abc' or '''abc''' without interpolation; `text` is the decoded value
  StringLeft,      // 'abc${   (text: decoded "abc")
  StringMiddle,    // }abc${
  StringRight,     // }abc'
  NewLine,
  Punct,           // operators and brackets; `text` is the operator
  EndOfFile,
  Error,           // a character or string the lexer cannot read; `text` says what
};

struct Token {
  Tok kind = Tok::EndOfFile;
  std::string_view text;  // into the file, or into LexResult::decoded
  std::uint32_t begin = 0;  // byte offsets into the file
  std::uint32_t end = 0;
};

struct LexResult {
  std::vector<Token> tokens;  // always ends with EndOfFile
  // The values of strings that differ from their text, which have escapes; tokens view them,
  // and a deque keeps them in place as it grows and moves.
  std::deque<std::string> decoded;
};

[[nodiscard]] LexResult lex(std::string_view text);

// The lexer's identifiers: a letter or `_`, then letters, digits and `_`.
[[nodiscard]] bool is_identifier_start(char c);
[[nodiscard]] bool is_identifier_char(char c);

}  // namespace akslint::bicep
