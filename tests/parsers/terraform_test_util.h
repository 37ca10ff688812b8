#pragma once
// Builds a scan's files from inline text and reads the Terraform unit of one directory.
#include <akslint/parsers/Classify.h>
#include <akslint/parsers/DeploymentUnit.h>

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

}  // namespace akslint::test
