// Recursive-descent parser for Bicep, following the language's published grammar
// (docs/grammar.md in Azure/bicep) and the constructs newer compilers accept (compile-time
// imports, extensions, user-defined types and functions, lambdas, spreads, safe access).
#include "bicep/BicepSyntax.h"

#include <akslint/model/LineIndex.h>

#include <fmt/format.h>

#include <array>
#include <utility>

namespace akslint::bicep {

namespace {

// Unwinds the parse of one declaration; caught at the statement level, never escapes.
struct SyntaxError {
  Diagnostic diagnostic;
};

constexpr std::array<std::string_view, 18> kStatementKeywords = {
    "targetScope", "metadata", "param",   "var",    "resource", "module", "output", "type",
    "func",        "import",   "provider", "extension", "extensionConfig", "using", "extends",
    "assert",      "test",     "@"};

constexpr int kMaxDepth = 200;

class Parser {
 public:
  Parser(std::string_view text, FileId file) : text_(text), file_(file), lexed_(lex(text)) {}

  Program run() {
    while (true) {
      skip_newlines();
      if (peek().kind == Tok::EndOfFile) break;
      const std::size_t start = pos_;
      try {
        Statement stmt = statement();
        end_of_line();
        program_.statements.push_back(std::move(stmt));
      } catch (const SyntaxError& e) {
        if (program_.diagnostics.empty()) program_.diagnostics.push_back(e.diagnostic);
        recover(start);
      }
    }
    return std::move(program_);
  }

 private:
  // ---- tokens ----
  const Token& peek(std::size_t ahead = 0) {
    if (!nl_skip_.empty() && nl_skip_.back()) skip_newlines();
    std::size_t i = pos_;
    for (std::size_t n = 0; n < ahead && tokens_[i].kind != Tok::EndOfFile; ++n) ++i;
    return tokens_[i];
  }
  const Token& advance() {
    const Token& t = peek();
    if (t.kind == Tok::Error) fail(t, t.text);
    last_end_ = t.end;
    if (t.kind != Tok::EndOfFile) ++pos_;
    return t;
  }
  bool is(std::string_view punct) { return peek().kind == Tok::Punct && peek().text == punct; }
  bool is_word(std::string_view word, std::size_t ahead = 0) {
    return peek(ahead).kind == Tok::Identifier && peek(ahead).text == word;
  }
  bool accept(std::string_view punct) {
    if (!is(punct)) return false;
    advance();
    return true;
  }
  void expect(std::string_view punct) {
    if (!accept(punct)) fail(peek(), fmt::format("expected `{}`", punct));
  }
  const Token& expect_identifier(std::string_view what) {
    if (peek().kind != Tok::Identifier) fail(peek(), fmt::format("expected {}", what));
    return advance();
  }
  void skip_newlines() {
    while (tokens_[pos_].kind == Tok::NewLine) ++pos_;
  }
  bool next_significant_is(std::string_view word) const {
    std::size_t i = pos_;
    while (tokens_[i].kind == Tok::NewLine) ++i;
    return tokens_[i].kind == Tok::Identifier && tokens_[i].text == word;
  }
  // Skips newlines when the next significant token continues the expression (an operator no
  // item or declaration can start with), so that multi-line ternaries and conditions read.
  bool continues_on_next_line(std::initializer_list<std::string_view> ops) {
    std::size_t i = pos_;
    if (tokens_[i].kind != Tok::NewLine) return false;
    while (tokens_[i].kind == Tok::NewLine) ++i;
    for (const auto op : ops) {
      if (tokens_[i].kind == Tok::Punct && tokens_[i].text == op) {
        pos_ = i;
        return true;
      }
    }
    return false;
  }

  [[noreturn]] void fail(const Token& at, std::string_view what) {
    if (at.kind == Tok::Error) what = at.text;  // the lexer's own complaint is more precise
    std::string_view excerpt = text_.substr(at.begin, std::min<std::size_t>(at.end - at.begin, 40));
    excerpt = excerpt.substr(0, excerpt.find_first_of("\r\n"));
    const std::string found = at.kind == Tok::EndOfFile ? std::string("end of file")
                              : at.kind == Tok::NewLine ? std::string("end of line")
                                                        : fmt::format("`{}`", excerpt);
    throw SyntaxError{{DiagnosticLevel::Error, "syntax-error",
                       fmt::format("syntax error: {}, found {}; the declaration was not analysed", what, found),
                       file_, SourceSpan{file_, at.begin, at.end}}};
  }

