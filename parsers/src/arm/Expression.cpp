#include "arm/Expression.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <map>

namespace akslint::arm {

SpanMap::SpanMap(const Value& json_string, std::string_view source) : whole_(json_string.span()) {
  const auto decoded = json_string.as_string();
  if (!whole_.valid() || !decoded || whole_.end_byte > source.size() || whole_.end_byte < whole_.begin_byte + 2) return;
  raw_ = source.substr(whole_.begin_byte + 1, whole_.end_byte - whole_.begin_byte - 2);
  exact_ = raw_ == *decoded;
}

SourceSpan SpanMap::at(std::size_t begin, std::size_t end) const {
  if (!exact_ || end > raw_.size() || begin > end) return whole_;
  SourceSpan out = whole_;
  out.begin_byte = whole_.begin_byte + 1 + static_cast<std::uint32_t>(begin);
  out.end_byte = whole_.begin_byte + 1 + static_cast<std::uint32_t>(end);
  return out;
}

bool is_expression(std::string_view s) { return s.size() >= 2 && s.front() == '[' && s.back() == ']' && s[1] != '['; }

namespace {

bool ident_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool ident_char(char c) { return ident_start(c) || (c >= '0' && c <= '9') || c == '.' || c == '$'; }

class Parser {
 public:
  Parser(std::string_view text, std::size_t offset, const SpanMap& spans) : text_(text), offset_(offset), spans_(spans) {}

  ParseResult run() {
    ParseResult out;
    out.expr = expression();
    skip_space();
    if (out.expr && pos_ < text_.size()) fail(pos_, fmt::format("unexpected `{}` after the expression", text_[pos_]));
    if (error_) {
      out.expr.reset();
      out.error = std::move(error_);
    }
    return out;
  }

 private:
  std::unique_ptr<Expr> expression() {
    auto e = primary();
    while (e) {
      skip_space();
      if (peek('.')) {
        const std::size_t start = ++pos_;
        while (pos_ < text_.size() && ident_char(text_[pos_]) && text_[pos_] != '.') ++pos_;
        if (pos_ == start) return fail(pos_, "a property name must follow `.`");
        e = wrap(Expr::Kind::Member, std::move(e), std::string(text_.substr(start, pos_ - start)), nullptr);
      } else if (peek('[')) {
        const std::size_t open = pos_++;
        auto index = expression();
        if (!index) return nullptr;
        skip_space();
        if (!peek(']')) return fail(open, "unbalanced `[`: no matching `]`");
        ++pos_;
        e = wrap(Expr::Kind::Index, std::move(e), "", std::move(index));
      } else {
        break;
      }
    }
    return e;
  }

  std::unique_ptr<Expr> wrap(Expr::Kind kind, std::unique_ptr<Expr> object, std::string name,
                             std::unique_ptr<Expr> index) {
    auto e = std::make_unique<Expr>();
    const std::size_t begin = begin_of(*object);
    begins_[e.get()] = begin;
    e->kind = kind;
    e->text = std::move(name);
    e->span = spans_.at(offset_ + begin, offset_ + pos_);
    e->args.push_back(std::move(object));
    if (index) e->args.push_back(std::move(index));
    return e;
  }

  std::size_t begin_of(const Expr& e) const { return begins_.at(&e); }

