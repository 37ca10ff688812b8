#include "terraform/HclParser.h"

#include "terraform/HclLexer.h"

#include <akslint/model/Utf8.h>

#include <array>
#include <optional>
#include <utility>
#include <vector>

namespace akslint::terraform {

namespace {

using Entry = ts::SyntaxTree::Entry;
using namespace hcl;

// The grammar's symbols and fields, looked up once by name.
struct Symbols {
  std::array<TSSymbol, kPunctCount> punct{};
  TSSymbol config_file, body, attribute, block, block_start, block_end, expression, literal_value, numeric_lit,
      bool_lit, null_lit, string_lit, collection_value, tuple, tuple_start, tuple_end, object, object_start, object_end,
      object_elem, index, new_index, legacy_index, get_attr, splat, attr_splat, full_splat, for_expr, for_tuple_expr,
      for_object_expr, for_intro, for_cond, variable_expr, function_call, function_arguments, ellipsis, conditional,
      operation, unary_operation, binary_operation, template_expr, quoted_template, heredoc_template, heredoc_start,
      template_literal, template_interpolation, template_directive, template_for, template_for_start,
      template_for_end, template_if, template_if_intro, template_else_intro, template_if_end, identifier, comment,
      strip_marker, quoted_template_start, quoted_template_end, template_interpolation_start,
      template_interpolation_end, template_directive_start, template_directive_end, heredoc_identifier;
  TSFieldId key, val;

  explicit Symbols(const TSLanguage* language) {
    const auto named = [&](std::string_view name) {
      return ts_language_symbol_for_name(language, name.data(), static_cast<std::uint32_t>(name.size()), true);
    };
    for (std::size_t i = 0; i < kPunctCount; ++i) {
      punct[i] = ts_language_symbol_for_name(language, kSpelling[i].data(),
                                             static_cast<std::uint32_t>(kSpelling[i].size()), false);
    }
    config_file = named("config_file"), body = named("body"), attribute = named("attribute"), block = named("block");
    block_start = named("block_start"), block_end = named("block_end"), expression = named("expression");
    literal_value = named("literal_value"), numeric_lit = named("numeric_lit"), bool_lit = named("bool_lit");
    null_lit = named("null_lit"), string_lit = named("string_lit"), collection_value = named("collection_value");
    tuple = named("tuple"), tuple_start = named("tuple_start"), tuple_end = named("tuple_end");
    object = named("object"), object_start = named("object_start"), object_end = named("object_end");
    object_elem = named("object_elem"), index = named("index"), new_index = named("new_index");
    legacy_index = named("legacy_index"), get_attr = named("get_attr"), splat = named("splat");
    attr_splat = named("attr_splat"), full_splat = named("full_splat"), for_expr = named("for_expr");
    for_tuple_expr = named("for_tuple_expr"), for_object_expr = named("for_object_expr");
    for_intro = named("for_intro"), for_cond = named("for_cond"), variable_expr = named("variable_expr");
    function_call = named("function_call"), function_arguments = named("function_arguments");
    ellipsis = named("ellipsis"), conditional = named("conditional"), operation = named("operation");
    unary_operation = named("unary_operation"), binary_operation = named("binary_operation");
    template_expr = named("template_expr"), quoted_template = named("quoted_template");
    heredoc_template = named("heredoc_template"), heredoc_start = named("heredoc_start");
    template_literal = named("template_literal"), template_interpolation = named("template_interpolation");
    template_directive = named("template_directive"), template_for = named("template_for");
    template_for_start = named("template_for_start"), template_for_end = named("template_for_end");
    template_if = named("template_if"), template_if_intro = named("template_if_intro");
    template_else_intro = named("template_else_intro"), template_if_end = named("template_if_end");
    identifier = named("identifier"), comment = named("comment"), strip_marker = named("strip_marker");
    quoted_template_start = named("quoted_template_start"), quoted_template_end = named("quoted_template_end");
    template_interpolation_start = named("template_interpolation_start");
    template_interpolation_end = named("template_interpolation_end");
    template_directive_start = named("template_directive_start");
    template_directive_end = named("template_directive_end"), heredoc_identifier = named("heredoc_identifier");
    key = ts_language_field_id_for_name(language, "key", 3);
    val = ts_language_field_id_for_name(language, "val", 3);
  }
};

const Symbols& symbols() {
  static const Symbols table(tree_sitter_hcl());
  return table;
}

// What a template's text may hold where the scan of its characters is: a quoted string or a
// heredoc, and whether its closing token may come (not inside a directive's body).
struct TemplateContext {
  bool quoted = false;
  bool closable = false;
  std::string_view heredoc;  // the identifier that closes a heredoc
};

// A recursive-descent parser that keeps, like tree-sitter's stack, the children of the nodes it
// is building as a run of items; closing a node turns the run's tail into the node, leaving
// the comments before its first child and after its last outside it, as tree-sitter does when
// it reduces. Closed nodes' children go straight to their block of the final layout.
class Parser {
 public:
  Parser(std::string_view text, FileId file) : text_(text), file_(file), sym_(symbols()), lexer_(text) {}

