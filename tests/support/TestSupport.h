#pragma once
// Small helpers shared by the tests: temporary directories, files, and running akslint.
#include <filesystem>
#include <optional>
#include <string>

namespace akslint::testing {

// A fresh directory under the system temp dir, removed with its contents on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  // Writes `content` to `relative` inside the directory, creating parent directories.
  std::filesystem::path write(const std::string& relative, const std::string& content) const;

 private:
  std::filesystem::path path_;
};

[[nodiscard]] std::string read_file(const std::filesystem::path& path);

// Runs a shell command; returns its exit status (-1 when it did not exit normally).
int run_command(const std::string& command);

// Shell-quotes one argument.
[[nodiscard]] std::string quote(const std::string& arg);

// The akslint executable built with the tests.
[[nodiscard]] std::string akslint_binary();

// One mapping of this process, as /proc/self/smaps describes it.
struct Mapping {
  std::string name;         // "[heap]", a file, or empty
  std::string flags;        // VmFlags, blank-separated and -ended: " rd mr ... hg "
  std::size_t rss_kib = 0;  // how much of it is resident
};

// The mapping that holds `address`, if any.
[[nodiscard]] std::optional<Mapping> mapping_of(const void* address);

}  // namespace akslint::testing
