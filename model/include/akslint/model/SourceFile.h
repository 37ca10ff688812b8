#pragma once
// The files of one scan: their scan-relative paths, formats and bytes.
#include <akslint/model/SourceSpan.h>

#include <deque>
#include <string>
#include <string_view>

namespace akslint {

enum class FileFormat : std::uint8_t {
  Unknown,
  Terraform,         // .tf
  TerraformJson,     // .tf.json
  TerraformVars,     // .tfvars, .tfvars.json
  TerraformPlan,     // terraform show -json
  ArmTemplate,       // deploymentTemplate schema
  ArmParameters,     // deploymentParameters schema
  Bicep,             // .bicep
  BicepParameters,   // .bicepparam
  KubernetesYaml,    // apiVersion + kind documents
};

[[nodiscard]] std::string_view to_string(FileFormat format);

struct SourceFile {
  std::string path;  // relative to the scan root, '/' separated
  FileFormat format = FileFormat::Unknown;
  std::string text;
};

// Owns every file read during a scan; FileId indexes it. A deque keeps references
// stable while files are added.
class FileTable {
 public:
  FileId add(SourceFile file);
  [[nodiscard]] const SourceFile& operator[](FileId id) const { return files_[id]; }
  [[nodiscard]] SourceFile& operator[](FileId id) { return files_[id]; }
  [[nodiscard]] std::size_t size() const { return files_.size(); }
  [[nodiscard]] auto begin() const { return files_.begin(); }
  [[nodiscard]] auto end() const { return files_.end(); }

 private:
  std::deque<SourceFile> files_;
};

}  // namespace akslint