  std::unique_ptr<ts::SyntaxTree> run() {
    nodes_.emplace_back();  // the root's slot
    if (text_.size() >= UINT32_MAX || !file()) return nullptr;
    // The root holds every item left, the comments before and after the rest included.
    Entry root{0, static_cast<std::uint32_t>(text_.size()), 0, 0, sym_.config_file, 0, true};
    place_children(root, 0, stack_.size());
    nodes_[0] = root;
    return std::make_unique<ts::SyntaxTree>(tree_sitter_hcl(), text_, file_, std::move(nodes_), std::move(named_));
  }

 private:
  enum class ItemKind : std::uint8_t { Visible, Hidden, Extra };
  struct Item {
    Entry entry;
    ItemKind kind = ItemKind::Visible;
  };

  // Deeper nesting of expressions or directives goes to tree-sitter rather than deep into
  // this parser's call stack.
  static constexpr int kMaxDepth = 200;

  // ---- the layout ----

  std::size_t mark() const { return stack_.size(); }

  void place_children(Entry& parent, std::size_t from, std::size_t to) {
    parent.first_child = static_cast<std::uint32_t>(nodes_.size());
    parent.first_named = static_cast<std::uint32_t>(named_.size());
    for (std::size_t i = from; i < to; ++i) {
      if (stack_[i].kind == ItemKind::Hidden) continue;
      if (stack_[i].entry.named) named_.push_back(static_cast<std::uint32_t>(nodes_.size()));
      nodes_.push_back(stack_[i].entry);
    }
    parent.child_count = static_cast<std::uint32_t>(nodes_.size()) - parent.first_child;
    parent.named_count = static_cast<std::uint32_t>(named_.size()) - parent.first_named;
  }

  // Turns the items from `from` on into one node of `symbol`, but for the comments before its
  // first child and after its last.
  void close(std::size_t from, TSSymbol symbol) {
    std::size_t first = from;
    std::size_t last = stack_.size();
    while (first < last && stack_[first].kind == ItemKind::Extra) ++first;
    while (last > first && stack_[last - 1].kind == ItemKind::Extra) --last;
    if (first == last) {  // a node with no children: a bug in the rules below
      failed_ = true;
      return;
    }
    Entry node{stack_[first].entry.start_byte, stack_[last - 1].entry.end_byte, 0, 0, symbol, 0, true};
    place_children(node, first, last);
    stack_[first] = {node, ItemKind::Visible};
    const std::size_t trailing = stack_.size() - last;
    for (std::size_t i = 0; i < trailing; ++i) stack_[first + 1 + i] = stack_[last + i];
    stack_.resize(first + 1 + trailing);
  }

