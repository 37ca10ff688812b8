#include "terraform/Evaluator.h"

#include "terraform/Functions.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <utility>

namespace akslint::terraform {

namespace {

std::string_view kind_of(TSNode n) { return ts::type(n); }
TSNode child(TSNode n, uint32_t i) { return ts_node_child(n, i); }
TSNode named(TSNode n, uint32_t i) { return ts_node_named_child(n, i); }

Value unknown(std::string text, SourceSpan span) { return Value::unknown(std::move(text), span); }

Value resolved(Value v, SourceSpan span) {
  v.set_span(span);
  v.set_provenance(Provenance::Resolved);
  return v;
}

SourceSpan range_span(const ts::Document& doc, TSNode parent, uint32_t begin, uint32_t end) {
  SourceSpan s = doc.span(child(parent, begin));
  const SourceSpan last = doc.span(child(parent, end - 1));
  s.end_byte = last.end_byte;
  s.end = last.end;
  return s;
}

std::string range_text(const ts::Document& doc, const SourceSpan& s) {
  return std::string(doc.source().substr(s.begin_byte, s.end_byte - s.begin_byte));
}

std::optional<double> parse_number(std::string_view s) {
  double v = 0;
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size()) return std::nullopt;
  return v;
}

// Iterates a collection as Terraform's for-expressions do: lists by index, maps by key in
// lexical order.
template <class F>
bool for_each_element(const Value& collection, SourceSpan span, F&& f) {
  if (const auto* items = collection.as_array()) {
    for (std::size_t i = 0; i < items->size(); ++i) {
      if (!f(Value::number(static_cast<double>(i), span), (*items)[i])) return false;
    }
    return true;
  }
  for (const auto* m : sorted_members(collection)) {
    if (!f(Value::string(m->key, m->key_span), m->value)) return false;
  }
  return true;
}

void rtrim(std::string& s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) s.pop_back();
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
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

bool has_strip_before(TSNode node, std::string_view before) {
  const uint32_t n = ts_node_child_count(node);
  for (uint32_t i = 0; i < n; ++i) {
    const auto t = kind_of(child(node, i));
    if (t == "strip_marker") return true;
    if (t == before) return false;
  }
  return false;
}

bool has_strip_after(TSNode node) {
  const uint32_t n = ts_node_child_count(node);
  return n >= 2 && kind_of(child(node, n - 2)) == "strip_marker";
}

}  // namespace

// Renders the parts of a template (literals, interpolations, directives) into a string.
class TemplateRenderer {
 public:
  TemplateRenderer(Evaluator& ev, const ts::Document& doc, bool quoted, std::size_t indent, uint32_t content_begin)
      : ev_(ev), doc_(doc), quoted_(quoted), indent_(indent), content_begin_(content_begin) {}

  // Children [begin, end) of `parent`, whose literal text lies in bytes [from, to).
  void sequence(TSNode parent, uint32_t begin, uint32_t end, uint32_t from, uint32_t to) {
    uint32_t pos = from;
    for (uint32_t i = begin; i < end && !stopped(); ++i) {
      const TSNode c = child(parent, i);
      const auto t = kind_of(c);
      if (t != "template_interpolation" && t != "template_directive") continue;
      literal(pos, ts_node_start_byte(c));
      if (t == "template_interpolation") {
        interpolation(c);
      } else {
        directive(named(c, 0));
      }
      pos = ts_node_end_byte(c);
    }
    if (!stopped()) literal(pos, to);
  }

  std::string out;
  bool unknown = false;
  bool failed = false;

 private:
  [[nodiscard]] bool stopped() const { return unknown || failed; }

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

