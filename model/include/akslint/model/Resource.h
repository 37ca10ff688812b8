#pragma once
// A resource in the canonical Azure shape that ARM and Bicep already use, whatever
// format it came from.
#include <akslint/model/Value.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace akslint {

enum class SourceKind : std::uint8_t { Terraform, TerraformPlan, Arm, Bicep, Kubernetes };
[[nodiscard]] std::string_view to_string(SourceKind kind);

// Where a resource was declared and how its own format names it.
struct Origin {
  SourceKind kind = SourceKind::Terraform;
  FileId file = kNoFile;
  std::uint32_t unit = 0;    // deployment unit it was read in; references resolve within it
  // Terraform address ("azurerm_kubernetes_cluster.aks", "module.m.x["k"]"), the ARM
  // resource name as written, or the Bicep symbolic name.
  std::string address;
  std::string symbol;        // Bicep symbolic name / ARM 2.0 symbolic name, else empty
  std::string source_type;   // type as written: "azurerm_kubernetes_cluster", ARM type
  SourceSpan span;           // the whole declaration
  SourceSpan header_span;    // the line that opens it (for findings on missing attributes)
};

// Deployment scope as written or computed; each part may be absent (null), known or unknown.
struct Scope {
  Value subscription;    // subscription id
  Value resource_group;  // resource group name
};

// A reference from one resource to another, kept for graph edges. The target is named the
// way the source format names it (Terraform address, ARM resource id expression, Bicep symbol).
enum class ReferenceKind : std::uint8_t { Reference, Parent, DependsOn };
struct Reference {
  ReferenceKind kind = ReferenceKind::Reference;
  std::string target;  // address or symbol of the referenced resource
  std::string from_path;  // canonical attribute path holding the reference ("" for depends_on)
  SourceSpan span;
};

// What a Terraform plan will do to a resource (plan JSON `resource_changes`). Only plans
// know this; rules that judge a change (a replaced cluster, a renamed node resource group)
// read it, the others ignore it.
enum class ChangeAction : std::uint8_t { NoOp, Create, Read, Update, Replace, Delete, Forget };

struct PlannedChange {
  // An attribute whose change forces the replacement. `canonical` is its path in the
  // canonical shape ("properties.nodeResourceGroup"; "@name", "@resourceGroup" for the
  // resource's own slots), empty when the table does not map it; `terraform` is the path
  // as the plan spells it ("default_node_pool[0].name").
  struct ReplacePath {
    std::string canonical;
    std::string terraform;
  };

  ChangeAction action = ChangeAction::NoOp;
  // The resource before and after the change in the canonical shape: the body's members
  // plus "name" and "resourceGroup" when known. Null on the side that does not exist
  // (before a create or a read, after a delete or a forget); both null for a no-op, whose
  // state is the body.
  Value before;
  Value after;
  std::vector<ReplacePath> replace_paths;
};

struct Resource {
  std::string type;         // canonical: "Microsoft.ContainerService/managedClusters"
  std::string api_version;  // empty when the format does not say (Terraform)
  Value name;
  // The canonical body: { location, tags, sku, identity, properties: {...}, ... } with
  // ARM property names.
  Value body = Value::object();
  Scope scope;
  Origin origin;
  std::vector<Reference> references;
  bool existing = false;  // declared as existing (Bicep `existing`, Terraform data source)
  // Plans only; behind a pointer because most resources have none (it is 152 bytes).
  std::shared_ptr<const PlannedChange> change;

  [[nodiscard]] const Value* at(std::string_view path) const { return body.at(path); }
  [[nodiscard]] bool is(std::string_view canonical_type) const { return iequals(type, canonical_type); }
};

}  // namespace akslint
