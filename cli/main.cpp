// akslint: static analysis for the infrastructure code that deploys AKS.
#include "Commands.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <exception>

int main(int argc, char** argv) {
  using namespace akslint::cli;
  CLI::App app{"akslint: finds AKS configurations that Azure does not support, in Terraform, plan JSON, ARM and Bicep"};
  app.set_version_flag("--version", std::string("akslint ") + AKSLINT_VERSION);
  app.require_subcommand(1);

  ScanCommand scan;
  auto* scan_cmd = app.add_subcommand("scan", "Scan files and directories (default: the current directory)");
  scan_cmd->add_option("paths", scan.paths, "Files or directories to scan");
  scan_cmd->add_option("--format,-f", scan.format, "Output format")
      ->check(CLI::IsMember({"text", "sarif", "json", "github", "rdjson", "junit", "markdown"}))
      ->capture_default_str();
  scan_cmd->add_option("--output,-o", scan.output, "Write the report to FILE instead of standard output");
  scan_cmd->add_option("--fail-level", scan.fail_level, "Lowest finding level that makes the exit code 1")
      ->check(CLI::IsMember({"error", "warning", "note", "none"}))
      ->capture_default_str();
  scan_cmd->add_option("--root", scan.root, "Directory that output paths are relative to (default: current directory)");
  scan_cmd->add_option("--config,-c", scan.config,
                       "Configuration file (default: the nearest .akslint.yaml from the root upwards)");
  scan_cmd->add_option("--category", scan.category,
                       "SARIF automationDetails.id, to tell several uploads for one commit apart");
  scan_cmd->add_option("--baseline", scan.baseline,
                       "Earlier SARIF log: results get baselineState new, unchanged, updated or absent");
  scan_cmd->add_flag("--new-only", scan.new_only, "Report and fail only on findings not in the baseline")
      ->needs(scan_cmd->get_option("--baseline"));
  scan_cmd->add_option("--changed-lines", scan.changed_lines,
                       "Unified diff (FILE, or - for standard input): keep findings on changed lines only");
  scan_cmd->add_flag("--no-color", scan.no_color, "No colours in text output (also: the NO_COLOR variable)");
  scan_cmd->add_option("--jobs,-j", scan.jobs, "Files read in parallel (default: one per core)");
  scan_cmd->add_option("--var-file", scan.var_files,
                       "Terraform variable file for every root module, after terraform.tfvars and *.auto.tfvars "
                       "(repeatable)")
      ->allow_extra_args(false);
  scan_cmd->add_option("--var", scan.vars,
                       "Terraform variable NAME=VALUE for every root module, over every file; a list or object "
                       "as JSON (repeatable)")
      ->allow_extra_args(false);
  scan_cmd->add_option("--parameters", scan.parameter_files,
                       "ARM or Bicep parameter file (.json, .bicepparam) for every template, after the ones "
                       "matched by name (repeatable)")
      ->allow_extra_args(false);
  scan_cmd->add_option("--max-file-size", scan.max_file_size, "Larger files (bytes) are reported and not read")
      ->capture_default_str();
  scan_cmd->add_option("--max-depth", scan.max_depth, "Files nesting brackets deeper are reported and not read")
      ->capture_default_str();
  scan_cmd->add_option("--max-instances", scan.max_instances,
                       "Instances one count, for_each, copy or loop may expand into; the rest are reported")
      ->capture_default_str();
  scan_cmd->add_option("--unit-timeout", scan.unit_timeout,
                       "Seconds one Terraform module or template may take to read; what is left is reported and "
                       "left unknown (0: no limit)")
      ->capture_default_str();
  scan_cmd->add_option("--timeout", scan.timeout,
                       "Seconds after which units not yet read are reported and skipped (0: no limit)")
      ->capture_default_str();

  RulesCommand rules;
  auto* rules_cmd = app.add_subcommand("rules", "List the rules");
  rules_cmd->add_option("--format,-f", rules.format, "Output format")
      ->check(CLI::IsMember({"text", "json", "markdown"}))
      ->capture_default_str();
  rules_cmd->add_option("--output,-o", rules.output, "markdown: directory of the generated pages")
      ->capture_default_str();
  rules_cmd->add_flag("--check", rules.check, "markdown: fail when the pages in --output are stale");

  ExplainCommand explain;
  auto* explain_cmd = app.add_subcommand("explain", "Print a rule's help: what it flags, why, and how to fix it");
  explain_cmd->add_option("rule", explain.rule, "Rule id or slug (AKS201, system-pool-scaled-to-zero)")->required();

  ConfigCommand config;
  auto* config_cmd = app.add_subcommand("config", "Print the effective configuration");
  config_cmd->add_option("root", config.root, "Directory to look for .akslint.yaml from (default: .)");
  config_cmd->add_option("--config,-c", config.config, "Configuration file to read instead");

  InitCommand init;
  auto* init_cmd = app.add_subcommand("init", "Write a commented .akslint.yaml to start from");
  init_cmd->add_option("directory", init.directory, "Where to write it (default: .)");
  init_cmd->add_flag("--force", init.force, "Overwrite an existing file");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitClean : kExitTrouble;
  }
  try {
    if (scan_cmd->parsed()) return run_scan(scan);
    if (rules_cmd->parsed()) return run_rules(rules);
    if (explain_cmd->parsed()) return run_explain(explain);
    if (config_cmd->parsed()) return run_config(config);
    if (init_cmd->parsed()) return run_init(init);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "akslint: %s\n", e.what());
    return kExitTrouble;
  }
  return kExitTrouble;
}
