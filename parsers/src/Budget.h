#pragma once
// Bounds on what evaluating one deployment unit may build, so that hostile input (counts in
// the millions, strings that double at every step) ends in a diagnostic instead of exhausting
// memory. read_unit installs one budget per unit on the thread that reads it; the evaluators,
// many calls deep in every reader, consult it through these functions. Without an installed
// budget (readers under test on their own) the default limits apply and nothing is reported.
#include <akslint/model/Diagnostic.h>
#include <akslint/model/Value.h>
#include <akslint/parsers/DeploymentUnit.h>

#include <chrono>
#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

namespace akslint::budget {

class Scope {
 public:
  // `entry` is the file the unit's time limit is reported on.
  Scope(const ReadLimits& limits, FileId entry);
  Scope(const Scope&) = delete;
  Scope& operator=(const Scope&) = delete;
  ~Scope();
  // The limits hit while the scope was installed, one diagnostic per place.
  [[nodiscard]] std::vector<Diagnostic> take_diagnostics();

  struct State;

 private:
  std::unique_ptr<State> state_;
  State* outer_;  // the scope this one shadows, restored on exit
};

// How many of `wanted` instances (count, for_each, copy, loop) may be expanded at `where`:
// at most max_instances here, and what is left of the unit's max_unit_instances; none once the
// unit is out of time. Cutting is reported.
[[nodiscard]] std::size_t instances(std::size_t wanted, const SourceSpan& where);

// `value`, or unknown when it is a string or collection over the limits (reported at `where`)
// or the unit is out of time.
[[nodiscard]] Value bounded(Value value, const SourceSpan& where);

// When parsing must stop: the unit's deadline, or a default when no scope is installed.
[[nodiscard]] std::chrono::steady_clock::time_point deadline();
// The time limit behind deadline(), in seconds, for messages.
[[nodiscard]] std::chrono::seconds time_limit();

// The most elements or bytes an expression may build. Builders stop as soon as they pass the
// limit, rather than materialise millions; bounded() at the call site then reports the result
// and leaves it unknown.
[[nodiscard]] std::size_t collection_limit();
[[nodiscard]] std::size_t string_limit();

}  // namespace akslint::budget
