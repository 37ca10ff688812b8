#pragma once
// The `configuration` part of a plan: what the source said, per module, before evaluation.
// It gives the references between resources (graph edges that known values hide) and the
// provider configuration (subscription) each resource uses.
#include "plan/PlanAddress.h"

#include <akslint/model/Value.h>

#include <map>
#include <set>
#include <string>
#include <vector>

namespace akslint::plan {

// The resource instances a plan holds, found by module and resource name.
class AddressIndex {
 public:
  void add(const std::string& address);
  // Instances of `resource` inside module instance `where`; a step key "*" matches any key,
  // an empty `key` any instance.
  void find(const std::vector<AddressStep>& where, std::string_view resource, std::string_view key,
            std::set<std::string>& out) const;

 private:
  struct Entry {
    ResourceAddress parts;
    std::string address;
  };
  std::map<std::string, std::vector<Entry>, std::less<>> by_resource_;  // "a.b|azurerm_subnet.s"
};

// One expression of a resource (path as Terraform spells it) and the references it lists.
struct ExpressionReferences {
  std::string path;
  const Value* expression;
};

class PlanConfiguration {
 public:
  PlanConfiguration() = default;
  // `configuration` is the plan's configuration object, `variables` its root input values.
  PlanConfiguration(Value configuration, Value variables);

  // The configuration block an instance was declared by, or null.
  [[nodiscard]] const Value* resource(const ResourceAddress& address) const;
  // The subscription of the provider configuration `config_resource` uses: known, unknown, or
  // null when the configuration does not set one.
  [[nodiscard]] Value subscription(const Value& config_resource) const;
  // The expressions of `config_resource` that list references, nested blocks included.
  [[nodiscard]] static std::vector<ExpressionReferences> expressions(const Value& config_resource);
  // The plan addresses `expression` (written in module instance `where`) depends on,
  // followed through module inputs (`var.x`) and outputs (`module.m.out`).
  void resolve(const Value& expression, const std::vector<AddressStep>& where, const AddressIndex& index,
               std::set<std::string>& out) const;
  // Same for a `depends_on` entry.
  void resolve_dependency(std::string_view target, const std::vector<AddressStep>& where, const AddressIndex& index,
                          std::set<std::string>& out) const;

 private:
  [[nodiscard]] const Value* module(const std::vector<AddressStep>& where) const;
  void resolve_list(const std::vector<std::string>& references, const std::vector<AddressStep>& where,
                    const AddressIndex& index, int depth, std::set<std::string>& out) const;
  void resolve_expression(const Value& expression, const std::vector<AddressStep>& where, const AddressIndex& index,
                          int depth, std::set<std::string>& out) const;

  Value configuration_;
  Value variables_;
};

}  // namespace akslint::plan
