#pragma once
// The Azure template functions that ARM expressions and Bicep share (concat, format,
// resourceId, resourceGroup(), ...), evaluated over the canonical Value. An argument that is
// unknown makes the result unknown; nothing is guessed.
#include <akslint/model/Value.h>

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace akslint::azure {

// What a deployment knows about where it runs. Each part is unknown unless the template,
// its parameters or an enclosing deployment's scope says it.
struct DeploymentContext {
  Value subscription_id = Value::unknown("subscription().subscriptionId");
  Value resource_group_name = Value::unknown("resourceGroup().name");
  Value resource_group_location = Value::unknown("resourceGroup().location");
  Value tenant_id = Value::unknown("tenant().tenantId");
  Value deployment_name = Value::unknown("deployment().name");
};

// Calls a function by name (case-insensitive, as Azure does). Returns nullopt when the
// function is not one akslint knows (the caller reports it); otherwise a Value, unknown when
// the inputs or the function's nature (reference, list*) make it so. `span` is given to the
// result.
//
// Known: string: concat, format, string, toLower, toUpper, replace, split, substring, trim,
// padLeft, startsWith, endsWith, indexOf, lastIndexOf, uri, base64, base64ToString,
// uniqueString, guid; collections: concat, join, take, skip, first, last, length, empty,
// contains, union, intersection, createArray, createObject, json, array, range, min, max,
// objectKeys, items, flatten, tryGet; logic and numbers: and, or, not, if, coalesce, equals,
// bool, int, less, lessOrEquals, greater, greaterOrEquals, add, sub, mul, div, mod, true,
// false, null; scope: resourceGroup([[sub,] name]), subscription([id]), tenant(),
// deployment(), resourceId, subscriptionResourceId, tenantResourceId, extensionResourceId,
// managementGroupResourceId. Always unknown: reference, list*, newGuid, utcNow,
// environment, managementGroup, pickZones, providers, extensions, resourceInfo, dateTime*.
// Not here, because they need the caller's scope: parameters, variables, copyIndex and user
// functions; the lambda functions have their own entry point below.
[[nodiscard]] std::optional<Value> call_function(std::string_view name, std::span<const Value> args,
                                                 const DeploymentContext& context, SourceSpan span);

// A lambda as the caller applies it to its arguments (item, index; accumulator, item, index;
// a, b for sort). Extra arguments beyond the lambda's parameters are ignored by the caller.
using Lambda = std::function<Value(std::span<const Value>)>;

// map(array, f), filter(array, f), reduce(array, initial, f), sort(array, before),
// toObject(array, key[, value]), groupBy(array, key), mapValues(object, f): `values` are
// the arguments that are not lambdas, in order; `lambdas` the lambdas, in order. Nullopt for
// other names; unknown when the collection or a decision (filter, sort, keys) is unknown.
[[nodiscard]] std::optional<Value> call_lambda_function(std::string_view name, std::span<const Value> values,
                                                        std::span<const Lambda> lambdas, SourceSpan span);

// The resource a resourceId-family call names, by type and name ("vnet/subnet"), even when
// its scope (subscription, resource group) is unknown: enough to find it in the same
// deployment. A name part that is unknown appears as "${expression}", which identifies it
// only within one template scope. Nullopt for other functions or when the type is unknown.
struct ResourceTarget {
  std::string type;  // "Microsoft.Network/virtualNetworks/subnets"
  std::string name;  // "vnet/subnet", "${parameters('vnet')}/subnet"
};
[[nodiscard]] std::optional<ResourceTarget> resource_id_target(std::string_view name, std::span<const Value> args);

// The result `call_function` gives unknown inputs: the call's text with its arguments as
// far as they are known ("concat(parameters('p'), '-x')").
[[nodiscard]] Value unknown_call(std::string_view name, std::span<const Value> args, SourceSpan span);

}  // namespace akslint::azure
