#pragma once
// The configuration file (.akslint.yaml): which rules run and at what level, their options,
// paths to leave out, and suppressions by rule and path or resource address. Read once,
// validated against the rule metadata; every problem names the file and line.
#include <akslint/analyzer/RuleMetadata.h>
#include <akslint/analyzer/Suppression.h>

#include <filesystem>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace akslint {

inline constexpr std::string_view kConfigFileNames[] = {".akslint.yaml", ".akslint.yml"};

// A rule chosen by id ("AKS201"), slug ("system-pool-scaled-to-zero") or tag ("networking").
struct RuleSelector {
  std::string text;
  std::uint32_t line = 0;
};

struct Config {
  std::filesystem::path source;  // the file read; empty for the defaults
  std::vector<RuleSelector> enable;   // also how opt-in rules are turned on
  std::vector<RuleSelector> disable;
  std::map<std::string, Level> levels;  // rule id -> level, selectors resolved
  std::map<std::string, std::map<std::string, std::string>> options;  // rule id -> option -> value
  std::vector<std::string> exclude;     // path globs, relative to the scan root
  std::vector<Suppression> suppress;    // external suppressions
  // Inputs of the deployments, as the command line's --var-file, --var and --parameters give
  // them; paths relative to the configuration file's directory.
  std::vector<std::string> var_files;
  std::map<std::string, std::string> vars;
  std::vector<std::string> parameter_files;

  // Whether the rule runs: by default unless opt-in; an id or slug selector outweighs a tag,
  // and between equals disable wins.
  [[nodiscard]] bool enabled(const RuleMetadata& rule) const;
  [[nodiscard]] Level level(const RuleMetadata& rule) const;
  [[nodiscard]] bool excluded(std::string_view path) const;
  // The configured value of a rule option, else its declared default.
  [[nodiscard]] std::string_view option(const RuleMetadata& rule, std::string_view name) const;
};

struct ConfigError {
  std::string file;
  std::uint32_t line = 0;  // 1-based; 0 when the problem is the file as a whole
  std::string message;
  [[nodiscard]] std::string to_string() const;  // "file:line: message"
};

struct ConfigResult {
  Config config;
  std::vector<ConfigError> errors;  // non-empty: the configuration must not be used
};

// Reads a configuration text; `rules` are every rule akslint has, to check names against.
[[nodiscard]] ConfigResult parse_config(std::string_view text, const std::filesystem::path& file,
                                        std::span<const RuleMetadata* const> rules);

// The nearest configuration file in `start` or a directory above it.
[[nodiscard]] std::optional<std::filesystem::path> find_config(const std::filesystem::path& start);

// The effective configuration as YAML: every rule with its state, level and options.
[[nodiscard]] std::string render_config(const Config& config, std::span<const RuleMetadata* const> rules);

// A commented starting file for `akslint init`.
[[nodiscard]] std::string starter_config(std::span<const RuleMetadata* const> rules);

}  // namespace akslint