  void interpolation(TSNode node) {
    if (has_strip_before(node, "expression")) rtrim(out);
    strip_next_ = has_strip_after(node);
    TSNode expr{};
    const uint32_t n = ts_node_named_child_count(node);
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
    } else {
      failed = true;
    }
  }

  // The first `expression` child of a directive tag.
  static TSNode tag_expression(TSNode tag) {
    const uint32_t n = ts_node_named_child_count(tag);
    for (uint32_t i = 0; i < n; ++i) {
      if (kind_of(named(tag, i)) == "expression") return named(tag, i);
    }
    return TSNode{};
  }

  static uint32_t index_of(TSNode parent, std::string_view type, uint32_t fallback) {
    const uint32_t n = ts_node_child_count(parent);
    for (uint32_t i = 0; i < n; ++i) {
      if (kind_of(child(parent, i)) == type) return i;
    }
    return fallback;
  }

  void directive(TSNode node) {
    const uint32_t n = ts_node_child_count(node);
    if (n < 2) return;
    const TSNode intro = child(node, 0);
    const TSNode close = child(node, n - 1);
    if (has_strip_before(intro, "expression")) rtrim(out);
    const TSNode expr = tag_expression(intro);
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
        sequence(node, 1, else_at, ts_node_end_byte(intro), ts_node_start_byte(child(node, else_at)));
      } else if (else_at != n - 1) {
        sequence(node, else_at + 1, n - 1, ts_node_end_byte(child(node, else_at)), ts_node_start_byte(close));
      }
    } else {
      for_directive(node, intro, close, expr);
    }
    strip_next_ = has_strip_after(close);
  }

  void for_directive(TSNode node, TSNode intro, TSNode close, TSNode expr) {
    std::vector<std::string> names;
    const uint32_t k = ts_node_named_child_count(intro);
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
    const uint32_t n = ts_node_child_count(node);
    for_each_element(coll, doc_.span(node), [&](const Value& key, const Value& value) {
      const Evaluator::Binding k_bind(ev_, names.front(), names.size() == 2 ? key : value);
      const Evaluator::Binding v_bind(ev_, names.back(), value);
      sequence(node, 1, n - 1, ts_node_end_byte(intro), ts_node_start_byte(close));
      return !stopped();
    });
  }

  Evaluator& ev_;
  const ts::Document& doc_;
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

std::pair<const ts::Document*, TSNode> JsonTemplates::parse(std::string_view text) {
  if (auto it = cache_.find(text); it != cache_.end()) return it->second;
  texts_.push_back(fmt::format("x = <<AKSLINT_EOT\n{}\nAKSLINT_EOT\n", text));
  const ts::Document& doc = docs_.emplace_back(tree_sitter_hcl(), texts_.back(), kNoFile);
  std::pair<const ts::Document*, TSNode> result{&doc, TSNode{}};
  if (!doc.first_syntax_error()) {
    // config_file > body > attribute > expression > template_expr > heredoc_template
    TSNode n = named(named(named(doc.root(), 0), 0), 1);
    n = named(named(n, 0), 0);
    if (!ts::is_null(n) && kind_of(n) == "heredoc_template") result.second = n;
  }
  cache_.emplace(std::string(text), result);
  return result;
}

void EvalSession::report(DiagnosticLevel level, std::string code, std::string message, SourceSpan span) {
  for (const auto& d : diagnostics) {
    if (d.code == code && d.span == span && d.message == message) return;
  }
  diagnostics.push_back({level, std::move(code), std::move(message), span.file, span});
}

Evaluator::Binding::Binding(Evaluator& ev, std::string name, Value value) : ev_(ev) {
  ev_.bindings_.emplace_back(std::move(name), std::move(value));
}

Evaluator::Binding::~Binding() { ev_.bindings_.pop_back(); }

const Value* Evaluator::bound(std::string_view name) const {
  for (auto it = bindings_.rbegin(); it != bindings_.rend(); ++it) {
    if (it->first == name) return &it->second;
  }
  return nullptr;
}

Evaluator::Frame::Frame(Evaluator& ev, bool keep_bindings)
    : ev_(ev),
      bindings_(keep_bindings ? ev.bindings_ : std::exchange(ev.bindings_, {})),
      references_(std::exchange(ev.references_, {})),
      anchor_(std::exchange(ev.anchor_, {})),
      anchor_fixed_(std::exchange(ev.anchor_fixed_, false)) {}

Evaluator::Frame::~Frame() {
  ev_.bindings_ = std::move(bindings_);
  ev_.references_ = std::move(references_);
  ev_.anchor_ = anchor_;
  ev_.anchor_fixed_ = anchor_fixed_;
}

