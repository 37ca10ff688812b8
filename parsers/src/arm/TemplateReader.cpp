#include "Budget.h"
#include "arm/TemplateReader.h"

#include "json/JsonReader.h"

#include <fmt/format.h>

#include <algorithm>

namespace akslint::arm {

namespace {

constexpr int kMaxNesting = 16;

// Members of a resource declaration that describe the declaration, not the resource.
bool is_declaration_member(std::string_view key) {
  for (const std::string_view meta : {"type", "apiVersion", "name", "dependsOn", "copy", "condition", "resources",
                                      "comments", "existing", "import", "subscriptionId", "resourceGroup"}) {
    if (iequals(key, meta)) return true;
  }
  return false;
}

// The canonical spelling of a top-level resource member ("Properties" -> "properties").
std::string canonical_member(std::string_view key) {
  for (const std::string_view known : {"properties", "location", "tags", "sku", "identity", "kind", "zones", "plan",
                                       "extendedLocation", "managedBy", "scope"}) {
    if (iequals(key, known)) return std::string(known);
  }
  return std::string(key);
}

std::vector<std::string_view> split(std::string_view s) {
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    const auto slash = s.find('/', start);
    parts.push_back(s.substr(start, slash == std::string_view::npos ? slash : slash - start));
    if (slash == std::string_view::npos) return parts;
    start = slash + 1;
  }
}

// "Microsoft.Network/virtualNetworks/vnet/subnets/a": type segments interleaved with names,
// the form dependsOn uses; type and name joined by '/' when they do not pair up.
std::string address_of(std::string_view type, const Value& name) {
  const auto known = name.as_string();
  if (!known) return fmt::format("{}/{}", type, name.unknown_expression() ? *name.unknown_expression() : name.to_display());
  const auto types = split(type);
  const auto names = split(*known);
  if (types.size() != names.size() + 1) return fmt::format("{}/{}", type, *known);
  std::string out(types[0]);
  for (std::size_t i = 0; i < names.size(); ++i) out += fmt::format("/{}/{}", types[i + 1], names[i]);
  return out;
}

// A dependsOn string: a resource id, "type/name" in the interleaved form, or a bare name
// (a symbolic name in languageVersion 2.0).
PendingReference depends_on(std::string_view s, SourceSpan span) {
  PendingReference ref{ReferenceKind::DependsOn, "", "", "", "", span};
  if (const auto providers = s.rfind("/providers/"); providers != std::string_view::npos) {
    s = s.substr(providers + 11);
  }
  const auto parts = split(s);
  if (parts.size() < 3 || parts.size() % 2 == 0) {
    ref.symbol = std::string(s);
    return ref;
  }
  ref.type = std::string(parts[0]);
  for (std::size_t i = 1; i < parts.size(); i += 2) {
    ref.type += fmt::format("/{}", parts[i]);
    ref.name += fmt::format("{}{}", ref.name.empty() ? "" : "/", parts[i + 1]);
  }
  return ref;
}

std::string directory_of(std::string_view path) {
  const auto slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(path.substr(0, slash));
}

// `relative` resolved against `dir`, with "./" and "../" folded.
std::string join_path(const std::string& dir, std::string_view relative) {
  std::vector<std::string> parts;
  for (const auto p : split(dir)) {
    if (!p.empty()) parts.emplace_back(p);
  }
  for (const auto p : split(relative)) {
    if (p.empty() || p == ".") continue;
    if (p == "..") {
      if (!parts.empty()) parts.pop_back();
      continue;
    }
    parts.emplace_back(p);
  }
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

// A name as references compare it: the text, or "${expression}" while it is unknown.
std::string name_key(const Value& name) {
  if (const auto s = name.as_string()) return std::string(*s);
  if (const auto* text = name.unknown_expression()) return "${" + *text + "}";
  return name.to_display();
}

bool has_unknown(std::string_view key) { return key.find("${") != std::string_view::npos; }

// Where a resource is deployed: its template's placement, unless it names another
// subscription or resource group (nested deployments, `existing` resources in other scopes),
// or a management group (no subscription, no resource group).
Scope own_scope(const Value& decl, TemplateScope& scope, const Scope& placement) {
  Scope out = placement;
  if (const Value* sub = decl.find("subscriptionId")) out.subscription = scope.resolve(*sub);
  if (const Value* rg = decl.find("resourceGroup")) out.resource_group = scope.resolve(*rg);
  if (const Value* target = decl.find("scope")) {
    const Value where = scope.resolve(*target);
    if (const auto s = where.as_string(); s && s->find("Microsoft.Management/managementGroups/") != std::string_view::npos) {
      out = {Value::null(), Value::null()};
    }
  }
  return out;
}

std::optional<bool> resolved_bool(TemplateScope& scope, const Value* v) {
  if (v == nullptr) return std::nullopt;
  return scope.resolve(*v).as_bool();
}

}  // namespace

ValueMap parameter_values(const std::vector<Value>& parameter_files) {
  std::map<std::string, std::vector<Value>, ILess> seen;
  for (const Value& file : parameter_files) {
    const Value* params = file.find("parameters");
    if (params == nullptr || !params->is_object()) continue;
    for (const auto& m : *params->as_object()) {
      const Value* value = m.value.find("value");
      // Key Vault references are read at deployment time.
      seen[m.key].push_back(value != nullptr ? *value : Value::unknown(fmt::format("parameters('{}')", m.key), m.value.span()));
    }
  }
  ValueMap out;
  for (const auto& entry : seen) {
    const std::string& name = entry.first;
    const std::vector<Value>& values = entry.second;
    const bool agree = values.size() == parameter_files.size() &&
                       std::all_of(values.begin(), values.end(), [&](const Value& v) { return v == values.front(); });
    out[name] = agree ? values.front() : Value::unknown(fmt::format("parameters('{}')", name), values.front().span());
  }
  return out;
}

void TemplateReader::read(const Value& tmpl, TemplateScope& scope, const Scope& placement, int depth) {
  const Value* resources = tmpl.find("resources");
  if (resources == nullptr) return;
  if (resources->is_array()) {
    for (const Value& decl : *resources->as_array()) read_resource(decl, "", nullptr, scope, placement, depth);
  } else if (resources->is_object()) {  // languageVersion 2.0: symbolic names
    for (const auto& m : *resources->as_object()) scope.add_symbol(m.key);
    for (const auto& m : *resources->as_object()) read_resource(m.value, m.key, nullptr, scope, placement, depth);
  }
}

void TemplateReader::read_resource(const Value& decl, const std::string& symbol, const Parent* parent,
                                   TemplateScope& scope, const Scope& placement, int depth) {
  if (!decl.is_object()) return;
  const Value* copy = decl.find("copy");
  if (copy == nullptr || !copy->is_object()) {
    read_instance(decl, symbol, parent, scope, placement, depth);
    return;
  }
  const Value* loop = copy->find("name");
  const std::string name = loop != nullptr && loop->as_string() ? std::string(*loop->as_string()) : std::string();
  const Value count = copy->find("count") != nullptr ? scope.resolve(*copy->find("count")) : Value::null();
  const auto n = count.as_number();
  if (!n) {  // one instance stands for them all, with copyIndex() unknown
    scope.with_copy_index(name, Value::unknown("copyIndex()"), true,
                          [&] { read_instance(decl, symbol, parent, scope, placement, depth); });
    return;
  }
  const std::size_t wanted = *n > 0 ? static_cast<std::size_t>(std::min(*n, 1e15)) : 0;
  if (wanted > kMaxCopyCount) {
    out_.diagnostics.push_back({DiagnosticLevel::Warning, "copy-count-over-limit",
                                fmt::format("copy count {} is over Azure's limit of {}: the deployment would fail; "
                                            "the first {} instances were analysed",
                                            wanted, kMaxCopyCount, kMaxCopyCount),
                                copy->span().file, copy->find("count")->span()});
  }
  const std::size_t instances = budget::instances(std::min(wanted, kMaxCopyCount), copy->find("count")->span());
  for (std::size_t i = 0; i < instances; ++i) {
    scope.with_copy_index(name, Value::number(static_cast<double>(i)), true,
                          [&] { read_instance(decl, symbol, parent, scope, placement, depth); });
  }
}

void TemplateReader::read_instance(const Value& decl, const std::string& symbol, const Parent* parent,
                                   TemplateScope& scope, const Scope& placement, int depth) {
  if (resolved_bool(scope, decl.find("condition")) == false) return;
  const Value* type_decl = decl.find("type");
  const Value type_value = type_decl != nullptr ? scope.resolve(*type_decl) : Value::null();
  const auto written_type = type_value.as_string();
  if (!written_type) return;
  // A nested child names its type relative to the parent ("subnets", "providers/locks")
  // unless it starts with a resource provider namespace ("Microsoft.Network/...").
  const auto first_segment = written_type->substr(0, written_type->find('/'));
  const bool short_child = parent != nullptr && first_segment.find('.') == std::string_view::npos;
  Resource r;
  r.type = short_child ? fmt::format("{}/{}", parent->type, *written_type) : std::string(*written_type);
  if (const Value* api = decl.find("apiVersion"); api != nullptr) {
    const Value version = scope.resolve(*api);
    if (const auto s = version.as_string()) r.api_version = std::string(*s);
  }
  const Value* name = decl.find("name");
  r.name = name != nullptr ? scope.resolve(*name, "name") : Value::null(decl.span());
  const std::string key = short_child ? fmt::format("{}/{}", parent->key, name_key(r.name)) : name_key(r.name);
  if (short_child && parent->name.as_string() && r.name.as_string()) {
    r.name = Value::string(fmt::format("{}/{}", *parent->name.as_string(), *r.name.as_string()), r.name.span());
  }
  Value body = Value::object({}, decl.span());
  for (const auto& m : *decl.as_object()) {
    if (is_declaration_member(m.key)) continue;
    Value member = m.value;
    // A nested template is evaluated in its own scope, below.
    if (iequals(m.key, "properties") && iequals(r.type, "Microsoft.Resources/deployments") && member.is_object()) {
      std::erase_if(*member.as_object(), [](const Value::Member& p) { return iequals(p.key, "template"); });
    }
    const std::string canonical = canonical_member(m.key);
    body.set(canonical, scope.resolve(member, canonical), m.key_span);
  }
  r.body = std::move(body);
  r.existing = resolved_bool(scope, decl.find("existing")).value_or(false);
  r.scope = own_scope(decl, scope, placement);
  const Value::Member* type_member = decl.find_member("type");
  r.origin = {SourceKind::Arm, decl.span().file, 0, prefix_ + address_of(r.type, r.name), symbol, std::string(*written_type),
              decl.span(), type_member != nullptr ? type_member->key_span : decl.span()};
  std::vector<PendingReference> refs = scope.take_references();
  if (const Value* deps = decl.find("dependsOn"); deps != nullptr && deps->is_array()) {
    for (const Value& dep : *deps->as_array()) {
      const Value v = scope.resolve(dep, "dependsOn");
      for (auto& ref : scope.take_references()) {
        ref.kind = ReferenceKind::DependsOn;
        refs.push_back(std::move(ref));
      }
      if (const auto s = v.as_string()) refs.push_back(depends_on(*s, dep.span()));
    }
  }
  if (parent != nullptr) {
    refs.push_back({ReferenceKind::Parent, "", parent->type, parent->key, "", decl.span()});
  } else if (const auto n = r.name.as_string(); n && n->find('/') != std::string_view::npos) {
    const auto type_cut = r.type.rfind('/');
    refs.push_back({ReferenceKind::Parent, "", r.type.substr(0, type_cut), std::string(n->substr(0, n->rfind('/'))), "",
                    decl.span()});
  }
  const Parent self{r.type, r.name, key};
  const bool is_deployment = iequals(r.type, "Microsoft.Resources/deployments");
  for (auto& ref : refs) ref.scope = scope.id();
  out_.resources.push_back(r);
  pending_.push_back(std::move(refs));
  identities_.push_back({key, scope.id()});
  if (is_deployment) read_deployment(decl, r, scope, depth);
  if (const Value* children = decl.find("resources"); children != nullptr && children->is_array()) {
    for (const Value& child : *children->as_array()) read_resource(child, "", &self, scope, placement, depth);
  }
}

void TemplateReader::read_deployment(const Value& decl, const Resource& deployment, TemplateScope& scope,
                                     int depth) {
  const Value* properties = decl.find("properties");
  if (properties == nullptr || !properties->is_object()) return;
  if (depth >= kMaxNesting) {
    out_.diagnostics.push_back({DiagnosticLevel::Warning, "nesting-too-deep",
                                fmt::format("deployments nest deeper than {} levels; the inner ones were not read", kMaxNesting),
                                decl.span().file, deployment.origin.header_span});
    return;
  }
  const Scope target = deployment.scope;
  azure::DeploymentContext context = scope.context();
  if (decl.find("subscriptionId") != nullptr) context.subscription_id = target.subscription;
  if (decl.find("resourceGroup") != nullptr) {
    context.resource_group_name = target.resource_group;
    context.resource_group_location = Value::unknown("resourceGroup().location");
  }
  context.deployment_name = deployment.name;
  const std::string saved_prefix = prefix_;
  prefix_ += name_key(deployment.name) + ":";
  read_template_of(*properties, decl, scope, std::move(context), target, depth);
  prefix_ = saved_prefix;
}

void TemplateReader::read_template_of(const Value& properties, const Value& decl, TemplateScope& scope,
                                      azure::DeploymentContext context, const Scope& target, int depth) {
  const Value* option = properties.at("expressionEvaluationOptions.scope");
  const bool inner = option != nullptr && option->as_string() && iequals(*option->as_string(), "inner");
  const Value* parameters = properties.find("parameters");
  if (const Value* tmpl = properties.find("template"); tmpl != nullptr && tmpl->is_object()) {
    if (inner) {
      read_inner(*tmpl, parameters, scope, std::move(context), target, depth + 1);
    } else {
      read(*tmpl, scope, target, depth + 1);  // outer: the parent's parameters and variables
    }
  } else if (const Value* link = properties.find("templateLink"); link != nullptr && link->is_object()) {
    read_linked(decl, *link, parameters != nullptr ? *parameters : Value::object(), scope, std::move(context), target,
                depth + 1);
  }
}

void TemplateReader::read_inner(const Value& tmpl, const Value* parameters, TemplateScope& outer,
                                azure::DeploymentContext context, const Scope& placement, int depth) {
  ValueMap given;
  if (parameters != nullptr && parameters->is_object()) {
    for (const auto& m : *parameters->as_object()) {
      const Value* value = m.value.find("value");
      given[m.key] = value != nullptr ? outer.resolve(*value)
                                      : Value::unknown(fmt::format("parameters('{}')", m.key), m.value.span());
    }
  }
  // References in the parameter values belong to the deployment, the resource read last.
  for (auto& ref : outer.take_references()) {
    ref.scope = outer.id();
    pending_.back().push_back(std::move(ref));
  }
  TemplateScope scope(tmpl, std::move(given), std::move(context), files_, out_.diagnostics);
  scope.set_id(++scopes_);
  read(tmpl, scope, placement, depth);
}

void TemplateReader::read_linked(const Value& decl, const Value& link, const Value& parameters, TemplateScope& outer,
                                 azure::DeploymentContext context, const Scope& placement, int depth) {
  const Value* relative = link.find("relativePath");
  const Value path_value = relative != nullptr ? outer.resolve(*relative) : Value::null();
  const auto path = path_value.as_string();
  if (!path) {
    out_.diagnostics.push_back({DiagnosticLevel::Note, "linked-template-not-followed",
                                "the linked template is not a relative path in the scan; its resources were not read",
                                decl.span().file, link.span()});
    return;
  }
  const std::string wanted = join_path(directory_of(files_[decl.span().file].path), *path);
  if (const auto found = files_.find(wanted)) {
    const FileId id = *found;
    auto doc = read_json(files_[id], id);
    out_.diagnostics.insert(out_.diagnostics.end(), doc.diagnostics.begin(), doc.diagnostics.end());
    if (!doc.root) return;
    linked_.push_back(std::move(*doc.root));
    read_inner(linked_.back(), &parameters, outer, std::move(context), placement, depth);
    return;
  }
  out_.diagnostics.push_back({DiagnosticLevel::Warning, "linked-template-missing",
                              fmt::format("linked template `{}` is not in the scan; its resources were not read", wanted),
                              decl.span().file, relative->span()});
}

void TemplateReader::resolve_references() {
  const auto matches = [&](const PendingReference& ref, std::size_t i) {
    const Resource& r = out_.resources[i];
    if (!ref.symbol.empty()) {
      if (!r.origin.symbol.empty()) return iequals(r.origin.symbol, ref.symbol);
      return ref.type.empty() && r.name.as_string() && iequals(*r.name.as_string(), ref.symbol);
    }
    if (!iequals(r.type, ref.type) || !iequals(identities_[i].key, ref.name)) return false;
    // The same unknown expression names the same resource only within one scope.
    return !has_unknown(ref.name) || identities_[i].scope == ref.scope;
  };
  for (std::size_t i = 0; i < out_.resources.size(); ++i) {
    for (const auto& p : pending_[i]) {
      std::size_t found = out_.resources.size();
      for (std::size_t j = 0; j < out_.resources.size() && found == out_.resources.size(); ++j) {
        if (matches(p, j)) found = j;
      }
      if (found == i) continue;
      std::string target = found < out_.resources.size() ? out_.resources[found].origin.address
                                                          : (p.type.empty() ? p.symbol : fmt::format("{}/{}", p.type, p.name));
      auto& refs = out_.resources[i].references;
      const bool seen = std::any_of(refs.begin(), refs.end(), [&](const Reference& r) {
        return r.kind == p.kind && r.target == target && r.from_path == p.from_path;
      });
      if (!seen) refs.push_back({p.kind, std::move(target), p.from_path, p.span});
    }
  }
}

}  // namespace akslint::arm
