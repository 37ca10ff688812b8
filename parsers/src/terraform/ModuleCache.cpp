#include <akslint/parsers/ModuleCache.h>

#include "ModuleGraph.h"
#include "terraform/Module.h"

namespace akslint {

ModuleCache::ModuleCache(const FileTable& files, const std::vector<DeploymentUnit>& units) {
  for (FileId id = 0; id < files.size(); ++id) {
    const SourceFile& f = files[id];
    if (f.format == FileFormat::Terraform || f.format == FileFormat::TerraformJson) {
      files_by_dir_[std::string(directory_of(f.path))].push_back(id);
    }
  }
  if (units.empty()) return;
  const auto calls = terraform_module_calls(files);
  std::map<std::string, std::size_t> callers;
  for (const auto& unit : units) {
    if (unit.kind != UnitKind::TerraformModule) continue;
    const std::string root = unit.name == "." ? std::string() : unit.name;
    for (const auto& dir : reachable(calls, {root})) ++callers[dir];
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