  std::unique_ptr<Expr> primary() {
    // Deeper nesting than any template needs is refused rather than risk the stack.
    constexpr int kMaxDepth = 256;
    if (++depth_ > kMaxDepth) return fail(pos_, "the expression nests too deeply");
    struct Leave {
      int& depth;
      ~Leave() { --depth; }
    } leave{depth_};
    skip_space();
    if (pos_ >= text_.size()) return fail(pos_, "an expression is missing");
    const std::size_t start = pos_;
    auto e = std::make_unique<Expr>();
    const char c = text_[pos_];
    if (c == '\'') {
      e->kind = Expr::Kind::String;
      ++pos_;
      for (;;) {
        if (pos_ >= text_.size()) return fail(start, "unterminated string literal");
        if (text_[pos_] == '\'') {
          if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '\'') {
            e->text += '\'';
            pos_ += 2;
            continue;
          }
          ++pos_;
          break;
        }
        e->text += text_[pos_++];
      }
    } else if ((c >= '0' && c <= '9') || c == '-') {
      e->kind = Expr::Kind::Number;
      ++pos_;
      while (pos_ < text_.size() && ((text_[pos_] >= '0' && text_[pos_] <= '9') || text_[pos_] == '.')) ++pos_;
      const auto digits = text_.substr(start, pos_ - start);
      const auto res = std::from_chars(digits.data(), digits.data() + digits.size(), e->number);
      if (res.ec != std::errc{} || res.ptr != digits.data() + digits.size()) return fail(start, "invalid number");
    } else if (ident_start(c)) {
      e->kind = Expr::Kind::Call;
      while (pos_ < text_.size() && ident_char(text_[pos_])) ++pos_;
      e->text = std::string(text_.substr(start, pos_ - start));
      skip_space();
      if (!peek('(')) return fail(pos_, fmt::format("`{}` must be called: `(` expected", e->text));
      if (!arguments(*e)) return nullptr;
    } else {
      return fail(pos_, fmt::format("unexpected `{}`", c));
    }
    e->span = spans_.at(offset_ + start, offset_ + pos_);
    begins_[e.get()] = start;
    return e;
  }

  bool arguments(Expr& call) {
    const std::size_t open = pos_++;
    skip_space();
    if (peek(')')) {
      ++pos_;
      return true;
    }
    for (;;) {
      auto arg = expression();
      if (!arg) return false;
      call.args.push_back(std::move(arg));
      skip_space();
      if (peek(',')) {
        ++pos_;
        continue;
      }
      if (peek(')')) {
        ++pos_;
        return true;
      }
      fail(pos_ < text_.size() ? pos_ : open,
           pos_ < text_.size() ? fmt::format("`,` or `)` expected, found `{}`", text_[pos_])
                               : std::string("unbalanced `(`: no matching `)`"));
      return false;
    }
  }

  bool peek(char c) const { return pos_ < text_.size() && text_[pos_] == c; }
  void skip_space() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\n' || text_[pos_] == '\r')) ++pos_;
  }

  std::nullptr_t fail(std::size_t at, std::string message) {
    if (!error_) {
      const SourceSpan where = spans_.at(offset_ + at, offset_ + std::min(at + 1, text_.size()));
      error_ = Diagnostic{DiagnosticLevel::Error, "invalid-expression",
                          fmt::format("invalid template expression: {}; the value is kept unknown", message),
                          where.file, where};
    }
    return nullptr;
  }

  std::string_view text_;
  std::size_t offset_;
  const SpanMap& spans_;
  std::size_t pos_ = 0;
  int depth_ = 0;
  std::optional<Diagnostic> error_;
  std::map<const Expr*, std::size_t> begins_;
};

Value member(const Value& object, std::string_view name, SourceSpan span) {
  if (const Value* v = object.find(name)) return *v;
  if (const auto* u = object.unknown_expression()) return Value::unknown(fmt::format("{}.{}", *u, name), span);
  return Value::unknown(fmt::format("{}.{}", object.to_display(), name), span);
}

Value index(const Value& object, const Value& key, SourceSpan span) {
  if (const auto s = key.as_string(); s && object.is_object()) {
    if (const Value* v = object.find(*s)) return *v;
  }
  if (const auto n = key.as_number(); n && object.is_array() && *n >= 0 && *n < static_cast<double>(object.as_array()->size())) {
    return (*object.as_array())[static_cast<std::size_t>(*n)];
  }
  const std::string base = object.unknown_expression() ? *object.unknown_expression() : object.to_display();
  const std::string k = key.unknown_expression() ? *key.unknown_expression() : key.to_display();
  return Value::unknown(fmt::format("{}[{}]", base, k), span);
}