  void push(std::uint32_t start, std::uint32_t end, TSSymbol symbol, bool named, ItemKind kind = ItemKind::Visible) {
    stack_.push_back({Entry{start, end, 0, 0, symbol, 0, named}, kind});
  }

  // ---- tokens outside templates, one looked ahead ----

  const Token& peek() {
    if (!peeked_) {
      lexer_.comments().clear();
      std::size_t at = pos_;
      next_ = lexer_.skip_trivia(at) ? lexer_.lex(at) : Token{};
      peeked_ = true;
    }
    return next_;
  }

  bool peek_is(Punct p) {
    const Token& t = peek();
    return t.kind == Tok::Punct && t.punct == p;
  }

  std::string_view text_of(const Token& t) const { return text_.substr(t.start, t.end - t.start); }

  bool peek_keyword(Punct keyword) {
    const Token& t = peek();
    return t.kind == Tok::Identifier && text_of(t) == kSpelling[static_cast<std::size_t>(keyword)];
  }

  // Takes the peeked token: its comments become items first, as tree-sitter shifts them.
  Token take() {
    peek();
    take_comments();
    peeked_ = false;
    pos_ = next_.end;
    return next_;
  }

  // Takes the peeked token as an item of `symbol`.
  bool take_as(TSSymbol symbol, bool named = true, ItemKind kind = ItemKind::Visible) {
    const Token t = take();
    push(t.start, t.end, symbol, named, kind);
    return true;
  }

  // Takes the peeked token as an anonymous one (a punctuation or keyword).
  bool take_anonymous(Punct p) { return take_as(sym_.punct[static_cast<std::size_t>(p)], false); }

  bool expect(Punct p) { return peek_is(p) && take_anonymous(p); }

  bool expect_keyword(Punct keyword) { return peek_keyword(keyword) && take_anonymous(keyword); }

  // A node of one anonymous token: block_start, tuple_end, heredoc_start...
  bool expect_wrapped(Punct p, TSSymbol symbol) {
    const std::size_t m = mark();
    if (!expect(p)) return false;
    close(m, symbol);
    return true;
  }

  bool take_identifier() { return peek().kind == Tok::Identifier && take_as(sym_.identifier); }

  // ---- the grammar ----

  bool file() {
    if (peek().kind == Tok::End) {
      take();
      return !failed_;
    }
    bool ok = peek_is(Punct::LeftBrace) ? object_or_for(mark()) : body(false);
    ok = ok && peek().kind == Tok::End;
    if (ok) take();  // the comments at the end
    return ok && !failed_;
  }

  // attribute | block, one or more; in a block, up to its `}`.
  bool body(bool in_block) {
    const std::size_t m = mark();
    bool any = false;
    while (peek().kind == Tok::Identifier) {
      if (!attribute_or_block()) return false;
      any = true;
    }
    if (any) close(m, sym_.body);
    return in_block ? peek_is(Punct::RightBrace) : true;
  }

  bool attribute_or_block() {
    const std::size_t m = mark();
    take_identifier();
    if (peek_is(Punct::Equal)) {
      take_anonymous(Punct::Equal);
      if (!expression()) return false;
      close(m, sym_.attribute);
      return true;
    }
    while (true) {
      const Token& t = peek();
      if (t.kind == Tok::Identifier) {
        take_identifier();
      } else if (t.kind == Tok::Quote) {
        const std::size_t label = mark();
        bool plain = false;
        if (!quoted(plain) || !plain) return false;
        close(label, sym_.string_lit);
      } else {
        break;
      }
    }
    if (!expect_wrapped(Punct::LeftBrace, sym_.block_start) || !body(true) ||
        !expect_wrapped(Punct::RightBrace, sym_.block_end)) {
      return false;
    }
    close(m, sym_.block);
    return true;
  }

