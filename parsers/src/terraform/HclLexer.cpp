#include "terraform/HclLexer.h"

namespace akslint::terraform::hcl {

bool Lexer::skip_trivia(std::size_t& at) {
  while (at < text_.size()) {
    const char c = text_[at];
    if (is_space(c)) {
      ++at;
    } else if (c == '#' || (c == '/' && char_at(at + 1) == '/')) {
      const std::size_t start = at;
      while (at < text_.size() && text_[at] != '\n' && text_[at] != '\0') ++at;
      comments_.emplace_back(offset32(start), offset32(at));
    } else if (c == '/' && char_at(at + 1) == '*') {
      const std::size_t end = text_.find("*/", at + 2);
      if (end == std::string_view::npos) return false;
      comments_.emplace_back(offset32(at), offset32(end + 2));
      at = end + 2;
    } else {
      return true;
    }
  }
  return true;
}

std::size_t Lexer::identifier_end(std::size_t at) const {
  while (at < text_.size()) {
    const char c = text_[at];
    if (is_alnum(c) || c == '_' || c == '-') {
      ++at;
    } else if (c == ':' && char_at(at + 1) == ':') {
      at += 2;
    } else {
      break;
    }
  }
  return at;
}

std::size_t Lexer::number_end(std::size_t at) const {
  if (text_[at] == '0' && (char_at(at + 1) == 'x') && is_alnum(char_at(at + 2))) {
    at += 2;
    while (is_alnum(char_at(at))) ++at;
    return at;
  }
  while (is_digit(char_at(at))) ++at;
  if (char_at(at) == '.' && is_digit(char_at(at + 1))) {
    at += 1;
    while (is_digit(char_at(at))) ++at;
    std::size_t exponent = at;
    if (char_at(exponent) == 'e' || char_at(exponent) == 'E') {
      ++exponent;
      if (char_at(exponent) == '+' || char_at(exponent) == '-') ++exponent;
      if (is_digit(char_at(exponent))) {
        while (is_digit(char_at(exponent))) ++exponent;
        at = exponent;
      }
    }
  }
  return at;
}

Token Lexer::lex(std::size_t at) const {
  Token t;
  t.start = offset32(at);
  if (at >= text_.size()) {
    t.kind = Tok::End;
    t.end = t.start;
    return t;
  }
  const char c = text_[at];
  if (is_letter(c) || c == '_') {
    t.kind = Tok::Identifier;
    t.end = offset32(identifier_end(at + 1));
  } else if (is_digit(c)) {
    t.kind = Tok::Number;
    t.end = offset32(number_end(at));
  } else if (c == '"') {
    t.kind = Tok::Quote;
    t.end = t.start + 1;
  } else if (const auto p = punct_at(at)) {
    t.kind = Tok::Punct;
    t.punct = *p;
    t.end = offset32(at + kSpelling[static_cast<std::size_t>(*p)].size());
  }
  return t;
}

// The punctuation at `at`, the longest spelling that matches.
std::optional<Punct> Lexer::punct_at(std::size_t at) const {
  const char next = char_at(at + 1);
  switch (text_[at]) {
    case '<':
      if (next == '<') return char_at(at + 2) == '-' ? Punct::LessLessDash : Punct::LessLess;
      return next == '=' ? Punct::LessEqual : Punct::Less;
    case '.':
      if (next == '.' && char_at(at + 2) == '.') return Punct::Ellipsis;
      return next == '*' ? Punct::DotStar : Punct::Dot;
    case '[': return next == '*' && char_at(at + 2) == ']' ? Punct::SplatIndex : Punct::LeftBracket;
    case '=':
      if (next == '=') return Punct::EqualEqual;
      return next == '>' ? Punct::Arrow : Punct::Equal;
    case '!': return next == '=' ? Punct::BangEqual : Punct::Bang;
    case '>': return next == '=' ? Punct::GreaterEqual : Punct::Greater;
    case '&': return next == '&' ? std::optional(Punct::AndAnd) : std::nullopt;
    case '|': return next == '|' ? std::optional(Punct::OrOr) : std::nullopt;
    case '{': return Punct::LeftBrace;
    case '}': return Punct::RightBrace;
    case '(': return Punct::LeftParen;
    case ')': return Punct::RightParen;
    case ']': return Punct::RightBracket;
    case ',': return Punct::Comma;
    case ':': return Punct::Colon;
    case '?': return Punct::Question;
    case '-': return Punct::Minus;
    case '*': return Punct::Star;
    case '/': return Punct::Slash;
    case '%': return Punct::Percent;
    case '+': return Punct::Plus;
    case '~': return Punct::Tilde;
    default: return std::nullopt;
  }
}

}  // namespace akslint::terraform::hcl
