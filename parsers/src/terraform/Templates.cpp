// String templates and heredocs: literal text with escapes, interpolations, `%{if}` and
// `%{for}` directives, strip markers, and `<<-` indentation.
#include "terraform/Evaluator.h"

#include "Budget.h"
#include <akslint/model/Utf8.h>

#include "terraform/EvalHelpers.h"
#include "terraform/Functions.h"
#include "terraform/HclParser.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

namespace akslint::terraform {

using namespace detail;

namespace {

void rtrim(std::string& s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) s.pop_back();
}

// Template literal text: `$${` and `%%{` escape the template markers; quoted templates
// also take backslash escapes, heredocs do not.
std::string unescape(std::string_view raw, bool backslashes) {
  std::string out;
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if ((c == '$' || c == '%') && i + 2 < raw.size() && raw[i + 1] == c && raw[i + 2] == '{') {
      out += c;
      out += '{';
      i += 2;
      continue;
    }
    if (!backslashes || c != '\\' || i + 1 >= raw.size()) {
      out += c;
      continue;
    }
    const char e = raw[++i];
    switch (e) {
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case '"': out += '"'; break;
      case '\\': out += '\\'; break;
      case 'u':
      case 'U': {
        const std::size_t len = e == 'u' ? 4 : 8;
        std::uint32_t cp = 0;
        const auto digits = raw.substr(i + 1, len);
        const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), cp, 16);
        if (digits.size() == len && ec == std::errc() && ptr == digits.data() + len) {
          append_utf8(out, cp);
          i += len;
        } else {
          out += '\\';
          out += e;
        }
        break;
      }
      default:
        out += '\\';
        out += e;
    }
  }
  return out;
}

// The indentation `<<-` removes: the least of all non-blank lines.
std::size_t common_indent(std::string_view content) {
  std::size_t least = std::string_view::npos;
  std::size_t pos = 0;
  while (pos < content.size()) {
    const auto eol = std::min(content.find('\n', pos), content.size());
    const auto line = content.substr(pos, eol - pos);
    const auto first = line.find_first_not_of(" \t\r");
    if (first != std::string_view::npos) least = std::min(least, first);
    pos = eol + 1;
  }
  return least == std::string_view::npos ? 0 : least;
}

bool has_strip_before(ts::Node node, std::string_view before) {
  const uint32_t n = ts::child_count(node);
  for (uint32_t i = 0; i < n; ++i) {
    const auto t = kind_of(child(node, i));
    if (t == "strip_marker") return true;
    if (t == before) return false;
  }
  return false;
}

bool has_strip_after(ts::Node node) {
  const uint32_t n = ts::child_count(node);
  return n >= 2 && kind_of(child(node, n - 2)) == "strip_marker";
}

}  // namespace

// Renders the parts of a template (literals, interpolations, directives) into a string.
class TemplateRenderer {
 public:
  TemplateRenderer(Evaluator& ev, const ts::SyntaxTree& doc, bool quoted, std::size_t indent, uint32_t content_begin)
      : ev_(ev), doc_(doc), quoted_(quoted), indent_(indent), content_begin_(content_begin) {}

  // Children [begin, end) of `parent`, whose literal text lies in bytes [from, to).
  void sequence(ts::Node parent, uint32_t begin, uint32_t end, uint32_t from, uint32_t to) {
    uint32_t pos = from;
    for (uint32_t i = begin; i < end && !stopped(); ++i) {
      const ts::Node c = child(parent, i);
      const auto t = kind_of(c);
      if (t != "template_interpolation" && t != "template_directive") continue;
      literal(pos, ts::start_byte(c));
      if (t == "template_interpolation") {
        interpolation(c);
      } else {
        directive(named(c, 0));
      }
      pos = ts::end_byte(c);
    }
    if (!stopped()) literal(pos, to);
  }

  std::string out;
  bool unknown = false;
  bool failed = false;
  bool oversized = false;  // past the string limit: rendering stops there

 private:
  [[nodiscard]] bool stopped() const { return unknown || failed || oversized; }

