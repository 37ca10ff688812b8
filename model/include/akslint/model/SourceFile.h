#pragma once
// The files of one scan: their scan-relative paths, formats and bytes.
#include <akslint/model/SourceSpan.h>
#include <akslint/model/SourceText.h>

#include <deque>
#include <map>
#include <optional>
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
  SourceText text;
  // Per block of kBlock bytes of `text`, filled by FileTable::add: the UTF-8 continuation
  // bytes and line breaks before it and where the line it starts in begins. A row, or a
  // column in code points, is then found by scanning at most one block, not the whole
  // line: a plan is often one line of hundreds of megabytes.
  struct Block {
    std::uint32_t continuations_before = 0;
    std::uint32_t rows_before = 0;
    std::uint32_t line_start = 0;
  };
  std::vector<Block> blocks;
  static constexpr std::uint32_t kBlock = 1024;
  // Found by the same pass, while each block is at hand: how deep the text's brackets nest
  // (BracketDepth) and where its first byte sequence that is not UTF-8 starts.
  std::uint32_t deepest_bracket = 0;
  std::optional<std::size_t> invalid_utf8;

  // Code points in text[from, to).
  [[nodiscard]] std::uint32_t code_points(std::uint32_t from, std::uint32_t to) const;
  // Row and byte column of a byte offset (clamped to the text). Lines end at LF, CRLF or a
  // lone CR, as SARIF counts them.
  [[nodiscard]] SourcePoint point(std::uint32_t offset) const;
  [[nodiscard]] SourcePoint start(const SourceSpan& span) const { return point(span.begin_byte); }
  [[nodiscard]] SourcePoint end(const SourceSpan& span) const { return point(span.end_byte); }
  // Fills `blocks`, `deepest_bracket` and `invalid_utf8` from `text`; FileTable::add does it
  // for a file that has not been.
  void index();
};

// Owns every file read during a scan; FileId indexes it. A deque keeps references
// stable while files are added.
class FileTable {
 public:
  // Indexes the file's text (SourceFile::index) unless that was done before, on another thread.
  FileId add(SourceFile file);
  // Files do not change once added.
  [[nodiscard]] const SourceFile& operator[](FileId id) const { return files_[id]; }
  [[nodiscard]] std::size_t size() const { return files_.size(); }
  // Row and byte column of a span's ends, in its file; {} for a span outside the table.
  [[nodiscard]] SourcePoint start(const SourceSpan& span) const;
  [[nodiscard]] SourcePoint end(const SourceSpan& span) const;
  [[nodiscard]] auto begin() const { return files_.begin(); }
  [[nodiscard]] auto end() const { return files_.end(); }
  // The first file added at `path` (scan-relative, '/' separated), if any.
  [[nodiscard]] std::optional<FileId> find(std::string_view path) const;
  // The first file whose path is `path` but for ASCII case, if any.
  [[nodiscard]] std::optional<FileId> find_ignoring_case(std::string_view path) const;

 private:
  std::deque<SourceFile> files_;
  // Paths to files for the lookups above: readers resolve module and import paths by them.
  std::map<std::string, FileId, std::less<>> by_path_;
  std::map<std::string, FileId, std::less<>> by_folded_path_;
};

}  // namespace akslint
