#include "terraform/AzurermMapping.h"

namespace akslint::terraform {

namespace {

// "azurerm_kubernetes_cluster.aks.id" -> "azurerm_kubernetes_cluster.aks": the address a
// Terraform reference expression points to, or empty when it is not a plain reference.
std::string referenced_address(std::string_view expr) {
  const auto first = expr.find('.');
  if (first == std::string_view::npos) return {};
  const auto second = expr.find('.', first + 1);
  auto address = expr.substr(0, second);
  if (address.rfind("var.", 0) == 0 || address.rfind("local.", 0) == 0) return {};
  if (address.find_first_of(" ()[]{}\"$") != std::string_view::npos) return {};
  return std::string(address);
}

Value default_value(const DefaultValue& d, SourceSpan span) {
  Value v = !d.string_value.empty() ? Value::string(std::string(d.string_value), span)
            : d.number_value        ? Value::number(*d.number_value, span)
                                    : Value::boolean(d.bool_value.value_or(false), span);
  v.set_provenance(Provenance::Defaulted);
  return v;
}

class Lowering {
 public:
  Lowering(const TerraformResource& tf, Resource& out) : tf_(tf), out_(out) {}

  void block(const Value& attrs, const BlockMapping& mapping, Value& target, const std::string& path) {
    for (const FieldMapping& field : mapping.fields) {
      if (field.tf_name.empty()) {
        Value& nested = slot(target, field.path, attrs.span());
        block(attrs, *field.block, nested, join(path, field.path));
        continue;
      }
      const Value::Member* member = attrs.find_member(field.tf_name);
      if (member == nullptr || member->value.is_null()) continue;  // plan JSON spells absent as null
      if (field.path.starts_with('@')) {
        resource_slot(field.path, member->value);
        continue;
      }
      nested_field(field, member->value, target, path);
    }
    for (const DefaultValue& d : mapping.defaults) {
      const Value* present = target.at(d.path);
      if (present == nullptr || present->is_null()) target.ensure_path(d.path) = default_value(d, attrs.span());
    }
  }

 private:
  static std::string join(const std::string& a, std::string_view b) {
    return a.empty() ? std::string(b) : a + "." + std::string(b);
  }

  static Value& slot(Value& target, std::string_view path, SourceSpan span) {
    Value& v = target.ensure_path(path);
    if (!v.is_object()) v = Value::object({}, span);
    return v;
  }

  void nested_field(const FieldMapping& field, const Value& value, Value& target, const std::string& path) {
    switch (field.shape) {
      case BlockShape::Attribute: target.ensure_path(field.path) = value; break;
      case BlockShape::Object: {
        const Value* first = value.is_array() && !value.as_array()->empty() ? &value.as_array()->front() : &value;
        if (!first->is_object()) break;
        Value& nested = slot(target, field.path, first->span());
        block(*first, *field.block, nested, join(path, field.path));
        break;
      }
      case BlockShape::AppendToArray: {
        Value& list = target.ensure_path(field.path);
        if (!list.is_array()) list = Value::array({}, value.span());
        const auto* instances = value.as_array();
        if (instances == nullptr) break;
        for (const Value& instance : *instances) {
          if (!instance.is_object()) continue;
          Value element = Value::object({}, instance.span());
          const std::string element_path =
              join(path, field.path) + "[" + std::to_string(list.as_array()->size()) + "]";
          block(instance, *field.block, element, element_path);
          list.as_array()->push_back(std::move(element));
        }
        break;
      }
    }
  }

  void resource_slot(std::string_view slot_name, const Value& value) {
    if (slot_name == "@name") {
      out_.name = value;
    } else if (slot_name == "@resourceGroup") {
      out_.scope.resource_group = value;
      add_reference(value, "resourceGroup", ReferenceKind::Reference);
    } else if (slot_name == "@subscription") {
      out_.scope.subscription = value;
    } else if (slot_name == "@parent") {
      add_reference(value, "parent", ReferenceKind::Parent);
    }
  }

  void add_reference(const Value& value, std::string from_path, ReferenceKind kind) {
    const auto* expr = value.unknown_expression();
    if (expr == nullptr) return;
    std::string target = referenced_address(*expr);
    if (!target.empty()) out_.references.push_back({kind, std::move(target), std::move(from_path), value.span()});
  }

  const TerraformResource& tf_;
  Resource& out_;
};

}  // namespace

std::optional<Resource> to_canonical(const TerraformResource& tf) {
  const TypeMapping* mapping = find_type_mapping(tf.tf_type);
  if (mapping == nullptr || tf.attributes == nullptr || !tf.attributes->is_object()) return std::nullopt;
  Resource r;
  r.type = std::string(mapping->canonical_type);
  r.name = Value::null(tf.header_span);
  r.body = Value::object({}, tf.span);
  r.existing = tf.data_source;
  r.origin.kind = tf.kind;
  r.origin.file = tf.file;
  r.origin.address = tf.address;
  r.origin.source_type = std::string(tf.tf_type);
  r.origin.span = tf.span;
  r.origin.header_span = tf.header_span;
  Lowering(tf, r).block(*tf.attributes, *mapping->body, r.body, "");
  return r;
}

}  // namespace akslint::terraform