  void literal(uint32_t from, uint32_t to) {
    if (to <= from) return;
    std::string raw;
    const std::string_view src = doc_.source();
    for (uint32_t p = from; p < to; ++p) {
      const bool line_start = p == content_begin_ || src[p - 1] == '\n';
      if (line_start && indent_ > 0) {
        std::size_t skipped = 0;
        while (skipped < indent_ && p < to && (src[p] == ' ' || src[p] == '\t')) {
          ++p;
          ++skipped;
        }
        if (p >= to) break;
      }
      raw += src[p];
    }
    std::string text = unescape(raw, quoted_);
    if (strip_next_) {
      text.erase(0, text.find_first_not_of(" \t\r\n") == std::string::npos ? text.size()
                                                                             : text.find_first_not_of(" \t\r\n"));
      strip_next_ = false;
    }
    out += text;
  }

  void interpolation(ts::Node node) {
    if (has_strip_before(node, "expression")) rtrim(out);
    strip_next_ = has_strip_after(node);
    ts::Node expr{};
    const uint32_t n = ts::named_child_count(node);
    for (uint32_t i = 0; i < n; ++i) {
      if (kind_of(named(node, i)) == "expression") expr = named(node, i);
    }
    if (ts::is_null(expr)) return;
    append(ev_.eval(Expr{&doc_, expr, nullptr}));
  }

  void append(const Value& v) {
    if (!v.is_known()) {
      unknown = true;
      return;
    }
    if (auto s = to_template_string(v)) {
      out += *s;
      oversized = out.size() > budget::string_limit();
    } else {
      failed = true;
    }
  }

  // The first `expression` child of a directive tag.
  static ts::Node tag_expression(ts::Node tag) {
    const uint32_t n = ts::named_child_count(tag);
    for (uint32_t i = 0; i < n; ++i) {
      if (kind_of(named(tag, i)) == "expression") return named(tag, i);
    }
    return ts::Node{};
  }

  static uint32_t index_of(ts::Node parent, std::string_view type, uint32_t fallback) {
    const uint32_t n = ts::child_count(parent);
    for (uint32_t i = 0; i < n; ++i) {
      if (kind_of(child(parent, i)) == type) return i;
    }
    return fallback;
  }

  // `%{~ ...`: the tag strips the whitespace before it.
  static bool strip_left(ts::Node tag) { return ts::child_count(tag) > 1 && kind_of(child(tag, 1)) == "strip_marker"; }

  // Renders the template between two directive tags, honouring their inner strip markers.
  void branch(ts::Node node, uint32_t begin, uint32_t end, ts::Node open, ts::Node close) {
    strip_next_ = has_strip_after(open);
    sequence(node, begin, end, ts::end_byte(open), ts::start_byte(close));
    if (!stopped() && strip_left(close)) rtrim(out);
  }

  void directive(ts::Node node) {
    const uint32_t n = ts::child_count(node);
    if (n < 2) return;
    const ts::Node intro = child(node, 0);
    const ts::Node close = child(node, n - 1);
    if (strip_left(intro)) rtrim(out);
    const ts::Node expr = tag_expression(intro);
    if (ts::is_null(expr)) return;
    if (kind_of(node) == "template_if") {
      const Value cond = ev_.eval(Expr{&doc_, expr, nullptr});
      if (!cond.is_known()) {
        unknown = true;
        return;
      }
      const auto b = to_bool(cond);
      if (!b) {
        failed = true;
        return;
      }
      const uint32_t else_at = index_of(node, "template_else_intro", n - 1);
      if (*b) {
        branch(node, 1, else_at, intro, child(node, else_at));
      } else if (else_at != n - 1) {
        branch(node, else_at + 1, n - 1, child(node, else_at), close);
      }
    } else {
      for_directive(node, intro, close, expr);
    }
    strip_next_ = has_strip_after(close);
  }

  void for_directive(ts::Node node, ts::Node intro, ts::Node close, ts::Node expr) {
    std::vector<std::string> names;
    const uint32_t k = ts::named_child_count(intro);
    for (uint32_t i = 0; i < k; ++i) {
      if (kind_of(named(intro, i)) == "identifier") names.emplace_back(doc_.text(named(intro, i)));
    }
    const Value coll = ev_.eval(Expr{&doc_, expr, nullptr});
    if (coll.is_unknown() || names.empty()) {
      unknown = true;
      return;
    }
    if (!coll.is_array() && !coll.is_object()) {
      failed = true;
      return;
    }
    const uint32_t n = ts::child_count(node);
    for (const auto& [key, value] : elements(coll)) {
      const Evaluator::Binding k_bind(ev_, names.front(), names.size() == 2 ? key : value);
      const Evaluator::Binding v_bind(ev_, names.back(), value);
      branch(node, 1, n - 1, intro, close);
      if (stopped()) break;
    }
  }