  // Skips to the next line that starts (at column 0) with a declaration keyword.
  void recover(std::size_t start) {
    pos_ = std::max(pos_, start + 1);
    nl_skip_.clear();
    depth_ = 0;
    while (tokens_[pos_].kind != Tok::EndOfFile) {
      const Token& t = tokens_[pos_];
      const bool line_start = t.begin == 0 || ends_line(text_, t.begin - 1);
      if (line_start && tokens_[pos_ - 1].kind == Tok::NewLine && is_keyword(t)) return;
      ++pos_;
    }
  }
  static bool is_keyword(const Token& t) {
    for (const auto k : kStatementKeywords) {
      if (t.text == k && (t.kind == Tok::Identifier || t.kind == Tok::Punct)) return true;
    }
    return false;
  }

  void end_of_line() {
    const Token& t = tokens_[pos_];
    if (t.kind != Tok::NewLine && t.kind != Tok::EndOfFile) fail(t, "expected a new line after the declaration");
  }

  SourceSpan span_from(std::uint32_t begin) const { return {file_, begin, std::max(begin, last_end_)}; }
  SourceSpan span_of(const Token& t) const { return {file_, t.begin, t.end}; }

  // Runs `f` with newlines significant (objects, arrays) or not (parentheses, interpolation).
  template <class F>
  auto with_newlines(bool skip, F&& f) {
    nl_skip_.push_back(skip);
    auto result = f();
    nl_skip_.pop_back();
    return result;
  }

  // ---- declarations ----
  Statement statement() {
    const std::uint32_t begin = peek().begin;
    std::vector<Decorator> decorators = decorator_list();
    const Token& kw = expect_identifier("a declaration");
    const std::string word(kw.text);
    Statement s;
    s.keyword_span = span_of(kw);
    if (word == "targetScope") {
      s.kind = StmtKind::TargetScope;
      expect("=");
      s.value = expression();
    } else if (word == "metadata" || word == "assert") {
      s.kind = word == "metadata" ? StmtKind::Metadata : StmtKind::Assert;
      name(s);
      expect("=");
      s.value = expression();
    } else if (word == "param") {
      param(s);
    } else if (word == "var") {
      s.kind = StmtKind::Var;
      name(s);
      if (!is("=")) type_text(s);
      expect("=");
      s.value = expression();
    } else if (word == "resource") {
      resource(s);
    } else if (word == "module" || word == "test") {
      s.kind = word == "module" ? StmtKind::Module : StmtKind::Test;
      name(s);
      path(s);
      expect("=");
      s.value = declaration_body();
    } else if (word == "output") {
      s.kind = StmtKind::Output;
      name(s);
      if (is_word("resource")) {
        advance();
        path(s);
      } else {
        type_text(s);
      }
      expect("=");
      s.value = expression();
    } else if (word == "type") {
      s.kind = StmtKind::Type;
      name(s);
      expect("=");
      type_text(s);
    } else if (word == "func") {
      function(s);
    } else if (word == "import") {
      import(s);
    } else if (word == "provider" || word == "extension") {
      extension(s);
    } else if (word == "extensionConfig") {  // .bicepparam: configuration of an extension
      s.kind = StmtKind::Extension;
      name(s);
      optional_with_as(s);
    } else if (word == "using" || word == "extends") {
      s.kind = word == "using" ? StmtKind::Using : StmtKind::Extends;
      if (word == "using" && is_word("none")) {
        advance();
      } else {
        path(s);
      }
      if (is_word("with")) {
        advance();
        s.value = primary();
      }
    } else {
      fail(kw, "expected a declaration");
    }
    s.decorators = std::move(decorators);
    s.span = span_from(begin);
    return s;
  }

  std::vector<Decorator> decorator_list() {
    std::vector<Decorator> out;
    while (is("@")) {
      advance();
      out.push_back({postfix(primary())});
      skip_newlines();
    }
    return out;
  }

  void name(Statement& s) {
    const Token& t = expect_identifier("a name");
    s.name = t.text;
    s.name_span = span_of(t);
  }

  void path(Statement& s) {
    const Token& t = peek();
    if (t.kind != Tok::String) fail(t, "expected a string");
    s.type = t.text;
    s.type_span = span_of(t);
    advance();
  }

