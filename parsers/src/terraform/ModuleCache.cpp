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
    : ModuleCache(files, units, units.empty() ? ModuleCalls{} : find_module_calls(files)) {}

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
    Reached& reached = reached_[unit.files.front()];
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
    count_callers(reached.directories, directory_callers);
    count_callers(reached.programs, program_callers);
  }
  for (const auto& [dir, count] : directory_callers) terraform.count(dir, count);
  for (const auto& [id, count] : program_callers) bicep.count(id, count);
  number_families(directory_callers, program_callers);
}

void ModuleCache::number_families(const std::map<std::string, std::size_t>& directory_callers,
                                  const std::map<FileId, std::size_t>& program_callers) {
  // A family is numbered by its module: kept directories in order, then kept programs.
  std::map<std::string, std::size_t> directory_family;
  std::map<FileId, std::size_t> program_family;
  for (const auto& [dir, count] : directory_callers) {
    if (count > 1) directory_family.emplace(dir, directory_family.size());
  }
  for (const auto& [id, count] : program_callers) {
    if (count > 1) program_family.emplace(id, directory_family.size() + program_family.size());
  }
  for (auto& [entry, reached] : reached_) {
    for (const auto& dir : reached.directories) {
      if (const auto it = directory_family.find(dir); !reached.family && it != directory_family.end()) reached.family = it->second;
    }
    for (const FileId id : reached.programs) {
      if (const auto it = program_family.find(id); !reached.family && it != program_family.end()) reached.family = it->second;
    }
  }
}

std::optional<std::size_t> ModuleCache::family(const DeploymentUnit& unit) const {
  if (unit.files.empty()) return std::nullopt;
  const auto it = reached_.find(unit.files.front());
  return it != reached_.end() ? it->second.family : std::nullopt;
}

ModuleCache::~ModuleCache() = default;

std::span<const FileId> ModuleCache::files_in(const std::string& dir) const {
  const auto it = files_by_dir_.find(dir);
  return it == files_by_dir_.end() ? std::span<const FileId>{} : std::span<const FileId>(it->second);
}

void ModuleCache::done(const DeploymentUnit& unit) {
  if (unit.files.empty()) return;
  const auto it = reached_.find(unit.files.front());
  if (it == reached_.end()) return;
  terraform.release(it->second.directories);
  bicep.release(it->second.programs);
}

}  // namespace akslint