  // expression: a term with its operations, or a conditional (whose condition grows to the
  // left: `a ? b : c ? d : e` reads as `(a ? b : c) ? d : e`, as tree-sitter-hcl has it).
  bool expression() {
    if (++depth_ > kMaxDepth) return false;
    const std::size_t m = mark();
    if (!operations(1)) return false;
    while (peek_is(Punct::Question)) {
      close(m, sym_.expression);
      take_anonymous(Punct::Question);
      if (!expression() || !expect(Punct::Colon)) return false;
      const std::size_t otherwise = mark();
      if (!operations(1)) return false;
      close(otherwise, sym_.expression);
      close(m, sym_.conditional);
    }
    close(m, sym_.expression);
    --depth_;
    return true;
  }

  static int precedence(Punct p) {
    switch (p) {
      case Punct::Star:
      case Punct::Slash:
      case Punct::Percent: return 6;
      case Punct::Plus:
      case Punct::Minus: return 5;
      case Punct::Greater:
      case Punct::GreaterEqual:
      case Punct::Less:
      case Punct::LessEqual: return 4;
      case Punct::EqualEqual:
      case Punct::BangEqual: return 3;
      case Punct::AndAnd: return 2;
      case Punct::OrOr: return 1;
      default: return 0;
    }
  }

  // Binary operations of at least `lowest` precedence, left-associative; their operands'
  // parts are the operation's children (the grammar's _expr_term is hidden).
  bool operations(int lowest) {
    const std::size_t m = mark();
    if (!unary()) return false;
    while (true) {
      const Token& t = peek();
      const int p = t.kind == Tok::Punct ? precedence(t.punct) : 0;
      if (p == 0 || p < lowest) return true;
      take_anonymous(t.punct);
      if (!operations(p + 1)) return false;
      close(m, sym_.binary_operation);
      close(m, sym_.operation);
    }
  }

  bool unary() {
    if (peek_is(Punct::Minus) || peek_is(Punct::Bang)) {
      if (++depth_ > kMaxDepth) return false;
      const std::size_t m = mark();
      take_anonymous(peek().punct);
      if (!unary()) return false;
      close(m, sym_.unary_operation);
      close(m, sym_.operation);
      --depth_;
      return true;
    }
    return term();
  }

  // A primary expression and what follows it: attributes, indexes and splats.
  bool term() {
    if (!primary()) return false;
    while (true) {
      if (peek_is(Punct::Dot)) {
        if (!dot_suffix()) return false;
      } else if (peek_is(Punct::LeftBracket)) {
        if (!bracket_index()) return false;
      } else if (peek_is(Punct::DotStar) || peek_is(Punct::SplatIndex)) {
        if (!splat()) return false;
      } else {
        return true;
      }
    }
  }

  // `.name` (get_attr) or `.0` (a legacy index).
  bool dot_suffix() {
    const std::size_t m = mark();
    take_anonymous(Punct::Dot);
    std::size_t at = pos_;
    if (!lexer_.skip_trivia(at)) return false;
    if (is_digit(lexer_.char_at(at))) {
      take_comments();
      std::size_t end = at;
      while (is_digit(lexer_.char_at(end))) ++end;
      push(offset32(at), offset32(end), 0, false, ItemKind::Hidden);
      pos_ = end;
      close(m, sym_.legacy_index);
      close(m, sym_.index);
      return true;
    }
    lexer_.comments().clear();
    if (!take_identifier()) return false;
    close(m, sym_.get_attr);
    return true;
  }

  // The comments skip_trivia noted since the last token, as items.
  void take_comments() {
    for (const auto& [start, end] : lexer_.comments()) push(start, end, sym_.comment, true, ItemKind::Extra);
    lexer_.comments().clear();
  }

  bool bracket_index() {
    const std::size_t m = mark();
    take_anonymous(Punct::LeftBracket);
    if (!expression() || !expect(Punct::RightBracket)) return false;
    close(m, sym_.new_index);
    close(m, sym_.index);
    return true;
  }

