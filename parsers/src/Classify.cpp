#include <akslint/parsers/Classify.h>

namespace akslint {

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string_view strip_bom(std::string_view head) {
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  return head;
}

// UTF-16 text (plans written by Windows shells) is recognised by its byte-order mark; the
// reader converts it. Its head is sniffed for ASCII markers by skipping the zero bytes.
std::string narrow_utf16_head(std::string_view head) {
  std::string out;
  for (std::size_t i = 2; i < head.size(); ++i) {
    if (head[i] != '\0') out += head[i];
  }
  return out;
}

FileFormat classify_json(std::string_view head) {
  if (head.find("deploymentParameters.json") != std::string_view::npos) return FileFormat::ArmParameters;
  if (head.find("deploymentTemplate.json") != std::string_view::npos) return FileFormat::ArmTemplate;
  // Subscription, management group and tenant templates: "subscriptionDeploymentTemplate.json".
  if (head.find("DeploymentTemplate.json") != std::string_view::npos) return FileFormat::ArmTemplate;
  if (head.find("\"format_version\"") != std::string_view::npos &&
      (head.find("\"terraform_version\"") != std::string_view::npos ||
       head.find("\"planned_values\"") != std::string_view::npos ||
       head.find("\"resource_changes\"") != std::string_view::npos)) {
    return FileFormat::TerraformPlan;
  }
  return FileFormat::Unknown;
}

bool looks_like_kubernetes(std::string_view head) {
  const bool api = head.find("apiVersion:") != std::string_view::npos;
  const bool kind = head.find("kind:") != std::string_view::npos;
  return api && kind;
}

}  // namespace

bool is_candidate(std::string_view path) {
  for (const std::string_view ext : {".tf", ".tf.json", ".tfvars", ".tfvars.json", ".bicep", ".bicepparam", ".json",
                                     ".jsonc", ".yaml", ".yml"}) {
    if (ends_with(path, ext)) return true;
  }
  return false;
}

FileFormat classify(std::string_view path, std::string_view head) {
  if (ends_with(path, ".tf")) return FileFormat::Terraform;
  if (ends_with(path, ".tf.json")) return FileFormat::TerraformJson;
  if (ends_with(path, ".tfvars") || ends_with(path, ".tfvars.json")) return FileFormat::TerraformVars;
  if (ends_with(path, ".bicep")) return FileFormat::Bicep;
  if (ends_with(path, ".bicepparam")) return FileFormat::BicepParameters;
  if (ends_with(path, ".json") || ends_with(path, ".jsonc")) {
    if (head.substr(0, 2) == "\xFF\xFE" || head.substr(0, 2) == "\xFE\xFF") {
      return classify_json(narrow_utf16_head(head));
    }
    return classify_json(strip_bom(head));
  }
  if (ends_with(path, ".yaml") || ends_with(path, ".yml")) {
    return looks_like_kubernetes(strip_bom(head)) ? FileFormat::KubernetesYaml : FileFormat::Unknown;
  }
  return FileFormat::Unknown;
}

}  // namespace akslint
