#include "GivenInputs.h"

#include <akslint/parsers/Classify.h>

#include <algorithm>
#include <limits>

namespace akslint {

namespace {

namespace fs = std::filesystem;

std::string path_in_output(const fs::path& file, const fs::path& root) {
  std::error_code ec;
  const fs::path rel = fs::absolute(file, ec).lexically_normal().lexically_relative(fs::absolute(root, ec).lexically_normal());
  return (rel.empty() ? file.filename() : rel).generic_string();
}

FileFormat given_format(const std::string& path, std::string_view text, FileFormat wanted) {
  const FileFormat classified = classify(path, text.substr(0, std::min<std::size_t>(text.size(), 4096)));
  if (wanted == FileFormat::TerraformVars) return wanted;
  if (classified == FileFormat::ArmParameters || classified == FileFormat::BicepParameters) return classified;
  return path.ends_with(".bicepparam") ? FileFormat::BicepParameters : FileFormat::ArmParameters;
}

FileId given_file(const fs::path& file, FileFormat wanted, const ScanOptions& options, FileTable& files,
                  std::vector<Diagnostic>& diagnostics) {
  const std::string path = path_in_output(file, options.root);
  for (FileId id = 0; id < files.size(); ++id) {
    if (files[id].path == path && !files[id].text.empty()) return id;
  }
  constexpr auto kNoLimit = std::numeric_limits<std::uint64_t>::max();
  ReadFailure failure;
  // Variable and parameter files are read whole, never mapped: their readers hold them so.
  auto bytes = DiskSourceProvider{kNoLimit}.read(file, kNoLimit, failure);
  if (!bytes) {
    const FileId id = files.add({path, FileFormat::Unknown, {}});
    diagnostics.push_back({DiagnosticLevel::Error, "unreadable-file", failure.reason + "; it was not analysed", id, {}});
    return id;
  }
  SourceText text = normalize_encoding(std::move(*bytes));
  const FileFormat format = given_format(path, text, wanted);
  return files.add({path, format, std::move(text)});
}

}  // namespace

UnitInputs load_given_inputs(const ScanOptions& options, FileTable& files, std::vector<Diagnostic>& diagnostics) {
  UnitInputs inputs;
  for (const auto& f : options.var_files) {
    const FileId id = given_file(f, FileFormat::TerraformVars, options, files, diagnostics);
    if (files[id].format == FileFormat::TerraformVars) inputs.var_files.push_back(id);
  }
  for (const auto& f : options.parameter_files) {
    const FileId id = given_file(f, FileFormat::ArmParameters, options, files, diagnostics);
    if (files[id].format != FileFormat::Unknown) inputs.parameter_files.push_back(id);
  }
  inputs.vars = options.vars;
  return inputs;
}

void drop_given_units(std::vector<DeploymentUnit>& units, const UnitInputs& inputs) {
  std::erase_if(units, [&](const DeploymentUnit& unit) {
    return std::all_of(unit.files.begin(), unit.files.end(), [&](FileId id) {
      return std::count(inputs.var_files.begin(), inputs.var_files.end(), id) +
                 std::count(inputs.parameter_files.begin(), inputs.parameter_files.end(), id) >
             0;
    });
  });
}

}  // namespace akslint