  // `.*` or `[*]` and every attribute or index after it.
  bool splat() {
    const std::size_t m = mark();
    const bool attributes = peek_is(Punct::DotStar);
    take_anonymous(peek().punct);
    while (true) {
      if (peek_is(Punct::Dot)) {
        if (!dot_suffix()) return false;
      } else if (peek_is(Punct::LeftBracket)) {
        if (!bracket_index()) return false;
      } else {
        break;
      }
    }
    close(m, attributes ? sym_.attr_splat : sym_.full_splat);
    close(m, sym_.splat);
    return true;
  }

  bool primary() {
    const Token t = peek();
    const std::size_t m = mark();
    switch (t.kind) {
      case Tok::Number:
        take_as(0, false, ItemKind::Hidden);
        close(m, sym_.numeric_lit);
        close(m, sym_.literal_value);
        return true;
      case Tok::Identifier: return identifier_term(t);
      case Tok::Quote: {
        bool plain = false;
        if (!quoted(plain)) return false;
        if (plain) {
          close(m, sym_.string_lit);
          close(m, sym_.literal_value);
        } else {
          close(m, sym_.quoted_template);
          close(m, sym_.template_expr);
        }
        return true;
      }
      case Tok::Punct: break;
      default: return false;
    }
    switch (t.punct) {
      case Punct::LeftBracket: return tuple_or_for(m);
      case Punct::LeftBrace: return object_or_for(m);
      case Punct::LeftParen:
        take_anonymous(Punct::LeftParen);
        return expression() && expect(Punct::RightParen);
      case Punct::LessLess:
      case Punct::LessLessDash: return heredoc(m);
      default: return false;
    }
  }

  bool identifier_term(const Token& t) {
    const std::size_t m = mark();
    const std::string_view word = text_of(t);
    if (word == "true" || word == "false") {
      take_anonymous(word == "true" ? Punct::True : Punct::False);
      close(m, sym_.bool_lit);
      close(m, sym_.literal_value);
      return true;
    }
    if (word == "null") {
      take_as(sym_.null_lit);
      close(m, sym_.literal_value);
      return true;
    }
    take_identifier();
    if (!peek_is(Punct::LeftParen)) {
      close(m, sym_.variable_expr);
      return true;
    }
    take_anonymous(Punct::LeftParen);
    if (!peek_is(Punct::RightParen) && !arguments()) return false;
    if (!expect(Punct::RightParen)) return false;
    close(m, sym_.function_call);
    return true;
  }

  bool arguments() {
    const std::size_t m = mark();
    if (!expression()) return false;
    while (true) {
      if (peek_is(Punct::Ellipsis)) {
        take_as(sym_.ellipsis);
        break;
      }
      if (!peek_is(Punct::Comma)) break;
      take_anonymous(Punct::Comma);
      if (peek_is(Punct::RightParen)) break;
      if (!expression()) return false;
    }
    close(m, sym_.function_arguments);
    return true;
  }

  bool tuple_or_for(std::size_t m) {
    if (!expect_wrapped(Punct::LeftBracket, sym_.tuple_start)) return false;
    if (peek_keyword(Punct::For)) {
      if (!for_intro() || !expression()) return false;
      if (peek_keyword(Punct::If) && !for_cond()) return false;
      if (!expect_wrapped(Punct::RightBracket, sym_.tuple_end)) return false;
      close(m, sym_.for_tuple_expr);
      close(m, sym_.for_expr);
      return true;
    }
    if (!peek_is(Punct::RightBracket)) {
      if (!expression()) return false;
      while (peek_is(Punct::Comma)) {
        take_anonymous(Punct::Comma);
        if (peek_is(Punct::RightBracket)) break;
        if (!expression()) return false;
      }
    }
    if (!expect_wrapped(Punct::RightBracket, sym_.tuple_end)) return false;
    close(m, sym_.tuple);
    close(m, sym_.collection_value);
    return true;
  }

