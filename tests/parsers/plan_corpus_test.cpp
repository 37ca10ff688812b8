// Every plan of the shared corpus (when present): read without a crash or a syntax error,
// and every resource the table maps is found, at a real position.
#include "Frontends.h"
#include "terraform/AzurermMapping.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

using namespace akslint;
namespace fs = std::filesystem;

namespace {

const fs::path kCorpus = fs::path(AKSLINT_SOURCE_DIR) / ".." / "shared" / "corpus";

std::vector<fs::path> corpus_plans() {
  std::vector<fs::path> out;
  std::ifstream manifest(kCorpus / "MANIFEST.tsv");
  for (std::string line; std::getline(manifest, line);) {
    std::vector<std::string> cols;
    std::stringstream row(line);
    for (std::string col; std::getline(row, col, '\t');) cols.push_back(col);
    if (cols.size() < 4 || cols[0] != "terraform_plan") continue;
    std::string repo = cols[1];
    if (const auto slash = repo.find('/'); slash != std::string::npos) repo.replace(slash, 1, "__");
    out.push_back(kCorpus / repo / cols[3]);
  }
  return out;
}

std::string read_bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Mapped resources of planned_values, counted by an independent JSON parser.
std::size_t mapped_planned(const nlohmann::json& module) {
  std::size_t n = 0;
  for (const auto& r : module.value("resources", nlohmann::json::array())) {
    if (terraform::find_type_mapping(r.value("type", "")) != nullptr) ++n;
  }
  for (const auto& child : module.value("child_modules", nlohmann::json::array())) n += mapped_planned(child);
  return n;
}

struct PipeCloser {
  void operator()(FILE* f) const { pclose(f); }
};

}  // namespace

TEST_CASE("plan corpus: UTF-8 plans read, and each mapped resource is found at its object") {
  if (!fs::exists(kCorpus / "MANIFEST.tsv")) {
    WARN("the shared corpus is absent; skipped");
    return;
  }
  const auto plans = corpus_plans();
  REQUIRE_FALSE(plans.empty());
  std::size_t with_azurerm = 0;
  for (const auto& path : plans) {
    std::string text = read_bytes(path);
    if (text.rfind("\xFF\xFE", 0) == 0 || text.rfind("\xFE\xFF", 0) == 0) continue;  // next test: via discovery
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
    INFO(path.string());
    const auto oracle = nlohmann::json::parse(text);
    const std::size_t expected = mapped_planned(oracle["planned_values"].value("root_module", nlohmann::json::object()));
    FileTable files;
    const FileId id = files.add({path.filename().string(), FileFormat::TerraformPlan, std::move(text)});
    const UnitModel model = read_terraform_plan({UnitKind::TerraformPlan, "plan", {id}}, files);
    for (const auto& d : model.diagnostics) CHECK(d.level != DiagnosticLevel::Error);
    CHECK(model.resources.size() >= expected);
    if (expected > 0) ++with_azurerm;
    for (const auto& r : model.resources) {
      REQUIRE(r.origin.span.end_byte <= files[id].text.size());
      CHECK(files[id].text[r.origin.span.begin_byte] == '{');
    }
  }
  CHECK(with_azurerm > 0);
}

TEST_CASE("plan corpus: the whole scan reads every plan, UTF-16 ones included, without a syntax error") {
  if (!fs::exists(kCorpus / "MANIFEST.tsv")) {
    WARN("the shared corpus is absent; skipped");
    return;
  }
  std::string command = std::string("'") + AKSLINT_BINARY + "' scan --format json --root '" + kCorpus.string() + "'";
  for (const auto& p : corpus_plans()) command += " '" + p.string() + "'";
  std::unique_ptr<FILE, PipeCloser> pipe(popen(command.c_str(), "r"));
  REQUIRE(pipe != nullptr);
  std::string out;
  char buffer[4096];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe.get())) > 0;) out.append(buffer, n);
  const auto report = nlohmann::json::parse(out);
  std::size_t plans = 0;
  for (const auto& f : report["files"]) {
    if (f["format"] == "terraform-plan") ++plans;
  }
  CHECK(plans == corpus_plans().size());
  for (const auto& d : report["diagnostics"]) {
    INFO(d.dump());
    CHECK(d["level"] != "error");
  }
}