  void param(Statement& s) {
    s.kind = StmtKind::Param;
    name(s);
    if (accept("=")) {  // .bicepparam assignment
      s.value = expression();
      return;
    }
    if (is_word("resource")) {
      advance();
      path(s);
    } else {
      type_text(s);
    }
    if (accept("=")) s.value = expression();
  }

  void resource(Statement& s) {
    s.kind = StmtKind::Resource;
    name(s);
    path(s);
    if (is_word("existing")) {
      advance();
      s.existing = true;
    }
    expect("=");
    s.value = declaration_body();
  }

  // `{...}`, `if (cond) {...}` or `[for ...]`.
  Expr declaration_body() {
    skip_newlines();
    if (is_word("if")) return if_body();
    if (is("{") || is("[")) return primary();
    fail(peek(), "expected `{`, `if` or `[for`");
  }

  Expr if_body() {
    const std::uint32_t begin = peek().begin;
    advance();
    Expr e{ExprKind::If};
    expect("(");
    e.children.push_back(with_newlines(true, [&] { return expression(); }));
    expect(")");
    skip_newlines();
    if (!is("{")) fail(peek(), "expected `{`");
    e.children.push_back(primary());
    e.span = span_from(begin);
    return e;
  }

  void function(Statement& s) {
    s.kind = StmtKind::Function;
    name(s);
    const std::uint32_t begin = peek().begin;
    Expr lambda{ExprKind::Lambda};
    expect("(");
    with_newlines(true, [&] {
      while (!is(")")) {
        lambda.strings.emplace_back(expect_identifier("a parameter name").text);
        type_skip();
        if (!accept(",")) break;
      }
      return 0;
    });
    expect(")");
    type_text(s);
    expect("=>");
    skip_newlines();
    lambda.children.push_back(expression());
    lambda.span = span_from(begin);
    s.value = std::move(lambda);
  }

  void import(Statement& s) {
    s.kind = StmtKind::Import;
    if (accept("{")) {
      with_newlines(true, [&] {
        while (!is("}")) {
          ImportedName imported;
          imported.original = import_name();
          imported.local = imported.original;
          if (is_word("as")) {
            advance();
            imported.local = expect_identifier("an alias").text;
          }
          s.imported.push_back(std::move(imported));
          accept(",");
        }
        return 0;
      });
      expect("}");
      from(s);
    } else if (accept("*")) {
      if (!is_word("as")) fail(peek(), "expected `as`");
      advance();
      s.imported.push_back({std::string(expect_identifier("an alias").text), "*"});
      from(s);
    } else {
      extension_tail(s);
    }
  }
  std::string import_name() {
    if (peek().kind == Tok::String) return std::string(advance().text);
    return std::string(expect_identifier("a name to import").text);
  }
  void from(Statement& s) {
    if (!is_word("from")) fail(peek(), "expected `from`");
    advance();
    path(s);
  }

  void extension(Statement& s) {
    s.kind = StmtKind::Extension;
    if (peek().kind == Tok::Identifier) {
      s.type = advance().text;
      s.type_span = span_of(tokens_[pos_ - 1]);
      optional_with_as(s);
    } else {
      extension_tail(s);
    }
  }
  // `'name@version' [with {...}] [as alias]`
  void extension_tail(Statement& s) {
    path(s);
    optional_with_as(s);
  }
  void optional_with_as(Statement& s) {
    if (is_word("with")) {
      advance();
      s.value = primary();
    }
    if (is_word("as")) {
      advance();
      name(s);
    }
  }

  // ---- types: parsed for their extent, kept as text ----
  void type_text(Statement& s) {
    const std::uint32_t begin = peek().begin;
    type_skip();
    s.type = std::string(text_.substr(begin, last_end_ - begin));
    s.type_span = span_from(begin);
  }

  void type_skip() {
    continues_on_next_line({"|"});
    accept("|");
    type_postfix();
    while (continues_on_next_line({"|"}) || is("|")) {
      advance();
      skip_newlines();
      type_postfix();
    }
  }

  void type_postfix() {
    type_primary();
    while (true) {
      if (accept("?") || accept("!")) continue;
      if (accept(".")) {
        if (!accept("*")) expect_identifier("a property name");
        continue;
      }
      if (is("[")) {
        advance();
        if (!accept("*") && !is("]")) with_newlines(true, [&] { return expression(); });
        expect("]");
        continue;
      }
      break;
    }
  }

