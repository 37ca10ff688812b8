#pragma once
// Paths between the files of a scan, and which deployment units are only ever reached as
// modules of others (read through their callers, never a second time on their own). Shared by
// the Terraform and Bicep readers.
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace akslint {

// `relative` as written in `from_file` (scan-relative), as a normalised scan-relative path;
// empty when it climbs above the scan root.
[[nodiscard]] std::string resolve_path(std::string_view from_file, std::string_view relative);

// `uses` maps each unit to the local modules it calls. Entries are the units nobody calls, and
// the `pinned` ones (which have their own inputs); the result is every unit reachable from an
// entry that is not itself an entry. Units reachable only through a cycle stay entries.
[[nodiscard]] std::set<std::string> reached_only_as_modules(const std::map<std::string, std::vector<std::string>>& uses,
                                                            const std::set<std::string>& pinned);

}  // namespace akslint
