#include "ConfigYaml.h"

#include <fmt/format.h>

#include <stdexcept>

namespace akslint::config {

namespace {

struct Line {
  std::uint32_t number = 0;  // 1-based
  std::size_t indent = 0;
  std::string text;  // without indentation and comment
};

// Thrown inside the reader only; parse_yaml turns it into a YamlError.
struct Failure : std::runtime_error {
  Failure(std::uint32_t l, const std::string& message) : std::runtime_error(message), line(l) {}
  std::uint32_t line;
};

std::string trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return {};
  const auto e = s.find_last_not_of(" \t\r");
  return std::string(s.substr(b, e - b + 1));
}

// Drops a comment: '#' at the start or after a blank, outside quotes.
std::string strip_comment(std::string_view s) {
  char quote = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (quote != 0) {
      if (c == '\\' && quote == '"') {
        ++i;
      } else if (c == quote) {
        quote = 0;
      }
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '#' && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t')) {
      return std::string(s.substr(0, i));
    }
  }
  return std::string(s);
}

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> out;
  std::uint32_t number = 0;
  for (std::size_t pos = 0; pos <= text.size();) {
    auto end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view raw = text.substr(pos, end - pos);
    ++number;
    pos = end + 1;
    const std::string content = strip_comment(raw);
    const std::string trimmed = trim(content);
    if (trimmed.empty() || trimmed == "---") continue;
    const std::size_t indent = content.find_first_not_of(' ');
    if (content[indent] == '\t') throw Failure(number, "tabs cannot indent YAML; use spaces");
    out.push_back({number, indent, trimmed});
    if (end == text.size()) break;
  }
  return out;
}

// Finds the ':' that ends a mapping key (followed by a blank or the end), outside quotes.
std::optional<std::size_t> key_colon(std::string_view s) {
  char quote = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == ':' && (i + 1 == s.size() || s[i + 1] == ' ')) {
      return i;
    }
  }
  return std::nullopt;
}

std::string unquote(const std::string& s, std::uint32_t line) {
  if (s.size() >= 2 && s.front() == '\'' && s.back() == '\'') {
    std::string out;
    for (std::size_t i = 1; i + 1 < s.size(); ++i) {
      out += s[i];
      if (s[i] == '\'' && s[i + 1] == '\'') ++i;
    }
    return out;
  }
  if (s.size() >= 2 && s.front() == '"' && s.back() == '"') {
    std::string out;
    for (std::size_t i = 1; i + 1 < s.size(); ++i) {
      if (s[i] != '\\') {
        out += s[i];
        continue;
      }
      const char e = s[++i];
      out += e == 'n' ? '\n' : e == 't' ? '\t' : e;
    }
    return out;
  }
  if (!s.empty() && std::string_view("&*!|>{@`%").find(s.front()) != std::string_view::npos) {
    throw Failure(line, fmt::format("'{}' is YAML this file format does not use; quote the value", s.substr(0, 1)));
  }
  return s;
}

YamlNode scalar(const std::string& text, std::uint32_t line) {
  YamlNode n;
  n.line = line;
  if (text.empty() || text == "~" || text == "null") return n;
  if (text == "{}") {
    n.kind = YamlNode::Kind::Map;
    return n;
  }
  if (text.front() == '[') {
    if (text.back() != ']') throw Failure(line, "a flow sequence must end on its line with ']'");
    n.kind = YamlNode::Kind::Seq;
    const std::string inner = trim(std::string_view(text).substr(1, text.size() - 2));
    std::size_t start = 0;
    char quote = 0;
    for (std::size_t i = 0; i <= inner.size() && !inner.empty(); ++i) {
      if (i < inner.size() && quote != 0) {
        if (inner[i] == quote) quote = 0;
      } else if (i < inner.size() && (inner[i] == '"' || inner[i] == '\'')) {
        quote = inner[i];
      } else if (i == inner.size() || inner[i] == ',') {
        const std::string item = trim(std::string_view(inner).substr(start, i - start));
        if (item.empty()) throw Failure(line, "empty item in a flow sequence");
        n.seq.push_back(scalar(item, line));
        start = i + 1;
      }
    }
    return n;
  }
  n.kind = YamlNode::Kind::Scalar;
  n.scalar = unquote(text, line);
  return n;
}

