#include "arm/TemplateScope.h"

#include <fmt/format.h>

#include <algorithm>
#include <utility>

namespace akslint::arm {

namespace {

std::string_view source_of(const Value& v, const FileTable& files) {
  return v.span().valid() && v.span().file < files.size() ? std::string_view(files[v.span().file].text) : std::string_view{};
}

std::string child_path(const std::string& path, std::string_view key) {
  return path.empty() ? std::string(key) : fmt::format("{}.{}", path, key);
}

// Whether resolving `json` reads the path it is given: only expressions record it (in the
// references they make), and the objects and arrays that may hold them. Most values are
// literals, whose paths are then never built.
bool reads_path(const Value& json) {
  if (const auto s = json.as_string()) return is_expression(*s);
  return json.is_object() || json.is_array();
}

}  // namespace

bool ILess::operator()(std::string_view a, std::string_view b) const {
  return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(),
                                      [](char x, char y) { return ascii_lower(x) < ascii_lower(y); });
}

TemplateScope::TemplateScope(const Value& tmpl, ValueMap given, azure::DeploymentContext context,
                             const FileTable& files, std::vector<Diagnostic>& diagnostics)
    : parameters_decl_(tmpl.find("parameters")),
      variables_decl_(tmpl.find("variables")),
      given_(std::move(given)),
      context_(std::move(context)),
      files_(files),
      diagnostics_(diagnostics) {
  read_functions(tmpl);
}

void TemplateScope::read_functions(const Value& tmpl) {
  const Value* namespaces = tmpl.find("functions");
  if (namespaces == nullptr || !namespaces->is_array()) return;
  for (const Value& ns : *namespaces->as_array()) {
    const Value* prefix = ns.find("namespace");
    const Value* members = ns.find("members");
    if (prefix == nullptr || !prefix->as_string() || members == nullptr || !members->is_object()) continue;
    for (const auto& m : *members->as_object()) {
      UserFunction f;
      f.output = m.value.at("output.value");
      if (const Value* params = m.value.find("parameters"); params != nullptr && params->is_array()) {
        for (const Value& p : *params->as_array()) {
          const Value* name = p.find("name");
          f.parameters.emplace_back(name != nullptr && name->as_string() ? *name->as_string() : "");
        }
      }
      functions_[fmt::format("{}.{}", *prefix->as_string(), m.key)] = std::move(f);
    }
  }
}

Value TemplateScope::resolve(const Value& json, const std::string& path) {
  switch (json.kind()) {
    case Value::Kind::String: {
      if (&path == &path_ || !is_expression(*json.as_string())) return resolve_string(json);
      std::string outer = std::exchange(path_, path);
      Value out = resolve_string(json);
      path_ = std::move(outer);
      return out;
    }
    case Value::Kind::Array: {
      const Value::Array& from = *json.as_array();
      Value::Array items;
      items.reserve(from.size());
      for (std::size_t i = 0; i < from.size(); ++i) {
        items.push_back(resolve(from[i], reads_path(from[i]) ? fmt::format("{}[{}]", path, i) : std::string()));
      }
      return Value::array(std::move(items), json.span());
    }
    case Value::Kind::Object: return resolve_object(json, path);
    default: return json;
  }
}

Value TemplateScope::resolve_string(const Value& json) {
  const std::string_view s = *json.as_string();
  if (s.size() >= 2 && s[0] == '[' && s[1] == '[') return Value::string(std::string(s.substr(1)), json.span());
  if (!is_expression(s)) return json;
  const SpanMap spans(json, source_of(json, files_));
  const auto parsed = parse_expression(s.substr(1, s.size() - 2), 1, spans);
  if (!parsed.expr) {
    report(*parsed.error);
    return Value::unknown(std::string(s), json.span());
  }
  Value out = evaluate(*parsed.expr, *this);
  out.set_span(json.span());
  out.set_provenance(Provenance::Resolved);
  return out;
}

