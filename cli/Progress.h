#pragma once
// Progress of a long scan on standard error: files read of all, and the rate.
#include <cstddef>
#include <functional>

namespace akslint::cli {

// A progress callback for ScanOptions, or an empty one when progress would land in a log:
// standard error is not a terminal, or the CI variable is set (every CI service sets it).
[[nodiscard]] std::function<void(std::size_t done, std::size_t total)> terminal_progress();

}  // namespace akslint::cli
