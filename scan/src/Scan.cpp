#include <akslint/scan/Scan.h>

#include <akslint/analyzer/GraphBuilder.h>
#include <akslint/model/Parallel.h>
#include <akslint/parsers/DeploymentUnit.h>
#include <akslint/parsers/ModuleCache.h>
#include <akslint/rules/Registry.h>
#include <akslint/scan/Discovery.h>
#include <akslint/scan/Heap.h>

#include "ConfigApply.h"
#include "GivenInputs.h"
#include "PlanSourceLink.h"
#include "ReadingOrder.h"
#include "UnitFailures.h"

#include <algorithm>
#include <iterator>
#include <mutex>
#include <string>
#include <tuple>

namespace akslint {

namespace {

// Reads every unit on `jobs` threads, each into its unit's slot.
std::vector<UnitModel> read_units(const std::vector<DeploymentUnit>& units, const FileTable& files,
                                  const ModuleCalls& calls, unsigned jobs, const ScanOptions& options,
                                  const UnitInputs& inputs) {
  std::vector<UnitModel> models(units.size());
  std::size_t total_files = 0;
  for (const auto& unit : units) total_files += unit.files.size();
  std::size_t done_files = 0;
  std::mutex progress_lock;
  const auto deadline = std::chrono::steady_clock::now() + options.timeout;
  ModuleCache modules(files, units, calls);
  const ReadingOrder order = reading_order(units, files, modules);
  parallel_for_runs(units.size(), order.heavy, jobs, [&](std::size_t k) {
    const std::size_t i = order.units[k];
    const bool late = options.timeout.count() > 0 && std::chrono::steady_clock::now() > deadline;
    models[i] = late ? out_of_time(units[i], options.timeout) : read_contained(units[i], [&] {
      return read_unit(units[i], files, options.read_limits, inputs, &modules);
    });
    modules.done(units[i]);
    if (options.progress) {
      const std::lock_guard lock(progress_lock);
      done_files += units[i].files.size();
      options.progress(done_files, total_files);
    }
  });
  return models;
}

// The units' resources, each list marked with its unit, and their diagnostics. Takes the
// models so that what is left of them is freed before the graph is built; the resources
// stay in their units' lists, which the graph keeps.
std::vector<std::vector<Resource>> merge(std::vector<UnitModel> models, std::vector<Diagnostic>& diagnostics) {
  std::vector<std::vector<Resource>> units;
  units.reserve(models.size());
  for (std::uint32_t u = 0; u < models.size(); ++u) {
    for (auto& r : models[u].resources) r.origin.unit = u;
    // The lists grew by doubling; the graph keeps them to the end, when memory peaks.
    models[u].resources.shrink_to_fit();
    units.push_back(std::move(models[u].resources));
    std::move(models[u].diagnostics.begin(), models[u].diagnostics.end(), std::back_inserter(diagnostics));
  }
  return units;
}

// Sort keys made of views: comparing them copies no strings. Within a file, the start byte
// orders as the start's row and column would.
using SortKey = std::tuple<std::string_view, std::uint32_t, std::string_view, std::string_view>;

SortKey sort_key(const FileTable& files, FileId file, const SourceSpan& span, std::string_view kind,
                 std::string_view message) {
  const std::string_view path = file < files.size() ? std::string_view(files[file].path) : std::string_view{};
  return {path, span.begin_byte, kind, message};
}

void sort_report(Report& report) {
  const FileTable& files = report.files;
  const auto finding_key = [&](const Finding& f) { return sort_key(files, f.primary.file, f.primary, f.rule->id, f.message); };
  std::stable_sort(report.findings.begin(), report.findings.end(),
                   [&](const Finding& a, const Finding& b) { return finding_key(a) < finding_key(b); });
  const auto diagnostic_key = [&](const Diagnostic& d) { return sort_key(files, d.file, d.span, d.code, d.message); };
  std::stable_sort(report.diagnostics.begin(), report.diagnostics.end(),
                   [&](const Diagnostic& a, const Diagnostic& b) { return diagnostic_key(a) < diagnostic_key(b); });
}

}  // namespace

Report scan(const ScanOptions& options) {
  const std::vector<std::filesystem::path> paths = options.paths.empty()
                                                       ? std::vector<std::filesystem::path>{options.root}
                                                       : options.paths;
  const unsigned jobs = job_count(options.jobs);
  DiscoveredFiles discovered = discover(paths, options.root, DiskSourceProvider{}, options.limits, jobs);
  Report report;
  report.files = std::move(discovered.files);
  report.diagnostics = std::move(discovered.diagnostics);

  const UnitInputs inputs = load_given_inputs(options, report.files, report.diagnostics);
  std::vector<std::vector<Resource>> resources = [&] {
    const ModuleCalls calls = find_module_calls(report.files, jobs);
    auto units = group_units(report.files, calls);
    drop_given_units(units, inputs);
    return merge(read_units(units, report.files, calls, jobs, options, inputs), report.diagnostics);
  }();
  link_plans_to_sources(resources, report.files);
  ResourceGraph graph = build_graph(std::move(resources), jobs);

  const auto rules = make_all_rules();
  for (const auto& rule : rules) report.rules.push_back(&rule->metadata());
  run_rules(graph, rules, options.config, jobs, report.findings);
  apply_config(report, options.config, jobs);
  sort_report(report);
  if (options.keep_model_until_exit) keep_until_exit(std::move(graph));
  return report;
}

}  // namespace akslint
