#pragma once
// Finding and reading rule fixtures: tests/rules/<pack>/<slug>/<format>-<name>/.
#include <akslint/analyzer/RuleMetadata.h>

#include <filesystem>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace akslint::testing {

struct Expectation {
  std::string path;  // relative to the case directory
  std::uint32_t line = 0;
  std::string rule;
  friend bool operator==(const Expectation&, const Expectation&) = default;
  friend auto operator<=>(const Expectation& a, const Expectation& b) {
    return std::tie(a.path, a.line, a.rule) <=> std::tie(b.path, b.line, b.rule);
  }
};

[[nodiscard]] std::optional<std::filesystem::path> fixture_dir(std::string_view slug);
[[nodiscard]] std::vector<std::filesystem::path> case_dirs(const std::filesystem::path& fixture);
// The format a case directory's name starts with; nullopt for an unknown prefix.
[[nodiscard]] std::optional<InputFormat> case_format(const std::filesystem::path& case_dir);
// The case's expectations of `rule_id`, sorted.
[[nodiscard]] std::vector<Expectation> expectations(const std::filesystem::path& case_dir, std::string_view rule_id);

}  // namespace akslint::testing

// Catch2 prints expectation lists in failure messages.
#include <ostream>
namespace akslint::testing {
inline std::ostream& operator<<(std::ostream& os, const Expectation& e) {
  return os << e.path << ":" << e.line << " " << e.rule;
}
}  // namespace akslint::testing
