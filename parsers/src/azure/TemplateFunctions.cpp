#include "azure/TemplateFunctions.h"

#include "Budget.h"
#include "azure/FunctionSupport.h"

#include <algorithm>
#include <array>

namespace akslint::azure {

namespace {

const FunctionTable& functions() {
  static const FunctionTable table = [] {
    FunctionTable t;
    add_string_functions(t);
    add_collection_functions(t);
    add_logic_functions(t);
    add_scope_functions(t);
    return t;
  }();
  return table;
}

// The table's keys are lower-case. A name is lower-cased into `buffer` when it fits (every
// Azure function's name does), so a lookup builds no string.
std::string_view lower(std::string_view name, std::array<char, 64>& buffer, std::string& longer) {
  if (name.size() > buffer.size()) return longer = ascii_lowercase(name);
  std::transform(name.begin(), name.end(), buffer.begin(), ascii_lower);
  return {buffer.data(), name.size()};
}

}  // namespace

std::optional<Value> call_function(std::string_view name, std::span<const Value> args,
                                   const DeploymentContext& context, SourceSpan span) {
  const Call call{name, args, context, span};
  std::array<char, 64> buffer;
  std::string longer;
  const std::string_view key = lower(name, buffer, longer);
  if (const auto it = functions().find(key); it != functions().end()) return budget::bounded(it->second(call), span);
  // listKeys, listSecrets, listCredentials, ...: secrets and keys read at deployment time.
  if (key.starts_with("list") && key.size() > 4) return call.unknown();
  return std::nullopt;
}

Value unknown_call(std::string_view name, std::span<const Value> args, SourceSpan span) {
  const DeploymentContext none;
  return Call{name, args, none, span}.unknown();
}

}  // namespace akslint::azure