Evaluator::Isolated Evaluator::isolated(const Expr& expr, bool keep_bindings) {
  const Frame frame(*this, keep_bindings);
  Isolated out{eval(expr), {}};
  for (auto& r : references_) out.targets.push_back(std::move(r.target));
  return out;
}

void Evaluator::note_reference(std::string target) {
  for (const auto& r : references_) {
    if (r.target == target && r.span == anchor_) return;
  }
  references_.push_back({std::move(target), anchor_});
}

std::vector<TargetRef> Evaluator::take_references() { return std::exchange(references_, {}); }

Value Evaluator::eval(const Expr& expr) {
  if (expr.json != nullptr) return eval_json(*expr.json);
  if (expr.doc == nullptr) return Value::null();
  return eval_node(*expr.doc, expr.node);
}

Value Evaluator::eval_json(const Value& json) {
  switch (json.kind()) {
    case Value::Kind::Array: {
      Value::Array items;
      for (const Value& item : *json.as_array()) items.push_back(eval_json(item));
      return Value::array(std::move(items), json.span());
    }
    case Value::Kind::Object: {
      Value::Object members;
      for (const auto& m : *json.as_object()) members.push_back({m.key, eval_json(m.value), m.key_span});
      return Value::object(std::move(members), json.span());
    }
    case Value::Kind::String: {
      const std::string_view s = *json.as_string();
      if (s.find("${") == std::string_view::npos && s.find("%{") == std::string_view::npos) return json;
      const auto [doc, node] = session_.templates.parse(s);
      if (ts::is_null(node)) return unknown(std::string(s), json.span());
      const SourceSpan saved_anchor = std::exchange(anchor_, json.span());
      const bool saved_fixed = std::exchange(anchor_fixed_, true);
      Value v = eval_template(*doc, node, true);
      anchor_ = saved_anchor;
      anchor_fixed_ = saved_fixed;
      return v.is_unknown() ? unknown(std::string(s), json.span()) : resolved(std::move(v), json.span());
    }
    default: return json;
  }
}

Value Evaluator::eval_node(const ts::Document& doc, TSNode node) {
  const auto t = kind_of(node);
  if (t == "expression") return eval_sequence(doc, node, 0, ts_node_child_count(node));
  if (t == "conditional") return eval_conditional(doc, node);
  if (t == "literal_value") {
    const TSNode lit = named(node, 0);
    const auto lt = kind_of(lit);
    const SourceSpan span = doc.span(node);
    if (lt == "numeric_lit") {
      if (auto n = parse_number(doc.text(lit))) return Value::number(*n, span);
      return unknown(std::string(doc.text(lit)), span);
    }
    if (lt == "bool_lit") return Value::boolean(doc.text(lit) == "true", span);
    if (lt == "null_lit") return Value::null(span);
    return eval_template(doc, lit, false);
  }
  if (t == "string_lit" || t == "quoted_template" || t == "heredoc_template") return eval_template(doc, node, false);
  if (t == "template_expr" || t == "collection_value") return eval_node(doc, named(node, 0));
  if (t == "tuple" || t == "object") return eval_collection(doc, node);
  if (t == "function_call") return eval_call(doc, node);
  if (t == "for_expr") return eval_for(doc, named(node, 0));
  if (t == "operation") return eval_operation(doc, named(node, 0));
  return unknown(std::string(doc.text(node)), doc.span(node));
}

Value Evaluator::eval_sequence(const ts::Document& doc, TSNode parent, uint32_t begin, uint32_t end) {
  if (begin >= end) return Value::null();
  const TSNode first = child(parent, begin);
  const auto t = kind_of(first);
  if (t == "variable_expr") return eval_traversal(doc, parent, begin, end);
  Value primary;
  uint32_t postfix = begin + 1;
  if (t == "(") {
    primary = eval_node(doc, child(parent, begin + 1));
    postfix = begin + 3;
  } else {
    primary = eval_node(doc, first);
  }
  if (postfix >= end) return primary;
  const SourceSpan span = range_span(doc, parent, begin, end);
  const auto st = steps(doc, parent, postfix, end);
  return apply(std::move(primary), st, false, range_text(doc, span), span);
}

