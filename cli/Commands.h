#pragma once
// The subcommands of the akslint executable.
#include <akslint/analyzer/Config.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <ostream>
#include <optional>
#include <string>
#include <vector>

namespace akslint::cli {

// Exit codes: what CI scripts rely on.
inline constexpr int kExitClean = 0;     // nothing at or above the fail level
inline constexpr int kExitFindings = 1;  // findings at or above the fail level
inline constexpr int kExitTrouble = 2;   // usage error, or some input could not be analysed

struct ScanCommand {
  std::vector<std::string> paths;
  std::string root;
  std::string format = "text";
  std::string output;
  std::string fail_level = "warning";
  std::string config;     // configuration file; empty = the nearest .akslint.yaml above the root
  std::string category;   // SARIF runAutomationDetails.id
  std::string baseline;   // earlier SARIF log to compare with
  bool new_only = false;  // report and fail only on findings the baseline does not have
  std::string changed_lines;  // unified diff (a file, or "-" for standard input)
  bool no_color = false;
  unsigned jobs = 0;
  std::vector<std::string> var_files;        // Terraform -var-file, for every root module
  std::vector<std::string> vars;             // Terraform -var NAME=VALUE, for every root module
  std::vector<std::string> parameter_files;  // ARM/Bicep parameter files, for every template
  std::uint64_t max_file_size = 1ULL << 30;  // bytes; larger files are reported, not read
  std::uint32_t max_depth = 10000;            // bracket nesting; deeper files are reported, not read
  std::size_t max_instances = 10000;          // per count, for_each, copy or loop; the rest are not read
  unsigned unit_timeout = 30;                 // seconds one unit may take to parse and evaluate; 0 = none
  unsigned timeout = 0;                      // seconds; units not started by then are reported; 0 = none
};

int run_scan(const ScanCommand& command);

struct RulesCommand {
  std::string format = "text";
  std::string output = "docs/rules";  // markdown: the directory of the generated pages
  bool check = false;                 // markdown: report stale pages instead of writing them
};

int run_rules(const RulesCommand& command);

struct ExplainCommand {
  std::string rule;  // id or slug
};

int run_explain(const ExplainCommand& command);

struct ConfigCommand {
  std::string config;
  std::string root = ".";
};

// Prints the effective configuration.
int run_config(const ConfigCommand& command);

struct InitCommand {
  std::string directory = ".";
  bool force = false;
};

// Writes a commented starting .akslint.yaml.
int run_init(const InitCommand& command);

// The configuration in `explicit_file`, else the nearest one from `root` upwards, else the
// defaults. Problems are printed with file:line; nullopt means the scan must not run.
[[nodiscard]] std::optional<Config> load_config(const std::string& explicit_file, const std::filesystem::path& root);

// Writes `content` to `path` through a temporary file and a rename, so a reader never sees
// a half-written file. Throws std::runtime_error on I/O failure.
void write_file_atomically(const std::filesystem::path& path, const std::string& content);
// The same for what `write` streams to the file (a large report, written as it is made).
void write_file_atomically(const std::filesystem::path& path, const std::function<void(std::ostream&)>& write);

}  // namespace akslint::cli
