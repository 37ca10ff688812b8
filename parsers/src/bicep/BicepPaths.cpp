#include "bicep/BicepPaths.h"

#include "ModuleGraph.h"

#include "bicep/BicepLexer.h"

#include <akslint/model/TextSearch.h>

#include <map>
#include <optional>

namespace akslint::bicep {

std::optional<FileId> find_file(const FileTable& files, std::string_view path) {
  if (const auto exact = files.find(path)) return exact;
  return files.find_ignoring_case(path);
}

bool is_remote_reference(std::string_view path) {
  for (const std::string_view scheme : {"br:", "br/", "ts:", "ts/"}) {
    if (path.substr(0, scheme.size()) == scheme) return true;
  }
  return false;
}

std::string using_target(std::string_view from_file, std::string_view text) {
  const LexResult lexed = lex(text);
  const std::vector<Token>& tokens = lexed.tokens;
  for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
    if (tokens[i].kind == Tok::Identifier && tokens[i].text == "using" && tokens[i + 1].kind == Tok::String) {
      return resolve_path(from_file, tokens[i + 1].text);
    }
  }
  return {};
}

namespace {

using Paths = std::vector<std::string>;

void add_local_module(std::string_view from_file, std::string_view written, Paths& out) {
  if (is_remote_reference(written)) return;
  if (auto path = resolve_path(from_file, written); !path.empty()) out.push_back(std::move(path));
}

// `module <name> '<path>'` as the first tokens of a line, read from the tokens.
Paths lexed_module_paths(std::string_view from_file, std::string_view text) {
  const LexResult lexed = lex(text);
  const std::vector<Token>& tokens = lexed.tokens;
  Paths out;
  for (std::size_t i = 0; i + 2 < tokens.size(); ++i) {
    const bool line_start = i == 0 || tokens[i - 1].kind == Tok::NewLine;
    if (!line_start || tokens[i].kind != Tok::Identifier || tokens[i].text != "module") continue;
    if (tokens[i + 1].kind != Tok::Identifier || tokens[i + 2].kind != Tok::String) continue;
    add_local_module(from_file, tokens[i + 2].text, out);
  }
  return out;
}

bool is_blank(char c) { return c == ' ' || c == '\t'; }

// Where the token starting at `at` begins its line: only blanks before it on the line.
bool first_on_line(std::string_view text, std::size_t at, std::size_t start) {
  while (at > start && is_blank(text[at - 1])) --at;
  return at == start || text[at - 1] == '\n' || text[at - 1] == '\r';
}

// The same declarations found from the text alone, which costs a fraction of lexing it. Only
// a block comment or a '''...''' string can span lines ('...' strings end at theirs), so in a
// file with neither every line starts among tokens. nullopt when the lexer must decide: the
// file has either, or a declaration's path has an escape to decode.
std::optional<Paths> scanned_module_paths(std::string_view from_file, std::string_view text) {
  const std::size_t start = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;  // after a byte order mark
  std::size_t at = find_text(text, "module", start);
  if (at == std::string_view::npos) return Paths{};
  // Found from their first bytes, which are rare enough for memchr to skip to.
  if (text.find("/*") != std::string_view::npos || text.find("'''") != std::string_view::npos) return std::nullopt;
  Paths out;
  for (; at != std::string_view::npos; at = find_text(text, "module", at + 1)) {
    std::size_t p = at + 6;
    if (!first_on_line(text, at, start) || p >= text.size() || !is_blank(text[p])) continue;
    while (p < text.size() && is_blank(text[p])) ++p;
    if (p >= text.size() || !is_identifier_start(text[p])) continue;  // `module` with no symbol after it
    while (p < text.size() && is_identifier_char(text[p])) ++p;
    while (p < text.size() && is_blank(text[p])) ++p;
    if (p >= text.size() || text[p] != '\'') continue;
    const std::size_t end = text.find_first_of("'\n\r\\", p + 1);
    const std::string_view written = text.substr(p + 1, end == std::string_view::npos ? end : end - p - 1);
    if (written.find("${") != std::string_view::npos) continue;  // interpolated: not a plain string
    if (end != std::string_view::npos && text[end] == '\\') return std::nullopt;
    if (end == std::string_view::npos || text[end] != '\'') continue;  // unterminated
    add_local_module(from_file, written, out);
  }
  return out;
}

}  // namespace

std::vector<std::string> local_module_paths(std::string_view from_file, std::string_view text) {
  if (auto scanned = scanned_module_paths(from_file, text)) return std::move(*scanned);
  return lexed_module_paths(from_file, text);
}

std::map<std::string, std::vector<std::string>> local_module_graph(const FileTable& files, unsigned jobs) {
  // Spread over the threads, for the files that must be lexed.
  const auto written = paths_in_files(files, jobs, [](const SourceFile& f) {
    return f.format == FileFormat::Bicep ? local_module_paths(f.path, f.text) : Paths{};
  });
  std::map<std::string, std::vector<std::string>> modules;  // Bicep file -> local modules it uses
  for (const auto& f : files) {
    if (f.format == FileFormat::Bicep) modules[f.path];
  }
  for (FileId id = 0; id < files.size(); ++id) {
    const std::string& from = files[id].path;
    for (const auto& path : written[id]) {
      const auto target = find_file(files, path);
      if (!target || files[*target].format != FileFormat::Bicep || files[*target].path == from) continue;
      modules[from].push_back(files[*target].path);
    }
  }
  return modules;
}

}  // namespace akslint::bicep
