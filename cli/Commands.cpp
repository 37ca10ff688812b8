#include "Commands.h"
#include "Progress.h"

#include <akslint/sarif/Emitters.h>
#include <akslint/scan/Heap.h>
#include <akslint/scan/Scan.h>

#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iostream>
#include <span>
#include <sstream>
#include <stdexcept>
#include <unistd.h>

namespace akslint::cli {

namespace fs = std::filesystem;

namespace {

constexpr ToolInfo kTool{"akslint", AKSLINT_VERSION, AKSLINT_HOMEPAGE};

// The directory output paths are relative to: --root, else the current directory when
// every path lies inside it, else the first path (or its directory).
fs::path scan_root(const ScanCommand& command) {
  if (!command.root.empty()) return fs::absolute(command.root);
  const fs::path cwd = fs::current_path();
  bool inside = true;
  for (const auto& p : command.paths) {
    const auto rel = fs::absolute(p).lexically_normal().lexically_relative(cwd);
    if (rel.empty() || *rel.begin() == "..") inside = false;
  }
  if (inside || command.paths.empty()) return cwd;
  const fs::path first = fs::absolute(command.paths.front());
  return fs::is_directory(first) ? first : first.parent_path();
}

// Colour only for a person at a terminal: not into files or pipes, not with --no-color or NO_COLOR.
bool use_color(const ScanCommand& command) {
  return command.output.empty() && !command.no_color && std::getenv("NO_COLOR") == nullptr &&
         ::isatty(::fileno(stdout)) == 1;
}

// Writes the report in the chosen format. The JSON logs (SARIF, JSON, rdjson), the large
// ones, are streamed in pieces rather than held whole.
void render(std::ostream& out, const Report& report, const ScanCommand& command,
            std::span<const BaselineResult> absent) {
  const std::string_view f = command.format;
  if (f == "sarif") return write_sarif(out, report, kTool, {command.category, absent, command.jobs});
  if (f == "json") return write_json(out, report, kTool, command.jobs);
  if (f == "rdjson") return write_rdjson(out, report, kTool);
  out << [&] {
    if (f == "github") return to_github(report);
    if (f == "junit") return to_junit(report);
    if (f == "markdown") return to_markdown(report);
    return to_text(report, {use_color(command)});
  }();
}

// A file's text, or standard input for "-"; nullopt when it cannot be read.
std::optional<std::string> read_input(const std::string& path) {
  std::ostringstream text;
  if (path == "-") {
    text << std::cin.rdbuf();
    return std::move(text).str();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  text << in.rdbuf();
  return std::move(text).str();
}

// Applies --baseline, --new-only and --changed-lines; false (after saying why) when an input
// cannot be used.
bool compare(Report& report, const ScanCommand& command, std::vector<BaselineResult>& absent) {
  if (!command.baseline.empty()) {
    const auto text = read_input(command.baseline);
    const auto read = text ? read_baseline(*text) : BaselineRead{std::nullopt, "it cannot be read"};
    if (!read.baseline) {
      std::fprintf(stderr, "akslint: %s: not a usable baseline: %s\n", command.baseline.c_str(), read.error.c_str());
      return false;
    }
    absent = compare_with_baseline(report, *read.baseline);
  }
  if (command.new_only) {
    std::erase_if(report.findings, [](const Finding& f) { return f.baseline != BaselineState::New; });
    absent.clear();
  }
  if (!command.changed_lines.empty()) {
    const auto diff = read_input(command.changed_lines);
    if (!diff) {
      std::fprintf(stderr, "akslint: %s: the diff cannot be read\n", command.changed_lines.c_str());
      return false;
    }
    keep_changed_lines(report, parse_unified_diff(*diff));
  }
  return true;
}

void emit(const std::string& output, const std::function<void(std::ostream&)>& write) {
  if (output.empty()) {
    write(std::cout);
    std::cout.flush();
  } else {
    write_file_atomically(output, write);
  }
}

}  // namespace

void write_file_atomically(const fs::path& path, const std::function<void(std::ostream&)>& write) {
  fs::path tmp = path;
  tmp += fmt::format(".tmp-{}", ::getpid());
  const auto remove_tmp = [&] {
    std::error_code ignored;
    fs::remove(tmp, ignored);
  };
  const std::runtime_error failure(fmt::format("cannot write {}", path.string()));
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw failure;
    try {
      write(out);  // a bug or an I/O failure here leaves no temporary file behind
    } catch (...) {
      out.close();
      remove_tmp();
      throw;
    }
    out.flush();
    if (!out) {
      remove_tmp();
      throw failure;
    }
  }
  fs::rename(tmp, path);
}

void write_file_atomically(const fs::path& path, const std::string& content) {
  write_file_atomically(path, [&](std::ostream& out) { out << content; });
}

namespace {

// --var-file, --var and --parameters, after the configuration's own (relative to its file).
// False, with a message, when one is unusable.
bool add_deployment_inputs(const ScanCommand& command, ScanOptions& options) {
  const fs::path base = options.config.source.empty() ? fs::path() : options.config.source.parent_path();
  for (const auto& f : options.config.var_files) options.var_files.push_back(base / f);
  for (const auto& f : options.config.parameter_files) options.parameter_files.push_back(base / f);
  for (const auto& [name, value] : options.config.vars) options.vars.emplace_back(name, value);
  for (const auto& f : command.var_files) options.var_files.emplace_back(f);
  for (const auto& f : command.parameter_files) options.parameter_files.emplace_back(f);
  for (const auto& files : {options.var_files, options.parameter_files}) {
    for (const auto& f : files) {
      std::error_code ec;
      if (!fs::is_regular_file(f, ec)) {
        std::fprintf(stderr, "akslint: %s: no such file\n", f.string().c_str());
        return false;
      }
    }
  }
  for (const auto& text : command.vars) {
    const auto eq = text.find('=');
    if (eq == std::string::npos || eq == 0) {
      std::fprintf(stderr, "akslint: --var %s: expected NAME=VALUE\n", text.c_str());
      return false;
    }
    options.vars.emplace_back(text.substr(0, eq), text.substr(eq + 1));
  }
  for (const auto& [name, value] : options.vars) {
    if (!var_value(value)) {
      std::fprintf(stderr, "akslint: variable %s: a value starting with [ or { must be a JSON list or object\n",
                   name.c_str());
      return false;
    }
  }
  return true;
}

// 2 when some input could not be analysed, 1 when a finding is at --fail-level or above.
int exit_status(const Report& report, const ScanCommand& command) {
  if (report.partial()) return kExitTrouble;
  const Level fail = parse_level(command.fail_level).value_or(Level::Warning);
  if (fail == Level::None) return kExitClean;
  for (const Finding& f : report.findings) {
    if (!f.suppressed() && f.level >= fail) return kExitFindings;
  }
  return kExitClean;
}

}  // namespace

int run_scan(const ScanCommand& command) {
  prepare_heap_for_one_scan();
  ScanOptions options;
  options.root = scan_root(command);
  for (const auto& p : command.paths) options.paths.emplace_back(fs::absolute(p));
  for (const auto& p : options.paths) {
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(p, ec))) {
      std::fprintf(stderr, "akslint: %s: no such file or directory\n", p.string().c_str());
      return kExitTrouble;
    }
  }
  options.jobs = command.jobs;
  options.limits.max_file_bytes = command.max_file_size;
  options.read_limits.max_depth = command.max_depth;
  options.read_limits.max_instances = command.max_instances;
  options.read_limits.unit_timeout = std::chrono::seconds(command.unit_timeout);
  options.timeout = std::chrono::seconds(command.timeout);
  auto config = load_config(command.config, options.root);
  if (!config) return kExitTrouble;
  options.config = std::move(*config);
  if (!add_deployment_inputs(command, options)) return kExitTrouble;
  options.progress = terminal_progress();
  options.keep_model_until_exit = true;

  Report report = scan(options);
  std::vector<BaselineResult> absent;
  if (!compare(report, command, absent)) return kExitTrouble;
  emit(command.output, [&](std::ostream& out) { render(out, report, command, absent); });
  const int status = exit_status(report, command);
  keep_until_exit(std::move(report));
  return status;
}

}  // namespace akslint::cli
