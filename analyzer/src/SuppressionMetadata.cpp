// `"metadata": {"akslint-ignore": {"AKS101": "reason"}}` on a JSON resource: the way to
// suppress in JSON that has no comments. A small reader of its own, because only the byte
// offsets of a few objects matter here and the analyzer does not depend on the parsers.
#include "SuppressionText.h"

#include <akslint/model/TextSearch.h>

#include <fmt/format.h>

namespace akslint::suppression {

namespace {

constexpr int kMaxDepth = 256;

class MetadataReader {
 public:
  MetadataReader(std::string_view text, FileId file) : text_(text), file_(file) {}

  std::vector<Suppression> run() {
    skip_blanks();
    value(0, {});
    return std::move(out_);
  }

 private:
  // The object a member sits in, and the key that led to it: enough to recognise
  // resource -> "metadata" -> "akslint-ignore".
  struct Parent {
    std::uint32_t object_begin = 0;
    std::string_view key;
    const Parent* outer = nullptr;
  };

  [[nodiscard]] char peek() const { return i_ < text_.size() ? text_[i_] : '\0'; }

  void skip_blanks() {
    while (i_ < text_.size()) {
      const char c = text_[i_];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        ++i_;
      } else if (c == '/' && i_ + 1 < text_.size() && text_[i_ + 1] == '/') {
        const auto end = text_.find('\n', i_);
        i_ = end == std::string_view::npos ? text_.size() : end;
      } else if (c == '/' && i_ + 1 < text_.size() && text_[i_ + 1] == '*') {
        const auto end = text_.find("*/", i_ + 2);
        i_ = end == std::string_view::npos ? text_.size() : end + 2;
      } else {
        return;
      }
    }
  }

  // Returns the raw contents between the quotes (escapes left as written).
  std::string_view string() {
    const std::size_t begin = ++i_;
    while (i_ < text_.size() && text_[i_] != '"') i_ += text_[i_] == '\\' ? 2u : 1u;
    const std::string_view s = text_.substr(begin, std::min(i_, text_.size()) - begin);
    ++i_;
    return s;
  }

  void value(int depth, const Parent* parent) {
    if (depth > kMaxDepth || i_ >= text_.size()) {
      i_ = text_.size();
      return;
    }
    const char c = peek();
    if (c == '{') return object(depth, parent);
    if (c == '[') return array(depth, parent);
    if (c == '"') {
      string();
      return;
    }
    while (i_ < text_.size() && std::string_view(",}] \t\r\n").find(text_[i_]) == std::string_view::npos) ++i_;
  }

  void array(int depth, const Parent* parent) {
    ++i_;
    for (skip_blanks(); i_ < text_.size() && peek() != ']'; skip_blanks()) {
      if (peek() == ',') {
        ++i_;
        continue;
      }
      const std::size_t before = i_;
      value(depth + 1, parent);
      if (i_ == before) ++i_;  // not JSON: move on rather than loop
    }
    ++i_;
  }

  void object(int depth, const Parent* parent) {
    const auto begin = static_cast<std::uint32_t>(i_);
    ++i_;
    for (skip_blanks(); i_ < text_.size() && peek() != '}'; skip_blanks()) {
      if (peek() != '"') {
        ++i_;  // a comma, or something that is not JSON
        continue;
      }
      const auto key_begin = static_cast<std::uint32_t>(i_);
      const std::string_view key = string();
      const auto key_end = static_cast<std::uint32_t>(i_);
      skip_blanks();
      if (peek() != ':') continue;
      ++i_;
      skip_blanks();
      if (peek() == '"' && parent != nullptr && parent->key == "akslint-ignore" && parent->outer != nullptr &&
          parent->outer->key == "metadata") {
        add(key, key_begin, key_end, parent->outer->object_begin);
        continue;
      }
      const Parent here{begin, key, parent};
      value(depth + 1, &here);
    }
    ++i_;
  }

  // `rule` is a member of akslint-ignore, inside metadata, inside the resource at `resource_begin`.
  void add(std::string_view rule, std::uint32_t key_begin, std::uint32_t key_end, std::uint32_t resource_begin) {
    const std::string_view reason = string();
    Suppression s;
    s.scope = SuppressionScope::Resource;
    s.rules.emplace_back(rule);
    s.reason = std::string(reason);
    s.text = fmt::format("\"akslint-ignore\": {{\"{}\": \"{}\"}}", rule, reason);
    s.span = {file_, key_begin, std::max(key_end, static_cast<std::uint32_t>(i_))};
    s.resource_begin_byte = resource_begin;
    out_.push_back(std::move(s));
  }

  std::string_view text_;
  FileId file_;
  std::size_t i_ = 0;
  std::vector<Suppression> out_;
};

}  // namespace

std::vector<Suppression> metadata_suppressions(std::string_view text, FileId file) {
  if (!contains_text(text, "\"akslint-ignore\"")) return {};
  return MetadataReader(text, file).run();
}

}  // namespace akslint::suppression
