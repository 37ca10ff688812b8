// One libFuzzer harness per input format, chosen at compile time (AKSLINT_FUZZ_<NAME>): the
// fuzzed bytes become one file of an in-memory scan, and its deployment units are read as
// the scan reads them. Readers must never crash, hang or throw on any input.
#include <akslint/parsers/DeploymentUnit.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

using akslint::FileFormat;

// JSON string contents for `text`, so expression harnesses stay inside one template string.
[[maybe_unused]] std::string json_escaped(std::string_view text) {
  std::string out;
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20) {
      static constexpr char kHex[] = "0123456789abcdef";
      out += "\\u00";
      out += kHex[u >> 4];
      out += kHex[u & 15];
    } else {
      out += c;
    }
  }
  return out;
}

[[maybe_unused]] constexpr std::string_view kCluster = R"(resource "azurerm_kubernetes_cluster" "c" {
  name = "c"
  default_node_pool {
    name = "system"
    node_count = var.n
  }
}
variable "n" { default = 1 }
)";

void add_files(akslint::FileTable& files, std::string_view input) {
  const std::string text(input);
#if defined(AKSLINT_FUZZ_HCL)
  files.add({"main.tf", FileFormat::Terraform, text});
#elif defined(AKSLINT_FUZZ_TFVARS)
  files.add({"main.tf", FileFormat::Terraform, std::string(kCluster)});
  files.add({"terraform.tfvars", FileFormat::TerraformVars, text});
#elif defined(AKSLINT_FUZZ_TERRAFORM_EXPRESSION)
  files.add({"main.tf", FileFormat::Terraform,
             std::string(kCluster) + "locals {\n  x = " + text + "\n}\noutput \"o\" { value = \"${local.x}\" }\n"});
#elif defined(AKSLINT_FUZZ_PLAN)
  files.add({"plan.json", FileFormat::TerraformPlan, text});
#elif defined(AKSLINT_FUZZ_ARM)
  files.add({"azuredeploy.json", FileFormat::ArmTemplate, text});
#elif defined(AKSLINT_FUZZ_ARM_EXPRESSION)
  files.add({"azuredeploy.json", FileFormat::ArmTemplate,
             R"({"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {"p": {"type": "string", "defaultValue": "a"}},
  "variables": {"v": ")" + json_escaped(text) + R"("},
  "resources": [{"type": "Microsoft.ContainerService/managedClusters", "apiVersion": "2024-01-01",
    "name": "[variables('v')]", "location": "[variables('v')]",
    "copy": {"name": "c", "count": 2},
    "properties": {"dnsPrefix": "[variables('v')]", "agentPoolProfiles": [{"name": "[variables('v')]", "count": 1}]}}]})"});
#elif defined(AKSLINT_FUZZ_BICEP)
  files.add({"main.bicep", FileFormat::Bicep, text});
#elif defined(AKSLINT_FUZZ_BICEPPARAM)
  files.add({"main.bicep", FileFormat::Bicep, "param n int\nparam s string = 'x'\n"});
  files.add({"main.bicepparam", FileFormat::BicepParameters, text});
#elif defined(AKSLINT_FUZZ_YAML)
  files.add({"deploy.yaml", FileFormat::KubernetesYaml, text});
#else
#error "define one AKSLINT_FUZZ_<NAME>"
#endif
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  akslint::FileTable files;
  add_files(files, std::string_view(reinterpret_cast<const char*>(data), size));
  for (const auto& unit : akslint::group_units(files)) {
    const auto model = akslint::read_unit(unit, files);
    static_cast<void>(model);
  }
  return 0;
}
