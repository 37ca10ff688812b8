#include <akslint/analyzer/RuleMetadata.h>

namespace akslint {

std::string_view to_string(Level level) {
  switch (level) {
    case Level::None: return "none";
    case Level::Note: return "note";
    case Level::Warning: return "warning";
    case Level::Error: return "error";
  }
  return "none";
}

std::optional<Level> parse_level(std::string_view text) {
  for (const Level l : {Level::None, Level::Note, Level::Warning, Level::Error}) {
    if (text == to_string(l)) return l;
  }
  return std::nullopt;
}

std::string_view to_string(Precision precision) {
  switch (precision) {
    case Precision::VeryHigh: return "very-high";
    case Precision::High: return "high";
    case Precision::Medium: return "medium";
    case Precision::Low: return "low";
  }
  return "high";
}

std::string_view to_string(InputFormat format) {
  switch (format) {
    case InputFormat::Terraform: return "terraform";
    case InputFormat::TerraformPlan: return "terraform-plan";
    case InputFormat::Arm: return "arm";
    case InputFormat::Bicep: return "bicep";
    case InputFormat::KubernetesYaml: return "kubernetes-yaml";
  }
  return "terraform";
}

}  // namespace akslint
