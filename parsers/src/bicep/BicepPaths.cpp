#include "bicep/BicepPaths.h"

#include "bicep/BicepLexer.h"

namespace akslint::bicep {

std::string resolve_path(std::string_view from_file, std::string_view relative) {
  std::vector<std::string_view> parts;
  const auto slash = from_file.rfind('/');
  std::string_view rest = slash == std::string_view::npos ? std::string_view{} : from_file.substr(0, slash);
  std::string joined = std::string(rest) + (rest.empty() ? "" : "/") + std::string(relative);
  for (char& c : joined) c = c == '\\' ? '/' : c;
  std::string_view todo = joined;
  while (!todo.empty()) {
    const auto end = todo.find('/');
    const std::string_view part = todo.substr(0, end);
    todo = end == std::string_view::npos ? std::string_view{} : todo.substr(end + 1);
    if (part.empty() || part == ".") continue;
    if (part == "..") {
      if (parts.empty()) return {};
      parts.pop_back();
      continue;
    }
    parts.push_back(part);
  }
  std::string out;
  for (const auto part : parts) {
    if (!out.empty()) out += '/';
    out += part;
  }
  return out;
}

bool is_remote_reference(std::string_view path) {
  for (const std::string_view scheme : {"br:", "br/", "ts:", "ts/"}) {
    if (path.substr(0, scheme.size()) == scheme) return true;
  }
  return false;
}

std::vector<std::string> local_module_paths(std::string_view from_file, std::string_view text) {
  // `module <name> '<path>'` at the start of a line, read from the tokens (no full parse).
  const auto tokens = lex(text).tokens;
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

}  // namespace akslint::bicep
