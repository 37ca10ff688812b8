#include "rules/Fixtures.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <regex>
#include <sstream>

namespace akslint::testing {

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> sorted_entries(const fs::path& dir, bool directories) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.is_directory() == directories) out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool is_json(const fs::path& p) { return p.extension() == ".json"; }
bool is_sidecar(const fs::path& p) { return p.filename().string().ends_with(".expected.json"); }

// `expect: AKS201, AKS202` anywhere on a line (in that format's comment).
void comment_expectations(const fs::path& file, const std::string& rel, std::string_view rule_id,
                          std::vector<Expectation>& out) {
  static const std::regex kExpect(R"(expect:\s*(AKS\d{3}(?:\s*,\s*AKS\d{3})*))");
  static const std::regex kId(R"(AKS\d{3})");
  std::istringstream lines(read_all(file));
  std::string line;
  std::uint32_t n = 0;
  while (std::getline(lines, line)) {
    ++n;
    std::smatch m;
    if (!std::regex_search(line, m, kExpect)) continue;
    const std::string ids = m[1];
    for (auto it = std::sregex_iterator(ids.begin(), ids.end(), kId); it != std::sregex_iterator(); ++it) {
      if (it->str() == rule_id) out.push_back({rel, n, it->str()});
    }
  }
}

void sidecar_expectations(const fs::path& sidecar, const std::string& rel, std::string_view rule_id,
                          std::vector<Expectation>& out) {
  const auto doc = nlohmann::json::parse(read_all(sidecar));
  for (const auto& e : doc) {
    if (e.at("rule").get<std::string>() == rule_id) out.push_back({rel, e.at("line").get<std::uint32_t>(), std::string(rule_id)});
  }
}

}  // namespace

std::optional<fs::path> fixture_dir(std::string_view slug) {
  const fs::path root = fs::path(AKSLINT_TESTS_DIR) / "rules";
  for (const auto& pack : sorted_entries(root, true)) {
    if (fs::is_directory(pack / slug)) return pack / slug;
  }
  return std::nullopt;
}

std::vector<fs::path> case_dirs(const fs::path& fixture) { return sorted_entries(fixture, true); }

std::optional<InputFormat> case_format(const fs::path& case_dir) {
  const std::string name = case_dir.filename().string();
  const std::pair<std::string_view, InputFormat> prefixes[] = {
      {"terraform-", InputFormat::Terraform}, {"plan-", InputFormat::TerraformPlan}, {"arm-", InputFormat::Arm},
      {"bicep-", InputFormat::Bicep},         {"yaml-", InputFormat::KubernetesYaml}};
  for (const auto& [prefix, format] : prefixes) {
    if (name.starts_with(prefix)) return format;
  }
  return std::nullopt;
}

std::vector<Expectation> expectations(const fs::path& case_dir, std::string_view rule_id) {
  std::vector<Expectation> out;
  for (const auto& e : fs::recursive_directory_iterator(case_dir)) {
    if (!e.is_regular_file() || is_sidecar(e.path())) continue;
    const std::string rel = e.path().lexically_relative(case_dir).generic_string();
    if (is_json(e.path())) {
      // The sidecar is `x.expected.json` or `x.json.expected.json` beside `x.json`.
      fs::path sidecar = e.path();
      sidecar.replace_extension(".expected.json");
      if (!fs::exists(sidecar)) sidecar = fs::path(e.path().string() + ".expected.json");
      if (fs::exists(sidecar)) sidecar_expectations(sidecar, rel, rule_id, out);
    } else {
      comment_expectations(e.path(), rel, rule_id, out);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace akslint::testing
