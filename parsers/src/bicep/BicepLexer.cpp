#include "bicep/BicepLexer.h"
#include <akslint/model/Utf8.h>

#include <algorithm>
#include <array>
#include <optional>

namespace akslint::bicep {

namespace {

// What each byte can be, looked up once instead of compared with each candidate.
enum CharClass : std::uint8_t {
  kIdentStart = 1,  // a letter or `_`
  kDigit = 2,
  // Where a run of a '...' string's plain characters stops: its end, a line break, `${`, an escape.
  kRunEnd = 4,
  kPunct = 8,           // an operator of one character
  kLongPunct = 16,      // the first character of an operator of two or three
  kLongPunctNext = 32,  // the second character of one
};

// Operators of two or three characters, longest first so that the first match is the longest.
constexpr std::array<std::string_view, 13> kLongPuncts = {"...", "??", "==", "!=", "=~", "!~", "<=",
                                                          ">=",  "&&", "||", "=>", "::", ".?"};
constexpr std::string_view kShortPuncts = "{}[](),.:?=<>+-*/%!@|^";

constexpr std::array<std::uint8_t, 256> kClasses = [] {
  std::array<std::uint8_t, 256> classes{};
  const auto mark = [&](char c, std::uint8_t bit) { classes[static_cast<unsigned char>(c)] |= bit; };
  for (char c = 'a'; c <= 'z'; ++c) mark(c, kIdentStart);
  for (char c = 'A'; c <= 'Z'; ++c) mark(c, kIdentStart);
  mark('_', kIdentStart);
  for (char c = '0'; c <= '9'; ++c) mark(c, kDigit);
  for (const char c : std::string_view("'\n\r$\\")) mark(c, kRunEnd);
  for (const char c : kShortPuncts) mark(c, kPunct);
  for (const auto p : kLongPuncts) {
    mark(p[0], kLongPunct);
    mark(p[1], kLongPunctNext);
  }
  return classes;
}();

bool is(char c, std::uint8_t classes) { return (kClasses[static_cast<unsigned char>(c)] & classes) != 0; }
bool is_digit(char c) { return is(c, kDigit); }
bool ends_string_run(char c) { return is(c, kRunEnd); }

// An open string whose interpolation `${ ... }` is being lexed.
struct OpenString {
  bool multiline = false;
  std::size_t dollars = 1;   // `$$'''` strings interpolate with `$${`
  int brace_depth = 0;       // braces opened inside the interpolation
};

class Lexer {
 public:
  explicit Lexer(std::string_view text) : s_(text) {
    if (s_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
  }

  LexResult run() {
    out_.tokens.reserve(s_.size() / 8);  // the corpus's Bicep has a token per 7.8 bytes
    while (pos_ < s_.size()) step();
    push(Tok::EndOfFile, {}, pos_);
    return std::move(out_);
  }

 private:
  void push(Tok kind, std::string_view text, std::size_t begin) {
    out_.tokens.push_back({kind, text, static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(pos_)});
  }

  [[nodiscard]] char at(std::size_t i) const { return i < s_.size() ? s_[i] : '\0'; }
  [[nodiscard]] bool starts(std::string_view p) const { return s_.substr(pos_, p.size()) == p; }

  [[nodiscard]] bool at_line_start() const {
    for (std::size_t i = pos_; i > 0; --i) {
      const char c = s_[i - 1];
      if (c == '\n' || c == '\r') return true;
      if (c != ' ' && c != '\t') return false;
    }
    return true;
  }

  void step() {
    const char c = s_[pos_];
    const std::size_t begin = pos_;
    if (c == ' ' || c == '\t') {
      while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t')) ++pos_;
    } else if (c == '\n' || c == '\r') {
      pos_ += (c == '\r' && at(pos_ + 1) == '\n') ? 2u : 1u;
      push(Tok::NewLine, {}, begin);
    } else if (c == '/' && at(pos_ + 1) == '/') {
      while (pos_ < s_.size() && s_[pos_] != '\n' && s_[pos_] != '\r') ++pos_;
    } else if (c == '/' && at(pos_ + 1) == '*') {
      const auto close = s_.find("*/", pos_ + 2);
      pos_ = close == std::string_view::npos ? s_.size() : close + 2;
      if (close == std::string_view::npos) push(Tok::Error, "unterminated comment", begin);
    } else if (c == '#' && at_line_start()) {
      directive();
    } else if (is_identifier_start(c)) {
      while (pos_ < s_.size() && is_identifier_char(s_[pos_])) ++pos_;
      push(Tok::Identifier, s_.substr(begin, pos_ - begin), begin);
    } else if (is_digit(c)) {
      while (pos_ < s_.size() && is_digit(s_[pos_])) ++pos_;
      if (at(pos_) == '.' && is_digit(at(pos_ + 1))) {
        ++pos_;
        while (pos_ < s_.size() && is_digit(s_[pos_])) ++pos_;
      }
      push(Tok::Number, s_.substr(begin, pos_ - begin), begin);
    } else if (c == '\'' && starts("'''")) {
      multiline_string(begin, 0);
    } else if (c == '$' && multiline_dollars() > 0) {
      const std::size_t dollars = multiline_dollars();
      pos_ += dollars;
      multiline_string(begin, dollars);
    } else if (c == '\'') {
      ++pos_;
      single_string(begin, true);
    } else if (c == '}' && !open_.empty() && open_.back().brace_depth == 0) {
      ++pos_;
      const OpenString open = open_.back();
      open_.pop_back();
      if (open.multiline) {
        multiline_body(begin, false, open.dollars);
      } else {
        single_string(begin, false);
      }
    } else {
      punct(begin);
    }
  }

  // Number of `$` before a `'''` at the current position, 0 when there is none.
  [[nodiscard]] std::size_t multiline_dollars() const {
    std::size_t n = 0;
    while (at(pos_ + n) == '$') ++n;
    return s_.substr(pos_ + n, 3) == "'''" ? n : 0;
  }

  // The length of the operator here, the longest that matches; 0 when none does.
  [[nodiscard]] std::size_t operator_size() const {
    const char c = s_[pos_];
    if (is(c, kLongPunct) && is(at(pos_ + 1), kLongPunctNext)) {
      for (const auto p : kLongPuncts) {
        if (p.front() == c && starts(p)) return p.size();
      }
    }
    return is(c, kPunct) ? 1 : 0;
  }

  void punct(std::size_t begin) {
    const std::size_t size = operator_size();
    if (size == 0) {
      ++pos_;
      push(Tok::Error, "unexpected character", begin);
      return;
    }
    const char c = s_[pos_];
    pos_ += size;
    if (!open_.empty() && size == 1 && c == '{') ++open_.back().brace_depth;
    if (!open_.empty() && size == 1 && c == '}') --open_.back().brace_depth;
    push(Tok::Punct, s_.substr(begin, size), begin);
  }

  // `#disable-next-line ...` and other directives are trivia here; the suppression pass reads
  // them from the text.
  void directive() {
    while (pos_ < s_.size() && s_[pos_] != '\n' && s_[pos_] != '\r') ++pos_;
  }

  // Reads a '...' string (or its continuation after an interpolation) up to the closing quote
  // or the next `${`. The value is the text between them until an escape needs decoding.
  void single_string(std::size_t begin, bool first) {
    const std::size_t start = pos_;
    std::optional<std::string> decoded;  // from the first escape on
    const auto finish = [&](Tok kind, std::size_t end) {
      push(kind, decoded ? std::string_view(out_.decoded.emplace_back(std::move(*decoded))) : s_.substr(start, end - start),
           begin);
    };
    while (pos_ < s_.size()) {
      const char c = s_[pos_];
      if (c == '\'') {
        ++pos_;
        finish(first ? Tok::String : Tok::StringRight, pos_ - 1);
        return;
      }
      if (c == '\n' || c == '\r') break;
      if (c == '$' && at(pos_ + 1) == '{') {
        pos_ += 2;
        open_.push_back({false, 1, 0});
        finish(first ? Tok::StringLeft : Tok::StringMiddle, pos_ - 2);
        return;
      }
      if (c == '\\') {
        if (!decoded) decoded = std::string(s_.substr(start, pos_ - start));
        if (!escape(*decoded)) {
          push(Tok::Error, "invalid escape sequence in string", begin);
          return;
        }
        continue;
      }
      // A run of characters that need no care, passed (or appended) at once.
      std::size_t run_end = pos_ + 1;
      while (run_end < s_.size() && !ends_string_run(s_[run_end])) ++run_end;
      if (decoded) decoded->append(s_.substr(pos_, run_end - pos_));
      pos_ = run_end;
    }
    push(Tok::Error, "unterminated string", begin);
  }

  bool escape(std::string& value) {
    const char e = at(pos_ + 1);
    pos_ += 2;
    switch (e) {
      case '\\': value += '\\'; return true;
      case '\'': value += '\''; return true;
      case 'n': value += '\n'; return true;
      case 'r': value += '\r'; return true;
      case 't': value += '\t'; return true;
      case '$': value += '$'; return true;
      case 'u': {
        if (at(pos_) != '{') return false;
        const auto close = s_.find('}', pos_);
        if (close == std::string_view::npos || close - pos_ > 9) return false;
        std::uint32_t cp = 0;
        for (std::size_t i = pos_ + 1; i < close; ++i) {
          const char h = s_[i];
          const int digit = is_digit(h) ? h - '0' : (h >= 'a' && h <= 'f') ? h - 'a' + 10 : (h >= 'A' && h <= 'F') ? h - 'A' + 10 : -1;
          if (digit < 0) return false;
          cp = cp * 16 + static_cast<std::uint32_t>(digit);
        }
        append_utf8(value, cp);
        pos_ = close + 1;
        return true;
      }
      default: return false;
    }
  }

  void multiline_string(std::size_t begin, std::size_t dollars) {
    pos_ += 3;
    // A line break right after the opening quotes is not part of the value.
    if (at(pos_) == '\r' && at(pos_ + 1) == '\n') {
      pos_ += 2;
    } else if (at(pos_) == '\n' || at(pos_) == '\r') {
      ++pos_;
    }
    multiline_body(begin, true, dollars);
  }

  // Multi-line strings have no escapes, so the value is the text up to the closing quotes
  // (quotes beyond three are the value's own); `dollars` > 0 makes `$..${` an interpolation.
  void multiline_body(std::size_t begin, bool first, std::size_t dollars) {
    const std::size_t start = pos_;
    while (pos_ < s_.size()) {
      if (starts("'''")) {
        std::size_t run = 3;
        while (at(pos_ + run) == '\'') ++run;
        const std::size_t end = pos_ + run - 3;
        pos_ += run;
        push(first ? Tok::String : Tok::StringRight, s_.substr(start, end - start), begin);
        return;
      }
      if (dollars > 0 && starts_with_dollars(dollars) && at(pos_ + dollars) == '{') {
        const std::size_t end = pos_;
        pos_ += dollars + 1;
        open_.push_back({true, dollars, 0});
        push(first ? Tok::StringLeft : Tok::StringMiddle, s_.substr(start, end - start), begin);
        return;
      }
      ++pos_;
    }
    push(Tok::Error, "unterminated multi-line string", begin);
  }

  [[nodiscard]] bool starts_with_dollars(std::size_t n) const {
    const std::string_view run = s_.substr(pos_, n);
    return run.size() == n && run.find_first_not_of('$') == std::string_view::npos;
  }

  std::string_view s_;
  std::size_t pos_ = 0;
  std::vector<OpenString> open_;
  LexResult out_;
};

}  // namespace

LexResult lex(std::string_view text) { return Lexer(text).run(); }

bool is_identifier_start(char c) { return is(c, kIdentStart); }
bool is_identifier_char(char c) { return is(c, kIdentStart | kDigit); }

}  // namespace akslint::bicep
