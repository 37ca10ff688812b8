#pragma once
// Local Terraform modules that several root modules call (every example of a module
// repository calls the module at its root) are parsed once for the scan rather than once per
// caller, and freed as soon as no unit left to read calls them. One cache serves every
// thread of a scan.
#include <akslint/model/SourceFile.h>
#include <akslint/parsers/DeploymentUnit.h>

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <vector>

namespace akslint {

namespace terraform {
struct ModuleConfig;
}

class ModuleCache {
 public:
  using Config = std::shared_ptr<const terraform::ModuleConfig>;

  // Counts, for each local module directory, the units of `units` that call it, directly or
  // through other modules, as the literal `source` arguments say.
  ModuleCache(const FileTable& files, const std::vector<DeploymentUnit>& units);
  ModuleCache(const ModuleCache&) = delete;
  ModuleCache& operator=(const ModuleCache&) = delete;
  ~ModuleCache();

  // The Terraform configuration files (.tf, .tf.json) directly in `dir`, in file order.
  [[nodiscard]] std::span<const FileId> files_in(const std::string& dir) const;

  // `dir`'s configuration: the one kept for it, else what `parse` makes, kept when more than
  // one unit calls `dir` and `complete` (no parse ran out of time) says it is whole.
  [[nodiscard]] Config load(const std::string& dir, const std::function<Config(bool& complete)>& parse);

  // A unit is done with the directories it loaded; each is freed once every unit that calls it is.
  void release(const std::vector<std::string>& dirs);

 private:
  struct Entry {
    std::size_t callers = 0;  // units that call the directory
    std::size_t released = 0;
    Config config;
  };
  std::map<std::string, std::vector<FileId>> files_by_dir_;
  std::mutex lock_;
  std::map<std::string, Entry> entries_;  // only directories with two callers or more
};

}  // namespace akslint
