// Every ARM template and parameter file of the shared corpus reads without a syntax
// diagnostic, except the few that Azure itself rejects (listed with the reason).
#include "Frontends.h"
#include "json/JsonReader.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

using namespace akslint;

namespace {

const std::string kCorpus = AKSLINT_SOURCE_DIR "/../shared/corpus";

// Files Azure would not accept either.
const std::map<std::string, std::string> kInvalidForAzure = {
    {"Azure__arm-ttk/unit-tests/Resources-Should-Not-Be-Ambiguous/Pass/top-level-child-expression.json",
     "`concat(parameters('vmName'), variable('extensionName')]` never closes `concat(`; the test only checks naming"},
};

struct Entry {
  std::string format;
  std::string path;  // on disk, relative to the corpus
};

std::vector<Entry> manifest_entries() {
  std::vector<Entry> out;
  std::ifstream in(kCorpus + "/MANIFEST.tsv");
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::stringstream row(line);
    std::string format, repo, commit, path;
    std::getline(row, format, '\t');
    std::getline(row, repo, '\t');
    std::getline(row, commit, '\t');
    std::getline(row, path, '\t');
    if (format != "arm" && format != "arm_params") continue;
    for (auto& c : repo) {
      if (c == '/') c = '\0';
    }
    const auto slash = repo.find('\0');
    out.push_back({format, repo.substr(0, slash) + "__" + repo.substr(slash + 1) + "/" + path});
  }
  return out;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

TEST_CASE("every ARM file of the corpus reads without a syntax diagnostic") {
  if (!std::filesystem::exists(kCorpus + "/MANIFEST.tsv")) {
    WARN("corpus absent; skipped");
    return;
  }
  std::size_t read = 0;
  std::vector<std::string> failures;
  for (const auto& entry : manifest_entries()) {
    const std::string full = kCorpus + "/" + entry.path;
    if (!std::filesystem::exists(full)) continue;
    FileTable files;
    const bool is_template = entry.format == "arm";
    const FileId id = files.add({entry.path, is_template ? FileFormat::ArmTemplate : FileFormat::ArmParameters, slurp(full)});
    std::vector<Diagnostic> diagnostics;
    if (is_template) {
      diagnostics = read_arm_template({UnitKind::ArmTemplate, entry.path, {id}}, files).diagnostics;
    } else {
      diagnostics = read_json(files[id], id).diagnostics;
    }
    ++read;
    for (const auto& d : diagnostics) {
      if (d.code != "syntax-error" && d.code != "empty-file" && d.code != "invalid-expression") continue;
      if (kInvalidForAzure.contains(entry.path)) continue;
      failures.push_back(entry.path + ":" + std::to_string(files.start(d.span).row + 1) + ": " + d.code + ": " + d.message);
      break;
    }
  }
  INFO(read << " files read; failures:\n" << [&] {
    std::string all;
    for (const auto& f : failures) all += f + "\n";
    return all;
  }());
  CHECK(read > 0);
  CHECK(failures.empty());
}