std::vector<Step> Evaluator::steps(const ts::Document& doc, TSNode parent, uint32_t begin, uint32_t end) {
  std::vector<Step> out;
  const auto add = [&](TSNode c) {
    const auto t = kind_of(c);
    if (t == "get_attr") {
      out.push_back({Step::Kind::Attr, std::string(doc.text(named(c, 0))), {}});
    } else if (t == "index") {
      const TSNode inner = named(c, 0);
      if (kind_of(inner) == "new_index") {
        out.push_back({Step::Kind::Index, {}, eval_node(doc, named(inner, 0))});
      } else {
        const auto digits = doc.text(inner).substr(1);
        const auto n = parse_number(digits);
        out.push_back({Step::Kind::Index, {}, n ? Value::number(*n) : Value::unknown(std::string(digits))});
      }
    }
  };
  for (uint32_t i = begin; i < end; ++i) {
    const TSNode c = child(parent, i);
    if (kind_of(c) == "splat") {
      out.push_back({Step::Kind::Splat, {}, {}});
      const TSNode inner = named(c, 0);
      const uint32_t n = ts_node_named_child_count(inner);
      for (uint32_t k = 0; k < n; ++k) add(named(inner, k));
    } else {
      add(c);
    }
  }
  return out;
}

Value Evaluator::eval_traversal(const ts::Document& doc, TSNode parent, uint32_t begin, uint32_t end) {
  const SourceSpan span = range_span(doc, parent, begin, end);
  const std::string text = range_text(doc, span);
  const bool outermost = !anchor_fixed_;
  const SourceSpan saved_anchor = anchor_;
  if (outermost) {
    anchor_ = span;
    anchor_fixed_ = true;
  }
  const std::string root(doc.text(child(parent, begin)));
  const auto st = steps(doc, parent, begin + 1, end);
  Value out;
  if (const Value* b = bound(root)) {
    out = apply(*b, st, false, text, span);
  } else {
    Resolved r = scope_.resolve(root, st, *this);
    out = apply(std::move(r.value), std::span(st).subspan(std::min(r.consumed, st.size())), r.computed, text, span);
  }
  // A value that comes from elsewhere (a variable default, a tfvars file, another resource)
  // is reported where it is used.
  if (!out.is_unknown()) out = resolved(std::move(out), span);
  if (outermost) {
    anchor_ = saved_anchor;
    anchor_fixed_ = false;
  }
  return out;
}

Value Evaluator::apply(Value value, std::span<const Step> steps, bool computed, const std::string& text,
                       SourceSpan span) {
  Value cur = std::move(value);
  for (std::size_t i = 0; i < steps.size(); ++i) {
    if (cur.is_unknown()) return unknown(text, span);
    const Step& step = steps[i];
    if (step.kind == Step::Kind::Splat) {
      Value::Array items;
      const auto rest = steps.subspan(i + 1);
      if (const auto* list = cur.as_array()) {
        for (const Value& item : *list) items.push_back(apply(item, rest, computed, text, span));
      } else if (!cur.is_null()) {
        items.push_back(apply(cur, rest, computed, text, span));
      }
      return resolved(Value::array(std::move(items)), span);
    }
    const Value* next = nullptr;
    if (step.kind == Step::Kind::Attr && cur.is_object()) {
      next = member(cur, step.name);
    } else if (step.kind == Step::Kind::Index) {
      if (step.key.is_unknown()) return unknown(text, span);
      if (const auto* list = cur.as_array()) {
        const auto n = to_number(step.key);
        if (n && *n >= 0 && std::floor(*n) == *n && *n < static_cast<double>(list->size())) {
          next = &(*list)[static_cast<std::size_t>(*n)];
        }
      } else if (cur.is_object()) {
        if (const auto key = to_template_string(step.key)) next = member(cur, *key);
      }
    }
    if (next == nullptr) {
      // A missing attribute of a resource is computed by the provider; anywhere else
      // Terraform rejects the expression.
      if (!computed || !cur.is_object()) fail();
      return unknown(text, span);
    }
    Value copy = *next;
    cur = std::move(copy);
  }
  if (cur.is_unknown()) return unknown(text, span);
  return steps.empty() ? cur : resolved(std::move(cur), span);
}

