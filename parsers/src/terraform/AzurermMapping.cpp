#include "terraform/AzurermMapping.h"

#include "terraform/Azapi.h"
#include "terraform/KubernetesResources.h"

#include <nlohmann/json.hpp>

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

Value transformed(const Value& v, Transform t) {
  const auto keep = [&](Value out) {
    out.set_span(v.span());
    out.set_provenance(v.provenance());
    return out;
  };
  switch (t) {
    case Transform::None: return v;
    case Transform::EnabledDisabled:
      if (const auto b = v.as_bool()) return keep(Value::string(*b ? "Enabled" : "Disabled"));
      return v;
    case Transform::Negate:
      if (const auto b = v.as_bool()) return keep(Value::boolean(!*b));
      return v;
    case Transform::KeysToObject: {
      const auto* items = v.as_array();
      if (items == nullptr) return v;
      Value::Object members;
      std::string text;  // the list as written, should an id be unknown
      for (const Value& item : *items) {
        text += (text.empty() ? "" : ", ") + (item.unknown_expression() ? *item.unknown_expression() : item.to_display());
        if (const auto s = item.as_string()) members.push_back({std::string(*s), Value::object({}, item.span()), item.span()});
      }
      // With an unknown id the keys cannot be known.
      if (members.size() != items->size()) return Value::unknown("[" + text + "]", v.span());
      return keep(Value::object(std::move(members)));
    }
    case Transform::Capitalize: {
      const auto s = v.as_string();
      if (!s || s->empty()) return v;
      std::string out(*s);
      if (out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
      return keep(Value::string(std::move(out)));
    }
    case Transform::JsonDecode: {
      const auto s = v.as_string();
      if (!s) return v;
      auto j = nlohmann::json::parse(*s, nullptr, false);
      return j.is_discarded() ? v : keep(from_json(j, v.span()));
    }
    case Transform::Wrap:
      if (v.is_array() || v.is_unknown()) return v;
      return keep(Value::array({v}));
  }
  return v;
}

bool contains(const SourceSpan& outer, const SourceSpan& inner) {
  return outer.valid() && outer.file == inner.file && outer.begin_byte <= inner.begin_byte &&
         inner.end_byte <= outer.end_byte;
}

// The canonical path of the tightest value in `v` whose span holds `span`.
void locate(const Value& v, const std::string& path, const SourceSpan& span, std::string& best,
            std::uint32_t& best_size) {
  if (contains(v.span(), span) && v.span().end_byte - v.span().begin_byte <= best_size && !path.empty()) {
    best = path;
    best_size = v.span().end_byte - v.span().begin_byte;
  }
  if (const auto* members = v.as_object()) {
    for (const auto& m : *members) locate(m.value, path.empty() ? m.key : path + "." + m.key, span, best, best_size);
  } else if (const auto* items = v.as_array()) {
    for (std::size_t i = 0; i < items->size(); ++i) {
      locate((*items)[i], path + "[" + std::to_string(i) + "]", span, best, best_size);
    }
  }
}

class Lowering {
 public:
  Lowering(const TerraformResource& tf, Resource& out) : tf_(tf), out_(out) {}

  void block(const Value& attrs, const BlockMapping& mapping, Value& target, const std::string& path) {
    for (const FieldMapping& field : mapping.fields) {
      if (field.tf_name.empty()) {
        // The same attributes, lowered by another mapping: into `path`, or here when empty.
        Value& nested = field.path.empty() ? target : slot(target, field.path, attrs.span());
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

  // Source references: each goes to the canonical path that holds its expression.
  void place_references() {
    for (const Reference& ref : tf_.references) {
      Reference placed = ref;
      if (contains(parent_span_, ref.span)) {
        placed.kind = ReferenceKind::Parent;
        placed.from_path = "parent";
      } else if (contains(out_.scope.resource_group.span(), ref.span)) {
        placed.from_path = "resourceGroup";
      } else if (contains(out_.name.span(), ref.span)) {
        placed.from_path = "name";
      } else {
        placed.from_path = path_holding(out_.body, ref.span);
      }
      add(std::move(placed));
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
      case BlockShape::Attribute: target.ensure_path(field.path) = transformed(value, field.transform); break;
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
        // .tf.json may write a single nested block as an object rather than a list of them.
        const Value::Array single{value};
        const auto* instances = value.is_object() ? &single : value.as_array();
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
      parent_span_ = value.span();
      add_reference(value, "parent", ReferenceKind::Parent);
    }
  }

  // Plan JSON has no source references; its unknown values still name what they refer to.
  void add_reference(const Value& value, std::string from_path, ReferenceKind kind) {
    if (tf_.kind == SourceKind::Terraform) return;
    const auto* expr = value.unknown_expression();
    if (expr == nullptr) return;
    std::string target = referenced_address(*expr);
    if (!target.empty()) add({kind, std::move(target), std::move(from_path), value.span()});
  }

  void add(Reference ref) {
    for (const auto& r : out_.references) {
      if (r.target == ref.target && r.from_path == ref.from_path && r.kind == ref.kind) return;
    }
    out_.references.push_back(std::move(ref));
  }

  const TerraformResource& tf_;
  Resource& out_;
  SourceSpan parent_span_;
};

}  // namespace

std::string path_holding(const Value& body, const SourceSpan& span) {
  std::string path;
  std::uint32_t size = UINT32_MAX;
  locate(body, "", span, path, size);
  return path;
}

namespace {

bool is_azapi_type(std::string_view tf_type) {
  return tf_type == "azapi_resource" || tf_type == "azapi_update_resource" || tf_type == "azapi_resource_action";
}

}  // namespace

bool has_canonical_form(std::string_view tf_type) {
  return is_azapi_type(tf_type) || is_kubernetes_type(tf_type) || find_type_mapping(tf_type) != nullptr;
}

std::optional<Resource> to_canonical(const TerraformResource& tf) {
  if (tf.attributes == nullptr || !tf.attributes->is_object()) return std::nullopt;
  if (tf.tf_type == "azapi_resource" || tf.tf_type == "azapi_update_resource") return azapi_to_canonical(tf);
  if (tf.tf_type == "azapi_resource_action") return azapi_action_to_canonical(tf);
  if (is_kubernetes_type(tf.tf_type)) return kubernetes_to_canonical(tf);
  const TypeMapping* mapping = find_type_mapping(tf.tf_type);
  if (mapping == nullptr) return std::nullopt;
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
  Lowering lowering(tf, r);
  lowering.block(*tf.attributes, *mapping->body, r.body, "");
  lowering.place_references();
  return r;
}

}  // namespace akslint::terraform
