#pragma once
// Modules that several units call are parsed once for the scan rather than once per caller,
// and freed as soon as no unit left to read calls them: local Terraform module directories
// (every example of a module repository calls the module at its root) and .bicep files used
// as modules by several entries. One cache serves every thread of a scan.
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
namespace bicep {
struct SourceProgram;
}

// Parses of `T` by `Key`, kept while a unit that calls the key is still to read them.
template <class Key, class T>
class SharedParses {
 public:
  using Parse = std::shared_ptr<const T>;

  // `callers` units call `key`; only keys with two callers or more are kept.
  void count(const Key& key, std::size_t callers) {
    if (callers > 1) entries_[key].callers = callers;
  }

  // The parse kept for `key`, else what `parse` makes, kept when more than one unit calls
  // `key` and `complete` (no parse ran out of time) says it is whole.
  Parse load(const Key& key, const std::function<Parse(bool& complete)>& parse) {
    bool shared = false;
    {
      const std::lock_guard guard(lock_);
      if (const auto it = entries_.find(key); it != entries_.end()) {
        if (it->second.parse) return it->second.parse;
        shared = true;
      }
    }
    // Parsed outside the lock. When two threads parse the same key at once, the first result
    // is kept and both use it (they are the same).
    bool complete = true;
    Parse parsed = parse(complete);
    if (!shared || !complete) return parsed;
    const std::lock_guard guard(lock_);
    auto& entry = entries_.at(key);
    if (!entry.parse && entry.released < entry.callers) entry.parse = parsed;
    return entry.parse ? entry.parse : parsed;
  }

  // A unit that calls `keys` is done; each is freed once every unit that calls it is.
  void release(const std::vector<Key>& keys) {
    const std::lock_guard guard(lock_);
    for (const auto& key : keys) {
      const auto it = entries_.find(key);
      if (it == entries_.end()) continue;
      if (++it->second.released >= it->second.callers) it->second.parse.reset();
    }
  }

 private:
  struct Entry {
    std::size_t callers = 0;  // units that call the key
    std::size_t released = 0;
    Parse parse;
  };
  std::mutex lock_;
  std::map<Key, Entry> entries_;
};

class ModuleCache {
 public:
  using Config = std::shared_ptr<const terraform::ModuleConfig>;
  using Program = std::shared_ptr<const bicep::SourceProgram>;

  // Counts, for each local Terraform module directory and each .bicep file, the units of
  // `units` that call it, directly or through other modules, as `calls` says.
  ModuleCache(const FileTable& files, const std::vector<DeploymentUnit>& units, const ModuleCalls& calls);
  // The same with the calls found here.
  ModuleCache(const FileTable& files, const std::vector<DeploymentUnit>& units);
  ModuleCache(const ModuleCache&) = delete;
  ModuleCache& operator=(const ModuleCache&) = delete;
  ~ModuleCache();

  // The Terraform configuration files (.tf, .tf.json) directly in `dir`, in file order.
  [[nodiscard]] std::span<const FileId> files_in(const std::string& dir) const;

  // Terraform module configurations by directory, Bicep programs by file.
  SharedParses<std::string, terraform::ModuleConfig> terraform;
  SharedParses<FileId, bicep::SourceProgram> bicep;

  // The bytes of the local modules `unit` calls, directly or through other modules: text its
  // reading evaluates beside its own files.
  [[nodiscard]] std::size_t module_bytes(const DeploymentUnit& unit) const;

  // `unit` is read: what it was counted as calling is released, whether it loaded it or not
  // (a module behind a condition, or one it could not resolve, is never loaded).
  void done(const DeploymentUnit& unit);

 private:
  // What one unit calls, directly or through other modules.
  struct Reached {
    std::vector<std::string> directories;
    std::vector<FileId> programs;
    std::size_t bytes = 0;  // of the modules' files, the unit's own left out
  };

  std::map<std::string, std::vector<FileId>> files_by_dir_;
  std::map<FileId, Reached> reached_;  // by the unit's first file
};

}  // namespace akslint
