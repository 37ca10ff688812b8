#pragma once
// The files mapped into memory (SourceText::map), in a fixed table that a bus-error handler
// can read without locks or allocation. A mapped file that shrinks loses pages, and reading
// one raises SIGBUS: the handler then names the file and ends the process (exit code 2)
// instead of letting the kernel kill it without a word.
#include <cstddef>
#include <string_view>

namespace akslint::mapped_files {

struct Slot;

// A free place in the table; nullptr when every place is taken.
[[nodiscard]] Slot* claim();
// Records the mapping at [begin, begin + size) of the file at `path`; the handler is
// installed with the first.
void publish(Slot* slot, const char* begin, std::size_t size, std::string_view path);
// Frees the place (of a mapping that is about to go, or was never made).
void release(Slot* slot);

}  // namespace akslint::mapped_files