  // An object, or a `{ for ... }`; at the top of a file (a .tfvars written as an object) the
  // object stands alone.
  bool object_or_for(std::size_t m) {
    const bool top = m == 0 && stack_.empty();
    if (!expect_wrapped(Punct::LeftBrace, sym_.object_start)) return false;
    if (peek_keyword(Punct::For)) {
      if (top || !for_intro() || !expression() || !expect(Punct::Arrow) || !expression()) return false;
      if (peek_is(Punct::Ellipsis)) take_as(sym_.ellipsis);
      if (peek_keyword(Punct::If) && !for_cond()) return false;
      if (!expect_wrapped(Punct::RightBrace, sym_.object_end)) return false;
      close(m, sym_.for_object_expr);
      close(m, sym_.for_expr);
      return true;
    }
    bool first = true;
    while (!peek_is(Punct::RightBrace)) {
      if (!first && peek_is(Punct::Comma)) {
        take_anonymous(Punct::Comma);
        if (peek_is(Punct::RightBrace)) break;
      }
      if (!object_elem()) return false;
      first = false;
    }
    if (!expect_wrapped(Punct::RightBrace, sym_.object_end)) return false;
    close(m, sym_.object);
    if (!top) close(m, sym_.collection_value);
    return true;
  }

  // An expression that is `field` of the node being read.
  bool expression_as(TSFieldId field) {
    if (!expression()) return false;
    stack_.back().entry.field = field;  // the expression just closed: no comment can follow it yet
    return true;
  }

  bool object_elem() {
    const std::size_t m = mark();
    if (!expression_as(sym_.key) || !(peek_is(Punct::Equal) || peek_is(Punct::Colon))) return false;
    take_anonymous(peek().punct);
    if (!expression_as(sym_.val)) return false;
    close(m, sym_.object_elem);
    return true;
  }

  // `name [, name] in expression`, after a `for` (in an expression or a template directive).
  bool for_names() {
    if (!take_identifier()) return false;
    if (peek_is(Punct::Comma) && !(take_anonymous(Punct::Comma) && take_identifier())) return false;
    return expect_keyword(Punct::In) && expression();
  }

  bool for_intro() {
    const std::size_t m = mark();
    expect_keyword(Punct::For);
    if (!for_names() || !expect(Punct::Colon)) return false;
    close(m, sym_.for_intro);
    return true;
  }

  bool for_cond() {
    const std::size_t m = mark();
    expect_keyword(Punct::If);
    if (!expression()) return false;
    close(m, sym_.for_cond);
    return true;
  }

  // ---- templates, as the grammar's external scanner reads them ----

  // A quoted template from its `"` to its closing one; `plain` when it holds nothing but
  // text (a string_lit to the grammar, a quoted_template otherwise).
  bool quoted(bool& plain) {
    take_as(sym_.quoted_template_start);
    const std::size_t items = mark();
    if (!template_items({true, true, {}})) return false;
    plain = true;
    for (std::size_t i = items; i < stack_.size(); ++i) plain = plain && stack_[i].entry.symbol == sym_.template_literal;
    plain = plain && stack_.size() - items <= 1;
    push(offset32(pos_), offset32(pos_ + 1), sym_.quoted_template_end, true);
    ++pos_;
    return true;
  }

  bool heredoc(std::size_t m) {
    if (!expect_wrapped(peek().punct, sym_.heredoc_start)) return false;
    std::size_t at = pos_;
    while (at < text_.size() && is_space(text_[at])) ++at;
    std::size_t end = at;
    while (end < text_.size() && (is_alnum(text_[end]) || text_[end] == '_' || text_[end] == '-')) ++end;
    if (end == at || (end < text_.size() && static_cast<unsigned char>(text_[end]) >= 0x80)) return false;
    push(offset32(at), offset32(end), sym_.heredoc_identifier, true);
    pos_ = end;
    const TemplateContext context{false, true, text_.substr(at, end - at)};
    if (!template_items(context)) return false;
    push(offset32(pos_), offset32(pos_ + context.heredoc.size()), sym_.heredoc_identifier, true);
    pos_ += context.heredoc.size();
    close(m, sym_.heredoc_template);
    close(m, sym_.template_expr);
    return true;
  }

