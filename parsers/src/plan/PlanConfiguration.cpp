#include "plan/PlanConfiguration.h"

namespace akslint::plan {

namespace {

// Modules nest through inputs and outputs; a cycle is a configuration Terraform rejects,
// the bound only keeps a hand-edited plan from looping.
constexpr int kMaxModuleHops = 32;

bool is_expression(const Value& v) {
  return v.is_object() && (v.find("references") != nullptr || v.find("constant_value") != nullptr);
}

void collect_expressions(const Value& v, const std::string& path, std::vector<ExpressionReferences>& out) {
  if (is_expression(v)) {
    if (v.find("references") != nullptr) out.push_back({path, &v});
    return;
  }
  if (const auto* members = v.as_object()) {
    for (const auto& m : *members) collect_expressions(m.value, path.empty() ? m.key : path + "." + m.key, out);
  } else if (const auto* items = v.as_array()) {
    for (std::size_t i = 0; i < items->size(); ++i) {
      collect_expressions((*items)[i], path + "[" + std::to_string(i) + "]", out);
    }
  }
}

std::vector<std::string> reference_strings(const Value& expression) {
  std::vector<std::string> out;
  const Value* refs = expression.find("references");
  if (refs == nullptr || refs->as_array() == nullptr) return out;
  for (const Value& r : *refs->as_array()) {
    if (const auto s = r.as_string()) out.emplace_back(*s);
  }
  return out;
}

// A reference to a resource: its name in the module ("azurerm_subnet.s", "data.x.y") and key.
struct ResourceRef {
  std::string resource;
  std::string key;
};

std::optional<ResourceRef> as_resource_ref(const std::vector<AddressStep>& steps) {
  if (steps.size() >= 3 && steps[0].name == "data" && steps[0].key.empty() && steps[1].key.empty()) {
    return ResourceRef{"data." + steps[1].name + "." + steps[2].name, steps[2].key};
  }
  static constexpr std::string_view kNotResources[] = {"var",  "local", "module", "each", "count",
                                                        "path", "self",  "terraform", "data"};
  if (steps.size() < 2 || !steps[0].key.empty()) return std::nullopt;
  for (const auto n : kNotResources) {
    if (steps[0].name == n) return std::nullopt;
  }
  return ResourceRef{steps[0].name + "." + steps[1].name, steps[1].key};
}

}  // namespace

void AddressIndex::add(const std::string& address) {
  auto parts = parse_resource_address(address);
  if (!parts) return;
  std::string key = parts->module_path() + "|" + parts->resource;
  by_resource_[key].push_back({std::move(*parts), address});
}

void AddressIndex::find(const std::vector<AddressStep>& where, std::string_view resource, std::string_view key,
                        std::set<std::string>& out) const {
  std::string module_path;
  for (const auto& m : where) module_path += (module_path.empty() ? "" : ".") + m.name;
  const auto it = by_resource_.find(module_path + "|" + std::string(resource));
  if (it == by_resource_.end()) return;
  for (const Entry& e : it->second) {
    bool match = key.empty() || e.parts.key == key;
    for (std::size_t i = 0; match && i < where.size(); ++i) {
      match = where[i].key == "*" || where[i].key == e.parts.modules[i].key;
    }
    if (match) out.insert(e.address);
  }
}

PlanConfiguration::PlanConfiguration(Value configuration, Value variables)
    : configuration_(std::move(configuration)), variables_(std::move(variables)) {}

const Value* PlanConfiguration::module(const std::vector<AddressStep>& where) const {
  const Value* m = configuration_.find("root_module");
  for (const auto& step : where) {
    if (m == nullptr) return nullptr;
    const Value* calls = m->find("module_calls");
    const Value* call = calls != nullptr ? calls->find(step.name) : nullptr;
    m = call != nullptr ? call->find("module") : nullptr;
  }
  return m;
}

const Value* PlanConfiguration::resource(const ResourceAddress& address) const {
  const Value* m = module(address.modules);
  const Value* resources = m != nullptr ? m->find("resources") : nullptr;
  if (resources == nullptr || resources->as_array() == nullptr) return nullptr;
  for (const Value& r : *resources->as_array()) {
    const Value* a = r.find("address");
    if (a != nullptr && a->as_string() == std::optional<std::string_view>(address.resource)) return &r;
  }
  return nullptr;
}

Value PlanConfiguration::subscription(const Value& config_resource) const {
  const Value* key = config_resource.find("provider_config_key");
  const Value* providers = configuration_.find("provider_config");
  const auto key_text = key != nullptr ? key->as_string() : std::nullopt;
  // Keys are opaque: looked up as written, never parsed.
  const Value* provider = key_text && providers != nullptr ? providers->find(*key_text) : nullptr;
  const Value* expr = provider != nullptr ? provider->at("expressions.subscription_id") : nullptr;
  if (expr == nullptr) return Value::null();
  if (const Value* constant = expr->find("constant_value")) return *constant;
  const auto refs = reference_strings(*expr);
  const bool root_provider = provider->find("module_address") == nullptr;
  if (refs.size() == 1 && root_provider && refs.front().starts_with("var.")) {
    // A root input: the plan records the value it was given.
    if (const Value* given = variables_.find(refs.front().substr(4))) {
      if (const Value* v = given->find("value")) return *v;
    }
  }
  std::string text;
  for (const auto& r : refs) text += (text.empty() ? "" : ", ") + r;
  return Value::unknown(text.empty() ? "(known after apply)" : text, expr->span());
}

std::vector<ExpressionReferences> PlanConfiguration::expressions(const Value& config_resource) {
  std::vector<ExpressionReferences> out;
  if (const Value* e = config_resource.find("expressions")) collect_expressions(*e, "", out);
  return out;
}

void PlanConfiguration::resolve(const Value& expression, const std::vector<AddressStep>& where,
                                const AddressIndex& index, std::set<std::string>& out) const {
  resolve_expression(expression, where, index, 0, out);
}

void PlanConfiguration::resolve_dependency(std::string_view target, const std::vector<AddressStep>& where,
                                           const AddressIndex& index, std::set<std::string>& out) const {
  resolve_list({std::string(target)}, where, index, 0, out);
}

void PlanConfiguration::resolve_expression(const Value& expression, const std::vector<AddressStep>& where,
                                           const AddressIndex& index, int depth, std::set<std::string>& out) const {
  std::vector<ExpressionReferences> nested;
  collect_expressions(expression, "", nested);
  for (const auto& e : nested) resolve_list(reference_strings(*e.expression), where, index, depth, out);
}

void PlanConfiguration::resolve_list(const std::vector<std::string>& references,
                                     const std::vector<AddressStep>& where, const AddressIndex& index, int depth,
                                     std::set<std::string>& out) const {
  if (depth > kMaxModuleHops) return;
  // Terraform lists `x.s[0].id`, `x.s[0]` and `x.s`; the keyed form says which instance.
  std::vector<std::pair<std::vector<AddressStep>, std::optional<ResourceRef>>> parsed;
  std::set<std::string> keyed;
  for (const auto& text : references) {
    auto steps = split_address(text);
    if (!steps || steps->empty()) continue;
    auto ref = as_resource_ref(*steps);
    if (ref && !ref->key.empty()) keyed.insert(ref->resource);
    parsed.emplace_back(std::move(*steps), std::move(ref));
  }
  for (const auto& [steps, ref] : parsed) {
    if (ref) {
      if (ref->key.empty() && keyed.contains(ref->resource)) continue;
      index.find(where, ref->resource, ref->key, out);
    } else if (steps[0].name == "var" && steps.size() >= 2 && !where.empty()) {
      const std::vector<AddressStep> parent(where.begin(), where.end() - 1);
      const Value* m = module(parent);
      const Value* input = m != nullptr ? m->at("module_calls." + where.back().name + ".expressions") : nullptr;
      if (const Value* e = input != nullptr ? input->find(steps[1].name) : nullptr) {
        resolve_expression(*e, parent, index, depth + 1, out);
      }
    } else if (steps[0].name == "module" && steps.size() >= 3) {
      std::vector<AddressStep> child = where;
      child.push_back({steps[1].name, steps[1].key.empty() ? "*" : steps[1].key});
      const Value* m = module(child);
      const Value* outputs = m != nullptr ? m->find("outputs") : nullptr;
      const Value* output = outputs != nullptr ? outputs->find(steps[2].name) : nullptr;
      if (const Value* e = output != nullptr ? output->find("expression") : nullptr) {
        resolve_expression(*e, child, index, depth + 1, out);
      }
    }
  }
}

}  // namespace akslint::plan
