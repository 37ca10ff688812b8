#pragma once
// Finds and reads the input files of a scan. Reading goes through SourceProvider so the
// language server can hand in unsaved buffers instead of the disk's contents.
#include <akslint/model/Diagnostic.h>
#include <akslint/model/SourceFile.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace akslint {

// Why a provider gave no text for a file.
struct ReadFailure {
  std::string reason;                    // it could not be read: why
  std::optional<std::uint64_t> oversize;  // or it was not read, being over the limit: its size
};

class SourceProvider {
 public:
  virtual ~SourceProvider() = default;
  // The file's bytes; or nullopt with `failure` set when it cannot be read or has more than
  // `max_bytes`. The size is checked here, not before, so that the disk is asked for it once.
  virtual std::optional<SourceText> read(const std::filesystem::path& path, std::uint64_t max_bytes,
                                         ReadFailure& failure) const = 0;
};

class DiskSourceProvider final : public SourceProvider {
 public:
  // Files of `map_from_bytes` or more are mapped rather than read (SourceText::map).
  explicit DiskSourceProvider(std::uint64_t map_from_bytes = kMapFromBytes) : map_from_bytes_(map_from_bytes) {}
  std::optional<SourceText> read(const std::filesystem::path& path, std::uint64_t max_bytes,
                                 ReadFailure& failure) const override;

  // Where holding a file whole starts to weigh on a scan's memory: the corpus's largest
  // file is under 4 MB, a plan of a few thousand resources tens of MB.
  static constexpr std::uint64_t kMapFromBytes = std::uint64_t{64} << 20;

 private:
  std::uint64_t map_from_bytes_;
};

struct DiscoveryLimits {
  // Larger files are reported and not read. Terraform plans of hundreds of MB are normal.
  std::uint64_t max_file_bytes = 1ULL << 30;
};

struct DiscoveredFiles {
  FileTable files;  // classified files, sorted by path
  std::vector<Diagnostic> diagnostics;
};

// Walks `paths` (skipping .git, .terraform and node_modules), classifies each file, and reads
// the ones akslint analyses. Symlinked directories are not followed; symlinked files only to
// regular files inside `root`. Anything a candidate name promises but cannot be read is kept
// in the table with a diagnostic, so no input goes missing. Paths are relative to `root`,
// '/'-separated. Files are read on up to `jobs` threads; the table is the same for any number.
[[nodiscard]] DiscoveredFiles discover(const std::vector<std::filesystem::path>& paths,
                                       const std::filesystem::path& root, const SourceProvider& provider,
                                       const DiscoveryLimits& limits = {}, unsigned jobs = 1);

// Text as the readers expect it: UTF-8 without a byte-order mark (UTF-16 is converted). A
// mapped text without a mark stays mapped.
[[nodiscard]] SourceText normalize_encoding(SourceText bytes);

}  // namespace akslint
