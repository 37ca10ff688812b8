#include <akslint/sarif/RuleHelp.h>

#include <fmt/format.h>

namespace akslint {

std::string rule_help_text(const RuleMetadata& rule) {
  return fmt::format("{}\n\nWhy: {}\n\nHow to fix: {}", rule.summary, rule.why, rule.fix);
}

std::string rule_help_markdown(const RuleMetadata& rule) {
  std::string md = fmt::format("{}\n\n## Why\n\n{}\n\n## How to fix\n\n{}\n", rule.summary, rule.why, rule.fix);
  if (!rule.noncompliant_example.empty()) {
    md += fmt::format("\n## Noncompliant\n\n```\n{}\n```\n", rule.noncompliant_example);
  }
  if (!rule.compliant_example.empty()) {
    md += fmt::format("\n## Compliant\n\n```\n{}\n```\n", rule.compliant_example);
  }
  if (!rule.references.empty()) {
    md += "\n## References\n\n";
    for (const auto ref : rule.references) md += fmt::format("- <{}>\n", ref);
  }
  return md;
}

}  // namespace akslint