// A property `copy` ([{name, count, input}]) becomes one array property per entry.
Value TemplateScope::resolve_object(const Value& json, const std::string& path) {
  Value::Object members;
  members.reserve(json.as_object()->size());
  Value out = Value::object(std::move(members), json.span());
  for (const auto& m : *json.as_object()) {
    if (iequals(m.key, "copy") && m.value.is_array() && !m.value.as_array()->empty() &&
        std::all_of(m.value.as_array()->begin(), m.value.as_array()->end(),
                    [](const Value& e) { return e.find("input") != nullptr && e.find("name") != nullptr; })) {
      for (const Value& entry : *m.value.as_array()) {
        const Value name = resolve(*entry.find("name"));
        if (!name.as_string()) continue;
        const std::string property(*name.as_string());
        const std::string property_path = child_path(path, property);
        // Unknown while the count is.
        out.set(property,
                expand_copy(entry, property_path).value_or(Value::unknown(fmt::format("copy('{}')", property), entry.span())),
                entry.span());
      }
      continue;
    }
    out.set(m.key, resolve(m.value, reads_path(m.value) ? child_path(path, m.key) : std::string()), m.key_span);
  }
  return out;
}

std::optional<Value> TemplateScope::expand_copy(const Value& entry, const std::string& path) {
  const Value* name = entry.find("name");
  const Value* count = entry.find("count");
  const Value* input = entry.find("input");
  if (name == nullptr || count == nullptr || input == nullptr) return std::nullopt;
  const Value loop = resolve(*name);
  const Value count_value = resolve(*count);
  const auto n = azure::call_function("int", std::span<const Value>(&count_value, 1), context_, count->span());
  if (!loop.as_string() || !n || !n->as_number()) return std::nullopt;
  const double number = *n->as_number();
  if (number < 0 || number > static_cast<double>(kMaxCopyCount)) return std::nullopt;
  Value::Array items;
  const std::string loop_name(*loop.as_string());
  for (long long i = 0; i < static_cast<long long>(number); ++i) {
    with_copy_index(loop_name, Value::number(static_cast<double>(i)), false,
                    [&] { items.push_back(resolve(*input, fmt::format("{}[{}]", path, i))); });
  }
  return Value::array(std::move(items), entry.span());
}

std::optional<Value> TemplateScope::lookup(std::string_view function, std::span<const Value> args, SourceSpan span) {
  const auto name = args.empty() ? std::nullopt : args[0].as_string();
  if (iequals(function, "parameters")) return name ? parameter(*name, span) : azure::unknown_call(function, args, span);
  if (iequals(function, "variables")) return name ? variable(*name, span) : azure::unknown_call(function, args, span);
  if (iequals(function, "copyIndex")) return copy_index(args, span);
  const bool reads_resource = iequals(function, "reference") || iequals(function, "resourceInfo") ||
                              (function.size() > 4 && iequals(function.substr(0, 4), "list"));
  if (reads_resource && name && symbols_.contains(*name)) {
    references_.push_back({ReferenceKind::Reference, std::string(*name), "", "", path_, span});
  }
  if (function.find('.') != std::string_view::npos) return call_user_function(function, args, span);
  return std::nullopt;
}

Value TemplateScope::parameter(std::string_view name, SourceSpan span) {
  const std::string key(name);
  if (const auto it = parameters_.find(key); it != parameters_.end()) return it->second;
  if (const auto it = given_.find(key); it != given_.end()) return it->second;
  const Value* decl = parameters_decl_ != nullptr ? parameters_decl_->find(name) : nullptr;
  const Value* fallback = decl != nullptr ? decl->find("defaultValue") : nullptr;
  if (decl == nullptr) {
    report({DiagnosticLevel::Warning, "unknown-parameter",
            fmt::format("parameter `{}` is not declared; its value is kept unknown", name), span.file, span});
  }
  if (fallback == nullptr || resolving_.contains(key)) return Value::unknown(fmt::format("parameters('{}')", name), span);
  resolving_.insert(key);
  Value v = resolve(*fallback);
  resolving_.erase(key);
  parameters_[key] = v;
  return v;
}

