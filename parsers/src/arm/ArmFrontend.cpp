#include "Frontends.h"
#include "arm/TemplateReader.h"
#include "json/JsonReader.h"

namespace akslint {

namespace {

// Where the template's resources go: subscription and management-group templates have
// no resource group.
Scope top_placement(const Value& tmpl, const azure::DeploymentContext& context) {
  const Value* schema = tmpl.find("$schema");
  const std::string_view s = schema != nullptr && schema->as_string() ? *schema->as_string() : std::string_view{};
  Scope placement{context.subscription_id, context.resource_group_name};
  if (s.find("subscriptionDeploymentTemplate") != std::string_view::npos) placement.resource_group = Value::null();
  if (s.find("managementGroupDeploymentTemplate") != std::string_view::npos ||
      s.find("tenantDeploymentTemplate") != std::string_view::npos) {
    placement = {Value::null(), Value::null()};
  }
  return placement;
}

// The Bicep file in the scan that `bicep build` compiled this template from (same directory and
// stem, and the template says Bicep generated it), or empty.
std::string compiled_from(const Value& tmpl, const std::string& path, const FileTable& files) {
  const Value* generator = tmpl.at("metadata._generator.name");
  const auto name = generator != nullptr ? generator->as_string() : std::nullopt;
  if (!name || !iequals(*name, "bicep") || !path.ends_with(".json")) return {};
  const std::string source = path.substr(0, path.size() - 5) + ".bicep";
  const auto id = files.find(source);
  return id && files[*id].format == FileFormat::Bicep ? source : std::string{};
}

}  // namespace

UnitModel read_arm_template(const DeploymentUnit& unit, const FileTable& files) {
  UnitModel out;
  const FileId id = unit.files.front();
  if (files[id].format != FileFormat::ArmTemplate) return out;  // a parameter file without its template
  auto doc = read_json(files[id], id);
  out.diagnostics = std::move(doc.diagnostics);
  if (!doc.root) return out;
  if (const std::string source = compiled_from(*doc.root, files[id].path, files); !source.empty()) {
    // Reading both would report every finding twice, and the Bicep file has the lines users edit.
    out.diagnostics.push_back({DiagnosticLevel::Note, "compiled-template-skipped",
                               "this template was compiled from " + source + ", which is read instead", id, {}});
    return out;
  }
  std::vector<Value> parameter_files;
  for (std::size_t i = 1; i < unit.files.size(); ++i) {
    auto params = read_json(files[unit.files[i]], unit.files[i]);
    out.diagnostics.insert(out.diagnostics.end(), params.diagnostics.begin(), params.diagnostics.end());
    if (params.root) parameter_files.push_back(std::move(*params.root));
  }
  const azure::DeploymentContext context;
  arm::TemplateScope scope(*doc.root, arm::parameter_values(parameter_files), context, files, out.diagnostics);
  arm::TemplateReader reader(files, out);
  reader.read(*doc.root, scope, top_placement(*doc.root, context), 0);
  reader.resolve_references();
  return out;
}

}  // namespace akslint
