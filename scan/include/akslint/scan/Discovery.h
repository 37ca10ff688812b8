#pragma once
// Finds and reads the input files of a scan. Reading goes through SourceProvider so the
// language server can hand in unsaved buffers instead of the disk's contents.
#include <akslint/model/Diagnostic.h>
#include <akslint/model/SourceFile.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace akslint {

class SourceProvider {
 public:
  virtual ~SourceProvider() = default;
  // The file's bytes, or nullopt with `error` set when it cannot be read.
  virtual std::optional<std::string> read(const std::filesystem::path& path, std::string& error) const = 0;
};

class DiskSourceProvider final : public SourceProvider {
 public:
  std::optional<std::string> read(const std::filesystem::path& path, std::string& error) const override;
};

struct DiscoveredFiles {
  FileTable files;  // classified files, sorted by path
  std::vector<Diagnostic> diagnostics;
};

// Walks `paths` (skipping .git, .terraform and node_modules; symlinked directories are not
// followed), classifies each file, and reads the ones akslint analyses. Paths are made
// relative to `root`, '/'-separated.
[[nodiscard]] DiscoveredFiles discover(const std::vector<std::filesystem::path>& paths,
                                       const std::filesystem::path& root, const SourceProvider& provider);

// Text as the readers expect it: UTF-8 without a byte-order mark (UTF-16 is converted).
[[nodiscard]] std::string normalize_encoding(std::string bytes);

}  // namespace akslint
