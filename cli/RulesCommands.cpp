// `akslint rules` and `akslint explain`: what the rule metadata says, as a list, as help, as docs.
#include "Commands.h"

#include <akslint/rules/Registry.h>
#include <akslint/sarif/RuleDocs.h>
#include <akslint/sarif/RuleHelp.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>

namespace akslint::cli {

namespace fs = std::filesystem;

namespace {

std::vector<std::string_view> formats_of(const RuleMetadata& m) {
  std::vector<std::string_view> out;
  for (const InputFormat f : kAllInputFormats) {
    if (m.sees(f)) out.push_back(to_string(f));
  }
  return out;
}

std::vector<const RuleMetadata*> all_metadata(const std::vector<std::unique_ptr<Rule>>& rules) {
  std::vector<const RuleMetadata*> out;
  for (const auto& rule : rules) out.push_back(&rule->metadata());
  return out;
}

void print_json(const std::vector<const RuleMetadata*>& rules) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const RuleMetadata* m : rules) {
    nlohmann::ordered_json peers = nlohmann::ordered_json::array();
    for (const auto& p : m->peers) peers.push_back({{"tool", p.tool}, {"id", p.id}});
    list.push_back({{"id", m->id},
                    {"slug", m->slug},
                    {"level", to_string(m->level)},
                    {"formats", formats_of(*m)},
                    {"title", m->title},
                    {"precision", to_string(m->precision)},
                    {"optIn", m->opt_in},
                    {"peers", peers}});
  }
  const std::string text = list.dump(2) + "\n";
  std::fwrite(text.data(), 1, text.size(), stdout);
}

std::string read_or_empty(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return std::move(buffer).str();
}

// Writes the pages, or with `check` lists the stale, missing and left-over ones.
int markdown_docs(const std::vector<const RuleMetadata*>& rules, const RulesCommand& command) {
  const auto pages = rule_docs(rules);
  const fs::path dir = command.output;
  if (!command.check) {
    fs::create_directories(dir);
    for (const auto& [name, content] : pages) write_file_atomically(dir / name, content);
    fmt::print("wrote {} pages to {}\n", pages.size(), dir.string());
    return kExitClean;
  }
  std::set<std::string> stale;
  for (const auto& [name, content] : pages) {
    if (read_or_empty(dir / name) != content) stale.insert(name);
  }
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (entry.path().extension() == ".md" && !pages.contains(name)) stale.insert(name);
  }
  for (const auto& name : stale) std::fprintf(stderr, "akslint: %s is stale\n", (dir / name).string().c_str());
  if (stale.empty()) return kExitClean;
  std::fprintf(stderr, "akslint: regenerate with `akslint rules --format markdown --output %s`\n",
               dir.string().c_str());
  return kExitFindings;
}

}  // namespace

int run_rules(const RulesCommand& command) {
  const auto rules = make_all_rules();
  const auto metadata = all_metadata(rules);
  if (command.format == "json") {
    print_json(metadata);
    return kExitClean;
  }
  if (command.format == "markdown") return markdown_docs(metadata, command);
  for (const RuleMetadata* m : metadata) {
    fmt::print("{:<7} {:<40} {:<8} {:<40} {}\n", m->id, m->slug, to_string(m->level),
               fmt::format("{}", fmt::join(formats_of(*m), ",")), m->title);
  }
  return kExitClean;
}

int run_explain(const ExplainCommand& command) {
  const auto rules = make_all_rules();
  for (const auto& rule : rules) {
    const RuleMetadata& m = rule->metadata();
    if (iequals(m.id, command.rule) || m.slug == command.rule) {
      fmt::print("{} {}: {}\n\n{}\n", m.id, m.slug, m.title, rule_help_text(m));
      return kExitClean;
    }
  }
  std::fprintf(stderr, "akslint: no rule '%s'; `akslint rules` lists them\n", command.rule.c_str());
  return kExitTrouble;
}

}  // namespace akslint::cli
