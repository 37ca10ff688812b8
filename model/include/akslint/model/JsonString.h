#pragma once
// A string as a JSON string literal, escaped as nlohmann's dump() escapes it: for the
// reports and for values shown in messages. Text that is not UTF-8 (a name read from a file
// that is not) has each maximal invalid subpart replaced by U+FFFD, as dump() does with
// error_handler_t::replace, so that what is written stays valid JSON.
#include <string>
#include <string_view>

namespace akslint {

// `text`, quoted and escaped, appended to `out`.
void append_json_string(std::string& out, std::string_view text);

}  // namespace akslint