Value Evaluator::eval_operation(const ts::Document& doc, TSNode node) {
  if (kind_of(node) == "binary_operation") return eval_binary(doc, node);
  const SourceSpan span = doc.span(node);
  const std::string op(kind_of(child(node, 0)));
  const Value v = eval_sequence(doc, node, 1, ts_node_child_count(node));
  if (!v.is_known()) return unknown(std::string(doc.text(node)), span);
  if (op == "-") {
    if (const auto n = to_number(v)) return resolved(Value::number(-*n), span);
  } else if (const auto b = to_bool(v)) {
    return resolved(Value::boolean(!*b), span);
  }
  fail();
  return unknown(std::string(doc.text(node)), span);
}

Value Evaluator::eval_binary(const ts::Document& doc, TSNode node) {
  const uint32_t n = ts_node_child_count(node);
  uint32_t op_at = n;
  for (uint32_t i = 1; i < n; ++i) {
    const TSNode c = child(node, i);
    if (!ts_node_is_named(c) && kind_of(c) != "(" && kind_of(c) != ")") {
      op_at = i;
      break;
    }
  }
  const SourceSpan span = doc.span(node);
  const std::string text(doc.text(node));
  if (op_at >= n) return unknown(text, span);
  const std::string op(kind_of(child(node, op_at)));
  const Value a = eval_sequence(doc, node, 0, op_at);
  const Value b = eval_sequence(doc, node, op_at + 1, n);
  if (!a.is_known() || !b.is_known()) return unknown(text, span);
  if (op == "==" || op == "!=") return resolved(Value::boolean((a == b) == (op == "==")), span);
  if (op == "&&" || op == "||") {
    const auto x = to_bool(a);
    const auto y = to_bool(b);
    if (x && y) return resolved(Value::boolean(op == "&&" ? (*x && *y) : (*x || *y)), span);
    fail();
    return unknown(text, span);
  }
  const auto x = to_number(a);
  const auto y = to_number(b);
  if (!x || !y || ((op == "/" || op == "%") && *y == 0)) {
    fail();
    return unknown(text, span);
  }
  if (op == "+") return resolved(Value::number(*x + *y), span);
  if (op == "-") return resolved(Value::number(*x - *y), span);
  if (op == "*") return resolved(Value::number(*x * *y), span);
  if (op == "/") return resolved(Value::number(*x / *y), span);
  if (op == "%") return resolved(Value::number(std::fmod(*x, *y)), span);
  if (op == "<") return resolved(Value::boolean(*x < *y), span);
  if (op == "<=") return resolved(Value::boolean(*x <= *y), span);
  if (op == ">") return resolved(Value::boolean(*x > *y), span);
  if (op == ">=") return resolved(Value::boolean(*x >= *y), span);
  return unknown(text, span);
}

Value Evaluator::eval_conditional(const ts::Document& doc, TSNode node) {
  std::vector<TSNode> parts;  // condition, then, else; comments may sit between them
  const uint32_t n = ts_node_named_child_count(node);
  for (uint32_t i = 0; i < n; ++i) {
    if (kind_of(named(node, i)) == "expression") parts.push_back(named(node, i));
  }
  if (parts.size() != 3) return unknown(std::string(doc.text(node)), doc.span(node));
  const Value cond = eval_node(doc, parts[0]);
  const SourceSpan span = doc.span(node);
  if (!cond.is_known()) return unknown(std::string(doc.text(node)), span);
  const auto b = to_bool(cond);
  if (!b) {
    fail();
    return unknown(std::string(doc.text(node)), span);
  }
  Value v = eval_node(doc, parts[*b ? 1 : 2]);
  if (v.is_unknown()) return unknown(std::string(doc.text(node)), span);
  v.set_provenance(Provenance::Resolved);
  return v;
}

