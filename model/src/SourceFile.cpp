#include <akslint/model/Resource.h>
#include <akslint/model/SourceFile.h>

namespace akslint {

std::string_view to_string(FileFormat format) {
  switch (format) {
    case FileFormat::Unknown: return "unknown";
    case FileFormat::Terraform: return "terraform";
    case FileFormat::TerraformJson: return "terraform-json";
    case FileFormat::TerraformVars: return "terraform-vars";
    case FileFormat::TerraformPlan: return "terraform-plan";
    case FileFormat::ArmTemplate: return "arm-template";
    case FileFormat::ArmParameters: return "arm-parameters";
    case FileFormat::Bicep: return "bicep";
    case FileFormat::BicepParameters: return "bicep-parameters";
    case FileFormat::KubernetesYaml: return "kubernetes-yaml";
  }
  return "unknown";
}

std::string_view to_string(SourceKind kind) {
  switch (kind) {
    case SourceKind::Terraform: return "terraform";
    case SourceKind::TerraformPlan: return "terraform-plan";
    case SourceKind::Arm: return "arm";
    case SourceKind::Bicep: return "bicep";
    case SourceKind::Kubernetes: return "kubernetes";
  }
  return "unknown";
}

FileId FileTable::add(SourceFile file) {
  files_.push_back(std::move(file));
  return static_cast<FileId>(files_.size() - 1);
}

}  // namespace akslint
