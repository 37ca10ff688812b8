#pragma once
// HCL's tokens as the tree-sitter HCL grammar's lexer reads them outside templates, for
// HclParser (docs/hcl-reader.md): identifiers, numbers, punctuation by longest match, and the
// comments between tokens, which the parser places in the tree.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace akslint::terraform::hcl {

// The anonymous tokens of the grammar, and the keywords among its identifiers.
enum class Punct : std::uint8_t {
  LessLessDash, LessLess, Ellipsis, DotStar, SplatIndex, EqualEqual, BangEqual, LessEqual, GreaterEqual, AndAnd,
  OrOr, Arrow, Equal, LeftBrace, RightBrace, LeftParen, RightParen, LeftBracket, RightBracket, Comma, Colon, Dot,
  Question, Minus, Bang, Star, Slash, Percent, Plus, Greater, Less, Tilde,
  // Keywords: identifiers where the grammar expects them.
  For, In, If, True, False, EndFor, Else, EndIf,
};
constexpr std::size_t kPunctCount = static_cast<std::size_t>(Punct::EndIf) + 1;
constexpr std::array<std::string_view, kPunctCount> kSpelling = {
    "<<-", "<<", "...", ".*", "[*]", "==", "!=", "<=", ">=", "&&", "||", "=>", "=", "{", "}", "(", ")", "[", "]", ",",
    ":", ".", "?", "-", "!", "*", "/", "%", "+", ">", "<", "~", "for", "in", "if", "true", "false", "endfor", "else",
    "endif"};

inline bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool is_alnum(char c) { return is_letter(c) || is_digit(c); }
inline bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

enum class Tok : std::uint8_t { End, Identifier, Number, Punct, Quote, Invalid };

struct Token {
  Tok kind = Tok::Invalid;
  Punct punct = Punct::Equal;
  std::uint32_t start = 0;
  std::uint32_t end = 0;
};

// Where a token starts and ends, as the 32-bit offsets of tree nodes.
inline std::uint32_t offset32(std::size_t at) { return static_cast<std::uint32_t>(at); }

class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}

  [[nodiscard]] char char_at(std::size_t at) const { return at < text_.size() ? text_[at] : '\0'; }
  // Skips whitespace and comments from `at`, noting the comments in comments(); false at a
  // comment that does not end.
  bool skip_trivia(std::size_t& at);
  // The token at `at`; Invalid at a character no token begins with, which is any outside
  // ASCII (tree-sitter's reading of identifiers in other scripts is left to it).
  [[nodiscard]] Token lex(std::size_t at) const;
  // The comments skip_trivia noted, as [start, end) offsets.
  std::vector<std::pair<std::uint32_t, std::uint32_t>>& comments() { return comments_; }

 private:
  [[nodiscard]] std::size_t identifier_end(std::size_t at) const;
  [[nodiscard]] std::size_t number_end(std::size_t at) const;
  [[nodiscard]] std::optional<Punct> punct_at(std::size_t at) const;

  std::string_view text_;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> comments_;
};

}  // namespace akslint::terraform::hcl