  Evaluator& ev_;
  const ts::SyntaxTree& doc_;
  bool quoted_;
  std::size_t indent_;
  uint32_t content_begin_;
  bool strip_next_ = false;
};

std::optional<std::string> to_template_string(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::String: return std::string(*v.as_string());
    case Value::Kind::Bool: return std::string(*v.as_bool() ? "true" : "false");
    case Value::Kind::Number: {
      const double n = *v.as_number();
      if (std::floor(n) == n && std::fabs(n) < 1e15) return fmt::format("{}", static_cast<long long>(n));
      return fmt::format("{}", n);
    }
    default: return std::nullopt;
  }
}

std::pair<const ts::SyntaxTree*, ts::Node> JsonTemplates::parse(std::string_view text) {
  if (auto it = cache_.find(text); it != cache_.end()) return it->second;
  texts_.push_back(fmt::format("x = <<AKSLINT_EOT\n{}\nAKSLINT_EOT\n", text));
  std::optional<Diagnostic> error;
  auto tree = read_hcl(texts_.back(), kNoFile, error);
  std::pair<const ts::SyntaxTree*, ts::Node> result{nullptr, ts::Node{}};
  if (tree != nullptr) {
    const ts::SyntaxTree& doc = trees_.emplace_back(std::move(*tree));
    result.first = &doc;
    // config_file > body > attribute > expression > template_expr > heredoc_template
    ts::Node n = named(named(named(doc.root(), 0), 0), 1);
    n = named(named(n, 0), 0);
    if (!ts::is_null(n) && kind_of(n) == "heredoc_template") result.second = n;
  }
  cache_.emplace(std::string(text), result);
  return result;
}

Value Evaluator::eval_template(const ts::SyntaxTree& doc, ts::Node node, bool json_string) {
  const SourceSpan span = doc.span(node);
  const uint32_t n = ts::child_count(node);
  if (n < 2) return Value::string("", span);
  const std::string_view src = doc.source();
  const bool heredoc = kind_of(node) == "heredoc_template";
  uint32_t from = ts::end_byte(child(node, heredoc ? 1 : 0));
  const ts::Node close = child(node, n - 1);
  uint32_t to = ts::start_byte(close);
  std::size_t indent = 0;
  if (heredoc) {
    const auto eol = src.find('\n', from);
    from = eol == std::string_view::npos ? to : static_cast<uint32_t>(eol + 1);
    to = static_cast<uint32_t>(src.rfind('\n', to - 1) + 1);  // the closing marker's line is not content
    if (to < from) to = from;
    if (json_string && to > from && src[to - 1] == '\n') --to;
    if (doc.text(child(node, 0)) == "<<-") indent = common_indent(src.substr(from, to - from));
  }
  const uint32_t first = heredoc ? 2 : 1;
  // A template that is one interpolation and nothing else yields the value itself, not
  // its string form.
  std::vector<ts::Node> parts;
  for (uint32_t i = first; i < n - 1; ++i) {
    const auto t = kind_of(child(node, i));
    if (t == "template_interpolation" || t == "template_directive") parts.push_back(child(node, i));
  }
  if (parts.size() == 1 && kind_of(parts[0]) == "template_interpolation" && ts::start_byte(parts[0]) == from &&
      ts::end_byte(parts[0]) == to && !has_strip_before(parts[0], "expression") && !has_strip_after(parts[0])) {
    const ts::Node expr = named(parts[0], 1);
    if (!ts::is_null(expr) && kind_of(expr) == "expression") {
      Value v = eval_node(doc, expr);
      return v.is_unknown() ? v : resolved(std::move(v), span);
    }
  }
  TemplateRenderer r(*this, doc, !heredoc, indent, from);
  r.sequence(node, first, n - 1, from, to);
  const std::string text = json_string ? std::string(src.substr(from, to - from)) : std::string(doc.text(node));
  if (r.failed) {
    fail();
    return unknown(text, span);
  }
  if (r.unknown) return unknown(text, span);
  Value v = Value::string(std::move(r.out), span);
  if (!parts.empty()) v.set_provenance(Provenance::Resolved);
  return budget::bounded(std::move(v), span);
}

}  // namespace akslint::terraform
