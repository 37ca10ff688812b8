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

std::vector<std::string> local_module_paths(std::string_view from_file, std::string_view text) {
  // `module <name> '<path>'` at the start of a line, read from the tokens (no full parse).
  const LexResult lexed = lex(text);
  const std::vector<Token>& tokens = lexed.tokens;
  std::vector<std::string> out;
  for (std::size_t i = 0; i + 2 < tokens.size(); ++i) {
    const bool line_start = i == 0 || tokens[i - 1].kind == Tok::NewLine;
    if (!line_start || tokens[i].kind != Tok::Identifier || tokens[i].text != "module") continue;
    if (tokens[i + 1].kind != Tok::Identifier || tokens[i + 2].kind != Tok::String) continue;
    if (is_remote_reference(tokens[i + 2].text)) continue;
    if (auto path = resolve_path(from_file, tokens[i + 2].text); !path.empty()) out.push_back(std::move(path));
  }
  return out;
}

std::map<std::string, std::vector<std::string>> local_module_graph(const FileTable& files, unsigned jobs) {
  // Lexing is the cost here, spread over the threads; a file without the keyword declares no module.
  const auto written = paths_in_files(files, jobs, [](const SourceFile& f) {
    const bool may_declare = f.format == FileFormat::Bicep && contains_text(f.text.view(), "module");
    return may_declare ? local_module_paths(f.path, f.text) : std::vector<std::string>{};
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