Value Evaluator::eval_collection(const ts::Document& doc, TSNode node) {
  const SourceSpan span = doc.span(node);
  const uint32_t n = ts_node_named_child_count(node);
  if (kind_of(node) == "tuple") {
    Value::Array items;
    for (uint32_t i = 0; i < n; ++i) {
      const TSNode c = named(node, i);
      if (kind_of(c) == "expression") items.push_back(eval_node(doc, c));
    }
    return Value::array(std::move(items), span);
  }
  Value::Object members;
  for (uint32_t i = 0; i < n; ++i) {
    const TSNode elem = named(node, i);
    if (kind_of(elem) != "object_elem") continue;
    const TSNode key_node = ts::field(elem, "key");
    const TSNode val_node = ts::field(elem, "val");
    // A bare identifier as a key is the key's name, not a variable.
    std::optional<std::string> key;
    if (ts_node_child_count(key_node) == 1 && kind_of(child(key_node, 0)) == "variable_expr") {
      key = std::string(doc.text(key_node));
    } else {
      const Value k = eval_node(doc, key_node);
      if (k.is_unknown()) return unknown(std::string(doc.text(node)), span);
      key = to_template_string(k);
      if (!key) {
        fail();
        return unknown(std::string(doc.text(node)), span);
      }
    }
    Value v = eval_node(doc, val_node);
    auto existing = std::find_if(members.begin(), members.end(), [&](const auto& m) { return m.key == *key; });
    if (existing != members.end()) {
      existing->value = std::move(v);
    } else {
      members.push_back({std::move(*key), std::move(v), doc.span(key_node)});
    }
  }
  return Value::object(std::move(members), span);
}

Value Evaluator::eval_for(const ts::Document& doc, TSNode node) {
  const SourceSpan span = doc.span(node);
  const std::string text(doc.text(node));
  std::vector<std::string> names;
  TSNode coll_node{};
  TSNode cond{};
  std::vector<TSNode> bodies;
  bool grouping = false;
  const uint32_t n = ts_node_named_child_count(node);
  for (uint32_t i = 0; i < n; ++i) {
    const TSNode c = named(node, i);
    const auto t = kind_of(c);
    if (t == "for_intro") {
      const uint32_t k = ts_node_named_child_count(c);
      for (uint32_t j = 0; j < k; ++j) {
        const TSNode part = named(c, j);
        if (kind_of(part) == "identifier") names.emplace_back(doc.text(part));
        if (kind_of(part) == "expression") coll_node = part;
      }
    } else if (t == "expression") {
      bodies.push_back(c);
    } else if (t == "for_cond") {
      cond = named(c, 0);
    } else if (t == "ellipsis") {
      grouping = true;
    }
  }
  const bool object = kind_of(node) == "for_object_expr";
  if (names.empty() || ts::is_null(coll_node) || bodies.size() != (object ? 2u : 1u)) return unknown(text, span);
  const Value coll = eval_node(doc, coll_node);
  if (coll.is_unknown()) return unknown(text, span);
  if (!coll.is_array() && !coll.is_object()) {
    fail();
    return unknown(text, span);
  }
  Value::Array items;
  Value::Object members;
  bool unknown_result = false;
  for_each_element(coll, span, [&](const Value& key, const Value& value) {
    const Binding k_bind(*this, names.front(), names.size() == 2 ? key : value);
    const Binding v_bind(*this, names.back(), value);
    if (!ts::is_null(cond)) {
      const Value c = eval_node(doc, cond);
      const auto keep = c.is_known() ? to_bool(c) : std::nullopt;
      if (!keep) {
        unknown_result = true;
        return false;
      }
      if (!*keep) return true;
    }
    if (!object) {
      items.push_back(eval_node(doc, bodies[0]));
      return true;
    }
    const Value k = eval_node(doc, bodies[0]);
    const auto ks = k.is_known() ? to_template_string(k) : std::nullopt;
    if (!ks) {
      unknown_result = true;
      return false;
    }
    Value v = eval_node(doc, bodies[1]);
    auto it = std::find_if(members.begin(), members.end(), [&](const auto& m) { return m.key == *ks; });
    if (grouping) {
      if (it == members.end()) {
        members.push_back({*ks, Value::array({}, k.span()), k.span()});
        it = members.end() - 1;
      }
      it->value.as_array()->push_back(std::move(v));
    } else if (it != members.end()) {
      fail();
      unknown_result = true;
      return false;
    } else {
      members.push_back({*ks, std::move(v), k.span()});
    }
    return true;
  });
  if (unknown_result) return unknown(text, span);
  return object ? resolved(Value::object(std::move(members)), span) : resolved(Value::array(std::move(items)), span);
}

