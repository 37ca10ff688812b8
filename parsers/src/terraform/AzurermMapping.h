#pragma once
// Terraform resources (azurerm_*, azapi_*) mapped into the canonical Azure shape by a
// declarative table. Terraform source and plan JSON both lower through here, so a rule
// sees the same resource whichever of the two it came from.
#include <akslint/model/Resource.h>

#include <optional>
#include <span>
#include <string_view>

namespace akslint::terraform {

struct BlockMapping;

// Where one Terraform attribute or nested block goes. `path` is relative to the
// canonical object being built; these special targets name resource-level slots:
//   "@name"           the resource name
//   "@resourceGroup"  the scope's resource group
//   "@subscription"   the scope's subscription
//   "@parent"         a reference to the parent resource (Terraform id expression)
enum class BlockShape : std::uint8_t {
  Attribute,      // a plain attribute: value copied to `path`
  Object,         // one nested block: lowered with `block` into an object at `path`
  AppendToArray,  // each nested block instance: lowered with `block`, appended to the array at `path`
};

// Where Terraform and ARM spell a value differently, the table declares the conversion,
// so a rule always sees the ARM value.
enum class Transform : std::uint8_t {
  None,
  EnabledDisabled,  // true / false -> "Enabled" / "Disabled"
  Negate,           // true <-> false (`*_disabled` attributes of `enable*` properties)
  KeysToObject,     // ["id", ...] -> {"id": {}, ...} (user-assigned identities)
  Capitalize,       // "azure" -> "Azure"
  Wrap,             // a single value -> [value]
  JsonDecode,       // a JSON string (jsonencode(...)) -> the object it encodes
};

struct FieldMapping {
  std::string_view tf_name;
  std::string_view path;
  BlockShape shape = BlockShape::Attribute;
  const BlockMapping* block = nullptr;
  Transform transform = Transform::None;
};

// A value AKS or Azure assumes when the attribute is absent, or that the Terraform type
// implies (default_node_pool is always a System pool). Recorded as Provenance::Defaulted.
struct DefaultValue {
  std::string_view path;
  std::string_view string_value;  // used when not empty
  std::optional<double> number_value = std::nullopt;
  std::optional<bool> bool_value = std::nullopt;
};

struct BlockMapping {
  std::span<const FieldMapping> fields;
  std::span<const DefaultValue> defaults = {};
};

struct TypeMapping {
  std::string_view tf_type;
  std::string_view canonical_type;
  const BlockMapping* body;  // attributes of the resource, relative to the canonical body
};

// The table row for a Terraform type, or null when the type is not mapped.
[[nodiscard]] const TypeMapping* find_type_mapping(std::string_view tf_type);
// Whether a resource type lowers into the model: the azurerm table's and the azapi ones.
[[nodiscard]] bool has_canonical_form(std::string_view tf_type);

// A Terraform resource as either reader sees it: attribute names as Terraform spells them,
// nested blocks as arrays of objects (the shape of plan JSON `values`).
struct TerraformResource {
  std::string_view tf_type;
  std::string address;     // "azurerm_kubernetes_cluster.aks"
  const Value* attributes; // object
  SourceKind kind = SourceKind::Terraform;
  FileId file = kNoFile;
  SourceSpan span;
  SourceSpan header_span;
  bool data_source = false;
  // References the source reader found, each at the span of the expression that makes it;
  // lowering fills in the canonical path that holds it. Plan JSON passes none.
  std::span<const Reference> references = {};
};

// Lowers one Terraform resource; nullopt for unmapped types.
[[nodiscard]] std::optional<Resource> to_canonical(const TerraformResource& tf);

}  // namespace akslint::terraform
