// PLACEHOLDER until the ARM reader work lands the function library.
#include "azure/TemplateFunctions.h"

namespace akslint::azure {

std::optional<Value> call_function(std::string_view, std::span<const Value>, const DeploymentContext&, SourceSpan) {
  return std::nullopt;
}

}  // namespace akslint::azure
