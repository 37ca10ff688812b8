#include "json/JsonReader.h"
#include <akslint/model/Utf8.h>

#include "ts/TsTree.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <string>

namespace akslint {

namespace {

constexpr int kMaxDepth = 512;

std::uint32_t hex4(std::string_view s) {
  std::uint32_t v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v, 16);
  return v;
}

// Decodes the body of a JSON string literal (without its quotes).
std::string unescape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 >= s.size()) {
      out += s[i];
      continue;
    }
    const char e = s[++i];
    switch (e) {
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'r': out += '\r'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'u': {
        if (i + 4 >= s.size()) {  // truncated escape: keep it as written
          out += "\\u";
          break;
        }
        std::uint32_t cp = hex4(s.substr(i + 1, 4));
        i += 4;
        if (cp >= 0xD800 && cp < 0xDC00 && i + 6 < s.size() && s.substr(i + 1, 2) == "\\u") {
          const std::uint32_t low = hex4(s.substr(i + 3, 4));
          if (low >= 0xDC00 && low < 0xE000) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            i += 6;
          }
        }
        append_utf8(out, cp);
        break;
      }
      default: out += e;  // \" \\ \/
    }
  }
  return out;
}

// Azure reads templates more leniently than JSON: a UTF-8 byte-order mark, comments,
// trailing commas, line breaks and control characters inside strings. The grammar accepts
// comments; for the rest it parses a copy of the same length with the mark, the trailing
// commas and the in-string line breaks blanked, so every byte offset stays the one of the
// file. Values and positions are then read from the file itself.
std::string lenient_copy(std::string_view text) {
  std::string out(text);
  if (out.rfind("\xEF\xBB\xBF", 0) == 0) out.replace(0, 3, "   ");
  enum class State : std::uint8_t { Code, String, LineComment, BlockComment };
  State state = State::Code;
  std::size_t pending_comma = std::string::npos;  // a comma that may turn out to be trailing
  for (std::size_t i = 0; i < out.size(); ++i) {
    const char c = out[i];
    const char next = i + 1 < out.size() ? out[i + 1] : '\0';
    switch (state) {
      case State::String:
        if (c == '\\') {
          ++i;
        } else if (c == '"') {
          state = State::Code;
        } else if (c == '\n') {
          out[i] = ' ';
        }
        break;
      case State::LineComment:
        if (c == '\n') state = State::Code;
        break;
      case State::BlockComment:
        if (c == '*' && next == '/') {
          state = State::Code;
          ++i;
        }
        break;
      case State::Code:
        if (c == '/' && next == '/') {
          state = State::LineComment;
        } else if (c == '/' && next == '*') {
          state = State::BlockComment;
          ++i;
        } else if (c == ',') {
          pending_comma = i;
        } else if ((c == '}' || c == ']') && pending_comma != std::string::npos) {
          out[pending_comma] = ' ';
          pending_comma = std::string::npos;
        } else if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
          pending_comma = std::string::npos;
          if (c == '"') state = State::String;
        }
        break;
    }
  }
  return out;
}

class Lowering {
 public:
  Lowering(const ts::Document& doc, std::string_view original) : doc_(doc), original_(original) {}

  [[nodiscard]] SourceSpan span(TSNode node) const {
    return {doc_.file(), ts_node_start_byte(node), ts_node_end_byte(node)};
  }
  [[nodiscard]] std::string_view text(TSNode node) const {
    return original_.substr(ts_node_start_byte(node), ts_node_end_byte(node) - ts_node_start_byte(node));
  }

