#include <akslint/parsers/ModuleCache.h>

#include "ModuleGraph.h"
#include "bicep/BicepPaths.h"
#include "bicep/BicepTemplate.h"
#include "terraform/Module.h"

#include <iterator>

namespace akslint {

namespace {

// Adds one caller to `count` for each of `keys`.
template <class Key>
void count_callers(const std::vector<Key>& keys, std::map<Key, std::size_t>& count) {
  for (const auto& key : keys) ++count[key];
}

}  // namespace

ModuleCache::ModuleCache(const FileTable& files, const std::vector<DeploymentUnit>& units) {
  for (FileId id = 0; id < files.size(); ++id) {
    const SourceFile& f = files[id];
    if (f.format == FileFormat::Terraform || f.format == FileFormat::TerraformJson) {
      files_by_dir_[std::string(directory_of(f.path))].push_back(id);
    }
  }
  if (units.empty()) return;
  const auto terraform_calls = terraform_module_calls(files);
  const auto bicep_calls = bicep::local_module_graph(files);
  std::map<std::string, std::size_t> directory_callers;
  std::map<FileId, std::size_t> program_callers;
  for (const auto& unit : units) {
    Calls& calls = calls_[unit.files.front()];
    if (unit.kind == UnitKind::TerraformModule) {
      const auto reached = reachable(terraform_calls, {unit.name == "." ? std::string() : unit.name});
      calls.directories.assign(reached.begin(), reached.end());
    } else if (unit.kind == UnitKind::Bicep) {
      // The entry counts too: another entry may use it as a module.
      const std::string& entry = files[unit.files.front()].path;
      auto reached = reachable(bicep_calls, {entry});
      reached.insert(entry);
      for (const auto& path : reached) {
        if (const auto id = files.find(path)) calls.programs.push_back(*id);
      }
    }
    count_callers(calls.directories, directory_callers);
    count_callers(calls.programs, program_callers);
  }
  for (const auto& [dir, count] : directory_callers) terraform.count(dir, count);
  for (const auto& [id, count] : program_callers) bicep.count(id, count);
  // Families are numbered by their module: directories in order, then programs.
  for (auto& [entry, calls] : calls_) {
    for (const auto& dir : calls.directories) {
      if (calls.family || directory_callers[dir] < 2) continue;
      calls.family = static_cast<std::size_t>(std::distance(directory_callers.begin(), directory_callers.find(dir)));
    }
    for (const FileId id : calls.programs) {
      if (calls.family || program_callers[id] < 2) continue;
      calls.family = directory_callers.size() +
                     static_cast<std::size_t>(std::distance(program_callers.begin(), program_callers.find(id)));
    }
  }
}

std::optional<std::size_t> ModuleCache::family(const DeploymentUnit& unit) const {
  if (unit.files.empty()) return std::nullopt;
  const auto it = calls_.find(unit.files.front());
  return it != calls_.end() ? it->second.family : std::nullopt;
}

ModuleCache::~ModuleCache() = default;

std::span<const FileId> ModuleCache::files_in(const std::string& dir) const {
  const auto it = files_by_dir_.find(dir);
  return it == files_by_dir_.end() ? std::span<const FileId>{} : std::span<const FileId>(it->second);
}

void ModuleCache::done(const DeploymentUnit& unit) {
  if (unit.files.empty()) return;
  const auto it = calls_.find(unit.files.front());
  if (it == calls_.end()) return;
  terraform.release(it->second.directories);
  bicep.release(it->second.programs);
}

}  // namespace akslint
