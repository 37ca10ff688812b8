#include <akslint/model/Resource.h>
#include <akslint/model/SourceFile.h>

#include <akslint/model/LineIndex.h>

#include <algorithm>

namespace akslint {

std::string_view to_string(FileFormat format) {
  switch (format) {
    case FileFormat::Unknown: return "unknown";
    case FileFormat::Terraform: return "terraform";
    case FileFormat::TerraformJson: return "terraform-json";
    case FileFormat::TerraformVars: return "terraform-vars";
    case FileFormat::TerraformPlan: return "terraform-plan";
    case FileFormat::ArmTemplate: return "arm-template";
    case FileFormat::ArmParameters: return "arm-parameters";
    case FileFormat::Bicep: return "bicep";
    case FileFormat::BicepParameters: return "bicep-parameters";
    case FileFormat::KubernetesYaml: return "kubernetes-yaml";
  }
  return "unknown";
}

std::string_view to_string(SourceKind kind) {
  switch (kind) {
    case SourceKind::Terraform: return "terraform";
    case SourceKind::TerraformPlan: return "terraform-plan";
    case SourceKind::Arm: return "arm";
    case SourceKind::Bicep: return "bicep";
    case SourceKind::Kubernetes: return "kubernetes";
  }
  return "unknown";
}

namespace {

bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::uint32_t count_continuations(std::string_view text) {
  return static_cast<std::uint32_t>(std::count_if(text.begin(), text.end(), continuation));
}

// Adds the line breaks of text[begin, end) to `row` and moves `line_start` past the last.
void count_lines(std::string_view text, std::size_t begin, std::size_t end, std::uint32_t& row,
                 std::uint32_t& line_start) {
  const std::string_view part = text.substr(begin, end - begin);
  if (part.find('\r') == std::string_view::npos) {  // LF only, the usual case: vectorised counting
    row += static_cast<std::uint32_t>(std::count(part.begin(), part.end(), '\n'));
    if (const auto last = part.rfind('\n'); last != std::string_view::npos) {
      line_start = static_cast<std::uint32_t>(begin + last + 1);
    }
    return;
  }
  for (std::size_t i = begin; i < end; ++i) {
    if (ends_line(text, i)) {
      ++row;
      line_start = static_cast<std::uint32_t>(i + 1);
    }
  }
}

}  // namespace

std::uint32_t SourceFile::code_points(std::uint32_t from, std::uint32_t to) const {
  to = std::min<std::uint32_t>(to, static_cast<std::uint32_t>(text.size()));
  if (from >= to) return 0;
  const std::string_view all(text);
  // Continuation bytes in text[0, at): the block's running count and the rest of the block.
  const auto before = [&](std::uint32_t at) {
    const std::uint32_t block = at / kBlock;
    return blocks[block].continuations_before + count_continuations(all.substr(block * kBlock, at - block * kBlock));
  };
  if (blocks.empty() || to - from <= kBlock) {
    return (to - from) - count_continuations(all.substr(from, to - from));
  }
  return (to - from) - (before(to) - before(from));
}

SourcePoint SourceFile::point(std::uint32_t offset) const {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text.size()));
  // Without an index (a file outside any table), from the start of the text.
  const std::uint32_t block = blocks.empty() ? 0 : offset / kBlock;
  Block at = blocks.empty() ? Block{} : blocks[block];
  count_lines(text, std::size_t{block} * kBlock, offset, at.rows_before, at.line_start);
  return {at.rows_before, offset - at.line_start};
}

void SourceFile::index() {
  blocks.clear();
  const std::string_view all(text);
  Block running;
  for (std::size_t begin = 0; begin <= all.size(); begin += kBlock) {
    blocks.push_back(running);
    const std::size_t end = std::min(all.size(), begin + kBlock);
    running.continuations_before += count_continuations(all.substr(begin, end - begin));
    count_lines(all, begin, end, running.rows_before, running.line_start);
  }
}

SourcePoint FileTable::start(const SourceSpan& span) const {
  return span.file < files_.size() ? files_[span.file].start(span) : SourcePoint{};
}

SourcePoint FileTable::end(const SourceSpan& span) const {
  return span.file < files_.size() ? files_[span.file].end(span) : SourcePoint{};
}

FileId FileTable::add(SourceFile file) {
  if (file.blocks.empty()) file.index();
  const auto id = static_cast<FileId>(files_.size());
  by_path_.try_emplace(file.path, id);
  by_folded_path_.try_emplace(ascii_lowercase(file.path), id);
  files_.push_back(std::move(file));
  return id;
}

std::optional<FileId> FileTable::find(std::string_view path) const {
  const auto it = by_path_.find(path);
  return it != by_path_.end() ? std::optional(it->second) : std::nullopt;
}

std::optional<FileId> FileTable::find_ignoring_case(std::string_view path) const {
  const auto it = by_folded_path_.find(ascii_lowercase(path));
  return it != by_folded_path_.end() ? std::optional(it->second) : std::nullopt;
}

}  // namespace akslint