class Reader {
 public:
  explicit Reader(std::vector<Line> lines) : lines_(std::move(lines)) {}

  YamlNode document() {
    if (lines_.empty()) return YamlNode{YamlNode::Kind::Map, {}, 1, {}, {}};
    YamlNode root = block(lines_.front().indent);
    if (i_ < lines_.size()) throw Failure(lines_[i_].number, "unexpected indentation");
    return root;
  }

 private:
  YamlNode block(std::size_t indent) {
    const Line& first = lines_[i_];
    if (first.text == "-" || first.text.starts_with("- ")) return sequence(indent);
    return mapping(indent);
  }

  YamlNode sequence(std::size_t indent) {
    YamlNode n;
    n.kind = YamlNode::Kind::Seq;
    n.line = lines_[i_].number;
    while (i_ < lines_.size() && lines_[i_].indent == indent &&
           (lines_[i_].text == "-" || lines_[i_].text.starts_with("- "))) {
      Line& item = lines_[i_];
      const std::string rest = trim(std::string_view(item.text).substr(1));
      if (rest.empty()) {
        ++i_;
        n.seq.push_back(nested(indent, item.number, false));
      } else if (key_colon(rest) && rest.front() != '"' && rest.front() != '\'' && rest.front() != '[') {
        // "- key: value" opens a mapping whose keys sit where "key" starts.
        item.indent = indent + (item.text.size() - rest.size());
        item.text = rest;
        n.seq.push_back(mapping(item.indent));
      } else {
        ++i_;
        n.seq.push_back(scalar(rest, item.number));
      }
    }
    return n;
  }

  YamlNode mapping(std::size_t indent) {
    YamlNode n;
    n.kind = YamlNode::Kind::Map;
    n.line = lines_[i_].number;
    while (i_ < lines_.size() && lines_[i_].indent == indent) {
      const Line& line = lines_[i_];
      const auto colon = key_colon(line.text);
      if (!colon) throw Failure(line.number, fmt::format("expected 'key: value', found '{}'", line.text));
      const std::string key = unquote(trim(std::string_view(line.text).substr(0, *colon)), line.number);
      for (const auto& [k, v] : n.map) {
        if (k == key) throw Failure(line.number, fmt::format("'{}' is given twice (first on line {})", key, v.line));
      }
      const std::string value = trim(std::string_view(line.text).substr(*colon + 1));
      ++i_;
      YamlNode child = value.empty() ? nested(indent, line.number, true) : scalar(value, line.number);
      child.line = line.number;
      n.map.push_back({key, std::move(child)});
    }
    if (i_ < lines_.size() && lines_[i_].indent > indent) throw Failure(lines_[i_].number, "unexpected indentation");
    return n;
  }

  // The value of "key:" or "-" on the line before: a deeper block, a sequence at the same
  // indentation (YAML allows "key:\n- item"), or null.
  YamlNode nested(std::size_t indent, std::uint32_t line, bool after_key) {
    if (i_ < lines_.size()) {
      const Line& next = lines_[i_];
      if (next.indent > indent) return block(next.indent);
      if (after_key && next.indent == indent && (next.text == "-" || next.text.starts_with("- "))) {
        return sequence(indent);
      }
    }
    return YamlNode{YamlNode::Kind::Null, {}, line, {}, {}};
  }

  std::vector<Line> lines_;
  std::size_t i_ = 0;
};

}  // namespace

YamlResult parse_yaml(std::string_view text) {
  try {
    return {Reader(split_lines(text)).document(), std::nullopt};
  } catch (const Failure& f) {
    return {std::nullopt, YamlError{f.line, f.what()}};
  }
}

}  // namespace akslint::config
