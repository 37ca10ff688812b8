#include "terraform/Evaluator.h"

#include "Budget.h"
#include "terraform/EvalHelpers.h"
#include "terraform/Functions.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <utility>

namespace akslint::terraform {

namespace {

using namespace detail;

SourceSpan range_span(const ts::SyntaxTree& doc, ts::Node parent, uint32_t begin, uint32_t end) {
  SourceSpan s = doc.span(child(parent, begin));
  const SourceSpan last = doc.span(child(parent, end - 1));
  s.end_byte = last.end_byte;
  return s;
}

std::string range_text(const ts::SyntaxTree& doc, const SourceSpan& s) {
  return std::string(doc.source().substr(s.begin_byte, s.end_byte - s.begin_byte));
}

std::optional<double> parse_number(std::string_view s) {
  double v = 0;
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size()) return std::nullopt;
  return v;
}

}  // namespace

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

Value Evaluator::eval_node(const ts::SyntaxTree& doc, ts::Node node) {
  const auto t = kind_of(node);
  if (t == "expression") return eval_sequence(doc, node, 0, ts::child_count(node));
  if (t == "conditional") return eval_conditional(doc, node);
  if (t == "literal_value") {
    const ts::Node lit = named(node, 0);
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

Value Evaluator::eval_sequence(const ts::SyntaxTree& doc, ts::Node parent, uint32_t begin, uint32_t end) {
  if (begin >= end) return Value::null();
  const ts::Node first = child(parent, begin);
  const auto t = kind_of(first);
  if (t == "variable_expr") return eval_traversal(doc, parent, begin, end);
  const bool parenthesized = t == "(";
  Value primary = eval_node(doc, parenthesized ? child(parent, begin + 1) : first);
  const uint32_t postfix = begin + (parenthesized ? 3 : 1);
  if (postfix >= end) return primary;
  const SourceSpan span = range_span(doc, parent, begin, end);
  const auto st = steps(doc, parent, postfix, end);
  return apply(std::move(primary), st, false, range_text(doc, span), span);
}

std::vector<Step> Evaluator::steps(const ts::SyntaxTree& doc, ts::Node parent, uint32_t begin, uint32_t end) {
  std::vector<Step> out;
  const auto add = [&](ts::Node c) {
    const auto t = kind_of(c);
    if (t == "get_attr") {
      out.push_back({Step::Kind::Attr, std::string(doc.text(named(c, 0))), {}});
    } else if (t == "index") {
      const ts::Node inner = named(c, 0);
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
    const ts::Node c = child(parent, i);
    if (kind_of(c) == "splat") {
      out.push_back({Step::Kind::Splat, {}, {}});
      const ts::Node inner = named(c, 0);
      const uint32_t n = ts::named_child_count(inner);
      for (uint32_t k = 0; k < n; ++k) add(named(inner, k));
    } else {
      add(c);
    }
  }
  return out;
}

Value Evaluator::eval_traversal(const ts::SyntaxTree& doc, ts::Node parent, uint32_t begin, uint32_t end) {
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
  Value out = [&] {
    if (const Value* b = bound(root)) return apply(*b, st, false, text, span);
    Resolved r = scope_.resolve(root, st, *this);
    return apply(std::move(r.value), std::span(st).subspan(std::min(r.consumed, st.size())), r.computed, text, span);
  }();
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

Value Evaluator::eval_operation(const ts::SyntaxTree& doc, ts::Node node) {
  if (kind_of(node) == "binary_operation") return eval_binary(doc, node);
  const SourceSpan span = doc.span(node);
  const std::string op(kind_of(child(node, 0)));
  const Value v = eval_sequence(doc, node, 1, ts::child_count(node));
  if (!v.is_known()) return unknown(std::string(doc.text(node)), span);
  if (op == "-") {
    if (const auto n = to_number(v)) return resolved(Value::number(-*n), span);
  } else if (const auto b = to_bool(v)) {
    return resolved(Value::boolean(!*b), span);
  }
  fail();
  return unknown(std::string(doc.text(node)), span);
}

Value Evaluator::eval_binary(const ts::SyntaxTree& doc, ts::Node node) {
  const uint32_t n = ts::child_count(node);
  uint32_t op_at = n;
  for (uint32_t i = 1; i < n; ++i) {
    const ts::Node c = child(node, i);
    if (!ts::is_named(c) && kind_of(c) != "(" && kind_of(c) != ")") {
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

Value Evaluator::eval_conditional(const ts::SyntaxTree& doc, ts::Node node) {
  std::vector<ts::Node> parts;  // condition, then, else; comments may sit between them
  const uint32_t n = ts::named_child_count(node);
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

Value Evaluator::eval_collection(const ts::SyntaxTree& doc, ts::Node node) {
  const SourceSpan span = doc.span(node);
  const uint32_t n = ts::named_child_count(node);
  if (kind_of(node) == "tuple") {
    Value::Array items;
    for (uint32_t i = 0; i < n; ++i) {
      const ts::Node c = named(node, i);
      if (kind_of(c) == "expression") items.push_back(eval_node(doc, c));
    }
    return Value::array(std::move(items), span);
  }
  Value::Object members;
  for (uint32_t i = 0; i < n; ++i) {
    const ts::Node elem = named(node, i);
    if (kind_of(elem) != "object_elem") continue;
    const ts::Node key_node = ts::field(elem, "key");
    const ts::Node val_node = ts::field(elem, "val");
    // A bare identifier as a key is the key's name, not a variable.
    std::optional<std::string> key;
    if (ts::child_count(key_node) == 1 && kind_of(child(key_node, 0)) == "variable_expr") {
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

Value Evaluator::eval_for(const ts::SyntaxTree& doc, ts::Node node) {
  const SourceSpan span = doc.span(node);
  const std::string text(doc.text(node));
  std::vector<std::string> names;
  ts::Node coll_node{};
  ts::Node cond{};
  std::vector<ts::Node> bodies;
  bool grouping = false;
  const uint32_t n = ts::named_child_count(node);
  for (uint32_t i = 0; i < n; ++i) {
    const ts::Node c = named(node, i);
    const auto t = kind_of(c);
    if (t == "for_intro") {
      const uint32_t k = ts::named_child_count(c);
      for (uint32_t j = 0; j < k; ++j) {
        const ts::Node part = named(c, j);
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
  for (const auto& [key, value] : elements(coll)) {
    const Binding k_bind(*this, names.front(), names.size() == 2 ? key : value);
    const Binding v_bind(*this, names.back(), value);
    if (!ts::is_null(cond)) {
      const Value c = eval_node(doc, cond);
      const auto keep = c.is_known() ? to_bool(c) : std::nullopt;
      if (!keep) {
        unknown_result = true;
        break;
      }
      if (!*keep) continue;
    }
    if (!object) {
      items.push_back(eval_node(doc, bodies[0]));
      continue;
    }
    const Value k = eval_node(doc, bodies[0]);
    const auto ks = k.is_known() ? to_template_string(k) : std::nullopt;
    if (!ks) {
      unknown_result = true;
      break;
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
      break;
    } else {
      members.push_back({*ks, std::move(v), k.span()});
    }
  }
  if (unknown_result) return unknown(text, span);
  return object ? resolved(Value::object(std::move(members)), span) : resolved(Value::array(std::move(items)), span);
}

Value Evaluator::eval_call(const ts::SyntaxTree& doc, ts::Node node) {
  const SourceSpan span = doc.span(node);
  const std::string text(doc.text(node));
  const std::string name(doc.text(named(node, 0)));
  std::vector<ts::Node> arg_nodes;
  bool expand = false;
  const uint32_t n = ts::named_child_count(node);
  for (uint32_t i = 1; i < n; ++i) {
    const ts::Node args = named(node, i);
    if (kind_of(args) != "function_arguments") continue;
    const uint32_t k = ts::named_child_count(args);
    for (uint32_t j = 0; j < k; ++j) {
      const ts::Node a = named(args, j);
      if (kind_of(a) == "expression") arg_nodes.push_back(a);
      if (kind_of(a) == "ellipsis") expand = true;
    }
  }
  if (name == "try" || name == "can") {
    for (const ts::Node a : arg_nodes) {
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
  for (const ts::Node a : arg_nodes) args.push_back(eval_node(doc, a));
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
  return budget::bounded(resolved(result->value, span), span);
}

}  // namespace akslint::terraform
