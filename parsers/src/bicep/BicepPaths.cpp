#include "bicep/BicepPaths.h"

#include "bicep/BicepLexer.h"

#include <map>

namespace akslint::bicep {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return out;
}

}  // namespace

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

std::string using_target(std::string_view from_file, std::string_view text) {
  const auto tokens = lex(text).tokens;
  for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
    if (tokens[i].kind == Tok::Identifier && tokens[i].text == "using" && tokens[i + 1].kind == Tok::String) {
      return resolve_path(from_file, tokens[i + 1].text);
    }
  }
  return {};
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

std::set<std::string> module_only_files(const FileTable& files, const std::set<std::string>& deployed) {
  std::map<std::string, std::vector<std::string>> modules;  // Bicep file -> local modules it uses
  std::map<std::string, std::string> folded;                 // lower-case path -> path, as the reader finds them
  for (const auto& f : files) {
    if (f.format != FileFormat::Bicep) continue;
    modules[f.path];
    folded.emplace(lower(f.path), f.path);
  }
  std::set<std::string> used;
  for (const auto& f : files) {
    if (f.format != FileFormat::Bicep) continue;
    for (const auto& written : local_module_paths(f.path, f.text)) {
      const auto it = folded.find(lower(written));
      const std::string target = modules.contains(written) ? written : it != folded.end() ? it->second : "";
      if (target.empty() || target == f.path) continue;
      used.insert(target);
      modules[f.path].push_back(target);
    }
  }
  std::vector<std::string> todo;
  for (const auto& [path, targets] : modules) {
    if (!used.contains(path) || deployed.contains(path)) todo.push_back(path);
  }
  std::set<std::string> entries(todo.begin(), todo.end());
  std::set<std::string> reached;
  while (!todo.empty()) {
    const std::string path = std::move(todo.back());
    todo.pop_back();
    for (const auto& target : modules[path]) {
      if (!entries.contains(target) && reached.insert(target).second) todo.push_back(target);
    }
  }
  return reached;
}

}  // namespace akslint::bicep