Value TemplateScope::variable(std::string_view name, SourceSpan span) {
  const std::string key(name);
  if (const auto it = variables_.find(key); it != variables_.end()) {
    // The references met when the variable was evaluated hold wherever it is used.
    for (auto ref : variable_references_[key]) {
      ref.from_path = path_;
      references_.push_back(std::move(ref));
    }
    return it->second;
  }
  const Value unknown = Value::unknown(fmt::format("variables('{}')", name), span);
  if (variables_decl_ == nullptr || resolving_.contains(key)) return unknown;
  const Value* decl = variables_decl_->find(name);
  std::optional<Value> v;
  const std::size_t first_reference = references_.size();
  resolving_.insert(key);
  if (const Value* copies = variables_decl_->find("copy"); copies != nullptr && copies->is_array()) {
    for (const Value& entry : *copies->as_array()) {
      const Value* entry_name = entry.find("name");
      if (entry_name != nullptr && entry_name->as_string() && iequals(*entry_name->as_string(), name)) {
        v = expand_copy(entry, path_).value_or(unknown);
      }
    }
  }
  if (!v && decl != nullptr) v = resolve(*decl, path_);
  resolving_.erase(key);
  if (!v) {
    report({DiagnosticLevel::Warning, "unknown-variable",
            fmt::format("variable `{}` is not declared; its value is kept unknown", name), span.file, span});
    return unknown;
  }
  // Variables that depend on a copy loop are evaluated afresh in each iteration.
  if (loops_.empty()) {
    variables_[key] = *v;
    variable_references_[key].assign(references_.begin() + static_cast<std::ptrdiff_t>(first_reference),
                                     references_.end());
  }
  return *v;
}

Value TemplateScope::copy_index(std::span<const Value> args, SourceSpan span) {
  std::optional<std::string_view> loop;
  long long offset = 0;
  for (const auto& a : args) {
    if (const auto s = a.as_string()) loop = *s;
    if (const auto n = a.as_number()) offset = static_cast<long long>(*n);
  }
  const Loop* found = nullptr;
  for (auto it = loops_.rbegin(); it != loops_.rend() && found == nullptr; ++it) {
    if (loop ? iequals(it->name, *loop) : it->resource_loop) found = &*it;
  }
  if (found == nullptr && !loop && !loops_.empty()) found = &loops_.back();
  const auto index = found != nullptr ? found->index.as_number() : std::nullopt;
  if (!index) return azure::unknown_call("copyIndex", args, span);
  return Value::number(*index + static_cast<double>(offset), span);
}

std::optional<Value> TemplateScope::call_user_function(std::string_view name, std::span<const Value> args,
                                                       SourceSpan span) {
  const auto it = functions_.find(std::string(name));
  if (it == functions_.end()) return std::nullopt;
  // Azure forbids recursion; a template that tries it stops here instead of looping.
  constexpr int kMaxCalls = 32;
  if (it->second.output == nullptr || call_depth_ >= kMaxCalls) return azure::unknown_call(name, args, span);
  ValueMap given;
  for (std::size_t i = 0; i < it->second.parameters.size() && i < args.size(); ++i) {
    given[it->second.parameters[i]] = args[i];
  }
  TemplateScope body(Value::object(), std::move(given), context_, files_, diagnostics_);
  body.functions_ = functions_;
  body.call_depth_ = call_depth_ + 1;
  Value out = body.resolve(*it->second.output);
  out.set_span(span);
  return out;
}

void TemplateScope::on_resource_target(const azure::ResourceTarget& target, SourceSpan span) {
  references_.push_back({ReferenceKind::Reference, "", target.type, target.name, path_, span});
}

}  // namespace akslint::arm
