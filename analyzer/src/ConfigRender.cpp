// `akslint config` and `akslint init`: the configuration written out, in the form it is read.
#include <akslint/analyzer/Config.h>

#include <fmt/format.h>

namespace akslint {

namespace {

// Quotes a YAML scalar when a plain one would be read differently.
std::string yaml_scalar(std::string_view s) {
  const bool plain = !s.empty() && s.find_first_of(":#'\"[]{},&*!|>%@`") == std::string_view::npos &&
                     s.front() != ' ' && s.back() != ' ' && s.front() != '-';
  if (plain) return std::string(s);
  std::string out = "'";
  for (const char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

std::string rule_list(std::span<const RuleMetadata* const> rules, bool want_enabled, const Config& config) {
  std::string out;
  for (const RuleMetadata* r : rules) {
    if (config.enabled(*r) == want_enabled) out += fmt::format("  - {}  # {}\n", r->id, r->slug);
  }
  return out.empty() ? " []\n" : "\n" + out;
}

}  // namespace

std::string render_config(const Config& config, std::span<const RuleMetadata* const> rules) {
  std::string out = fmt::format("# Effective akslint configuration; read from {}.\n",
                                config.source.empty() ? "no file (the defaults)" : config.source.generic_string());
  out += "enable:" + rule_list(rules, true, config);
  out += "disable:" + rule_list(rules, false, config);
  out += "levels:\n";
  for (const RuleMetadata* r : rules) out += fmt::format("  {}: {}\n", r->id, to_string(config.level(*r)));
  std::string options;
  for (const RuleMetadata* r : rules) {
    for (const RuleOption& o : r->options) {
      options += fmt::format("  {}.{}: {}\n", r->id, o.name, yaml_scalar(config.option(*r, o.name)));
    }
  }
  out += options.empty() ? "options: {}\n" : "options:\n" + options;
  out += config.exclude.empty() ? "exclude: []\n" : "exclude:\n";
  for (const auto& glob : config.exclude) out += fmt::format("  - {}\n", yaml_scalar(glob));
  out += config.suppress.empty() ? "suppress: []\n" : "suppress:\n";
  for (const Suppression& s : config.suppress) {
    out += fmt::format("  - rule: [{}]\n", fmt::join(s.rules, ", "));
    if (!s.path_glob.empty()) out += fmt::format("    path: {}\n", yaml_scalar(s.path_glob));
    if (!s.address_glob.empty()) out += fmt::format("    address: {}\n", yaml_scalar(s.address_glob));
    out += fmt::format("    reason: {}\n", yaml_scalar(s.reason));
  }
  out += config.var_files.empty() ? "var-files: []\n" : "var-files:\n";
  for (const auto& path : config.var_files) out += fmt::format("  - {}\n", yaml_scalar(path));
  out += config.vars.empty() ? "vars: {}\n" : "vars:\n";
  for (const auto& [name, value] : config.vars) out += fmt::format("  {}: {}\n", name, yaml_scalar(value));
  out += config.parameter_files.empty() ? "parameters: []\n" : "parameters:\n";
  for (const auto& path : config.parameter_files) out += fmt::format("  - {}\n", yaml_scalar(path));
  return out;
}

std::string starter_config(std::span<const RuleMetadata* const> rules) {
  std::string opt_in;
  std::string options;
  for (const RuleMetadata* r : rules) {
    if (r->opt_in) opt_in += fmt::format("#   - {}  # {}: {}\n", r->id, r->slug, r->title);
    for (const RuleOption& o : r->options) {
      options += fmt::format("#   {}.{}: {}  # {}\n", r->id, o.name, yaml_scalar(o.default_value), o.description);
    }
  }
  return fmt::format(R"(# akslint configuration. akslint reads the nearest .akslint.yaml from the scan root
# upwards; `akslint scan --config FILE` names another. `akslint config` prints the effective
# settings, `akslint rules` lists the rules. Rules are named by id (AKS201), name
# (system-pool-scaled-to-zero) or tag (networking); the more specific choice wins.

# Rules to turn on, including opt-in rules, which are off until named here.
enable:
{}
# Rules to turn off.
disable:
#   - AKS404  # free-tier-no-sla

# Levels other than the rules' defaults: error, warning, note or none.
levels:
#   AKS305: warning

# Rule options, as <rule>.<option>: value.
options:
{}
# Paths to leave out, relative to the scan root ('*' and '?' within a directory, '**' across).
exclude:
#   - examples/**

# Findings to keep, with the reason; they stay in SARIF as suppressed (kind "external").
# In a file, a comment does the same: `# akslint-ignore AKS201: reason`.
suppress:
#   - rule: AKS201
#     path: envs/sandbox/**
#     address: azurerm_kubernetes_cluster.*
#     reason: sandbox clusters are stopped outside office hours

# Terraform variable files and values for every root module (after terraform.tfvars and
# *.auto.tfvars, as -var-file and -var do), and ARM/Bicep parameter files for every template.
# Paths are relative to this file. The command line's --var-file, --var and --parameters add to these.
var-files:
#   - envs/prod.tfvars
vars:
#   kubernetes_version: "1.31"
parameters:
#   - azuredeploy.parameters.prod.json
)",
                     opt_in.empty() ? "#   - AKS407  # an opt-in rule\n" : opt_in,
                     options.empty() ? "#   AKS721.min-max-pods: 50\n" : options);
}

}  // namespace akslint
