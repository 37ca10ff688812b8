#include <akslint/model/Resource.h>
#include <akslint/model/SourceFile.h>

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

}  // namespace

std::uint32_t SourceFile::code_points(std::uint32_t from, std::uint32_t to) const {
  to = std::min<std::uint32_t>(to, static_cast<std::uint32_t>(text.size()));
  if (from >= to) return 0;
  const std::string_view all(text);
  // Continuation bytes in text[0, at): the block's running count and the rest of the block.
  const auto before = [&](std::uint32_t at) {
    const std::uint32_t block = at / kBlock;
    return continuations_before_block[block] + count_continuations(all.substr(block * kBlock, at - block * kBlock));
  };
  if (continuations_before_block.empty() || to - from <= kBlock) {
    return (to - from) - count_continuations(all.substr(from, to - from));
  }
  return (to - from) - (before(to) - before(from));
}

FileId FileTable::add(SourceFile file) {
  file.continuations_before_block.clear();
  std::uint32_t running = 0;
  for (std::size_t block = 0; block * SourceFile::kBlock <= file.text.size(); ++block) {
    file.continuations_before_block.push_back(running);
    running += count_continuations(std::string_view(file.text).substr(block * SourceFile::kBlock, SourceFile::kBlock));
  }
  files_.push_back(std::move(file));
  return static_cast<FileId>(files_.size() - 1);
}

}  // namespace akslint
