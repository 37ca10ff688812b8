// How files are grouped into deployment units.
#include <akslint/parsers/DeploymentUnit.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>

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

TEST_CASE("bracket depth counts the deepest nesting of (), [] and {}, ignoring closers with nothing open") {
  CHECK(bracket_depth("") == 0);
  CHECK(bracket_depth("no brackets") == 0);
  CHECK(bracket_depth("([{}])") == 3);
  CHECK(bracket_depth("a(b)c[d{e}]") == 2);
  CHECK(bracket_depth("}}}(((") == 3);
  CHECK(bracket_depth(")(") == 1);
  CHECK(bracket_depth(std::string(1000, '[') + std::string(2000, ']') + "{") == 1000);
  // Words are skipped eight bytes at a time: a bracket is found at every offset, and the
  // bytes one bit away from a bracket (tab, 'y', 'Z', 0x7F, ...) are none.
  for (std::size_t at = 0; at < 24; ++at) {
    for (const char bracket : {'(', '[', '{'}) {
      std::string text(24, 'a');
      text[at] = bracket;
      CHECK(bracket_depth(text) == 1);
    }
    for (const char closer : {')', ']', '}'}) {
      if (at == 0 || at == 23) continue;
      std::string text(24, 'a');
      text[0] = '(';
      text[at] = closer;
      text[23] = '(';  // 1 deep when the closer was seen, 2 when it was missed
      CHECK(bracket_depth(text) == 1);
    }
  }
  std::string near;
  for (int c = 1; c < 256; ++c) {
    const char ch = static_cast<char>(c);
    if (std::string_view("([{}])").find(ch) == std::string_view::npos) near += ch;
  }
  CHECK(bracket_depth(near + near) == 0);
}

TEST_CASE("bracket depth agrees with a byte-by-byte count on text dense with brackets") {
  const auto by_bytes = [](std::string_view text) {
    std::uint32_t depth = 0;
    std::uint32_t deepest = 0;
    for (const char c : text) {
      if (c == '(' || c == '[' || c == '{') deepest = std::max(deepest, ++depth);
      if ((c == ')' || c == ']' || c == '}') && depth > 0) --depth;
    }
    return deepest;
  };
  std::uint32_t state = 12345;
  const std::string_view alphabet = "([{}])(([[{{a)\x29\x28 \t";
  for (int round = 0; round < 500; ++round) {
    std::string text;
    const auto size = static_cast<std::size_t>(1 + round % 61);
    for (std::size_t k = 0; k < size; ++k) {
      state = state * 1103515245u + 12345u;
      text += alphabet[(state >> 16) % alphabet.size()];
    }
    INFO(text);
    CHECK(bracket_depth(text) == by_bytes(text));
  }
}

TEST_CASE("bracket depth read piece by piece is the depth of the whole") {
  const std::string text = "{[(a)]}" + std::string(40, '[') + "x]]]{(" + std::string(30, ')') + "[[[";
  for (std::size_t piece = 1; piece <= 9; ++piece) {
    BracketDepth depth;
    for (std::size_t at = 0; at < text.size(); at += piece) depth.add(std::string_view(text).substr(at, piece));
    CHECK(depth.deepest() == bracket_depth(text));
  }
}
