#pragma once
// Builds a scan's files from inline text and reads the Terraform unit of one directory.
#include <akslint/parsers/Classify.h>
#include <akslint/parsers/DeploymentUnit.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace akslint::test {

struct TerraformScan {
  FileTable files;
  UnitModel model;

  [[nodiscard]] const Resource* find(std::string_view address) const {
    for (const auto& r : model.resources) {
      if (r.origin.address == address) return &r;
    }
    return nullptr;
  }
  [[nodiscard]] bool has_diagnostic(std::string_view code) const {
    for (const auto& d : model.diagnostics) {
      if (d.code == code) return true;
    }
    return false;
  }
};

// `files` are (scan-relative path, text); the unit read is the directory `dir` ("." = root).
inline TerraformScan read_terraform(const std::vector<std::pair<std::string, std::string>>& files,
                                    std::string_view dir = ".") {
  TerraformScan scan;
  for (const auto& [path, text] : files) scan.files.add({path, classify(path, text), text});
  for (const auto& unit : group_units(scan.files)) {
    if (unit.kind == UnitKind::TerraformModule && unit.name == dir) scan.model = read_unit(unit, scan.files);
  }
  return scan;
}

// Reads every file under `root` (a directory of test data) as the scan; the unit read is `dir`.
inline TerraformScan read_terraform_dir(const std::filesystem::path& root, std::string_view dir = ".") {
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    files.emplace_back(std::filesystem::relative(entry.path(), root).generic_string(), text.str());
  }
  std::sort(files.begin(), files.end());
  return read_terraform(files, dir);
}

inline std::filesystem::path terraform_data(std::string_view name) {
  return std::filesystem::path(AKSLINT_TESTS_DIR) / "parsers" / "data" / "terraform" / name;
}

}  // namespace akslint::test
