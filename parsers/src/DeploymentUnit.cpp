#include <akslint/parsers/DeploymentUnit.h>

#include "Budget.h"
#include "Frontends.h"
#include "ModuleGraph.h"
#include "bicep/BicepPaths.h"
#include "terraform/Azapi.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>

namespace akslint {

namespace {

// "dir/x.parameters.json" and "dir/x.parameters.prod.json" -> "dir/x"; empty when the name
// does not follow the convention.
std::string parameter_file_stem(std::string_view path) {
  const auto marker = path.rfind(".parameters.");
  if (marker == std::string_view::npos || marker < path.rfind('/') + 1) return {};
  return std::string(path.substr(0, marker));
}

// Terraform directories that are only ever called as local modules: their caller reads them
// with its inputs; on their own, with unknown variables, they would only repeat findings.
std::set<std::string> terraform_module_only_dirs(const std::map<std::string, std::vector<std::string>>& calls,
                                                 const std::map<std::string, DeploymentUnit>& terraform) {
  std::map<std::string, std::vector<std::string>> uses;
  for (const auto& [dir, unit] : terraform) {
    auto& targets = uses[dir];
    const auto it = calls.find(dir);
    if (it == calls.end()) continue;
    for (const auto& target : it->second) {
      // A module calling the scan root leaves the root a unit of its own.
      if (!target.empty() && terraform.contains(target)) targets.push_back(target);
    }
  }
  return reached_only_as_modules(uses, {});
}

// The linked templates an ARM template names by a literal `"relativePath": "x.json"` (an
// expression path is only known when the template is read).
std::vector<std::string> arm_linked_templates(std::string_view path, std::string_view text) {
  std::vector<std::string> out;
  for (const auto written : assigned_strings(text, "\"relativePath\"")) {
    if (written.empty() || written.front() == '[') continue;
    if (auto target = resolve_path(path, written); !target.empty()) out.push_back(std::move(target));
  }
  return out;
}

// Each ARM template's linked templates, its text searched on `jobs` threads: the search reads
// every template's whole text (20 MB in the corpus), too much for the one thread that groups.
std::map<std::string, std::vector<std::string>> arm_template_links(const FileTable& files, unsigned jobs) {
  auto written = paths_in_files(files, jobs, [](const SourceFile& f) {
    return f.format == FileFormat::ArmTemplate ? arm_linked_templates(f.path, f.text) : std::vector<std::string>{};
  });
  std::map<std::string, std::vector<std::string>> links;
  for (FileId id = 0; id < files.size(); ++id) {
    if (!written[id].empty()) links[files[id].path] = std::move(written[id]);
  }
  return links;
}

// ARM templates that are only ever linked from others (`templateLink.relativePath`): their
// callers read them with the parameters they pass. A template with its own parameter file is
// deployed on its own too, and stays a unit.
std::set<std::string> arm_linked_only(const FileTable& files, const std::map<std::string, DeploymentUnit>& singles,
                                      const std::map<std::string, std::vector<std::string>>& written) {
  std::map<std::string, std::vector<std::string>> links;
  std::set<std::string> pinned;
  for (const auto& [path, unit] : singles) {
    if (unit.kind != UnitKind::ArmTemplate || files[unit.files.front()].format != FileFormat::ArmTemplate) continue;
    auto& targets = links[path];
    if (unit.files.size() > 1) pinned.insert(path);
    const auto it = written.find(path);
    if (it == written.end()) continue;
    for (const auto& target : it->second) {
      if (target != path && singles.contains(target)) targets.push_back(target);
    }
  }
  return reached_only_as_modules(links, pinned);
}

UnitModel read_frontend(const DeploymentUnit& unit, const FileTable& files, const UnitInputs& inputs,
                        ModuleCache* modules) {
  switch (unit.kind) {
    case UnitKind::TerraformModule: return read_terraform_module(unit, files, inputs, modules);
    case UnitKind::TerraformPlan: return read_terraform_plan(unit, files);
    case UnitKind::ArmTemplate: return read_arm_template(unit, files);
    case UnitKind::Bicep: return read_bicep(unit, files, modules);
    case UnitKind::KubernetesYaml: return read_kubernetes_yaml(unit, files);
  }
  return {};
}

}  // namespace

ModuleCalls find_module_calls(const FileTable& files, unsigned jobs) {
  return {terraform_module_calls(files, jobs), bicep::local_module_graph(files, jobs), arm_template_links(files, jobs)};
}

std::vector<DeploymentUnit> group_units(const FileTable& files) { return group_units(files, find_module_calls(files)); }

std::vector<DeploymentUnit> group_units(const FileTable& files, const ModuleCalls& calls) {
  std::map<std::string, DeploymentUnit> terraform;  // by directory
  std::map<std::string, DeploymentUnit> singles;    // by entry path
  std::vector<FileId> arm_parameters;
  std::vector<FileId> bicep_parameters;
  for (FileId id = 0; id < files.size(); ++id) {
    const SourceFile& f = files[id];
    switch (f.format) {
      case FileFormat::Terraform:
      case FileFormat::TerraformJson:
      case FileFormat::TerraformVars: {
        const std::string dir(directory_of(f.path));
        auto& unit = terraform[dir];
        unit.kind = UnitKind::TerraformModule;
        unit.name = dir.empty() ? "." : dir;
        unit.files.push_back(id);
        break;
      }
      case FileFormat::TerraformPlan: singles[f.path] = {UnitKind::TerraformPlan, f.path, {id}}; break;
      case FileFormat::ArmTemplate: singles[f.path] = {UnitKind::ArmTemplate, f.path, {id}}; break;
      case FileFormat::Bicep: singles[f.path] = {UnitKind::Bicep, f.path, {id}}; break;
      case FileFormat::KubernetesYaml: singles[f.path] = {UnitKind::KubernetesYaml, f.path, {id}}; break;
      case FileFormat::ArmParameters: arm_parameters.push_back(id); break;
      case FileFormat::BicepParameters: bicep_parameters.push_back(id); break;
      case FileFormat::Unknown: break;
    }
  }
  // Parameter files join the template or Bicep file their name (or `using`) points to; one
  // that points nowhere is its own unit, so that it is reported rather than lost.
  for (const FileId id : arm_parameters) {
    const std::string stem = parameter_file_stem(files[id].path);
    auto it = singles.end();
    for (const char* ext : {".json", ".bicep"}) {
      if (it == singles.end() && !stem.empty()) it = singles.find(stem + ext);
    }
    if (it != singles.end()) {
      it->second.files.push_back(id);
    } else {
      singles[files[id].path] = {UnitKind::ArmTemplate, files[id].path, {id}};
    }
  }
  for (const FileId id : bicep_parameters) {
    const auto it = singles.find(bicep::using_target(files[id].path, files[id].text));
    if (it != singles.end()) {
      it->second.files.push_back(id);
    } else {
      singles[files[id].path] = {UnitKind::Bicep, files[id].path, {id}};
    }
  }
  // A .bicep file used as a module is read with the entry that uses it (and its params), not
  // a second time on its own.
  std::set<std::string> deployed;
  for (const auto& [path, unit] : singles) {
    if (unit.kind == UnitKind::Bicep && unit.files.size() > 1) deployed.insert(path);
  }
  // Entries are the files no other file uses as a module and the deployed ones; files only
  // reachable through a module cycle stay entries, so that they are still read.
  for (const auto& path : reached_only_as_modules(calls.bicep, deployed)) singles.erase(path);
  for (const auto& dir : terraform_module_only_dirs(calls.terraform, terraform)) terraform.erase(dir);
  for (const auto& path : arm_linked_only(files, singles, calls.arm)) singles.erase(path);
  std::vector<DeploymentUnit> units;
  for (auto& [dir, unit] : terraform) units.push_back(std::move(unit));
  for (auto& [path, unit] : singles) units.push_back(std::move(unit));
  std::sort(units.begin(), units.end(), [&](const DeploymentUnit& a, const DeploymentUnit& b) {
    return files[a.files.front()].path < files[b.files.front()].path;
  });
  for (auto& unit : units) {
    std::sort(unit.files.begin() + 1, unit.files.end(),
              [&](FileId a, FileId b) { return files[a].path < files[b].path; });
  }
  return units;
}

std::optional<Value> var_value(std::string_view text) {
  if (text.empty() || (text.front() != '[' && text.front() != '{')) return Value::string(std::string(text));
  const nlohmann::json parsed = nlohmann::json::parse(text, nullptr, false);
  if (parsed.is_discarded()) return std::nullopt;
  return terraform::from_json(parsed, {});
}

UnitModel read_unit(const DeploymentUnit& unit, const FileTable& files, const ReadLimits& limits,
                    const UnitInputs& given, ModuleCache* modules) {
  UnitModel too_deep;
  DeploymentUnit readable = unit;
  UnitInputs inputs = given;
  // Parameter files are read as the unit's own are, after them (a file already in the unit
  // moves to the end, where it wins).
  if (unit.kind == UnitKind::ArmTemplate || unit.kind == UnitKind::Bicep) {
    for (const FileId id : inputs.parameter_files) {
      if (id == unit.files.front()) continue;
      std::erase(readable.files, id);
      readable.files.push_back(id);
    }
  }
  // The file index found how deep each file's brackets nest and where it stops being UTF-8.
  const auto too_deep_file = [&](FileId id) {
    const std::uint32_t depth = files[id].deepest_bracket;
    if (depth <= limits.max_depth) return false;
    too_deep.diagnostics.push_back(
        {DiagnosticLevel::Error, "nesting-too-deep",
         "brackets nest " + std::to_string(depth) + " levels deep, over the limit of " +
             std::to_string(limits.max_depth) + " (--max-depth); the file was not analysed",
         id, {}});
    return true;
  };
  std::erase_if(readable.files, too_deep_file);
  std::erase_if(inputs.var_files, too_deep_file);
  // A Terraform module reads whatever files are left; other units are nothing without their
  // entry file (the first).
  const bool entry_lost = unit.kind != UnitKind::TerraformModule && readable.files.front() != unit.files.front();
  if (readable.files.empty() || entry_lost) return too_deep;
  budget::Scope budget(limits, readable.files.front());
  UnitModel model = read_frontend(readable, files, inputs, modules);
  for (auto& d : budget.take_diagnostics()) model.diagnostics.push_back(std::move(d));
  for (const FileId id : readable.files) {
    if (const auto at = files[id].invalid_utf8) {
      const auto byte = static_cast<std::uint32_t>(*at);
      model.diagnostics.push_back({DiagnosticLevel::Warning, "invalid-utf8",
                                   "a byte sequence here is not UTF-8; text around it may be misread", id,
                                   SourceSpan{id, byte, byte}});
    }
  }
  for (auto& d : too_deep.diagnostics) model.diagnostics.push_back(std::move(d));
  return model;
}

}  // namespace akslint
