#pragma once
// Everything the CLI, the docs and SARIF's reportingDescriptor say about a rule, kept
// beside the rule's logic as one constexpr value.
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace akslint {

enum class Level : std::uint8_t { None, Note, Warning, Error };
[[nodiscard]] std::string_view to_string(Level level);
[[nodiscard]] std::optional<Level> parse_level(std::string_view text);

// How often a finding of the rule is a true problem; SARIF properties.precision.
enum class Precision : std::uint8_t { VeryHigh, High, Medium, Low };
[[nodiscard]] std::string_view to_string(Precision precision);

// The input formats a rule can see; a rule is tested on each.
enum class InputFormat : std::uint8_t {
  Terraform = 1u << 0,
  TerraformPlan = 1u << 1,
  Arm = 1u << 2,
  Bicep = 1u << 3,
  KubernetesYaml = 1u << 4,
};
using FormatSet = std::uint8_t;
inline constexpr FormatSet kAzureFormats = 0x0F;  // Terraform, plan, ARM, Bicep
[[nodiscard]] constexpr FormatSet operator|(InputFormat a, InputFormat b) {
  return static_cast<FormatSet>(static_cast<std::uint8_t>(a) | static_cast<std::uint8_t>(b));
}
[[nodiscard]] std::string_view to_string(InputFormat format);
inline constexpr InputFormat kAllInputFormats[] = {InputFormat::Terraform, InputFormat::TerraformPlan,
                                                   InputFormat::Arm, InputFormat::Bicep,
                                                   InputFormat::KubernetesYaml};

// A rule of another scanner with the same intent, so users can map what they had.
struct PeerRule {
  std::string_view tool;  // "Checkov", "Trivy", "PSRule", "KICS", "Template Analyzer"
  std::string_view id;
};

// A setting of a rule, configured as `<ID>.<name>: value` (`AKS721.min-max-pods: 50`).
enum class OptionKind : std::uint8_t { Integer, Number, Boolean, String };
struct RuleOption {
  std::string_view name;           // kebab-case
  OptionKind kind = OptionKind::String;
  std::string_view default_value;  // as it would be written in the configuration
  std::string_view description;
};

struct RuleMetadata {
  std::string_view id;     // "AKS201": stable, never reused
  std::string_view slug;   // "system-pool-scaled-to-zero": names the violation
  std::string_view title;  // one sentence: SARIF shortDescription
  std::string_view summary;  // what it flags, a short paragraph: SARIF fullDescription
  std::string_view why;      // markdown: why it matters
  std::string_view fix;      // markdown: how to fix
  std::string_view noncompliant_example;  // Terraform (or YAML) snippet
  std::string_view compliant_example;
  Level level = Level::Warning;
  double security_severity = 0.0;  // 0 when the rule is not a security rule
  Precision precision = Precision::High;
  FormatSet formats = kAzureFormats;
  std::span<const std::string_view> tags;
  std::span<const std::string_view> resource_types;  // canonical types it reads
  std::span<const PeerRule> peers;
  std::span<const std::string_view> references;  // documentation URLs
  bool opt_in = false;  // off unless enabled by configuration
  std::span<const RuleOption> options;

  [[nodiscard]] constexpr bool sees(InputFormat f) const {
    return (formats & static_cast<std::uint8_t>(f)) != 0;
  }
};

}  // namespace akslint
