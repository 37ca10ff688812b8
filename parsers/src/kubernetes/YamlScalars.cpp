#include "kubernetes/YamlScalars.h"
#include <akslint/model/Utf8.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <vector>

namespace akslint::yaml {

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && (is_blank(s.front()) || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (is_blank(s.back()) || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> split_lines(std::string_view s) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  for (std::size_t nl = s.find('\n'); nl != std::string_view::npos; nl = s.find('\n', start)) {
    lines.push_back(s.substr(start, nl - start));
    start = nl + 1;
  }
  lines.push_back(s.substr(start));
  return lines;
}

// Flow scalars spanning lines fold: a line break becomes a space, an empty line a newline.
std::string fold_flow_lines(std::string_view s) {
  const auto lines = split_lines(s);
  std::string out;
  bool pending_space = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string_view line = lines.size() > 1 ? trim(lines[i]) : lines[i];
    if (i > 0 && line.empty()) {
      out += '\n';
      pending_space = false;
      continue;
    }
    if (pending_space) out += ' ';
    out += line;
    pending_space = true;
  }
  return out;
}

// Appends the escape starting after the backslash at `s[i]`; returns the bytes consumed.
std::size_t append_escape(std::string& out, std::string_view s, std::size_t i) {
  const char c = s[i];
  const auto hex = [&](std::size_t digits) -> std::size_t {
    std::uint32_t cp = 0;
    const auto digits_text = s.substr(i + 1, digits);
    const auto [ptr, ec] = std::from_chars(digits_text.data(), digits_text.data() + digits_text.size(), cp, 16);
    if (ec != std::errc{} || ptr != digits_text.data() + digits_text.size() || digits_text.size() != digits) {
      out += '\\';
      out += c;
      return 1;
    }
    append_utf8(out, cp);
    return 1 + digits;
  };
  switch (c) {
    case 'n': out += '\n'; return 1;
    case 't': case '\t': out += '\t'; return 1;
    case 'r': out += '\r'; return 1;
    case '0': out += '\0'; return 1;
    case 'x': return hex(2);
    case 'u': return hex(4);
    case 'U': return hex(8);
    case '\n': return 1;  // escaped line break: the string continues without a break
    default: out += c; return 1;  // \" \\ \/ and the rest stand for themselves
  }
}

std::optional<double> parse_number(std::string_view t) {
  if (t.empty()) return std::nullopt;
  std::string_view digits = t;
  const bool negative = digits.front() == '-';
  if (digits.front() == '-' || digits.front() == '+') digits.remove_prefix(1);
  int base = 10;
  if (digits.starts_with("0x")) base = 16;
  if (digits.starts_with("0o")) base = 8;
  if (base != 10) {
    digits.remove_prefix(2);
    long long n = 0;
    const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n, base);
    if (ec != std::errc{} || ptr != digits.data() + digits.size()) return std::nullopt;
    return negative ? -static_cast<double>(n) : static_cast<double>(n);
  }
  if (digits == ".inf" || digits == ".Inf" || digits == ".INF") return negative ? -HUGE_VAL : HUGE_VAL;
  double d = 0;
  const std::string text(t.front() == '+' ? t.substr(1) : t);
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), d);
  if (ec != std::errc{} || ptr != text.data() + text.size()) return std::nullopt;
  return d;
}

}  // namespace

std::string double_quoted(std::string_view token) {
  const std::string folded = fold_flow_lines(token.substr(1, token.size() >= 2 ? token.size() - 2 : 0));
  std::string out;
  for (std::size_t i = 0; i < folded.size(); ++i) {
    if (folded[i] == '\\' && i + 1 < folded.size()) {
      i += append_escape(out, folded, i + 1);
      continue;
    }
    out += folded[i];
  }
  return out;
}

std::string single_quoted(std::string_view token) {
  const std::string folded = fold_flow_lines(token.substr(1, token.size() >= 2 ? token.size() - 2 : 0));
  std::string out;
  for (std::size_t i = 0; i < folded.size(); ++i) {
    out += folded[i];
    if (folded[i] == '\'' && i + 1 < folded.size() && folded[i + 1] == '\'') ++i;
  }
  return out;
}

std::string plain(std::string_view token) { return fold_flow_lines(token); }

std::string block(std::string_view token) {
  const auto lines = split_lines(token);
  const std::string_view header = trim(lines.front().substr(0, lines.front().find(" #")));
  const bool folded = !header.empty() && header.front() == '>';
  const char chomp = header.find('-') != std::string_view::npos   ? '-'
                     : header.find('+') != std::string_view::npos ? '+'
                                                                  : ' ';
  std::size_t indent = std::string_view::npos;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const auto first = lines[i].find_first_not_of(' ');
    if (first != std::string_view::npos && lines[i][first] != '\r') indent = std::min(indent, first);
  }
  std::string out;
  bool previous_text = false;  // the last non-empty line was text, not more-indented
  for (std::size_t i = 1; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    line = line.size() > indent ? line.substr(indent) : std::string_view{};
    if (line.empty()) {
      out += '\n';
      continue;
    }
    const bool text = !is_blank(line.front());
    // Folding: a single break between text lines is a space; before empty lines it is dropped.
    if (folded && previous_text && text) {
      if (out.ends_with("\n\n")) out.pop_back();
      else out.back() = ' ';
    }
    out += line;
    out += '\n';
    previous_text = text;
  }
  // The token ends where the indented content does; trailing line breaks depend on chomping.
  while (!out.empty() && out.back() == '\n') out.pop_back();
  if (chomp == ' ' && !out.empty()) out += '\n';
  if (chomp == '+') {
    std::size_t breaks = 0;
    for (auto it = token.rbegin(); it != token.rend() && (*it == '\n' || *it == '\r' || *it == ' '); ++it) {
      if (*it == '\n') ++breaks;
    }
    out.append(std::max<std::size_t>(breaks, 1), '\n');
  }
  return out;
}

Value typed_plain(std::string_view token, SourceSpan span) {
  const std::string text = plain(token);
  if (text == "~" || text == "null" || text == "Null" || text == "NULL") return Value::null(span);
  if (text == "true" || text == "True" || text == "TRUE") return Value::boolean(true, span);
  if (text == "false" || text == "False" || text == "FALSE") return Value::boolean(false, span);
  const bool numeric_start = !text.empty() && (std::isdigit(static_cast<unsigned char>(text.front())) != 0 ||
                                               text.front() == '-' || text.front() == '+' || text.front() == '.');
  if (numeric_start) {
    if (const auto n = parse_number(text)) return Value::number(*n, span);
  }
  return Value::string(text, span);
}

}  // namespace akslint::yaml
