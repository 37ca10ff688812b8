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
      ->check(CLI::IsMember({"text", "sarif", "json"}))
      ->capture_default_str();
  scan_cmd->add_option("--output,-o", scan.output, "Write the report to FILE instead of standard output");
  scan_cmd->add_option("--fail-level", scan.fail_level, "Lowest finding level that makes the exit code 1")
      ->check(CLI::IsMember({"error", "warning", "note", "none"}))
      ->capture_default_str();
  scan_cmd->add_option("--root", scan.root, "Directory that output paths are relative to (default: current directory)");
  scan_cmd->add_option("--jobs,-j", scan.jobs, "Files read in parallel (default: one per core)");

  RulesCommand rules;
  auto* rules_cmd = app.add_subcommand("rules", "List the rules");
  rules_cmd->add_option("--format,-f", rules.format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitClean : kExitTrouble;
  }
  try {
    if (scan_cmd->parsed()) return run_scan(scan);
    if (rules_cmd->parsed()) return run_rules(rules);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "akslint: %s\n", e.what());
    return kExitTrouble;
  }
  return kExitTrouble;
}