  void type_primary() {
    guard_depth();
    decorator_list();
    const Token& t = peek();
    if (t.kind == Tok::String || t.kind == Tok::Number) {
      advance();
    } else if (t.kind == Tok::StringLeft) {
      primary();
    } else if (accept("-") || accept("!")) {
      type_primary();
    } else if (t.kind == Tok::Identifier) {
      advance();
      if (t.text == "resource" && peek().kind == Tok::String) advance();
      while (is(".") && peek(1).kind == Tok::Identifier) {
        advance();
        advance();
      }
      if (accept("<")) {
        with_newlines(true, [&] {
          while (!is(">")) {
            type_skip();
            if (!accept(",")) break;
          }
          return 0;
        });
        expect(">");
      }
    } else if (accept("{")) {
      object_type();
    } else if (accept("[")) {
      tuple_type();
    } else if (accept("(")) {
      with_newlines(true, [&] {
        type_skip();
        return 0;
      });
      expect(")");
    } else {
      fail(t, "expected a type");
    }
    --depth_;
  }

  void object_type() {
    with_newlines(false, [&] {
      while (true) {
        skip_separators();
        if (is("}")) break;
        decorator_list();
        if (!accept("*")) {
          const Token& key = peek();
          if (key.kind != Tok::Identifier && key.kind != Tok::String) fail(key, "expected a property name");
          advance();
        }
        accept("?");
        expect(":");
        type_skip();
        item_end("}");
      }
      return 0;
    });
    expect("}");
  }

  void tuple_type() {
    with_newlines(false, [&] {
      while (true) {
        skip_separators();
        if (is("]")) break;
        type_skip();
        item_end("]");
      }
      return 0;
    });
    expect("]");
  }

  void skip_separators() {
    while (peek().kind == Tok::NewLine || is(",")) ++pos_;
  }
  void item_end(std::string_view close) {
    if (peek().kind != Tok::NewLine && !is(",") && !is(close)) fail(peek(), "expected a new line or `,`");
  }

  // ---- expressions ----
  void guard_depth() {
    if (++depth_ > kMaxDepth) fail(peek(), "expression nested too deeply");
  }

  Expr expression() {
    guard_depth();
    const std::uint32_t begin = peek().begin;
    Expr cond = binary(0);
    if (continues_on_next_line({"?"}) || is("?")) {
      advance();
      skip_newlines();
      Expr e{ExprKind::Ternary};
      e.children.push_back(std::move(cond));
      e.children.push_back(expression());
      continues_on_next_line({":"});
      expect(":");
      skip_newlines();
      e.children.push_back(expression());
      e.span = span_from(begin);
      cond = std::move(e);
    }
    --depth_;
    return cond;
  }

  static constexpr std::array<std::array<std::string_view, 4>, 7> kLevels = {{
      {"??"},
      {"||"},
      {"&&"},
      {"==", "!=", "=~", "!~"},
      {"<", "<=", ">", ">="},
      {"+", "-"},
      {"*", "/", "%"},
  }};

  bool at_operator(std::size_t level) {
    if (level < 3) continues_on_next_line({kLevels[level][0]});
    const Token& t = peek();
    if (t.kind != Tok::Punct) return false;
    for (const auto op : kLevels[level]) {
      if (!op.empty() && t.text == op) return true;
    }
    return false;
  }

  Expr binary(std::size_t level) {
    if (level == kLevels.size()) return unary();
    const std::uint32_t begin = peek().begin;
    Expr left = binary(level + 1);
    while (at_operator(level)) {
      Expr e{ExprKind::Binary, std::string(advance().text)};
      skip_newlines();
      e.children.push_back(std::move(left));
      e.children.push_back(binary(level + 1));
      e.span = span_from(begin);
      left = std::move(e);
    }
    return left;
  }

  Expr unary() {
    if (is("!") || is("-") || is("+")) {
      guard_depth();
      const std::uint32_t begin = peek().begin;
      Expr e{ExprKind::Unary, std::string(advance().text)};
      e.children.push_back(unary());
      e.span = span_from(begin);
      --depth_;
      return e;
    }
    return postfix(primary());
  }