Value Evaluator::eval_call(const ts::Document& doc, TSNode node) {
  const SourceSpan span = doc.span(node);
  const std::string text(doc.text(node));
  const std::string name(doc.text(named(node, 0)));
  std::vector<TSNode> arg_nodes;
  bool expand = false;
  const uint32_t n = ts_node_named_child_count(node);
  for (uint32_t i = 1; i < n; ++i) {
    const TSNode args = named(node, i);
    if (kind_of(args) != "function_arguments") continue;
    const uint32_t k = ts_node_named_child_count(args);
    for (uint32_t j = 0; j < k; ++j) {
      const TSNode a = named(args, j);
      if (kind_of(a) == "expression") arg_nodes.push_back(a);
      if (kind_of(a) == "ellipsis") expand = true;
    }
  }
  if (name == "try" || name == "can") {
    for (const TSNode a : arg_nodes) {
      const std::size_t before = errors_;
      Value v = eval_node(doc, a);
      const bool failed = errors_ > before;
      errors_ = before;
      if (name == "can") {
        if (failed) return resolved(Value::boolean(false), span);
        return v.is_known() ? resolved(Value::boolean(true), span) : unknown(text, span);
      }
      if (!failed) return v.is_unknown() ? unknown(text, span) : resolved(std::move(v), span);
    }
    fail();
    return unknown(text, span);
  }
  const FunctionKind kind = function_kind(name);
  std::vector<Value> args;
  for (const TSNode a : arg_nodes) args.push_back(eval_node(doc, a));
  if (kind == FunctionKind::Unknown) {
    session_.report(DiagnosticLevel::Warning, "unknown-function",
                    fmt::format("function `{}` is not known to akslint; its result is unknown", name), span);
    return unknown(text, span);
  }
  if (kind == FunctionKind::NotEvaluated) return unknown(text, span);
  if (expand && !args.empty()) {
    Value last = std::move(args.back());
    args.pop_back();
    const auto* items = last.as_array();
    if (items == nullptr) return unknown(text, span);
    args.insert(args.end(), items->begin(), items->end());
  }
  const auto result = call_function(name, args);
  if (!result) return unknown(text, span);
  if (result->error) {
    fail();
    return unknown(text, span);
  }
  return resolved(result->value, span);
}

Value Evaluator::eval_template(const ts::Document& doc, TSNode node, bool json_string) {
  const SourceSpan span = doc.span(node);
  const uint32_t n = ts_node_child_count(node);
  if (n < 2) return Value::string("", span);
  const std::string_view src = doc.source();
  const bool heredoc = kind_of(node) == "heredoc_template";
  uint32_t from = ts_node_end_byte(child(node, heredoc ? 1 : 0));
  const TSNode close = child(node, n - 1);
  uint32_t to = ts_node_start_byte(close);
  std::size_t indent = 0;
  if (heredoc) {
    const auto eol = src.find('\n', from);
    from = eol == std::string_view::npos ? to : static_cast<uint32_t>(eol + 1);
    to -= ts_node_start_point(close).column;  // the closing marker's line is not content
    if (to < from) to = from;
    if (json_string && to > from && src[to - 1] == '\n') --to;
    if (doc.text(child(node, 0)) == "<<-") indent = common_indent(src.substr(from, to - from));
  }
  const uint32_t first = heredoc ? 2 : 1;
  // A template that is one interpolation and nothing else yields the value itself, not
  // its string form.
  std::vector<TSNode> parts;
  for (uint32_t i = first; i < n - 1; ++i) {
    const auto t = kind_of(child(node, i));
    if (t == "template_interpolation" || t == "template_directive") parts.push_back(child(node, i));
  }
  if (parts.size() == 1 && kind_of(parts[0]) == "template_interpolation" && ts_node_start_byte(parts[0]) == from &&
      ts_node_end_byte(parts[0]) == to && !has_strip_before(parts[0], "expression") && !has_strip_after(parts[0])) {
    const TSNode expr = named(parts[0], 1);
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
  return v;
}

}  // namespace akslint::terraform
