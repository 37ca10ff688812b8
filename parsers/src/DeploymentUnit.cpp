#include <akslint/parsers/DeploymentUnit.h>

#include "Frontends.h"
#include "bicep/BicepPaths.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>

namespace akslint {

namespace {

std::string_view directory_of(std::string_view path) {
  const auto slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string_view{} : path.substr(0, slash);
}

// "dir/x.parameters.json" and "dir/x.parameters.prod.json" -> "dir/x"; empty when the name
// does not follow the convention.
std::string parameter_file_stem(std::string_view path) {
  const auto marker = path.rfind(".parameters.");
  if (marker == std::string_view::npos || marker < path.rfind('/') + 1) return {};
  return std::string(path.substr(0, marker));
}

UnitModel read_frontend(const DeploymentUnit& unit, const FileTable& files) {
  switch (unit.kind) {
    case UnitKind::TerraformModule: return read_terraform_module(unit, files);
    case UnitKind::TerraformPlan: return read_terraform_plan(unit, files);
    case UnitKind::ArmTemplate: return read_arm_template(unit, files);
    case UnitKind::Bicep: return read_bicep(unit, files);
    case UnitKind::KubernetesYaml: return read_kubernetes_yaml(unit, files);
  }
  return {};
}

}  // namespace

std::vector<DeploymentUnit> group_units(const FileTable& files) {
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
  for (const auto& path : bicep::module_only_files(files, deployed)) singles.erase(path);
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

std::uint32_t bracket_depth(std::string_view text) {
  std::uint32_t depth = 0;
  std::uint32_t deepest = 0;
  for (const char c : text) {
    if (c == '{' || c == '[' || c == '(') {
      deepest = std::max(deepest, ++depth);
    } else if ((c == '}' || c == ']' || c == ')') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

namespace {

// Where the first byte sequence that is not UTF-8 starts, if any (overlong forms and
// surrogates included).
std::optional<std::size_t> invalid_utf8_at(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto b = static_cast<unsigned char>(text[i]);
    const std::size_t n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > text.size() || b == 0xC0 || b == 0xC1 || b > 0xF4) return i;
    std::uint32_t cp = n == 1 ? b : b & (0x7Fu >> n);
    for (std::size_t k = 1; k < n; ++k) {
      const auto c = static_cast<unsigned char>(text[i + k]);
      if ((c >> 6) != 0x2) return i;
      cp = (cp << 6) | (c & 0x3Fu);
    }
    const bool overlong = (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000);
    if (overlong || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return i;
    i += n;
  }
  return std::nullopt;
}

}  // namespace

UnitModel read_unit(const DeploymentUnit& unit, const FileTable& files, const ReadLimits& limits) {
  UnitModel too_deep;
  DeploymentUnit readable = unit;
  std::erase_if(readable.files, [&](FileId id) {
    const std::uint32_t depth = bracket_depth(files[id].text);
    if (depth <= limits.max_depth) return false;
    too_deep.diagnostics.push_back(
        {DiagnosticLevel::Error, "nesting-too-deep",
         "brackets nest " + std::to_string(depth) + " levels deep, over the limit of " +
             std::to_string(limits.max_depth) + " (--max-depth); the file was not analysed",
         id, {}});
    return true;
  });
  // A Terraform module reads whatever files are left; other units are nothing without their
  // entry file (the first).
  const bool entry_lost = unit.kind != UnitKind::TerraformModule && readable.files.front() != unit.files.front();
  if (readable.files.empty() || entry_lost) return too_deep;
  UnitModel model = read_frontend(readable, files);
  for (const FileId id : readable.files) {
    if (const auto at = invalid_utf8_at(files[id].text)) {
      model.diagnostics.push_back({DiagnosticLevel::Warning, "invalid-utf8",
                                   "byte " + std::to_string(*at) +
                                       " starts a sequence that is not UTF-8; text around it may be misread",
                                   id, {}});
    }
  }
  for (auto& d : too_deep.diagnostics) model.diagnostics.push_back(std::move(d));
  return model;
}

}  // namespace akslint
