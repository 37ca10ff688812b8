// Module calls: following local module sources with their inputs, providers and outputs;
// registry and git sources are reported, never fetched.
#include "terraform/Module.h"

#include "terraform/EvalHelpers.h"

#include <fmt/format.h>

#include <algorithm>

namespace akslint::terraform {

using namespace detail;

namespace {

constexpr std::size_t kMaxModuleDepth = 16;

// `base` joined with a relative module source; nullopt when it leaves the scanned tree.
std::optional<std::string> join_module_dir(std::string_view base, std::string_view source) {
  std::vector<std::string> parts;
  const auto split_into = [&](std::string_view path) {
    while (!path.empty()) {
      const auto slash = path.find('/');
      const auto seg = path.substr(0, slash);
      path = slash == std::string_view::npos ? std::string_view{} : path.substr(slash + 1);
      if (seg.empty() || seg == ".") continue;
      if (seg == "..") {
        if (parts.empty()) return false;
        parts.pop_back();
      } else {
        parts.emplace_back(seg);
      }
    }
    return true;
  };
  if (!split_into(base) || !split_into(source)) return std::nullopt;
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

bool is_local_source(std::string_view s) { return s.starts_with("./") || s.starts_with("../") || s == "." || s == ".."; }

// `providers = { azurerm = azurerm.hub }` as (child name, parent name) pairs.
std::vector<std::pair<std::string, std::string>> provider_pairs(const Expr& expr) {
  std::vector<std::pair<std::string, std::string>> out;
  if (expr.json != nullptr) {
    if (const auto* members = expr.json->as_object()) {
      for (const auto& m : *members) {
        if (const auto s = m.value.as_string()) out.emplace_back(m.key, std::string(*s));
      }
    }
    return out;
  }
  const ts::Node object = collection_node(expr, "object");
  if (ts::is_null(object)) return out;
  const uint32_t n = ts::named_child_count(object);
  for (uint32_t i = 0; i < n; ++i) {
    const ts::Node elem = ts::named_child(object, i);
    if (ts::type(elem) != std::string_view("object_elem")) continue;
    out.emplace_back(std::string(expr.doc->text(ts::field(elem, "key"))), std::string(expr.doc->text(ts::field(elem, "val"))));
  }
  return out;
}

}  // namespace

void ModuleInstance::configure_providers() {
  if (providers_configured_) return;
  providers_configured_ = true;
  for (const Block* p : config_.providers) {
    std::string key = p->labels[0];
    if (const auto* alias = p->body.attribute("alias")) {
      const Value v = ev_.isolated(alias->expr).value;
      if (const auto s = v.as_string()) key += "." + std::string(*s);
    }
    if (const auto* sub = p->body.attribute("subscription_id")) providers_[key] = ev_.isolated(sub->expr).value;
  }
}

const ModuleInstance::Memo& ModuleInstance::outputs() {
  if (outputs_.state != State::Pending) return outputs_;
  outputs_.state = State::Running;
  Value::Object members;
  for (const auto& [name, block] : config_.outputs) {
    const Attribute* value = block->body.attribute("value");
    if (value == nullptr) continue;
    auto r = ev_.isolated(value->expr);
    members.push_back({name, std::move(r.value), block->header_span});
    outputs_.targets.insert(outputs_.targets.end(), r.targets.begin(), r.targets.end());
    output_targets_[name] = std::move(r.targets);
  }
  outputs_.value = Value::object(std::move(members));
  outputs_.state = State::Done;
  return outputs_;
}

Value ModuleInstance::call_value(const std::string& name, const std::string* output, Evaluator& ev) {
  if (calls_[name].state == State::Running) {
    cycle("module." + name, ev);
    return Value::unknown("module." + name);
  }
  const CallMemo& memo = ensure_call(name);
  if (memo.expansion == Expansion::Unknown || (memo.instances.empty() && memo.expansion == Expansion::Single)) {
    return Value::unknown("module." + name);
  }
  Value::Array items;
  Value::Object members;
  for (const auto& inst : memo.instances) {
    if (inst.module->outputs_.state == State::Running) {
      cycle("module." + name, ev);
      return Value::unknown("module." + name);
    }
    const Memo& out = inst.module->outputs();
    const auto one = output != nullptr ? inst.module->output_targets_.find(*output) : inst.module->output_targets_.end();
    for (const auto& t : one != inst.module->output_targets_.end() ? one->second : out.targets) ev.note_reference(t);
    if (memo.expansion == Expansion::ForEach) {
      members.push_back({*to_template_string(inst.key), out.value, {}});
    } else {
      items.push_back(out.value);
    }
  }
  if (memo.expansion == Expansion::Single) return items.front();
  return memo.expansion == Expansion::ForEach ? Value::object(std::move(members)) : Value::array(std::move(items));
}

ModuleInstance::CallMemo& ModuleInstance::ensure_call(const std::string& name) {
  CallMemo& memo = calls_[name];
  if (memo.state != State::Pending) return memo;
  memo.state = State::Running;
  if (const Block* block = config_.call(name)) instantiate(memo, name, *block);
  memo.state = State::Done;
  return memo;
}

void ModuleInstance::instantiate(CallMemo& memo, const std::string& name, const Block& block) {
  const Attribute* source = block.body.attribute("source");
  if (source == nullptr) return;
  const Value source_value = ev_.isolated(source->expr).value;
  const auto s = source_value.as_string();
  if (!s) return;
  const SourceSpan at = source->expr.span();
  auto& report = session_.eval;
  if (!is_local_source(*s)) {
    report.report(DiagnosticLevel::Note, "module-not-followed",
                  fmt::format("module `{}` comes from `{}`, which is never downloaded; its resources are not analysed",
                              name, *s),
                  at);
    return;
  }
  const auto dir = join_module_dir(config_.dir, *s);
  if (!dir) {
    report.report(DiagnosticLevel::Warning, "module-not-found",
                  fmt::format("module `{}`: `{}` lies outside the scanned directory; not followed", name, *s), at);
    return;
  }
  if (std::find(lineage_.begin(), lineage_.end(), *dir) != lineage_.end() || lineage_.size() >= kMaxModuleDepth) {
    report.report(DiagnosticLevel::Warning, "module-cycle",
                  fmt::format("module `{}` calls `{}`, which is already being read above it; not followed again",
                              name, *s),
                  at);
    return;
  }
  const ModuleConfig* child = session_.load(*dir);
  if (child == nullptr) {
    report.report(DiagnosticLevel::Warning, "module-not-found",
                  fmt::format("module `{}`: no Terraform files in `{}`; not followed", name, *s), at);
    return;
  }
  configure_providers();
  const Evaluator::Frame frame(ev_);
  Expanded ex = expand(block.body);
  memo.expansion = ex.kind;
  const Providers providers = child_providers(block, ev_);
  auto lineage = lineage_;
  lineage.push_back(*dir);
  for (const Key& k : ex.keys) {
    const Evaluator::Binding count(ev_, "count", Value::object({{"index", k.key, {}}}));
    const Evaluator::Binding each(ev_, "each", keyed_object(k.key, k.each_value));
    Inputs inputs;
    for (const auto& a : block.body.attributes) {
      if (is_one_of(a.name, {"source", "version", "count", "for_each", "providers", "depends_on"})) continue;
      inputs[a.name] = ev_.isolated(a.expr, true);
    }
    memo.instances.push_back({k.key, std::make_unique<ModuleInstance>(session_, *child,
                                                                      prefix_ + "module." + name + k.suffix + ".",
                                                                      std::move(inputs), providers, lineage)});
  }
}

Providers ModuleInstance::child_providers(const Block& call, Evaluator&) const {
  // A child inherits the default configurations; aliased ones only when passed explicitly.
  Providers out;
  for (const auto& [key, sub] : providers_) {
    if (key.find('.') == std::string::npos) out.emplace(key, sub);
  }
  if (const auto* passed = call.body.attribute("providers")) {
    for (const auto& [child_key, parent_key] : provider_pairs(passed->expr)) {
      const auto it = providers_.find(parent_key);
      if (it != providers_.end()) {
        out[child_key] = it->second;
      } else {
        out.erase(child_key);
      }
    }
  }
  return out;
}

}  // namespace akslint::terraform
