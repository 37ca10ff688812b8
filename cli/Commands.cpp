#include "Commands.h"

#include <akslint/sarif/Emitters.h>
#include <akslint/scan/Scan.h>

#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
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

std::string render(const Report& report, const ScanCommand& command) {
  const std::string_view f = command.format;
  if (f == "sarif") return to_sarif(report, kTool, {command.category});
  if (f == "json") return to_json(report, kTool);
  if (f == "github") return to_github(report);
  if (f == "rdjson") return to_rdjson(report, kTool);
  if (f == "junit") return to_junit(report);
  if (f == "markdown") return to_markdown(report);
  return to_text(report, {use_color(command)});
}

void emit(const std::string& content, const std::string& output) {
  if (output.empty()) {
    std::fwrite(content.data(), 1, content.size(), stdout);
    std::fflush(stdout);
  } else {
    write_file_atomically(output, content);
  }
}

}  // namespace

void write_file_atomically(const fs::path& path, const std::string& content) {
  fs::path tmp = path;
  tmp += fmt::format(".tmp-{}", ::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw std::runtime_error(fmt::format("cannot write {}", path.string()));
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.flush();
    if (!out) {
      std::error_code ignored;
      fs::remove(tmp, ignored);
      throw std::runtime_error(fmt::format("cannot write {}", path.string()));
    }
  }
  fs::rename(tmp, path);
}

int run_scan(const ScanCommand& command) {
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
  auto config = load_config(command.config, options.root);
  if (!config) return kExitTrouble;
  options.config = std::move(*config);
  const Report report = scan(options);

  emit(render(report, command), command.output);

  if (report.partial()) return kExitTrouble;
  const Level fail = parse_level(command.fail_level).value_or(Level::Warning);
  if (fail == Level::None) return kExitClean;
  for (const Finding& f : report.findings) {
    if (!f.suppressed() && f.level >= fail) return kExitFindings;
  }
  return kExitClean;
}

}  // namespace akslint::cli
