#pragma once
// Paths between the files of a scan, and which deployment units are only ever reached as
// modules of others (read through their callers, never a second time on their own). Shared by
// the Terraform and Bicep readers.
#include <akslint/model/SourceFile.h>

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace akslint {

// The directory part of a scan-relative path ("" for a file at the root).
[[nodiscard]] std::string_view directory_of(std::string_view path);

// The string literals assigned to `key` (`key = "v"`, `"key": "v"`), found in the text without
// a parse: enough to see which files a file links, before any file is read.
[[nodiscard]] std::vector<std::string_view> assigned_strings(std::string_view text, std::string_view key);

// For each file of `files`, the paths `find` reads in it (empty for the files it passes
// over), by file id: the texts are searched on `jobs` threads, the callers merge in file order.
[[nodiscard]] std::vector<std::vector<std::string>> paths_in_files(
    const FileTable& files, unsigned jobs, const std::function<std::vector<std::string>(const SourceFile&)>& find);

// Directories of the local modules (`source = "./x"`, `"source": "../x"`) a Terraform file at
// `path` calls; "" is the scan root.
[[nodiscard]] std::vector<std::string> terraform_local_modules(std::string_view path, std::string_view text);

// For each directory of Terraform configuration files (.tf, .tf.json) in `files`, the local
// modules they call, itself excluded. The files are searched on `jobs` threads.
[[nodiscard]] std::map<std::string, std::vector<std::string>> terraform_module_calls(const FileTable& files,
                                                                                    unsigned jobs);

// `relative` as written in `from_file` (scan-relative), as a normalised scan-relative path
// ("" for the scan root); nullopt when it climbs above the scan root.
[[nodiscard]] std::optional<std::string> resolve_within(std::string_view from_file, std::string_view relative);
// The same, empty when it climbs above the scan root.
[[nodiscard]] std::string resolve_path(std::string_view from_file, std::string_view relative);

// Every unit reachable from `from` through `uses` (each unit's calls) in one step or more,
// except those of `from` themselves.
[[nodiscard]] std::set<std::string> reachable(const std::map<std::string, std::vector<std::string>>& uses,
                                              const std::set<std::string>& from);

// `uses` maps each unit to the local modules it calls. Entries are the units nobody calls, and
// the `pinned` ones (which have their own inputs); the result is every unit reachable from an
// entry that is not itself an entry. Units reachable only through a cycle stay entries.
[[nodiscard]] std::set<std::string> reached_only_as_modules(const std::map<std::string, std::vector<std::string>>& uses,
                                                            const std::set<std::string>& pinned);

}  // namespace akslint
