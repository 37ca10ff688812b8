#pragma once
// A whole scan: discover files, read units in parallel, build the estate graph, run rules.
#include <akslint/analyzer/Config.h>
#include <akslint/analyzer/Report.h>
#include <akslint/parsers/DeploymentUnit.h>
#include <akslint/scan/Discovery.h>

#include <chrono>

#include <filesystem>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace akslint {

struct ScanOptions {
  std::vector<std::filesystem::path> paths;  // files or directories; empty = the root
  std::filesystem::path root;                // paths in the output are relative to it
  unsigned jobs = 0;                         // 0 = one per core
  DiscoveryLimits limits;
  ReadLimits read_limits;
  std::chrono::seconds timeout{0};           // units not started by then are reported, not read; 0 = none
  Config config;                             // rule selection, levels, options, excludes, suppressions
  // Deployment inputs for every unit of their kind (the CLI merges the configuration's in):
  // Terraform variable files and NAME=VALUE pairs, ARM/Bicep parameter files.
  std::vector<std::filesystem::path> var_files;
  std::vector<std::pair<std::string, std::string>> vars;
  std::vector<std::filesystem::path> parameter_files;
  // Called from the reading threads, one at a time, after each unit: files read so far and in
  // all. For progress display; may be empty.
  std::function<void(std::size_t done, std::size_t total)> progress;
  // For a process that exits after this scan: the resource graph is kept to the end rather
  // than freed on return (see keep_until_exit).
  bool keep_model_until_exit = false;
};

// Runs every rule over everything found under `options.paths`. Bad input never throws:
// it becomes a diagnostic and the rest of the scan goes on.
[[nodiscard]] Report scan(const ScanOptions& options);

}  // namespace akslint
