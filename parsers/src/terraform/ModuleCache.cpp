#include <akslint/parsers/ModuleCache.h>

#include "ModuleGraph.h"
#include "terraform/Module.h"

#include <set>

namespace akslint {

ModuleCache::ModuleCache(const FileTable& files, const std::vector<DeploymentUnit>& units) {
  std::map<std::string, std::set<std::string>> calls;  // directory -> local modules its files call
  for (FileId id = 0; id < files.size(); ++id) {
    const SourceFile& f = files[id];
    if (f.format != FileFormat::Terraform && f.format != FileFormat::TerraformJson) continue;
    const std::string dir(directory_of(f.path));
    files_by_dir_[dir].push_back(id);
    if (units.empty()) continue;
    for (auto& target : terraform_local_modules(f.path, f.text)) calls[dir].insert(std::move(target));
  }
  std::map<std::string, std::size_t> callers;
  for (const auto& unit : units) {
    if (unit.kind != UnitKind::TerraformModule) continue;
    const std::string root = unit.name == "." ? std::string() : unit.name;
    std::set<std::string> reached;
    std::vector<std::string> todo{root};
    while (!todo.empty()) {
      const std::string dir = std::move(todo.back());
      todo.pop_back();
      const auto it = calls.find(dir);
      if (it == calls.end()) continue;
      for (const auto& target : it->second) {
        if (target != root && reached.insert(target).second) todo.push_back(target);
      }
    }
    for (const auto& dir : reached) ++callers[dir];
  }
  for (const auto& [dir, count] : callers) {
    if (count > 1) entries_[dir].callers = count;
  }
}

ModuleCache::~ModuleCache() = default;

std::span<const FileId> ModuleCache::files_in(const std::string& dir) const {
  const auto it = files_by_dir_.find(dir);
  return it == files_by_dir_.end() ? std::span<const FileId>{} : std::span<const FileId>(it->second);
}

ModuleCache::Config ModuleCache::load(const std::string& dir, const std::function<Config(bool& complete)>& parse) {
  bool shared = false;
  {
    const std::lock_guard guard(lock_);
    if (const auto it = entries_.find(dir); it != entries_.end()) {
      if (it->second.config) return it->second.config;
      shared = true;
    }
  }
  // Parsed outside the lock. When two threads parse the same directory at once, the first
  // result is kept and both use it (they are the same).
  bool complete = true;
  Config parsed = parse(complete);
  if (!shared || !complete) return parsed;
  const std::lock_guard guard(lock_);
  auto& entry = entries_.at(dir);
  if (!entry.config && entry.released < entry.callers) entry.config = parsed;
  return entry.config ? entry.config : parsed;
}

void ModuleCache::release(const std::vector<std::string>& dirs) {
  const std::lock_guard guard(lock_);
  for (const auto& dir : dirs) {
    const auto it = entries_.find(dir);
    if (it == entries_.end()) continue;
    if (++it->second.released >= it->second.callers) it->second.config.reset();
  }
}

}  // namespace akslint
