#include "SuppressionText.h"

#include <algorithm>

namespace akslint::suppression {

namespace {

struct Syntax {
  bool hash = false;          // `#` comments
  bool hash_after_space = false;  // YAML: `#` starts a comment only at line start or after a blank
  bool slashes = false;       // `//` and `/* */`
  bool single_quotes = false; // '...' strings
  bool doubled_quote_escape = false;  // YAML: '' inside '...'
  bool bicep_directives = false;      // `#disable-next-line` at line start
};

Syntax syntax_of(FileFormat format) {
  switch (format) {
    case FileFormat::Terraform:
    case FileFormat::TerraformVars: return {.hash = true, .slashes = true};
    case FileFormat::KubernetesYaml:
      return {.hash = true, .hash_after_space = true, .single_quotes = true, .doubled_quote_escape = true};
    case FileFormat::Bicep:
    case FileFormat::BicepParameters:
      return {.slashes = true, .single_quotes = true, .bicep_directives = true};
    case FileFormat::ArmTemplate:
    case FileFormat::ArmParameters: return {.slashes = true};
    default: return {};
  }
}

class Scanner {
 public:
  Scanner(std::string_view text, Syntax syntax) : text_(text), syntax_(syntax) {}

  std::vector<Comment> run() {
    while (i_ < text_.size()) step();
    return std::move(out_);
  }

 private:
  [[nodiscard]] char at(std::size_t k) const { return k < text_.size() ? text_[k] : '\0'; }
  [[nodiscard]] bool only_blanks_before(std::size_t k) const {
    for (std::size_t j = k; j > 0 && text_[j - 1] != '\n'; --j) {
      if (text_[j - 1] != ' ' && text_[j - 1] != '\t') return false;
    }
    return true;
  }

  void step() {
    const char c = text_[i_];
    if (c == '"') return skip_string('"', false);
    if (c == '\'' && syntax_.single_quotes) {
      if (syntax_.bicep_directives && text_.substr(i_, 3) == "'''") return skip_until("'''", i_ + 3);
      return skip_string('\'', syntax_.doubled_quote_escape);
    }
    if (c == '#' && syntax_.bicep_directives && only_blanks_before(i_)) return line_comment(1, true);
    if (c == '#' && syntax_.hash) {
      const bool starts = !syntax_.hash_after_space || i_ == 0 || at(i_ - 1) == ' ' || at(i_ - 1) == '\t' ||
                          at(i_ - 1) == '\n';
      if (starts) return line_comment(1, false);
    }
    if (c == '/' && syntax_.slashes && at(i_ + 1) == '/') return line_comment(2, false);
    if (c == '/' && syntax_.slashes && at(i_ + 1) == '*') return block_comment();
    ++i_;
  }

  void skip_string(char quote, bool doubled_escape) {
    for (++i_; i_ < text_.size(); ++i_) {
      const char c = text_[i_];
      if (c == '\n' && quote == '"') break;  // an unterminated string ends at the line
      if (c == '\\' && !doubled_escape) {
        ++i_;
      } else if (c == quote) {
        if (doubled_escape && at(i_ + 1) == quote) {
          ++i_;
          continue;
        }
        ++i_;
        return;
      }
    }
  }

  void skip_until(std::string_view end, std::size_t from) {
    const auto found = text_.find(end, from);
    i_ = found == std::string_view::npos ? text_.size() : found + end.size();
  }

  void line_comment(std::size_t marker, bool directive) {
    const std::size_t begin = i_;
    auto end = text_.find('\n', i_);
    if (end == std::string_view::npos) end = text_.size();
    push(begin, end, text_.substr(begin + marker, end - begin - marker), directive);
    i_ = end;
  }

  void block_comment() {
    const std::size_t begin = i_;
    auto close = text_.find("*/", i_ + 2);
    const std::size_t end = close == std::string_view::npos ? text_.size() : close + 2;
    const std::size_t body_end = close == std::string_view::npos ? text_.size() : close;
    push(begin, end, text_.substr(begin + 2, body_end - begin - 2), false);
    i_ = end;
  }

  void push(std::size_t begin, std::size_t end, std::string_view body, bool directive) {
    out_.push_back({body, static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end),
                    only_blanks_before(begin), directive});
  }

  std::string_view text_;
  Syntax syntax_;
  std::size_t i_ = 0;
  std::vector<Comment> out_;
};

}  // namespace

bool has_comments(FileFormat format) {
  const Syntax syntax = syntax_of(format);
  return syntax.hash || syntax.slashes || syntax.bicep_directives;
}

bool has_directives(FileFormat format) { return syntax_of(format).bicep_directives; }

std::vector<Comment> scan_comments(std::string_view text, FileFormat format) {
  if (!has_comments(format)) return {};
  return Scanner(text, syntax_of(format)).run();
}

}  // namespace akslint::suppression
