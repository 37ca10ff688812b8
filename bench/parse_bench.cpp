// Parses the files of a scan and nothing more, so bench/run.sh can show what evaluation,
// graph building and rules add on top of parsing:
//   akslint_bench DIR
// Files are found and read as `akslint scan` does, on one thread (timed on its own line, not
// part of the total: the parse-only time is the parsers'); each is then parsed on one
// thread with the parser the product uses for it: akslint's own for HCL (tree-sitter's when
// that one does not take a file, and the copy of its tree), tree-sitter for YAML, the JSON
// reader for templates, parameter files and .tf.json (which builds the values as it parses,
// so its time includes them), akslint's own lexer and parser for Bicep, the plan scanner
// (skipping the whole document) for plans. Prints one line per format and a total: files,
// bytes, CPU seconds, MB/s.
#include "bicep/BicepSyntax.h"
#include "json/JsonReader.h"
#include "json/JsonScanner.h"
#include "terraform/HclParser.h"
#include "ts/TsTree.h"

#include <akslint/scan/Discovery.h>
#include <akslint/scan/Heap.h>

#include <fmt/core.h>

#include <sys/resource.h>

#include <array>
#include <cstdint>
#include <string_view>

using namespace akslint;

namespace {

double cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const auto seconds = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
  };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

enum class Parser : std::uint8_t { Hcl, Json, Bicep, Yaml, Plan, None };
constexpr std::array<std::string_view, 5> kParserNames{"hcl", "json", "bicep", "yaml", "plan"};

Parser parser_for(FileFormat format) {
  switch (format) {
    case FileFormat::Terraform:
    case FileFormat::TerraformVars: return Parser::Hcl;
    case FileFormat::TerraformJson:
    case FileFormat::ArmTemplate:
    case FileFormat::ArmParameters: return Parser::Json;
    case FileFormat::Bicep:
    case FileFormat::BicepParameters: return Parser::Bicep;
    case FileFormat::KubernetesYaml: return Parser::Yaml;
    case FileFormat::TerraformPlan: return Parser::Plan;
    case FileFormat::Unknown: break;
  }
  return Parser::None;
}

// .tfvars.json is JSON although it classifies with the HCL variable files.
Parser parser_for(const SourceFile& file) {
  if (file.format == FileFormat::TerraformVars && file.path.ends_with(".json")) return Parser::Json;
  return parser_for(file.format);
}

// Parses one file and frees what the parse made; false when the parser gave up. Not inlined:
// bench/instructions.sh counts the instructions under this function and nothing else.
[[gnu::noinline]] bool parse_one_file(Parser parser, const SourceFile& file, FileId id) {
  if (parser == Parser::Plan) {
    JsonScanner scanner(file.text, id);
    scanner.skip();
    return !scanner.failed();
  }
  if (parser == Parser::Json) return read_json(file, id).root.has_value();
  if (parser == Parser::Bicep) return bicep::parse_bicep(file.text, id).diagnostics.empty();
  if (parser == Parser::Hcl) {
    std::optional<Diagnostic> error;
    return terraform::read_hcl(file.text, id, error) != nullptr;
  }
  return parser == Parser::Yaml && ts::Document(tree_sitter_yaml(), file.text, id).ok();
}

struct Tally {
  std::size_t files = 0;
  std::size_t bytes = 0;
  double cpu = 0;
};

void print(std::string_view name, const Tally& t) {
  const double mb = static_cast<double>(t.bytes) / 1e6;
  fmt::print("{:<9} files {:>6}  bytes {:>11}  cpu {:8.3f} s  {:7.2f} MB/s\n", name, t.files, t.bytes, t.cpu,
             t.cpu > 0 ? mb / t.cpu : 0.0);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    fmt::print(stderr, "usage: {} DIR\n", argv[0]);
    return 2;
  }
  const std::filesystem::path root = argv[1];
  prepare_heap_for_one_scan();  // as `akslint scan` does, so both allocate alike
  const double found = cpu_seconds();
  const DiscoveredFiles discovered = discover({root}, root, DiskSourceProvider{});
  Tally discovery{discovered.files.size(), 0, cpu_seconds() - found};
  for (const SourceFile& file : discovered.files) discovery.bytes += file.text.size();
  print("discovery", discovery);
  std::array<Tally, kParserNames.size()> tallies{};
  Tally total;
  std::size_t failed = 0;
  for (FileId id = 0; id < discovered.files.size(); ++id) {
    const SourceFile& file = discovered.files[id];
    const Parser parser = parser_for(file);
    if (parser == Parser::None) continue;
    const double start = cpu_seconds();
    if (!parse_one_file(parser, file, id)) ++failed;
    const double cpu = cpu_seconds() - start;
    for (Tally* t : {&tallies[static_cast<std::size_t>(parser)], &total}) {
      ++t->files;
      t->bytes += file.text.size();
      t->cpu += cpu;
    }
  }
  for (std::size_t p = 0; p < kParserNames.size(); ++p) {
    if (tallies[p].files != 0) print(kParserNames[p], tallies[p]);
  }
  print("total", total);
  if (failed != 0) fmt::print("({} files the parser gave up on)\n", failed);
  return 0;
}
