// Finding and reading the configuration, and `akslint config` / `akslint init`.
#include "Commands.h"

#include <akslint/rules/Registry.h>

#include <fmt/format.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace akslint::cli {

namespace fs = std::filesystem;

namespace {

std::vector<const RuleMetadata*> metadata_of(const std::vector<std::unique_ptr<Rule>>& rules) {
  std::vector<const RuleMetadata*> out;
  for (const auto& r : rules) out.push_back(&r->metadata());
  return out;
}

}  // namespace

std::optional<Config> load_config(const std::string& explicit_file, const fs::path& root) {
  const auto path = explicit_file.empty() ? find_config(root) : std::optional<fs::path>(explicit_file);
  if (!path) return Config{};
  std::ifstream in(*path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "akslint: %s: the configuration file cannot be read\n", path->string().c_str());
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  const auto rules = make_all_rules();
  auto result = parse_config(text.str(), *path, metadata_of(rules));
  for (const ConfigError& e : result.errors) std::fprintf(stderr, "akslint: %s\n", e.to_string().c_str());
  if (!result.errors.empty()) return std::nullopt;
  return std::move(result.config);
}

int run_config(const ConfigCommand& command) {
  const auto config = load_config(command.config, fs::absolute(command.root));
  if (!config) return kExitTrouble;
  const auto rules = make_all_rules();
  const std::string text = render_config(*config, metadata_of(rules));
  std::fwrite(text.data(), 1, text.size(), stdout);
  return kExitClean;
}

int run_init(const InitCommand& command) {
  const fs::path path = fs::path(command.directory) / kConfigFileNames[0];
  std::error_code ec;
  if (fs::exists(path, ec) && !command.force) {
    std::fprintf(stderr, "akslint: %s exists; --force overwrites it\n", path.string().c_str());
    return kExitTrouble;
  }
  const auto rules = make_all_rules();
  write_file_atomically(path, starter_config(metadata_of(rules)));
  fmt::print("wrote {}\n", path.string());
  return kExitClean;
}

}  // namespace akslint::cli
