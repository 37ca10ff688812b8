#pragma once
// Small syntax-tree and value helpers shared by the evaluator's source files.
#include "ts/TsTree.h"

#include <akslint/model/Value.h>

#include <string>
#include <string_view>

namespace akslint::terraform::detail {

inline std::string_view kind_of(TSNode n) { return ts::type(n); }
inline TSNode child(TSNode n, uint32_t i) { return ts_node_child(n, i); }
inline TSNode named(TSNode n, uint32_t i) { return ts_node_named_child(n, i); }

inline Value unknown(std::string text, SourceSpan span) { return Value::unknown(std::move(text), span); }

// A value computed from something else, reported at the expression that computed it.
inline Value resolved(Value v, SourceSpan span) {
  v.set_span(span);
  v.set_provenance(Provenance::Resolved);
  return v;
}

}  // namespace akslint::terraform::detail
