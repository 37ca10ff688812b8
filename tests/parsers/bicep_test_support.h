#pragma once
// Reads a fixture directory the way a scan does (classify, group into units, read each unit)
// and gives the Bicep tests handy lookups.
#include <akslint/parsers/Classify.h>
#include <akslint/parsers/DeploymentUnit.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace akslint::test {

struct ScannedDir {
  FileTable files;
  std::vector<DeploymentUnit> units;
  UnitModel model;  // every unit's resources and diagnostics, in unit order

  [[nodiscard]] const Resource& resource(std::string_view address) const {
    for (const auto& r : model.resources) {
      if (r.origin.address == address) return r;
    }
    FAIL("no resource " << address);
    return model.resources.front();
  }
  [[nodiscard]] bool has(std::string_view address) const {
    for (const auto& r : model.resources) {
      if (r.origin.address == address) return true;
    }
    return false;
  }
  [[nodiscard]] const Diagnostic* diagnostic(std::string_view code) const {
    for (const auto& d : model.diagnostics) {
      if (d.code == code) return &d;
    }
    return nullptr;
  }
};

inline ScannedDir scan_dir(const std::string& relative) {
  namespace fs = std::filesystem;
  const fs::path root = fs::path(AKSLINT_TESTS_DIR) / "parsers/data/bicep" / relative;
  std::vector<fs::path> paths;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file()) paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  ScannedDir out;
  for (const auto& path : paths) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    const std::string rel = fs::relative(path, root).generic_string();
    const FileFormat format = classify(rel, text.str().substr(0, kClassifyHeadBytes));
    if (format != FileFormat::Unknown) out.files.add({rel, format, text.str()});
  }
  out.units = group_units(out.files);
  for (const auto& unit : out.units) {
    UnitModel m = read_unit(unit, out.files);
    for (auto& r : m.resources) out.model.resources.push_back(std::move(r));
    for (auto& d : m.diagnostics) out.model.diagnostics.push_back(std::move(d));
  }
  return out;
}

inline bool has_reference(const Resource& r, ReferenceKind kind, std::string_view target, std::string_view path) {
  return std::any_of(r.references.begin(), r.references.end(), [&](const Reference& ref) {
    return ref.kind == kind && ref.target == target && ref.from_path == path;
  });
}

}  // namespace akslint::test
