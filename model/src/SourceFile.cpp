#include <akslint/model/Resource.h>
#include <akslint/model/SourceFile.h>

#include <akslint/model/BracketDepth.h>
#include <akslint/model/ByteWords.h>
#include <akslint/model/LineIndex.h>
#include <akslint/model/Utf8.h>

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

// What one stretch of text holds, counted sixteen bytes at a time: UTF-8 continuation bytes
// (10xxxxxx), line feeds, and whether there is a carriage return (lines are then counted
// byte by byte, for CRLF and lone CR). Every byte of every file passes through here once.
struct ByteCounts {
  std::uint32_t continuations = 0;
  std::uint32_t line_feeds = 0;
  bool carriage_return = false;
};

ByteCounts count_bytes(std::string_view text) {
  ByteCounts out;
  words::Block carriage_returns{};
  const std::size_t blocks_end = text.size() / words::kBlockSize * words::kBlockSize;
  std::size_t i = 0;
  while (i < blocks_end) {
    // Counted in each of the sixteen byte lanes (a hit is all ones: minus one), for at most
    // 255 blocks, before a lane could wrap.
    words::Block continuations{};
    words::Block line_feeds{};
    const std::size_t stretch_end = std::min(blocks_end, i + 255 * words::kBlockSize);
    for (; i < stretch_end; i += words::kBlockSize) {
      const words::Block block = words::load_block(text, i);
      continuations -= words::hits((block & 0xC0) == 0x80);
      line_feeds -= words::hits(block == '\n');
      carriage_returns |= words::hits(block == '\r');
    }
    out.continuations += words::lane_sum(continuations);
    out.line_feeds += words::lane_sum(line_feeds);
  }
  bool carriage_return = !words::marks(carriage_returns).none();
  for (; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    out.continuations += (c & 0xC0) == 0x80 ? 1 : 0;
    out.line_feeds += c == '\n' ? 1 : 0;
    carriage_return = carriage_return || c == '\r';
  }
  out.carriage_return = carriage_return;
  return out;
}

std::uint32_t count_continuations(std::string_view text) { return count_bytes(text).continuations; }

// Adds the line breaks of bytes[0, n), which `counts` describes, to `row` and moves
// `line_start` past the last. `bytes` starts at offset `base` of its text and goes on to the
// byte after the n, if the text has one: it tells whether a CR at the end begins a CRLF.
void count_lines(std::string_view bytes, std::size_t n, std::size_t base, const ByteCounts& counts,
                 std::uint32_t& row, std::uint32_t& line_start) {
  if (!counts.carriage_return) {  // LF only, the usual case
    row += counts.line_feeds;
    if (counts.line_feeds != 0) line_start = static_cast<std::uint32_t>(base + bytes.rfind('\n', n - 1) + 1);
    return;
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (ends_line(bytes, i)) {
      ++row;
      line_start = static_cast<std::uint32_t>(base + i + 1);
    }
  }
}

}  // namespace

std::uint32_t SourceFile::code_points(std::uint32_t from, std::uint32_t to) const {
  to = std::min<std::uint32_t>(to, static_cast<std::uint32_t>(text.size()));
  if (from >= to) return 0;
  std::string scratch;
  const auto continuations = [&](std::uint32_t begin, std::uint32_t end) {
    return count_continuations(text.slice(begin, end - begin, scratch));
  };
  // Continuation bytes in text[0, at): the block's running count and the rest of the block.
  const auto before = [&](std::uint32_t at) {
    const std::uint32_t block = at / kBlock;
    return blocks[block].continuations_before + continuations(block * kBlock, at);
  };
  if (blocks.empty() || to - from <= kBlock) return (to - from) - continuations(from, to);
  return (to - from) - (before(to) - before(from));
}

SourcePoint SourceFile::point(std::uint32_t offset) const {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text.size()));
  // Without an index (a file outside any table), from the start of the text.
  const std::uint32_t block = blocks.empty() ? 0 : offset / kBlock;
  Block at = blocks.empty() ? Block{} : blocks[block];
  const std::size_t begin = std::size_t{block} * kBlock;
  std::string scratch;
  const std::string_view bytes = text.slice(begin, offset - begin + 1, scratch);
  count_lines(bytes, offset - begin, begin, count_bytes(bytes.substr(0, offset - begin)), at.rows_before,
              at.line_start);
  return {at.rows_before, offset - at.line_start};
}

void SourceFile::index() {
  blocks.clear();
  blocks.reserve(text.size() / kBlock + 1);
  const std::string_view all(text);
  SourceText::Sweep sweep(text);
  Block running;
  BracketDepth depth;
  Utf8Check utf8;
  for (std::size_t begin = 0; begin <= all.size(); begin += kBlock) {
    sweep.at(begin);
    blocks.push_back(running);
    const std::size_t end = std::min(all.size(), begin + kBlock);
    const std::string_view block = all.substr(begin, end - begin);
    const ByteCounts counts = count_bytes(block);
    running.continuations_before += counts.continuations;
    count_lines(all.substr(begin, end + 1 - begin), end - begin, begin, counts, running.rows_before, running.line_start);
    depth.add(block);
    utf8.check(all, end);
  }
  deepest_bracket = depth.deepest();
  invalid_utf8 = utf8.first_invalid();
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
  // Files mostly come in path order (discovery sorts them), so the end is tried first.
  by_path_.try_emplace(by_path_.end(), file.path, id);
  by_folded_path_.try_emplace(by_folded_path_.end(), ascii_lowercase(file.path), id);
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
