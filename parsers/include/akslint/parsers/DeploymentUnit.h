#pragma once
// A deployment unit is what is read and evaluated as one: a Terraform root module (a
// directory with its tfvars), an ARM template with its parameter files, a Bicep entry file
// with its .bicepparam, a plan, or a Kubernetes YAML file.
#include <akslint/model/Diagnostic.h>
#include <akslint/model/Resource.h>
#include <akslint/model/SourceFile.h>

#include <string>
#include <vector>

namespace akslint {

enum class UnitKind : std::uint8_t { TerraformModule, TerraformPlan, ArmTemplate, Bicep, KubernetesYaml };

struct DeploymentUnit {
  UnitKind kind = UnitKind::TerraformModule;
  std::string name;            // directory for Terraform, else the entry file's path
  std::vector<FileId> files;   // entry file first; then its companions in path order
};

// What reading one unit yields: resources in the canonical model, and input problems.
struct UnitModel {
  std::vector<Resource> resources;
  std::vector<Diagnostic> diagnostics;
};

// Groups classified files into units, in a deterministic order (by path).
[[nodiscard]] std::vector<DeploymentUnit> group_units(const FileTable& files);

// Reads one unit. Never throws on bad input: problems come back as diagnostics.
[[nodiscard]] UnitModel read_unit(const DeploymentUnit& unit, const FileTable& files);

}  // namespace akslint
