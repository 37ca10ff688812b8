#pragma once
// Paths between Bicep files: modules, `using` and imports name files relative to the file
// that names them.
#include <string>
#include <string_view>
#include <vector>

namespace akslint::bicep {

// `relative` as written in `from_file` (scan-relative), as a normalised scan-relative path;
// empty when it climbs above the scan root.
[[nodiscard]] std::string resolve_path(std::string_view from_file, std::string_view relative);

// Registry (`br:`, `br/alias:`) and template-spec (`ts:`, `ts/alias:`) references are never fetched.
[[nodiscard]] bool is_remote_reference(std::string_view path);

// The local module files a .bicep file declares, resolved against it.
[[nodiscard]] std::vector<std::string> local_module_paths(std::string_view from_file, std::string_view text);

}  // namespace akslint::bicep
