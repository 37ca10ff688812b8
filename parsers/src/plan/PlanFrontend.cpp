#include "Frontends.h"
#include "json/JsonReader.h"
#include "terraform/AzurermMapping.h"

namespace akslint {

namespace {

void lower_module(const Value& module, FileId file, std::vector<Resource>& out) {
  if (const Value* resources = module.find("resources"); resources != nullptr && resources->as_array()) {
    for (const Value& r : *resources->as_array()) {
      const Value* type = r.find("type");
      const Value* address = r.find("address");
      const Value* values = r.find("values");
      const Value* mode = r.find("mode");
      if (type == nullptr || !type->as_string() || address == nullptr || !address->as_string()) continue;
      const auto header = address->span();
      terraform::TerraformResource tf{*type->as_string(), std::string(*address->as_string()), values,
                                      SourceKind::TerraformPlan, file, r.span(), header,
                                      mode != nullptr && mode->as_string() == std::optional<std::string_view>("data")};
      if (auto canonical = terraform::to_canonical(tf)) out.push_back(std::move(*canonical));
    }
  }
  if (const Value* children = module.find("child_modules"); children != nullptr && children->as_array()) {
    for (const Value& child : *children->as_array()) lower_module(child, file, out);
  }
}

}  // namespace

UnitModel read_terraform_plan(const DeploymentUnit& unit, const FileTable& files) {
  UnitModel out;
  const FileId id = unit.files.front();
  auto doc = read_json(files[id], id);
  out.diagnostics = std::move(doc.diagnostics);
  if (!doc.root) return out;
  if (const Value* root = doc.root->at("planned_values.root_module")) lower_module(*root, id, out.resources);
  return out;
}

}  // namespace akslint