  Expr postfix(Expr e) {
    const std::uint32_t begin = e.span.begin_byte;
    while (true) {
      Expr next;
      if (is(".") || is(".?")) {
        const bool safe = advance().text == ".?";
        const Token& prop = expect_identifier("a property name");
        if (!safe && is("(")) {
          next = call(prop);
          next.children.insert(next.children.begin(), std::move(e));
          next.receiver = true;
        } else {
          next = Expr{ExprKind::Member, std::string(prop.text)};
          next.safe = safe;
          next.children.push_back(std::move(e));
        }
      } else if (is("[")) {
        advance();
        next = Expr{ExprKind::Index};
        next.safe = accept("?");
        next.children.push_back(std::move(e));
        if (is("^")) {  // index from the end: `items[^1]`
          const Token& caret = advance();
          Expr from_end{ExprKind::Unary, std::string(caret.text)};
          from_end.children.push_back(unary());
          from_end.span = span_from(caret.begin);
          next.children.push_back(std::move(from_end));
        } else {
          next.children.push_back(with_newlines(true, [&] { return expression(); }));
        }
        expect("]");
      } else if (is("::")) {
        advance();
        next = Expr{ExprKind::ChildAccess, std::string(expect_identifier("a nested resource name").text)};
        next.children.push_back(std::move(e));
      } else if (is("!") && tokens_[pos_].kind == Tok::Punct) {
        advance();
        next = Expr{ExprKind::NonNull};
        next.children.push_back(std::move(e));
      } else {
        return e;
      }
      next.span = span_from(begin);
      e = std::move(next);
    }
  }

  Expr call(const Token& name) {
    Expr e{ExprKind::Call, std::string(name.text)};
    expect("(");
    with_newlines(true, [&] {
      while (!is(")")) {
        e.children.push_back(expression());
        if (!accept(",")) break;
      }
      return 0;
    });
    expect(")");
    return e;
  }

  Expr primary() {
    guard_depth();
    const Token& t = peek();
    const std::uint32_t begin = t.begin;
    Expr e;
    switch (t.kind) {
      case Tok::Number: e = Expr{ExprKind::Number, std::string(advance().text)}; break;
      case Tok::String: e = Expr{ExprKind::String}; e.strings.emplace_back(advance().text); break;
      case Tok::StringLeft: e = interpolated(); break;
      case Tok::Identifier: e = identifier(); break;
      case Tok::Punct:
        if (t.text == "{") {
          e = object();
        } else if (t.text == "[") {
          e = array();
        } else if (t.text == "(") {
          e = lambda_ahead() ? lambda() : parenthesized();
        } else {
          fail(t, "expected an expression");
        }
        break;
      default: fail(t, "expected an expression");
    }
    e.span = span_from(begin);
    --depth_;
    return e;
  }

  Expr identifier() {
    const Token& t = advance();
    if (t.text == "true" || t.text == "false") return Expr{ExprKind::Bool, std::string(t.text)};
    if (t.text == "null") return Expr{ExprKind::Null, std::string(t.text)};
    if (is("=>")) {
      advance();
      Expr e{ExprKind::Lambda};
      e.strings.emplace_back(t.text);
      e.children.push_back(expression());
      return e;
    }
    if (is("(")) return call(t);
    return Expr{ExprKind::Identifier, std::string(t.text)};
  }

  Expr interpolated() {
    Expr e{ExprKind::Interpolated};
    e.strings.emplace_back(advance().text);
    while (true) {
      e.children.push_back(with_newlines(true, [&] { return expression(); }));
      const Token& t = tokens_[pos_];
      if (t.kind == Tok::StringMiddle) {
        e.strings.emplace_back(advance().text);
      } else if (t.kind == Tok::StringRight) {
        e.strings.emplace_back(advance().text);
        return e;
      } else {
        fail(t, "expected `}` closing the interpolation");
      }
    }
  }

  // `(` starts a lambda when its matching `)` is followed by `=>`.
  bool lambda_ahead() {
    int depth = 0;
    for (std::size_t i = pos_; tokens_[i].kind != Tok::EndOfFile; ++i) {
      const Token& t = tokens_[i];
      if (t.kind != Tok::Punct) continue;
      if (t.text == "(") ++depth;
      if (t.text == ")" && --depth == 0) {
        return tokens_[i + 1].kind == Tok::Punct && tokens_[i + 1].text == "=>";
      }
    }
    return false;
  }

  Expr lambda() {
    Expr e{ExprKind::Lambda};
    expect("(");
    with_newlines(true, [&] {
      while (!is(")")) {
        e.strings.emplace_back(expect_identifier("a lambda parameter").text);
        if (!is(",") && !is(")")) type_skip();
        if (!accept(",")) break;
      }
      return 0;
    });
    expect(")");
    expect("=>");
    skip_newlines();
    e.children.push_back(expression());
    return e;
  }

