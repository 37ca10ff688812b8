#include "ModuleGraph.h"

#include <akslint/model/Parallel.h>
#include <akslint/model/TextSearch.h>

#include <cstddef>
#include <functional>

namespace akslint {

std::string_view directory_of(std::string_view path) {
  const auto slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string_view{} : path.substr(0, slash);
}

std::vector<std::string_view> assigned_strings(std::string_view text, std::string_view key) {
  std::vector<std::string_view> out;
  for (std::size_t from = 0;;) {
    const std::size_t found = find_text(text, key, from);
    if (found == std::string_view::npos) break;
    from = found + key.size();
    std::size_t i = from;
    auto skip = [&](std::string_view chars) {
      while (i < text.size() && chars.find(text[i]) != std::string_view::npos) ++i;
    };
    skip("\" \t\r\n");
    if (i >= text.size() || (text[i] != '=' && text[i] != ':')) continue;
    ++i;
    skip(" \t\r\n");
    if (i >= text.size() || text[i] != '"') continue;
    const auto close = text.find('"', i + 1);
    if (close == std::string_view::npos) break;
    out.push_back(text.substr(i + 1, close - i - 1));
  }
  return out;
}

std::vector<std::string> terraform_local_modules(std::string_view path, std::string_view text) {
  std::vector<std::string> out;
  for (const auto source : assigned_strings(text, "source")) {
    if (!source.starts_with("./") && !source.starts_with("../")) continue;
    if (auto dir = resolve_within(path, source)) out.push_back(std::move(*dir));
  }
  return out;
}

std::string resolve_path(std::string_view from_file, std::string_view relative) {
  return resolve_within(from_file, relative).value_or(std::string());
}

std::optional<std::string> resolve_within(std::string_view from_file, std::string_view relative) {
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
      if (parts.empty()) return std::nullopt;
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

std::vector<std::vector<std::string>> paths_in_files(
    const FileTable& files, unsigned jobs, const std::function<std::vector<std::string>(const SourceFile&)>& find) {
  std::vector<std::vector<std::string>> found(files.size());
  parallel_for(files.size(), jobs, [&](std::size_t id) { found[id] = find(files[static_cast<FileId>(id)]); });
  return found;
}

std::map<std::string, std::vector<std::string>> terraform_module_calls(const FileTable& files, unsigned jobs) {
  const auto is_configuration = [](const SourceFile& f) {
    return f.format == FileFormat::Terraform || f.format == FileFormat::TerraformJson;
  };
  auto written = paths_in_files(files, jobs, [&](const SourceFile& f) {
    return is_configuration(f) ? terraform_local_modules(f.path, f.text) : std::vector<std::string>{};
  });
  std::map<std::string, std::vector<std::string>> calls;
  for (FileId id = 0; id < files.size(); ++id) {
    if (!is_configuration(files[id])) continue;
    const std::string dir(directory_of(files[id].path));
    auto& targets = calls[dir];
    for (auto& target : written[id]) {
      if (target != dir) targets.push_back(std::move(target));
    }
  }
  return calls;
}

std::set<std::string> reachable(const std::map<std::string, std::vector<std::string>>& uses,
                                const std::set<std::string>& from) {
  std::vector<std::string> todo(from.begin(), from.end());
  std::set<std::string> reached;
  while (!todo.empty()) {
    const std::string unit = std::move(todo.back());
    todo.pop_back();
    const auto it = uses.find(unit);
    if (it == uses.end()) continue;
    for (const auto& target : it->second) {
      if (!from.contains(target) && reached.insert(target).second) todo.push_back(target);
    }
  }
  return reached;
}

std::set<std::string> reached_only_as_modules(const std::map<std::string, std::vector<std::string>>& uses,
                                              const std::set<std::string>& pinned) {
  std::set<std::string> called;
  for (const auto& [unit, targets] : uses) called.insert(targets.begin(), targets.end());
  std::set<std::string> entries;
  for (const auto& [unit, targets] : uses) {
    if (!called.contains(unit) || pinned.contains(unit)) entries.insert(unit);
  }
  return reachable(uses, entries);
}

}  // namespace akslint
