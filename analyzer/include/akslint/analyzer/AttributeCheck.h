#pragma once
// Declarative checks of one attribute, for the many rules that only compare a cluster's or a
// node pool's attribute with Azure's default: the rule file declares the path, what absence
// means, and which known values are the violation; reading, silence on unknown values and
// reporting are done here once.
#include <akslint/analyzer/Rule.h>

#include <initializer_list>
#include <memory>
#include <string_view>

namespace akslint {

// What a dotted path reads to: a value, nothing (missing or null), or not known (the value
// or an object on the way is an unevaluated expression).
struct Lookup {
  enum class State : std::uint8_t { Present, Absent, Unknown };
  State state = State::Absent;
  const Value* value = nullptr;  // set when Present
};
[[nodiscard]] Lookup lookup(const Value& root, std::string_view dotted_path);

// Known-value tests for checks. Booleans also accept the strings "true"/"false", because ARM
// add-on `config` maps hold strings.
[[nodiscard]] bool is_true(const Value& v);
[[nodiscard]] bool is_false(const Value& v);
[[nodiscard]] bool string_is_any(const Value& v, std::initializer_list<std::string_view> choices);

// A condition on a second attribute; absent or unknown means the check does not apply.
struct Precondition {
  std::string_view path;
  bool (*holds)(const Value&) = nullptr;
};

enum class CheckTarget : std::uint8_t {
  Cluster,     // every managed cluster; paths are within the resource body
  Pool,        // every node pool (inline or agentPools resource); paths are within the profile
  SystemPool,  // pools whose mode is known to be System
};

struct AttributeCheck {
  CheckTarget target = CheckTarget::Cluster;
  std::string_view path;  // "properties.enableRBAC"; "maxPods" for pools
  bool (*violates)(const Value&) = nullptr;  // called on known values only
  bool absent_violates = false;              // true when Azure's default is the violation
  // fmt format string; {name} is the cluster or pool name, {value} the value as written.
  std::string_view message;
  std::string_view absent_message;  // used when absence is the violation
  Precondition when{};              // optional: applies only where this holds
  Precondition unless{};            // optional: does not apply where this holds
};

// Runs the check over the graph; used by make_attribute_rule and by rules that add logic.
void run_attribute_check(RuleContext& ctx, const AttributeCheck& check);

[[nodiscard]] std::unique_ptr<Rule> make_attribute_rule(const RuleMetadata& meta, const AttributeCheck& check);

}  // namespace akslint