  Expr parenthesized() {
    advance();
    Expr inner = with_newlines(true, [&] { return expression(); });
    expect(")");
    return inner;
  }

  Expr object() {
    advance();
    Expr e{ExprKind::Object};
    with_newlines(false, [&] {
      while (true) {
        skip_separators();
        if (is("}")) break;
        object_item(e);
        item_end("}");
      }
      return 0;
    });
    expect("}");
    return e;
  }

  void object_item(Expr& object) {
    const Token& t = peek();
    if (is("...")) {
      object.children.push_back(spread());
    } else if ((is("@") || is_word("resource")) && nested_resource_ahead()) {
      const std::uint32_t begin = t.begin;
      std::vector<Decorator> decorators = decorator_list();
      Statement s;
      s.keyword_span = span_of(advance());
      resource(s);
      s.decorators = std::move(decorators);
      s.span = span_from(begin);
      object.resources.push_back(std::move(s));
    } else {
      Expr p{ExprKind::Property};
      p.key_span = span_of(t);
      if (t.kind == Tok::Identifier || t.kind == Tok::String) {
        p.text = advance().text;
      } else if (t.kind == Tok::StringLeft) {
        Expr key = primary();
        p.text = std::string(text_.substr(key.span.begin_byte, key.span.end_byte - key.span.begin_byte));
        p.children.push_back(std::move(key));
      } else {
        fail(t, "expected a property name");
      }
      expect(":");
      p.children.insert(p.children.begin(), expression());
      p.span = {file_, t.begin, last_end_};
      object.children.push_back(std::move(p));
    }
  }

  // `resource name 'type' ...` inside an object, possibly after decorators.
  bool nested_resource_ahead() {
    std::size_t i = pos_;
    while (tokens_[i].kind == Tok::NewLine || (tokens_[i].kind == Tok::Punct && tokens_[i].text == "@")) {
      if (tokens_[i].kind == Tok::NewLine) {
        ++i;
        continue;
      }
      // Skip a decorator: `@` name [.name] (...) with balanced parentheses.
      int depth = 0;
      for (++i; tokens_[i].kind != Tok::EndOfFile; ++i) {
        if (tokens_[i].kind == Tok::Punct && tokens_[i].text == "(") ++depth;
        if (tokens_[i].kind == Tok::Punct && tokens_[i].text == ")" && --depth == 0) {
          ++i;
          break;
        }
      }
    }
    return tokens_[i].kind == Tok::Identifier && tokens_[i].text == "resource" &&
           tokens_[i + 1].kind == Tok::Identifier;
  }

  Expr spread() {
    const std::uint32_t begin = advance().begin;
    Expr e{ExprKind::Spread};
    e.children.push_back(expression());
    e.span = span_from(begin);
    return e;
  }

  Expr array() {
    advance();
    if (next_significant_is("for")) {
      skip_newlines();
      return for_expression();
    }
    Expr e{ExprKind::Array};
    with_newlines(false, [&] {
      while (true) {
        skip_separators();
        if (is("]")) break;
        e.children.push_back(is("...") ? spread() : expression());
        item_end("]");
      }
      return 0;
    });
    expect("]");
    return e;
  }

  Expr for_expression() {
    advance();
    Expr e{ExprKind::For};
    with_newlines(true, [&] {
      if (accept("(")) {
        e.strings.emplace_back(expect_identifier("a loop variable").text);
        expect(",");
        e.strings.emplace_back(expect_identifier("an index variable").text);
        expect(")");
      } else {
        e.strings.emplace_back(expect_identifier("a loop variable").text);
      }
      if (!is_word("in")) fail(peek(), "expected `in`");
      advance();
      e.children.push_back(expression());
      expect(":");
      e.children.push_back(is_word("if") ? if_body() : expression());
      expect("]");
      return 0;
    });
    return e;
  }

  std::string_view text_;
  FileId file_;
  LexResult lexed_;  // the tokens view the text and the decoded strings kept here
  std::vector<Token>& tokens_ = lexed_.tokens;
  std::size_t pos_ = 0;
  std::uint32_t last_end_ = 0;
  std::vector<bool> nl_skip_;
  int depth_ = 0;
  Program program_;
};

}  // namespace

Program parse_bicep(std::string_view text, FileId file) { return Parser(text, file).run(); }

}  // namespace akslint::bicep
