#pragma once
// UTF-8 encoding of one code point, for the readers that decode escapes (\u, \U) and for
// the UTF-16 conversion of input files.
#include <cstdint>
#include <string>

namespace akslint {

void append_utf8(std::string& out, std::uint32_t code_point);

}  // namespace akslint
