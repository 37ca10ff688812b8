#include "azure/TemplateFunctions.h"

#include "Budget.h"
#include "azure/FunctionSupport.h"

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

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace

std::optional<Value> call_function(std::string_view name, std::span<const Value> args,
                                   const DeploymentContext& context, SourceSpan span) {
  const Call call{name, args, context, span};
  const std::string key = lower(name);
  if (const auto it = functions().find(key); it != functions().end()) return budget::bounded(it->second(call), span);
  // listKeys, listSecrets, listCredentials, ...: secrets and keys read at deployment time.
  if (key.rfind("list", 0) == 0 && key.size() > 4) return call.unknown();
  return std::nullopt;
}

Value unknown_call(std::string_view name, std::span<const Value> args, SourceSpan span) {
  const DeploymentContext none;
  return Call{name, args, none, span}.unknown();
}

}  // namespace akslint::azure
