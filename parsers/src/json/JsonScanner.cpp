#include "json/JsonScanner.h"
#include <akslint/model/Utf8.h>

#include <fmt/format.h>

#include <charconv>
#include <cstring>

namespace akslint {

namespace {

constexpr int kMaxDepth = 512;

bool is_ws(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

bool is_scalar_char(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '+' ||
         c == '.';
}

std::uint32_t to_offset(std::size_t n) { return static_cast<std::uint32_t>(n); }

// RFC 8259's number: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
bool is_json_number(std::string_view t) {
  std::size_t i = 0;
  const auto digits = [&] {
    const std::size_t from = i;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
    return i > from;
  };
  if (i < t.size() && t[i] == '-') ++i;
  if (i < t.size() && t[i] == '0') {
    ++i;
  } else if (!digits()) {
    return false;
  }
  if (i < t.size() && t[i] == '.') {
    ++i;
    if (!digits()) return false;
  }
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
    if (!digits()) return false;
  }
  return i == t.size();
}

// Four hex digits at `s`, or nullopt.
std::optional<std::uint32_t> hex4(std::string_view s) {
  std::uint32_t v = 0;
  if (s.size() < 4) return std::nullopt;
  const auto res = std::from_chars(s.data(), s.data() + 4, v, 16);
  if (res.ec != std::errc{} || res.ptr != s.data() + 4) return std::nullopt;
  return v;
}

}  // namespace

JsonScanner::JsonScanner(std::string_view text, FileId file) : text_(text), file_(file) {}

JsonScanner::JsonScanner(const SourceText& text, FileId file) : text_(text), file_(file) { sweep_.emplace(text); }

SourceSpan JsonScanner::span(std::uint32_t begin, std::uint32_t end) const { return {file_, begin, end}; }

void JsonScanner::fail(std::string_view what) {
  if (failed()) return;
  const std::uint32_t at = std::min(pos_, to_offset(text_.size()));
  error_ = Diagnostic{DiagnosticLevel::Error, "syntax-error", std::string(what), file_, span(at, at)};
  pos_ = to_offset(text_.size());
}

void JsonScanner::skip_ws() {
  while (pos_ < text_.size()) {
    const char c = text_[pos_];
    if (is_ws(c)) {
      ++pos_;
    } else if (c != '/' || !skip_comment()) {
      return;
    }
  }
}

bool JsonScanner::skip_comment() {
  const std::string_view rest = text_.substr(pos_);
  if (rest.starts_with("//")) {
    pos_ = to_offset(std::min(text_.size(), text_.find('\n', pos_)));
    return true;
  }
  if (!rest.starts_with("/*")) return false;
  const std::size_t close = text_.find("*/", pos_ + 2);
  if (close == std::string_view::npos) {
    fail("unterminated comment");
    return false;
  }
  pos_ = to_offset(close + 2);
  return true;
}

char JsonScanner::peek() {
  if (failed()) return '\0';
  skip_ws();
  return pos_ < text_.size() ? text_[pos_] : '\0';
}

bool JsonScanner::at_end() {
  skip_ws();
  return pos_ >= text_.size();
}

bool JsonScanner::expect(char c) {
  if (peek() == c) {
    ++pos_;
    return true;
  }
  fail(pos_ < text_.size() ? fmt::format("expected '{}'", c) : fmt::format("expected '{}' but the file ends", c));
  return false;
}

bool JsonScanner::skip_string() {
  // pos_ is at the opening quote. An escaped quote is preceded by an odd run of backslashes.
  std::size_t at = pos_ + 1;
  for (;;) {
    const void* q = std::memchr(text_.data() + at, '"', text_.size() - at);
    if (q == nullptr) {
      fail("unterminated string");
      return false;
    }
    const std::size_t quote = static_cast<std::size_t>(static_cast<const char*>(q) - text_.data());
    std::size_t backslashes = 0;
    while (quote - backslashes > pos_ + 1 && text_[quote - backslashes - 1] == '\\') ++backslashes;
    at = quote + 1;
    if (backslashes % 2 == 0) break;
  }
  pos_ = to_offset(at);
  passing();
  return true;
}

bool JsonScanner::read_string(std::string& out) {
  const std::uint32_t begin = pos_;
  if (!skip_string()) return false;
  const std::string_view body = text_.substr(begin + 1, pos_ - begin - 2);
  out.clear();
  if (body.find('\\') == std::string_view::npos) {
    out.assign(body);
    return true;
  }
  out.reserve(body.size());
  for (std::size_t i = 0; i < body.size(); ++i) {
    if (body[i] != '\\') {
      out.push_back(body[i]);
      continue;
    }
    const char e = body[++i];  // a string never ends in an odd backslash: skip_string saw to that
    switch (e) {
      case 'n': out.push_back('\n'); break;
      case 't': out.push_back('\t'); break;
      case 'r': out.push_back('\r'); break;
      case 'b': out.push_back('\b'); break;
      case 'f': out.push_back('\f'); break;
      case 'u': {
        auto cp = hex4(body.substr(i + 1));
        if (!cp) {
          pos_ = begin + to_offset(i) + 1;
          fail("invalid \\u escape");
          return false;
        }
        i += 4;
        if (*cp >= 0xD800 && *cp < 0xDC00 && body.substr(i + 1, 2) == "\\u") {
          if (const auto low = hex4(body.substr(i + 3)); low && *low >= 0xDC00 && *low < 0xE000) {
            cp = 0x10000 + ((*cp - 0xD800) << 10) + (*low - 0xDC00);
            i += 6;
          }
        }
        append_utf8(out, *cp);
        break;
      }
      case '"':
      case '\\':
      case '/': out.push_back(e); break;
      default:
        pos_ = begin + to_offset(i) + 1;
        fail(fmt::format("invalid escape '\\{}'", e));
        return false;
    }
  }
  return true;
}

bool JsonScanner::skip_scalar() {
  const std::uint32_t begin = pos_;
  while (pos_ < text_.size() && is_scalar_char(text_[pos_])) ++pos_;
  if (pos_ == begin) {
    fail(pos_ < text_.size() ? fmt::format("unexpected '{}'", text_[pos_]) : std::string("unexpected end of file"));
    return false;
  }
  return true;
}

void JsonScanner::skip() {
  const char first = peek();
  if (first == '"') {
    skip_string();
    return;
  }
  if (first != '{' && first != '[') {
    skip_scalar();
    return;
  }
  std::string closers;  // the bracket each open level expects
  while (pos_ < text_.size()) {
    const char c = text_[pos_];
    switch (c) {
      case '"':
        if (!skip_string()) return;
        continue;
      case '{':
        closers.push_back('}');
        passing();
        break;
      case '[':
        closers.push_back(']');
        passing();
        break;
      case '/':
        if (!skip_comment()) {
          fail("unexpected '/'");
          return;
        }
        continue;
      case '}':
      case ']':
        if (closers.empty() || closers.back() != c) {
          fail(fmt::format("unexpected '{}'", c));
          return;
        }
        closers.pop_back();
        if (closers.empty()) {
          ++pos_;
          return;
        }
        break;
      default: break;
    }
    ++pos_;
  }
  fail("unexpected end of file inside a value");
}

std::optional<std::string> JsonScanner::string() {
  if (peek() != '"') {
    skip();
    return std::nullopt;
  }
  std::string out;
  if (!read_string(out)) return std::nullopt;
  return out;
}

std::optional<std::string_view> JsonScanner::object_key() {
  if (peek() != '"') {
    fail("expected a member name");
    return std::nullopt;
  }
  key_begin_ = pos_;
  if (!read_string(key_)) return std::nullopt;
  key_end_ = pos_;
  if (!expect(':')) return std::nullopt;
  return std::string_view(key_);
}

bool JsonScanner::after_member(char close) {
  const char c = peek();
  if (c == ',') {
    ++pos_;
    return true;
  }
  if (c == close) ++pos_;
  else fail(fmt::format("expected ',' or '{}'", close));
  return false;
}

Value JsonScanner::scalar() {
  const std::uint32_t begin = pos_;
  if (!skip_scalar()) return {};
  const std::string_view token = text_.substr(begin, pos_ - begin);
  const SourceSpan at = span(begin, pos_);
  if (token == "true") return Value::boolean(true, at);
  if (token == "false") return Value::boolean(false, at);
  if (token == "null") return Value::null(at);
  double n = 0;
  if (!is_json_number(token) || std::from_chars(token.data(), token.data() + token.size(), n).ec != std::errc{}) {
    pos_ = begin;
    fail(fmt::format("invalid value '{}'", token.substr(0, 40)));
    return {};
  }
  return Value::number(n, at);
}

Value JsonScanner::value() { return value_at_depth(0); }

Value JsonScanner::value_at_depth(int depth) {
  const char first = peek();
  const std::uint32_t begin = pos_;
  if (depth > kMaxDepth) {
    fail(fmt::format("values nest deeper than {} levels", kMaxDepth));
    return {};
  }
  if (first == '"') {
    std::string s;
    if (!read_string(s)) return {};
    return Value::string(std::move(s), span(begin, pos_));
  }
  if (first == '{') {
    Value::Object members;
    this->members([&](std::string_view key) {
      std::string name(key);
      const SourceSpan key_at = key_span();
      members.push_back({std::move(name), value_at_depth(depth + 1), key_at});
    });
    return Value::object(std::move(members), span(begin, pos_));
  }
  if (first == '[') {
    Value::Array items;
    elements([&] { items.push_back(value_at_depth(depth + 1)); });
    return Value::array(std::move(items), span(begin, pos_));
  }
  return scalar();
}

}  // namespace akslint