  std::optional<Value> value(TSNode node, int depth) {
    if (depth > kMaxDepth) {
      if (!too_deep_) {
        too_deep_ = true;
        const auto at = span(node);
        diagnostics.push_back({DiagnosticLevel::Error, "nesting-too-deep",
                               fmt::format("values nest deeper than {} levels; the file was not analysed", kMaxDepth),
                               doc_.file(), at});
      }
      return std::nullopt;
    }
    const auto kind = ts::type(node);
    const SourceSpan where = span(node);
    if (kind == "object") return object(node, where, depth);
    if (kind == "array") {
      Value::Array items;
      for (uint32_t i = 0; i < ts_node_named_child_count(node); ++i) {
        const TSNode child = ts_node_named_child(node, i);
        if (ts::type(child) == "comment") continue;
        auto v = value(child, depth + 1);
        if (!v) return std::nullopt;
        items.push_back(std::move(*v));
      }
      return Value::array(std::move(items), where);
    }
    if (kind == "string") return Value::string(string_text(node), where);
    if (kind == "number") {
      const auto digits = text(node);
      double n = 0;
      const auto res = std::from_chars(digits.data(), digits.data() + digits.size(), n);
      if (res.ec != std::errc{}) n = std::stod(std::string(digits));
      return Value::number(n, where);
    }
    if (kind == "true") return Value::boolean(true, where);
    if (kind == "false") return Value::boolean(false, where);
    if (kind == "null") return Value::null(where);
    return std::nullopt;
  }

  std::string string_text(TSNode node) const {
    auto text = this->text(node);
    if (text.size() >= 2) text = text.substr(1, text.size() - 2);
    return unescape(text);
  }

  std::vector<Diagnostic> diagnostics;

 private:
  std::optional<Value> object(TSNode node, SourceSpan where, int depth) {
    Value::Object members;
    for (uint32_t i = 0; i < ts_node_named_child_count(node); ++i) {
      const TSNode pair = ts_node_named_child(node, i);
      if (ts::type(pair) != "pair") continue;
      const TSNode key = ts::field(pair, "key");
      const TSNode val = ts::field(pair, "value");
      if (ts::is_null(key) || ts::is_null(val)) return std::nullopt;
      auto v = value(val, depth + 1);
      if (!v) return std::nullopt;
      members.push_back({string_text(key), std::move(*v), span(key)});
    }
    return Value::object(std::move(members), where);
  }

  const ts::Document& doc_;
  std::string_view original_;
  bool too_deep_ = false;
};

// tree-sitter's error recovery can place a JSON error far from the offending token. A strict
// parser stops exactly there, so its position is the one reported.
void pinpoint_json_error(std::string_view text, Diagnostic& error) {
  try {
    const auto parsed = nlohmann::json::parse(text.begin(), text.end(), nullptr, true, /*ignore_comments=*/true);
    (void)parsed;
  } catch (const nlohmann::json::parse_error& e) {
    const std::size_t at = std::min(e.byte == 0 ? 0 : e.byte - 1, text.size());
    const auto byte = static_cast<std::uint32_t>(at);
    error.span = SourceSpan{error.file, byte, byte};
    const char bad = at < text.size() ? text[at] : ' ';
    error.message = at < text.size() && bad > ' ' ? fmt::format("syntax error: unexpected `{}`; the file was not analysed", bad)
                                                  : std::string("syntax error: unexpected end of input; the file was not analysed");
  } catch (const nlohmann::json::exception&) {
    // Not a syntax problem for the strict parser (e.g. a construct Azure accepts): keep tree-sitter's position.
  }
}

}  // namespace

JsonDocument read_json(const SourceFile& file, FileId id) {
  JsonDocument out;
  const std::string lenient = lenient_copy(file.text);
  const ts::Document doc(tree_sitter_json(), lenient, id);
  if (auto error = doc.first_syntax_error()) {
    pinpoint_json_error(lenient, *error);
    out.diagnostics.push_back(std::move(*error));
    return out;
  }
  const TSNode root = doc.root();
  TSNode top{};
  bool found = false;
  for (uint32_t i = 0; i < ts_node_named_child_count(root); ++i) {
    const TSNode child = ts_node_named_child(root, i);
    if (ts::type(child) == "comment") continue;
    top = child;
    found = true;
    break;
  }
  if (!found) {
    out.diagnostics.push_back({DiagnosticLevel::Error, "empty-file",
                               "the file holds no JSON value; it was not analysed", id,
                               {}});
    return out;
  }
  Lowering lowering(doc, file.text);
  out.root = lowering.value(top, 0);
  out.diagnostics = std::move(lowering.diagnostics);
  return out;
}

}  // namespace akslint
