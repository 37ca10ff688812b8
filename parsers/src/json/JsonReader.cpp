#include "json/JsonReader.h"
#include <akslint/model/Utf8.h>

#include "json/JsonScanner.h"
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

// Decodes the body of a JSON string literal (without its quotes). Most strings have no
// escape and are copied whole; otherwise the runs between escapes are.
std::string unescape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const std::size_t escape = std::min(s.find('\\', i), s.size() - 1);
    out.append(s.data() + i, escape - i);
    i = escape;
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
// file. Values and positions are then read from the file itself. Most files need no copy:
// none is made until a byte must be blanked (an empty result).
std::string lenient_copy(std::string_view text) {
  std::string out;
  const auto blank = [&](std::size_t i) {
    if (out.empty()) out.assign(text);
    out[i] = ' ';
  };
  if (text.starts_with("\xEF\xBB\xBF")) {
    for (std::size_t i = 0; i < 3; ++i) blank(i);
  }
  enum class State : std::uint8_t { Code, String, LineComment, BlockComment };
  State state = State::Code;
  std::size_t pending_comma = std::string::npos;  // a comma that may turn out to be trailing
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const char next = i + 1 < text.size() ? text[i + 1] : '\0';
    switch (state) {
      case State::String:
        if (c == '\\') {
          ++i;
        } else if (c == '"') {
          state = State::Code;
        } else if (c == '\n') {
          blank(i);
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
          blank(pending_comma);
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

// The grammar's symbols and fields the lowering tells apart, looked up once.
struct JsonSymbols {
  TSSymbol object, array, pair, string, number, true_, false_, null, comment;
  TSFieldId key, value;

  static const JsonSymbols& get() {
    static const JsonSymbols symbols = [] {
      const TSLanguage* json = tree_sitter_json();
      const auto symbol = [&](std::string_view name) {
        return ts_language_symbol_for_name(json, name.data(), static_cast<uint32_t>(name.size()), true);
      };
      const auto field = [&](std::string_view name) {
        return ts_language_field_id_for_name(json, name.data(), static_cast<uint32_t>(name.size()));
      };
      return JsonSymbols{symbol("object"), symbol("array"), symbol("pair"), symbol("string"), symbol("number"),
                         symbol("true"),   symbol("false"), symbol("null"), symbol("comment"), field("key"),
                         field("value")};
    }();
    return symbols;
  }
};

// Lowers the tree with one cursor: a node's children are visited in one pass (asking for the
// i-th child walks from the first each time, quadratic in a long array).
class Lowering {
 public:
  Lowering(const ts::Document& doc, std::string_view original, TSNode top)
      : doc_(doc), original_(original), cursor_(ts_tree_cursor_new(top)) {}
  ~Lowering() { ts_tree_cursor_delete(&cursor_); }
  Lowering(const Lowering&) = delete;
  Lowering& operator=(const Lowering&) = delete;

  // The value of the node under the cursor; the cursor is back on it afterwards.
  std::optional<Value> value(int depth) {
    const TSNode node = ts_tree_cursor_current_node(&cursor_);
    if (depth > kMaxDepth) {
      if (!too_deep_) {
        too_deep_ = true;
        diagnostics.push_back({DiagnosticLevel::Error, "nesting-too-deep",
                               fmt::format("values nest deeper than {} levels; the file was not analysed", kMaxDepth),
                               doc_.file(), span(node)});
      }
      return std::nullopt;
    }
    const JsonSymbols& s = JsonSymbols::get();
    const TSSymbol kind = ts_node_symbol(node);
    const SourceSpan where = span(node);
    if (kind == s.object) return object(where, depth);
    if (kind == s.array) return array(where, depth);
    if (kind == s.string) return Value::string(string_text(node), where);
    if (kind == s.number) {
      const auto digits = text(node);
      double n = 0;
      const auto res = std::from_chars(digits.data(), digits.data() + digits.size(), n);
      if (res.ec != std::errc{}) n = std::stod(std::string(digits));
      return Value::number(n, where);
    }
    if (kind == s.true_) return Value::boolean(true, where);
    if (kind == s.false_) return Value::boolean(false, where);
    if (kind == s.null) return Value::null(where);
    return std::nullopt;
  }

  std::vector<Diagnostic> diagnostics;

 private:
  [[nodiscard]] SourceSpan span(TSNode node) const {
    return {doc_.file(), ts_node_start_byte(node), ts_node_end_byte(node)};
  }
  [[nodiscard]] std::string_view text(TSNode node) const {
    return original_.substr(ts_node_start_byte(node), ts_node_end_byte(node) - ts_node_start_byte(node));
  }
  std::string string_text(TSNode node) const {
    auto text = this->text(node);
    if (text.size() >= 2) text = text.substr(1, text.size() - 2);
    return unescape(text);
  }

  // Calls visit() with the cursor on each named child of the current node, in order, until
  // one returns false; the cursor ends on the node again. False when a visit did.
  template <class Visit>
  bool each_named_child(Visit&& visit) {
    if (!ts_tree_cursor_goto_first_child(&cursor_)) return true;
    bool ok = true;
    do {
      if (ts_node_is_named(ts_tree_cursor_current_node(&cursor_))) ok = visit();
    } while (ok && ts_tree_cursor_goto_next_sibling(&cursor_));
    ts_tree_cursor_goto_parent(&cursor_);
    return ok;
  }

  std::optional<Value> array(SourceSpan where, int depth) {
    Value::Array items;
    const bool ok = each_named_child([&] {
      if (ts_node_symbol(ts_tree_cursor_current_node(&cursor_)) == JsonSymbols::get().comment) return true;
      auto v = value(depth + 1);
      if (v) items.push_back(std::move(*v));
      return v.has_value();
    });
    if (!ok) return std::nullopt;
    return Value::array(std::move(items), where);
  }

  std::optional<Value> object(SourceSpan where, int depth) {
    Value::Object members;
    const bool ok = each_named_child([&] {
      if (ts_node_symbol(ts_tree_cursor_current_node(&cursor_)) != JsonSymbols::get().pair) return true;
      return pair(members, depth);
    });
    if (!ok) return std::nullopt;
    return Value::object(std::move(members), where);
  }

  // Adds the pair under the cursor to `members`; false when its key or value is missing or unreadable.
  bool pair(Value::Object& members, int depth) {
    const JsonSymbols& s = JsonSymbols::get();
    std::optional<TSNode> key;
    std::optional<Value> v;
    bool has_value = false;
    each_named_child([&] {
      const TSFieldId field = ts_tree_cursor_current_field_id(&cursor_);
      if (field == s.key) {
        key = ts_tree_cursor_current_node(&cursor_);
      } else if (field == s.value) {
        has_value = true;
        v = value(depth + 1);
      }
      return true;
    });
    if (!key || !has_value || !v) return false;
    members.push_back({string_text(*key), std::move(*v), span(*key)});
    return true;
  }

  const ts::Document& doc_;
  std::string_view original_;
  TSTreeCursor cursor_;
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
  JsonScanner scanner(file.text, id);
  if (file.text.starts_with("\xEF\xBB\xBF")) scanner.seek(3);
  Value root = scanner.value();
  const bool whole = scanner.at_end();  // only comments and whitespace after the value
  if (whole && !scanner.failed()) return {std::move(root), {}};
  return read_json_with_recovery(file, id);
}

JsonDocument read_json_with_recovery(const SourceFile& file, FileId id) {
  JsonDocument out;
  const std::string copy = lenient_copy(file.text);
  const std::string_view lenient = copy.empty() ? std::string_view(file.text) : std::string_view(copy);
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
  Lowering lowering(doc, file.text, top);
  out.root = lowering.value(0);
  out.diagnostics = std::move(lowering.diagnostics);
  return out;
}

}  // namespace akslint
