// How files are grouped into deployment units.
#include <akslint/parsers/DeploymentUnit.h>

#include <catch2/catch.hpp>

using namespace akslint;

namespace {

std::vector<std::string> unit_names(const FileTable& files) {
  std::vector<std::string> out;
  for (const auto& u : group_units(files)) out.push_back(u.name);
  return out;
}

}  // namespace

TEST_CASE("a Terraform directory called only as a local module is read through its caller") {
  FileTable files;
  files.add({"envs/prod/main.tf", FileFormat::Terraform, "module \"aks\" {\n  source = \"../../modules/aks\"\n}\n"});
  files.add({"envs/prod/terraform.tfvars", FileFormat::TerraformVars, "x = 1\n"});
  files.add({"modules/aks/main.tf", FileFormat::Terraform, "module \"pool\" {\n  source = \"./pool\"\n}\n"});
  files.add({"modules/aks/pool/main.tf", FileFormat::Terraform, "resource \"a\" \"b\" {}\n"});
  files.add({"modules/net/main.tf.json", FileFormat::TerraformJson, R"({"resource": {}})"});
  files.add({"tools/main.tf", FileFormat::Terraform, "module \"remote\" {\n  source = \"Azure/aks/azurerm\"\n}\n"});
  CHECK(unit_names(files) == std::vector<std::string>{"envs/prod", "modules/net", "tools"});
}

TEST_CASE("Terraform modules that only call each other stay units, so nothing goes unread") {
  FileTable files;
  files.add({"a/main.tf", FileFormat::Terraform, "module \"b\" {\n  source = \"../b\"\n}\n"});
  files.add({"b/main.tf", FileFormat::Terraform, "module \"a\" {\n  source = \"../a\"\n}\n"});
  CHECK(unit_names(files) == std::vector<std::string>{"a", "b"});
}

TEST_CASE("ARM parameter files join their template; an orphan is a unit of its own") {
  FileTable files;
  files.add({"arm/azuredeploy.json", FileFormat::ArmTemplate, "{}"});
  files.add({"arm/azuredeploy.parameters.json", FileFormat::ArmParameters, "{}"});
  files.add({"arm/other.parameters.json", FileFormat::ArmParameters, "{}"});
  const auto units = group_units(files);
  REQUIRE(units.size() == 2);
  CHECK(units[0].files == std::vector<FileId>{0, 1});
  CHECK(units[1].files == std::vector<FileId>{2});
}

TEST_CASE("an ARM template linked by a literal relativePath is read through its caller only") {
  FileTable files;
  files.add({"arm/main.json", FileFormat::ArmTemplate,
             R"({"resources": [{"properties": {"templateLink": {"relativePath": "linked/storage.json"}}},
                               {"properties": {"templateLink": {"relativePath": "[variables('computed')]"}}}]})"});
  files.add({"arm/linked/storage.json", FileFormat::ArmTemplate, R"({"resources": []})"});
  files.add({"arm/linked/other.json", FileFormat::ArmTemplate, R"({"resources": []})"});
  // A linked template that also has its own parameter file is deployed on its own too.
  files.add({"pinned/main.json", FileFormat::ArmTemplate,
             R"({"properties": {"templateLink": {"relativePath": "child.json"}}})"});
  files.add({"pinned/child.json", FileFormat::ArmTemplate, "{}"});
  files.add({"pinned/child.parameters.json", FileFormat::ArmParameters, "{}"});
  CHECK(unit_names(files) ==
        std::vector<std::string>{"arm/linked/other.json", "arm/main.json", "pinned/child.json", "pinned/main.json"});
}

TEST_CASE("a template compiled from a Bicep file in the scan is noted, not read a second time") {
  FileTable files;
  files.add({"infra/main.bicep", FileFormat::Bicep,
             "resource rg 'Microsoft.Network/publicIPAddresses@2023-09-01' = {\n  name: 'ip'\n  location: 'westeurope'\n}\n"});
  files.add({"infra/main.json", FileFormat::ArmTemplate, R"({
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "metadata": {"_generator": {"name": "bicep", "version": "0.30.23.60470"}},
  "resources": [{"type": "Microsoft.Network/publicIPAddresses", "apiVersion": "2023-09-01", "name": "ip",
                 "location": "westeurope"}]
})"});
  std::size_t resources = 0;
  std::vector<std::string> notes;
  for (const auto& unit : group_units(files)) {
    const UnitModel model = read_unit(unit, files);
    resources += model.resources.size();
    for (const auto& d : model.diagnostics) notes.push_back(d.code);
  }
  CHECK(resources == 1);
  CHECK(notes == std::vector<std::string>{"compiled-template-skipped"});
}