  // The keyword of the directive whose `%{` is at pos_ (after a strip marker), without
  // taking anything; empty when there is none.
  std::string_view next_directive() {
    std::size_t after = pos_ + 2;
    const std::size_t noted = lexer_.comments().size();
    if (!lexer_.skip_trivia(after)) return {};
    if (lexer_.char_at(after) == '~') {
      ++after;
      if (!lexer_.skip_trivia(after)) return {};
    }
    lexer_.comments().resize(noted);
    const Token keyword = lexer_.lex(after);
    return keyword.kind == Tok::Identifier ? text_of(keyword) : std::string_view{};
  }

  // The items of a template up to what ends it: its closing quote or heredoc identifier (pos_
  // is left on it), or, inside a directive's body, the `%{` of an else, endif or endfor.
  bool template_items(const TemplateContext& context) {
    std::size_t literal_start = std::string_view::npos;
    std::size_t literal_end = 0;
    const auto extend = [&](std::size_t start, std::size_t end) {
      if (literal_start == std::string_view::npos) literal_start = start;
      literal_end = end;
    };
    const auto flush = [&] {
      if (literal_start != std::string_view::npos) push(offset32(literal_start), offset32(literal_end), sym_.template_literal, true);
      literal_start = std::string_view::npos;
    };
    while (true) {
      bool newline = false;
      for (; pos_ < text_.size() && is_space(text_[pos_]); ++pos_) newline = newline || text_[pos_] == '\n';
      if (pos_ >= text_.size() || text_[pos_] == '\0') return false;
      const char c = text_[pos_];
      if (context.quoted && context.closable && c == '"') {
        flush();
        return true;
      }
      if ((c == '$' || c == '%') && lexer_.char_at(pos_ + 1) == '{') {
        flush();
        if (c == '$') {
          if (!interpolation()) return false;
          continue;
        }
        const std::string_view word = next_directive();
        if (word == "else" || word == "endif" || word == "endfor") return !context.closable;
        if (!directive(context, word)) return false;
        continue;
      }
      if (c == '$' || c == '%') {  // `$${` and `%%{` are text, as is a lone `$` or `%`
        std::size_t end = pos_ + 1;
        if (lexer_.char_at(end) == c) {
          ++end;
          if (lexer_.char_at(end) == '{') ++end;
        }
        extend(pos_, end);
        pos_ = end;
        continue;
      }
      if (!context.quoted && context.closable && newline) {
        const std::string_view id = context.heredoc;
        std::size_t matched = 0;
        while (matched < id.size() && lexer_.char_at(pos_ + matched) == id[matched]) ++matched;
        if (matched == id.size()) {
          std::size_t after = pos_ + matched;
          while (after < text_.size() && text_[after] != '\n' && is_space(text_[after])) ++after;
          if (lexer_.char_at(after) == '\n') {
            flush();
            return true;
          }
          if (after >= text_.size() || static_cast<unsigned char>(text_[after]) >= 0x80) return false;
          extend(pos_, after + 1);
          pos_ = after + 1;
          continue;
        }
        extend(pos_, pos_ + matched);
        pos_ += matched;
        continue;
      }
      std::size_t length = 0;
      if (context.quoted && c == '\\') {
        length = escape_length(pos_);
      } else if (static_cast<unsigned char>(c) < 0x80) {
        length = 1;
      } else if (const Utf8Sequence character = utf8_sequence(text_.substr(pos_)); character.valid) {
        length = character.length;
      }
      if (length == 0) return false;
      extend(pos_, pos_ + length);
      pos_ += length;
    }
  }

