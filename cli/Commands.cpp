#include "Commands.h"

#include <akslint/rules/Registry.h>
#include <akslint/sarif/Emitters.h>
#include <akslint/scan/Scan.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cstdio>
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
  const Report report = scan(options);

  if (command.format == "sarif") {
    emit(to_sarif(report, kTool), command.output);
  } else if (command.format == "json") {
    emit(to_json(report, kTool), command.output);
  } else {
    emit(to_text(report), command.output);
  }

  if (report.partial()) return kExitTrouble;
  const Level fail = parse_level(command.fail_level).value_or(Level::Warning);
  if (fail == Level::None) return kExitClean;
  for (const Finding& f : report.findings) {
    if (f.level >= fail) return kExitFindings;
  }
  return kExitClean;
}

int run_rules(const RulesCommand& command) {
  const auto rules = make_all_rules();
  auto formats_of = [](const RuleMetadata& m) {
    std::vector<std::string_view> out;
    for (const InputFormat f : kAllInputFormats) {
      if (m.sees(f)) out.push_back(to_string(f));
    }
    return out;
  };
  if (command.format == "json") {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto& rule : rules) {
      const RuleMetadata& m = rule->metadata();
      nlohmann::ordered_json peers = nlohmann::ordered_json::array();
      for (const auto& p : m.peers) peers.push_back({{"tool", p.tool}, {"id", p.id}});
      list.push_back({{"id", m.id},
                      {"slug", m.slug},
                      {"level", to_string(m.level)},
                      {"formats", formats_of(m)},
                      {"title", m.title},
                      {"precision", to_string(m.precision)},
                      {"optIn", m.opt_in},
                      {"peers", peers}});
    }
    const std::string text = list.dump(2) + "\n";
    std::fwrite(text.data(), 1, text.size(), stdout);
    return kExitClean;
  }
  for (const auto& rule : rules) {
    const RuleMetadata& m = rule->metadata();
    fmt::print("{:<7} {:<40} {:<8} {:<40} {}\n", m.id, m.slug, to_string(m.level),
               fmt::format("{}", fmt::join(formats_of(m), ",")), m.title);
  }
  return kExitClean;
}

}  // namespace akslint::cli
