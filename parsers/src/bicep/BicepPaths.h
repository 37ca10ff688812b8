#pragma once
// Paths between Bicep files: modules, `using` and imports name files relative to the file
// that names them.
#include <akslint/model/SourceFile.h>

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace akslint::bicep {


// Registry (`br:`, `br/alias:`) and template-spec (`ts:`, `ts/alias:`) references are never fetched.
[[nodiscard]] bool is_remote_reference(std::string_view path);

// The template a .bicepparam file names in `using '...'`, resolved against it; empty when none.
[[nodiscard]] std::string using_target(std::string_view from_file, std::string_view text);

// The local module files a .bicep file declares, resolved against it.
[[nodiscard]] std::vector<std::string> local_module_paths(std::string_view from_file, std::string_view text);

// The .bicep files of the scan that are read only as modules of other Bicep files, so are not
// entries of their own: those reachable through `module` declarations from an entry. An entry
// is a file no other file uses as a module, or one in `deployed` (it has parameter files).
// Files only reachable through a module cycle stay entries, so that they are still read.
[[nodiscard]] std::set<std::string> module_only_files(const FileTable& files, const std::set<std::string>& deployed);

}  // namespace akslint::bicep
