#include "ModuleGraph.h"

namespace akslint {

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

std::set<std::string> reached_only_as_modules(const std::map<std::string, std::vector<std::string>>& uses,
                                              const std::set<std::string>& pinned) {
  std::set<std::string> called;
  for (const auto& [unit, targets] : uses) called.insert(targets.begin(), targets.end());
  std::vector<std::string> todo;
  for (const auto& [unit, targets] : uses) {
    if (!called.contains(unit) || pinned.contains(unit)) todo.push_back(unit);
  }
  const std::set<std::string> entries(todo.begin(), todo.end());
  std::set<std::string> reached;
  while (!todo.empty()) {
    const std::string unit = std::move(todo.back());
    todo.pop_back();
    const auto it = uses.find(unit);
    if (it == uses.end()) continue;
    for (const auto& target : it->second) {
      if (!entries.contains(target) && reached.insert(target).second) todo.push_back(target);
    }
  }
  return reached;
}

}  // namespace akslint