// Evaluates expressions; lambda bodies are evaluated once per application, with their
// parameters bound for lambdaVariables().
class Evaluator {
 public:
  explicit Evaluator(Environment& env) : env_(env) {}

  Value eval(const Expr& expr) {
    switch (expr.kind) {
      case Expr::Kind::String: return Value::string(expr.text, expr.span);
      case Expr::Kind::Number: return Value::number(expr.number, expr.span);
      case Expr::Kind::Member: return member(eval(*expr.args[0]), expr.text, expr.span);
      case Expr::Kind::Index: return index(eval(*expr.args[0]), eval(*expr.args[1]), expr.span);
      case Expr::Kind::Call: break;
    }
    if (iequals(expr.text, "lambdaVariables") && expr.args.size() == 1) return lambda_variable(expr);
    if (const auto v = higher_order(expr)) return *v;
    std::vector<Value> args;
    args.reserve(expr.args.size());
    for (const auto& a : expr.args) args.push_back(eval(*a));
    if (auto v = env_.lookup(expr.text, args, expr.span)) return std::move(*v);
    if (const auto target = azure::resource_id_target(expr.text, args)) env_.on_resource_target(*target, expr.span);
    if (auto v = azure::call_function(expr.text, args, env_.context(), expr.span)) return std::move(*v);
    env_.report({DiagnosticLevel::Warning, "unknown-function",
                 fmt::format("unknown template function `{}`; its value is kept unknown", expr.text), expr.span.file,
                 expr.span});
    return azure::unknown_call(expr.text, args, expr.span);
  }

 private:
  static bool is_lambda(const Expr& e) { return e.kind == Expr::Kind::Call && iequals(e.text, "lambda") && !e.args.empty(); }

  Value lambda_variable(const Expr& expr) {
    const Expr& name = *expr.args[0];
    for (auto it = variables_.rbegin(); it != variables_.rend(); ++it) {
      if (name.kind == Expr::Kind::String && iequals(it->first, name.text)) return it->second;
    }
    return Value::unknown(fmt::format("lambdaVariables('{}')", name.text), expr.span);
  }

  // Applies lambda(p1, ..., body) to `args` (extra arguments beyond its parameters are dropped).
  Value apply(const Expr& lambda, std::span<const Value> args) {
    const std::size_t params = lambda.args.size() - 1;
    std::size_t bound = 0;
    for (const Value& a : args) {
      if (bound == params) break;
      variables_.emplace_back(lambda.args[bound++]->text, a);
    }
    Value out = eval(*lambda.args.back());
    variables_.resize(variables_.size() - bound);
    return out;
  }

  // A call with lambda arguments: the lambda functions of the library, applied here.
  std::optional<Value> higher_order(const Expr& expr) {
    if (std::none_of(expr.args.begin(), expr.args.end(), [](const auto& a) { return is_lambda(*a); })) return std::nullopt;
    std::vector<Value> values;
    std::vector<azure::Lambda> lambdas;
    for (const auto& a : expr.args) {
      if (!is_lambda(*a)) {
        values.push_back(eval(*a));
        continue;
      }
      const Expr* fn = a.get();
      lambdas.emplace_back([this, fn](std::span<const Value> args) { return apply(*fn, args); });
    }
    return azure::call_lambda_function(expr.text, values, lambdas, expr.span);
  }

  Environment& env_;
  std::vector<std::pair<std::string, Value>> variables_;
};

}  // namespace

ParseResult parse_expression(std::string_view body, std::size_t offset, const SpanMap& spans) {
  return Parser(body, offset, spans).run();
}

Value evaluate(const Expr& expr, Environment& env) { return Evaluator(env).eval(expr); }

}  // namespace akslint::arm
