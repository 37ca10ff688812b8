#include <akslint/parsers/ModuleCache.h>

#include "ModuleGraph.h"
#include "bicep/BicepTemplate.h"
#include "terraform/Module.h"

namespace akslint {

namespace {

// Adds one caller to `count` for each of `keys`.
template <class Key>
void count_callers(const std::vector<Key>& keys, std::map<Key, std::size_t>& count) {
  for (const auto& key : keys) ++count[key];
}

}  // namespace

ModuleCache::ModuleCache(const FileTable& files, const std::vector<DeploymentUnit>& units)
    : ModuleCache(files, units, find_module_calls(files)) {}

ModuleCache::ModuleCache(const FileTable& files, const std::vector<DeploymentUnit>& units, const ModuleCalls& calls) {
  for (FileId id = 0; id < files.size(); ++id) {
    const SourceFile& f = files[id];
    if (f.format == FileFormat::Terraform || f.format == FileFormat::TerraformJson) {
      files_by_dir_[std::string(directory_of(f.path))].push_back(id);
    }
  }
  std::map<std::string, std::size_t> directory_callers;
  std::map<FileId, std::size_t> program_callers;
  for (const auto& unit : units) {
    if (unit.files.empty()) continue;
    Reached reached;
    if (unit.kind == UnitKind::TerraformModule) {
      const auto dirs = reachable(calls.terraform, {unit.name == "." ? std::string() : unit.name});
      reached.directories.assign(dirs.begin(), dirs.end());
    } else if (unit.kind == UnitKind::Bicep) {
      // The entry counts too: another entry may use it as a module.
      const std::string& entry = files[unit.files.front()].path;
      auto paths = reachable(calls.bicep, {entry});
      paths.insert(entry);
      for (const auto& path : paths) {
        if (const auto id = files.find(path)) reached.programs.push_back(*id);
      }
    }
    if (reached.directories.empty() && reached.programs.empty()) continue;
    for (const auto& dir : reached.directories) {
      for (const FileId id : files_in(dir)) reached.bytes += files[id].text.size();
    }
    for (const FileId id : reached.programs) {
      if (id != unit.files.front()) reached.bytes += files[id].text.size();
    }
    count_callers(reached.directories, directory_callers);
    count_callers(reached.programs, program_callers);
    reached_.emplace(unit.files.front(), std::move(reached));
  }
  for (const auto& [dir, count] : directory_callers) terraform.count(dir, count);
  for (const auto& [id, count] : program_callers) bicep.count(id, count);
}

ModuleCache::~ModuleCache() = default;

std::span<const FileId> ModuleCache::files_in(const std::string& dir) const {
  const auto it = files_by_dir_.find(dir);
  return it == files_by_dir_.end() ? std::span<const FileId>{} : std::span<const FileId>(it->second);
}

std::size_t ModuleCache::module_bytes(const DeploymentUnit& unit) const {
  const auto it = unit.files.empty() ? reached_.end() : reached_.find(unit.files.front());
  return it == reached_.end() ? 0 : it->second.bytes;
}

void ModuleCache::done(const DeploymentUnit& unit) {
  if (unit.files.empty()) return;
  const auto it = reached_.find(unit.files.front());
  if (it == reached_.end()) return;
  terraform.release(it->second.directories);
  bicep.release(it->second.programs);
}

}  // namespace akslint
