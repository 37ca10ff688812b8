// Bicep deployment units: the entry .bicep file, read with the values of its parameter files
// (.bicepparam through `using`, or JSON deploymentParameters), and its local modules.
#include "Frontends.h"
#include "ModuleGraph.h"
#include "bicep/BicepPaths.h"
#include "bicep/BicepTemplate.h"
#include "json/JsonReader.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace akslint {

namespace {

using bicep::Template;
using bicep::Workspace;

// name -> value, from one parameter file.
using ParameterValues = std::map<std::string, Value>;

// A .bicepparam's values, over those of the file it `extends` (read once: `seen` stops cycles).
ParameterValues read_bicepparam(Workspace& workspace, FileId id, std::set<FileId>& seen) {
  const auto& source = workspace.program(id);
  ParameterValues out;
  if (!seen.insert(id).second) return out;
  for (const auto& s : source.program.statements) {
    if (s.kind != bicep::StmtKind::Extends) continue;
    const auto base = workspace.find(resolve_path(workspace.file(id).path, s.type));
    if (base && workspace.file(*base).format == FileFormat::BicepParameters) out = read_bicepparam(workspace, *base, seen);
  }
  for (auto& [name, value] : Template(workspace, source, {}).parameter_assignments()) out[name] = std::move(value);
  return out;
}

// `using none`: parameters shared through `extends`, deployed with no template of their own.
bool uses_no_template(const bicep::Program& program) {
  return std::any_of(program.statements.begin(), program.statements.end(), [](const bicep::Statement& s) {
    return s.kind == bicep::StmtKind::Using && !s.type_span.valid();
  });
}

// Where the entry file's resources deploy, as ARM places a template's: the deployment's
// resource group, or no resource group for `targetScope = 'subscription'`, neither for
// management group and tenant files.
Scope entry_scope(const bicep::Program& program, const azure::DeploymentContext& context) {
  std::string_view target = "resourceGroup";
  for (const auto& s : program.statements) {
    if (s.kind == bicep::StmtKind::TargetScope && s.value.kind == bicep::ExprKind::String) target = s.value.strings.front();
  }
  if (target == "resourceGroup") return {context.subscription_id, context.resource_group_name};
  if (target == "subscription") return {context.subscription_id, Value::null()};
  return {Value::null(), Value::null()};
}

ParameterValues read_json_parameters(Workspace& workspace, const SourceFile& file, FileId id) {
  auto doc = read_json(file, id);
  for (auto& d : doc.diagnostics) workspace.diagnose(std::move(d));
  ParameterValues out;
  const Value* params = doc.root ? doc.root->find("parameters") : nullptr;
  if (params == nullptr || !params->is_object()) return out;
  for (const auto& m : *params->as_object()) {
    if (const Value* v = m.value.find("value")) {
      out[m.key] = *v;
    } else if (m.value.find("reference") != nullptr) {  // a Key Vault secret
      out[m.key] = Value::unknown(fmt::format("reference({})", m.key), m.value.span());
    }
  }
  return out;
}

// A parameter is known when every parameter file of the unit gives it the same value; files
// that differ describe different deployments, so the value is unknown rather than picked (a file
// that leaves it out deploys the default, which may differ too).
std::map<std::string, Value, std::less<>> merge(const std::vector<ParameterValues>& files) {
  std::map<std::string, Value, std::less<>> out;
  for (const auto& file : files) {
    for (const auto& entry : file) {
      const std::string& name = entry.first;  // not structured bindings: the lambda captures them
      const Value& value = entry.second;
      const bool same = std::all_of(files.begin(), files.end(), [&](const ParameterValues& other) {
        const auto it = other.find(name);
        return it != other.end() && it->second == value;
      });
      out.try_emplace(name, same ? value : Value::unknown(fmt::format("parameter '{}' (differs between parameter files)", name)));
    }
  }
  return out;
}

}  // namespace

UnitModel read_bicep(const DeploymentUnit& unit, const FileTable& files, ModuleCache* modules) {
  UnitModel out;
  Workspace workspace(files, out, modules);
  const FileId entry = unit.files.front();
  if (files[entry].format == FileFormat::BicepParameters) {
    if (uses_no_template(workspace.program(entry).program)) return out;  // syntax errors still count
    workspace.diagnose({DiagnosticLevel::Warning, "parameters-without-template",
                        "the template this parameter file is `using` is not in the scan; it was not applied", entry, {}});
    return out;
  }
  std::vector<ParameterValues> parameter_files;
  for (std::size_t i = 1; i < unit.files.size(); ++i) {
    const FileId id = unit.files[i];
    std::set<FileId> seen;
    parameter_files.push_back(files[id].format == FileFormat::BicepParameters
                                  ? read_bicepparam(workspace, id, seen)
                                  : read_json_parameters(workspace, files[id], id));
  }
  bicep::TemplateInputs inputs;
  inputs.params = merge(parameter_files);
  inputs.scope = entry_scope(workspace.program(entry).program, inputs.context);
  Template(workspace, workspace.program(entry), std::move(inputs)).lower();
  return out;
}

}  // namespace akslint
