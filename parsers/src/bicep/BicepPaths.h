#pragma once
// Paths between Bicep files: modules, `using` and imports name files relative to the file
// that names them.
#include <akslint/model/SourceFile.h>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace akslint::bicep {

// The file of the scan at `path` (scan-relative) as Bicep finds it: that path, else one that
// differs only in case (Bicep on Windows finds 'Dir/Main.bicep' as 'dir/main.bicep').
[[nodiscard]] std::optional<FileId> find_file(const FileTable& files, std::string_view path);

// Registry (`br:`, `br/alias:`) and template-spec (`ts:`, `ts/alias:`) references are never fetched.
[[nodiscard]] bool is_remote_reference(std::string_view path);

// The template a .bicepparam file names in `using '...'`, resolved against it; empty when none.
[[nodiscard]] std::string using_target(std::string_view from_file, std::string_view text);

// The local module files a .bicep file declares, resolved against it.
[[nodiscard]] std::vector<std::string> local_module_paths(std::string_view from_file, std::string_view text);

// For each .bicep file of the scan, the local .bicep files it declares as modules (as
// find_file finds them), itself excluded.
// The files are read on `jobs` threads.
[[nodiscard]] std::map<std::string, std::vector<std::string>> local_module_graph(const FileTable& files, unsigned jobs);

}  // namespace akslint::bicep
