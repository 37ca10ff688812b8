#include "ts/TsTree.h"

#include "Budget.h"

#include <fmt/format.h>

#include <chrono>
#include <memory>
#include <stdexcept>

namespace akslint::ts {

namespace {

struct ParserDeleter {
  void operator()(TSParser* parser) const { ts_parser_delete(parser); }
};

struct ParseInput {
  std::string_view text;
  std::chrono::steady_clock::time_point deadline;
};

const char* read_input(void* payload, uint32_t byte_index, TSPoint /*position*/, uint32_t* bytes_read) {
  const auto* input = static_cast<const ParseInput*>(payload);
  const std::string_view rest = byte_index < input->text.size() ? input->text.substr(byte_index) : std::string_view{};
  *bytes_read = static_cast<uint32_t>(rest.size());
  return rest.data();
}

bool out_of_time(TSParseState* state) {
  return std::chrono::steady_clock::now() > static_cast<const ParseInput*>(state->payload)->deadline;
}

// Shortens a source excerpt for a message: first line, at most 40 bytes.
std::string_view excerpt(std::string_view s) {
  s = s.substr(0, s.find('\n'));
  return s.substr(0, 40);
}

}  // namespace

Document::Document(const TSLanguage* language, std::string_view text, FileId file) : text_(text), file_(file) {
  // A parser per document, made in the document's arena: one reused from file to file would
  // keep blocks (its stack, its pools) that it grew in an arena since released.
  const std::unique_ptr<TSParser, ParserDeleter> parser(ts_parser_new());
  if (!ts_parser_set_language(parser.get(), language)) {
    throw std::logic_error("tree-sitter grammar ABI does not match the runtime");
  }
  ParseInput input{text, budget::deadline()};
  const TSInput source{&input, read_input, TSInputEncodingUTF8, nullptr};
  tree_ = ts_parser_parse_with_options(parser.get(), nullptr, source, TSParseOptions{&input, out_of_time});
}

std::string_view Document::text(TSNode node) const {
  const auto begin = ts_node_start_byte(node);
  const auto end = ts_node_end_byte(node);
  return text_.substr(begin, end - begin);
}

SourceSpan Document::span(TSNode node) const { return {file_, ts_node_start_byte(node), ts_node_end_byte(node)}; }

std::optional<Diagnostic> Document::first_syntax_error() const {
  if (!ok()) {
    return Diagnostic{DiagnosticLevel::Error, "parse-time-limit",
                      fmt::format("parsing ran past the time limit of {} s (--unit-timeout); the file was not analysed",
                                  budget::time_limit().count()),
                      file_, {}};
  }
  TSNode node = root();
  if (!ts_node_has_error(node)) return std::nullopt;
  // Descend towards the first error without recursion: at each level take the first
  // child that is or contains an error.
  while (!ts_node_is_error(node) && !ts_node_is_missing(node)) {
    bool descended = false;
    const uint32_t n = ts_node_child_count(node);
    for (uint32_t i = 0; i < n; ++i) {
      const TSNode child = ts_node_child(node, i);
      if (ts_node_has_error(child) || ts_node_is_missing(child)) {
        node = child;
        descended = true;
        break;
      }
    }
    if (!descended) break;
  }
  // An ERROR node often starts at the last good separator (a comma); its first named child is
  // where the reader stopped making sense of the text, which is what a person looks for.
  const TSNode anchor = ts_node_is_error(node) && ts_node_named_child_count(node) > 0 ? ts_node_named_child(node, 0) : node;
  const SourceSpan where = span(anchor);
  std::string message;
  if (ts_node_is_missing(node)) {
    message = fmt::format("syntax error: missing {}", ts_node_type(node));
  } else {
    const auto bad = excerpt(text(node));
    message = bad.empty() ? std::string("syntax error") : fmt::format("syntax error: unexpected `{}`", bad);
  }
  return Diagnostic{DiagnosticLevel::Error, "syntax-error", message + "; the file was not analysed", file_, where};
}

std::string_view type(TSNode node) { return ts_node_type(node); }

TSNode field(TSNode node, std::string_view name) {
  return ts_node_child_by_field_name(node, name.data(), static_cast<uint32_t>(name.size()));
}

bool is_null(TSNode node) { return ts_node_is_null(node); }

}  // namespace akslint::ts
