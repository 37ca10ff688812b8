#include <akslint/analyzer/Rule.h>

#include <fmt/format.h>

namespace akslint {

ResourceRef resource_ref(const Resource& resource) {
  ResourceRef ref;
  ref.type = resource.type;
  ref.symbol = resource.origin.symbol;
  ref.declaration = resource.origin.span;
  ref.header = resource.origin.header_span;
  if (resource.origin.kind == SourceKind::Terraform || resource.origin.kind == SourceKind::TerraformPlan) {
    ref.fully_qualified_name = resource.origin.address;
  } else if (const auto name = resource.name.as_string()) {
    ref.fully_qualified_name = std::string(*name);
  } else if (!resource.origin.symbol.empty()) {
    ref.fully_qualified_name = resource.origin.symbol;  // a name computed at deployment: the symbol says more
  } else if (const auto* expr = resource.name.unknown_expression()) {
    ref.fully_qualified_name = *expr;
  } else {
    ref.fully_qualified_name = resource.origin.address;
  }
  return ref;
}

std::string_view RuleContext::option(std::string_view name) const {
  if (config_ != nullptr) return config_->option(rule_, name);
  for (const RuleOption& o : rule_.options) {
    if (o.name == name) return o.default_value;
  }
  return {};
}

bool known_absent(const Value& root, std::string_view path) {
  for (std::size_t i = 0; i <= path.size(); ++i) {
    if (i != path.size() && path[i] != '.' && path[i] != '[') continue;
    const Value* v = root.at(path.substr(0, i));
    if (v == nullptr) return true;
    if (v->is_unknown()) return false;
  }
  return false;  // present
}

std::string display_name(const Resource& resource) { return resource_ref(resource).fully_qualified_name; }

std::optional<Fix> replace_literal(const Resource& resource, const Value& value, std::string_view text,
                                   std::string description) {
  if (resource.origin.kind == SourceKind::TerraformPlan || !value.span().valid() || !value.is_string() ||
      value.provenance() != Provenance::Literal) {
    return std::nullopt;
  }
  const char quote = resource.origin.kind == SourceKind::Bicep ? '\'' : '"';
  return Fix{std::move(description), {{value.span(), fmt::format("{0}{1}{0}", quote, text)}}};
}

RelatedLocation related_to(const Resource& resource, std::string message) {
  return {resource.origin.header_span, std::move(message)};
}

Finding& RuleContext::report(const Resource& resource, std::string_view attribute_path, const Value* value,
                             std::string message) {
  Finding f;
  f.rule = &rule_;
  f.level = rule_.level;
  f.message = std::move(message);
  f.primary = (value != nullptr && value->span().valid()) ? value->span() : resource.origin.header_span;
  f.resource = resource_ref(resource);
  f.attribute_path = std::string(attribute_path);
  if (value != nullptr) f.offending_value = value->to_display();
  sink_.push_back(std::move(f));
  return sink_.back();
}

}  // namespace akslint