  // The length of the escape sequence at `at` in a quoted template, 0 for one the grammar
  // does not take.
  std::size_t escape_length(std::size_t at) const {
    const char next = lexer_.char_at(at + 1);
    if (next == '"' || next == 'n' || next == 'r' || next == 't' || next == '\\') return 2;
    const std::size_t digits = next == 'u' ? 4 : next == 'U' ? 8 : 0;
    if (digits == 0) return 0;
    for (std::size_t i = 0; i < digits; ++i) {
      if (!is_hex(lexer_.char_at(at + 2 + i))) return 0;
    }
    return 2 + digits;
  }

  // `${` [~] [expression] [~] `}`.
  bool interpolation() {
    const std::size_t m = mark();
    push(offset32(pos_), offset32(pos_ + 2), sym_.template_interpolation_start, true);
    pos_ += 2;
    strip_marker();
    if (!peek_is(Punct::Tilde) && !peek_is(Punct::RightBrace) && !expression()) return false;
    strip_marker();
    if (!peek_is(Punct::RightBrace)) return false;
    take_as(sym_.template_interpolation_end);
    close(m, sym_.template_interpolation);
    return true;
  }

  void strip_marker() {
    if (peek_is(Punct::Tilde)) take_as(sym_.strip_marker);
  }

  // `%{` [~] keyword ... [~] `}` as one node of `symbol`; `rest` reads what follows the keyword.
  template <class Rest>
  bool directive_tag(Punct keyword, TSSymbol symbol, Rest&& rest) {
    const std::size_t m = mark();
    push(offset32(pos_), offset32(pos_ + 2), sym_.template_directive_start, true);
    pos_ += 2;
    strip_marker();
    if (!expect_keyword(keyword) || !rest()) return false;
    strip_marker();
    if (!peek_is(Punct::RightBrace)) return false;
    take_as(sym_.template_directive_end);
    close(m, symbol);
    return true;
  }

  bool directive(const TemplateContext& context, std::string_view word) {
    if (++depth_ > kMaxDepth) return false;
    const TemplateContext body{context.quoted, false, context.heredoc};
    const std::size_t m = mark();
    const auto none = [] { return true; };
    if (word == "if") {
      if (!directive_tag(Punct::If, sym_.template_if_intro, [&] { return expression(); }) || !template_items(body)) {
        return false;
      }
      if (next_directive() == "else") {
        if (!directive_tag(Punct::Else, sym_.template_else_intro, none) || !template_items(body)) return false;
      }
      if (next_directive() != "endif" || !directive_tag(Punct::EndIf, sym_.template_if_end, none)) return false;
      close(m, sym_.template_if);
    } else if (word == "for") {
      if (!directive_tag(Punct::For, sym_.template_for_start, [&] { return for_names(); }) || !template_items(body)) {
        return false;
      }
      if (next_directive() != "endfor" || !directive_tag(Punct::EndFor, sym_.template_for_end, none)) return false;
      close(m, sym_.template_for);
    } else {
      return false;
    }
    close(m, sym_.template_directive);
    --depth_;
    return true;
  }

  std::string_view text_;
  FileId file_;
  const Symbols& sym_;
  Lexer lexer_;
  std::vector<Item> stack_;
  std::vector<Entry> nodes_;
  std::vector<std::uint32_t> named_;
  std::size_t pos_ = 0;  // where the next token's trivia begins
  bool peeked_ = false;
  Token next_;
  bool failed_ = false;
  int depth_ = 0;
};

}  // namespace

std::unique_ptr<ts::SyntaxTree> parse_hcl(std::string_view text, FileId file) { return Parser(text, file).run(); }

std::unique_ptr<ts::SyntaxTree> read_hcl(std::string_view text, FileId file, std::optional<Diagnostic>& error) {
  if (auto tree = parse_hcl(text, file)) return tree;
  // The tree-sitter tree is copied and freed here; the copy lives as long as the file's expressions.
  const ts::Document parsed(tree_sitter_hcl(), text, file);
  if (auto found = parsed.first_syntax_error()) {
    error = std::move(found);
    return nullptr;
  }
  return std::make_unique<ts::SyntaxTree>(parsed);
}

}  // namespace akslint::terraform
