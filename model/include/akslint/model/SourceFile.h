#pragma once
// The files of one scan: their scan-relative paths, formats and bytes.
#include <akslint/model/SourceSpan.h>

#include <deque>
#include <string>
#include <string_view>
#include <vector>

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
  // UTF-8 continuation bytes of `text` before each block of kBlock bytes, filled by
  // FileTable::add, so that a column in code points is found without scanning its whole
  // line: a plan is often one line of hundreds of megabytes.
  std::vector<std::uint32_t> continuations_before_block;
  static constexpr std::uint32_t kBlock = 4096;

  // Code points in text[from, to).
  [[nodiscard]] std::uint32_t code_points(std::uint32_t from, std::uint32_t to) const;
};

// Owns every file read during a scan; FileId indexes it. A deque keeps references
// stable while files are added.
class FileTable {
 public:
  FileId add(SourceFile file);
  // Files do not change once added.
  [[nodiscard]] const SourceFile& operator[](FileId id) const { return files_[id]; }
  [[nodiscard]] std::size_t size() const { return files_.size(); }
  [[nodiscard]] auto begin() const { return files_.begin(); }
  [[nodiscard]] auto end() const { return files_.end(); }

 private:
  std::deque<SourceFile> files_;
};

}  // namespace akslint
