#include "Budget.h"
#include "terraform/Module.h"

#include "terraform/AzurermMapping.h"
#include "terraform/EvalHelpers.h"
#include "terraform/Functions.h"
#include "terraform/TypeConstraint.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace akslint::terraform {

using namespace detail;

namespace {

void append_block(Value::Object& members, const std::string& type, Value object, SourceSpan span) {
  auto it = std::find_if(members.begin(), members.end(), [&](const auto& m) { return m.key == type; });
  if (it == members.end()) {
    members.push_back({type, Value::array({}, span), span});
    it = members.end() - 1;
  }
  if (auto* items = it->value.as_array()) items->push_back(std::move(object));
}

}  // namespace

ModuleInstance::ModuleInstance(Session& session, const ModuleConfig& config, std::string prefix, Inputs inputs,
                               Providers providers, std::vector<std::string> lineage)
    : session_(session),
      config_(config),
      prefix_(std::move(prefix)),
      inputs_(std::move(inputs)),
      providers_(std::move(providers)),
      lineage_(std::move(lineage)),
      ev_(*this, session.eval) {}

ModuleInstance::~ModuleInstance() = default;

void ModuleInstance::set_variable_files(const std::vector<const ConfigFile*>& tfvars) {
  for (const ConfigFile* f : tfvars) {
    for (const auto& a : f->body.attributes) variable_files_[a.name] = a.expr;
  }
}

void ModuleInstance::set_command_line_variables(const std::map<std::string, Value>& values) {
  for (const auto& [name, value] : values) {
    variable_files_.erase(name);
    inputs_[name] = Evaluator::Isolated{value, {}};
  }
}

void ModuleInstance::cycle(std::string_view what, Evaluator& ev) {
  session_.eval.report(DiagnosticLevel::Warning, "reference-cycle",
                       fmt::format("`{}` depends on itself; its value is left unknown", what), ev.anchor());
}

Resolved ModuleInstance::resolve(std::string_view root, std::span<const Step> steps, Evaluator& ev) {
  const auto name = [&](std::size_t i) -> const std::string* {
    return i < steps.size() && steps[i].kind == Step::Kind::Attr ? &steps[i].name : nullptr;
  };
  if (root == "var" && name(0)) return {variable(*name(0), ev), 1, false};
  if (root == "local" && name(0)) return {local(*name(0), ev), 1, false};
  if (root == "module" && name(0)) {
    // module.m.out, or module.m[key].out for a module with count or for_each
    const bool indexed = steps.size() > 1 && steps[1].kind == Step::Kind::Index;
    return {call_value(*name(0), name(indexed ? 2 : 1), ev), 1, false};
  }
  if (root == "data" && name(0) && name(1)) {
    const std::string key = "data." + *name(0) + "." + *name(1);
    if (config_.resource(key)) return {resource_value(key, steps.subspan(2), ev), 2, true};
  }
  if (name(0)) {
    const std::string key = std::string(root) + "." + *name(0);
    if (config_.resource(key)) return {resource_value(key, steps.subspan(1), ev), 1, true};
  }
  // count, each, path, terraform and self outside the places that define them, or names
  // this module does not declare.
  if (!is_one_of(root, {"count", "each", "path", "terraform", "self"})) ev.fail();
  return {Value::unknown(std::string(root)), 0, false};
}

Value ModuleInstance::variable(const std::string& name, Evaluator& ev) {
  if (!config_.variables.contains(name) && !inputs_.contains(name) && !variable_files_.contains(name)) {
    ev.fail();  // Terraform rejects undeclared variables
    return Value::unknown("var." + name);
  }
  Memo& m = variables_[name];
  if (m.state == State::Running) {
    cycle("var." + name, ev);
    return Value::unknown("var." + name);
  }
  if (m.state == State::Pending) {
    m.state = State::Running;
    const auto file = variable_files_.find(name);
    const auto input = inputs_.find(name);
    const auto decl = config_.variables.find(name);
    const Attribute* default_attr = decl == config_.variables.end() ? nullptr : decl->second->body.attribute("default");
    Evaluator::Isolated r{Value::unknown("var." + name), {}};
    if (file != variable_files_.end()) {
      r = ev_.isolated(file->second);
    } else if (input != inputs_.end() && !(input->second.value.is_null() && default_attr != nullptr)) {
      r = input->second;
    } else if (default_attr != nullptr) {
      r = ev_.isolated(default_attr->expr);
    }
    if (decl != config_.variables.end()) {
      if (const Attribute* type = decl->second->body.attribute("type")) r.value = apply_type(std::move(r.value), type->expr, ev_);
    }
    m.value = std::move(r.value);
    m.targets = std::move(r.targets);
    m.state = State::Done;
  }
  for (const auto& t : m.targets) ev.note_reference(t);
  return m.value;
}

Value ModuleInstance::local(const std::string& name, Evaluator& ev) {
  const auto decl = config_.locals.find(name);
  if (decl == config_.locals.end()) {
    ev.fail();
    return Value::unknown("local." + name);
  }
  Memo& m = locals_[name];
  if (m.state == State::Running) {
    cycle("local." + name, ev);
    return Value::unknown("local." + name);
  }
  if (m.state == State::Pending) {
    m.state = State::Running;
    auto r = ev_.isolated(decl->second->expr);
    m.value = std::move(r.value);
    m.targets = std::move(r.targets);
    m.state = State::Done;
  }
  for (const auto& t : m.targets) ev.note_reference(t);
  return m.value;
}

ModuleInstance::Expanded ModuleInstance::expand(const Body& body) {
  Expanded ex;
  const Attribute* count = body.attribute("count");
  const Attribute* for_each = body.attribute("for_each");
  const Attribute* meta = count != nullptr ? count : for_each;
  if (meta == nullptr) {
    ex.keys.push_back({Value::null(), Value::null(), ""});
    return ex;
  }
  auto r = ev_.isolated(meta->expr);
  for (auto& t : r.targets) ex.refs.push_back({std::move(t), meta->expr.span()});
  const auto unknown = [&] {
    ex.kind = Expansion::Unknown;
    ex.keys = {{Value::unknown(count ? "count.index" : "each.key"), Value::unknown("each.value"), ""}};
    return ex;
  };
  if (count != nullptr) {
    const auto n = r.value.is_known() ? to_number(r.value) : std::nullopt;
    if (!n || *n < 0 || std::floor(*n) != *n) return unknown();
    ex.kind = Expansion::Count;
    const std::size_t instances = budget::instances(static_cast<std::size_t>(std::min(*n, 1e15)), meta->expr.span());
    for (std::size_t i = 0; i < instances; ++i) {
      ex.keys.push_back({Value::number(static_cast<double>(i)), Value::null(), fmt::format("[{}]", i)});
    }
    return ex;
  }
  if (r.value.is_unknown() || (!r.value.is_array() && !r.value.is_object())) return unknown();
  ex.kind = Expansion::ForEach;
  auto all = elements(r.value);
  all.resize(budget::instances(all.size(), meta->expr.span()));
  for (auto& [key, value] : all) {
    // A set's elements are its keys; a map's keys are its keys.
    const Value& k = r.value.is_array() ? value : key;
    const auto s = k.is_known() ? to_template_string(k) : std::nullopt;
    if (!s) return unknown();
    ex.keys.push_back({Value::string(*s, k.span()), value, fmt::format("[\"{}\"]", *s)});
  }
  return ex;
}

Value ModuleInstance::eval_body(const Body& body, bool resource_level) {
  Value::Object members;
  for (const auto& a : body.attributes) {
    if (resource_level && is_one_of(a.name, {"count", "for_each", "provider", "depends_on"})) continue;
    members.push_back({a.name, ev_.eval(a.expr), a.name_span});
  }
  for (const Block& b : body.blocks) {
    if (resource_level && is_one_of(b.type, {"lifecycle", "provisioner", "connection"})) continue;
    if (b.type == "dynamic") {
      append_dynamic(b, members);
      continue;
    }
    Value object = eval_body(b.body, false);
    object.set_span(b.span);
    append_block(members, b.type, std::move(object), b.span);
  }
  return Value::object(std::move(members));
}

void ModuleInstance::append_dynamic(const Block& block, Value::Object& members) {
  const Block* content = block.body.block("content");
  const Attribute* for_each = block.body.attribute("for_each");
  if (block.labels.empty() || content == nullptr || for_each == nullptr) return;
  const std::string& type = block.labels[0];
  std::string iterator = type;
  if (const auto* it = block.body.attribute("iterator")) iterator = it->expr.text();
  const Value coll = ev_.eval(for_each->expr);
  std::vector<std::pair<Value, Value>> items;
  if (coll.is_unknown()) {
    items.emplace_back(Value::unknown(iterator + ".key"), Value::unknown(iterator + ".value"));
  } else if (coll.is_array() || coll.is_object()) {
    items = elements(coll);
  }
  for (auto& [key, value] : items) {
    const Evaluator::Binding bind(ev_, iterator, keyed_object(key, value));
    Value object = eval_body(content->body, false);
    object.set_span(content->span);
    append_block(members, type, std::move(object), block.span);
  }
}

const ModuleInstance::ResourceMemo& ModuleInstance::ensure_resource(const std::string& key) {
  ResourceMemo& memo = resources_[key];
  if (memo.state != State::Pending) return memo;
  memo.state = State::Running;
  const Block* block = config_.resource(key);
  const Evaluator::Frame frame(ev_);
  Expanded ex = expand(block->body);
  memo.expansion = ex.kind;
  for (const Key& k : ex.keys) {
    const Evaluator::Binding count(ev_, "count", Value::object({{"index", k.key, {}}}));
    const Evaluator::Binding each(ev_, "each", keyed_object(k.key, k.each_value));
    Value attributes = eval_body(block->body, true);
    attributes.set_span(block->span);
    auto refs = ev_.take_references();
    refs.insert(refs.end(), ex.refs.begin(), ex.refs.end());
    memo.instances.push_back({prefix_ + key + k.suffix, k.key, std::move(attributes), std::move(refs)});
  }
  memo.state = State::Done;
  return memo;
}

Value ModuleInstance::resource_value(const std::string& key, std::span<const Step> rest, Evaluator& ev) {
  if (resources_[key].state == State::Running) {
    cycle(prefix_ + key, ev);
    return Value::unknown(prefix_ + key);
  }
  const ResourceMemo& memo = ensure_resource(key);
  // The instance an index names, when the index is known; else every instance.
  const Instance* named = nullptr;
  if (!rest.empty() && rest.front().kind == Step::Kind::Index && memo.expansion != Expansion::Single) {
    const auto want = to_template_string(rest.front().key);
    for (const auto& inst : memo.instances) {
      if (want && to_template_string(inst.key) == want) named = &inst;
    }
  }
  if (named != nullptr) {
    ev.note_reference(named->address);
  } else {
    for (const auto& inst : memo.instances) ev.note_reference(inst.address);
  }
  switch (memo.expansion) {
    case Expansion::Single: return memo.instances.front().attributes;
    case Expansion::Unknown: return Value::unknown(prefix_ + key);
    case Expansion::Count: {
      Value::Array items;
      for (const auto& inst : memo.instances) items.push_back(inst.attributes);
      return Value::array(std::move(items));
    }
    case Expansion::ForEach: {
      Value::Object members;
      for (const auto& inst : memo.instances) members.push_back({*to_template_string(inst.key), inst.attributes, {}});
      return Value::object(std::move(members));
    }
  }
  return Value::unknown(prefix_ + key);
}

Value ModuleInstance::subscription_for(const std::string& tf_type, const Body& body) const {
  std::string key = tf_type.substr(0, tf_type.find('_'));
  if (const auto* p = body.attribute("provider")) {
    std::string named = traversal_prefix(p->expr, 2);
    if (named.empty()) named = traversal_prefix(p->expr, 1);
    if (!named.empty()) key = named;
  }
  const auto it = providers_.find(key);
  return it == providers_.end() ? Value::null() : it->second;
}

std::vector<std::string> ModuleInstance::addresses_of(const std::string& target) {
  std::vector<std::string> out;
  if (target.starts_with("module.")) {
    const std::string name = target.substr(7);
    if (config_.call(name) != nullptr && calls_[name].state != State::Running) {
      for (auto& inst : ensure_call(name).instances) inst.module->all_addresses(out);
    }
  } else if (config_.resource(target) != nullptr && resources_[target].state != State::Running) {
    for (const auto& inst : ensure_resource(target).instances) out.push_back(inst.address);
  }
  if (out.empty()) out.push_back(prefix_ + target);
  return out;
}

void ModuleInstance::all_addresses(std::vector<std::string>& out) {
  for (const auto& [key, block] : config_.resources) {
    for (const auto& inst : ensure_resource(key).instances) out.push_back(inst.address);
  }
  for (const auto& [name, block] : config_.calls) {
    if (calls_[name].state == State::Running) continue;
    for (auto& inst : ensure_call(name).instances) inst.module->all_addresses(out);
  }
}

std::vector<Reference> ModuleInstance::depends_on(const Body& body) {
  std::vector<Reference> out;
  const Attribute* attr = body.attribute("depends_on");
  if (attr == nullptr) return out;
  std::vector<Expr> items;
  if (attr->expr.json != nullptr) {
    if (const auto* list = attr->expr.json->as_array()) {
      for (const Value& v : *list) items.push_back(Expr{nullptr, {}, &v});
    }
  } else if (const ts::Node tuple = collection_node(attr->expr, "tuple"); !ts::is_null(tuple)) {
    const uint32_t n = ts::named_child_count(tuple);
    for (uint32_t i = 0; i < n; ++i) {
      const ts::Node e = ts::named_child(tuple, i);
      if (ts::type(e) == std::string_view("expression")) items.push_back(Expr{attr->expr.doc, e, nullptr});
    }
  }
  for (const Expr& e : items) {
    std::string target = traversal_prefix(e, 2);
    if (target.starts_with("data.")) target = traversal_prefix(e, 3);
    if (target.empty()) continue;
    for (auto& address : addresses_of(target)) out.push_back({ReferenceKind::DependsOn, std::move(address), "", e.span()});
  }
  return out;
}

void ModuleInstance::lower(std::vector<Resource>& out) {
  configure_providers();
  for (const auto& [key, block] : config_.resources) {
    const ResourceMemo& memo = ensure_resource(key);
    const std::string& tf_type = block->labels[0];
    const Value subscription = subscription_for(tf_type, block->body);
    const auto depends = depends_on(block->body);
    for (const Instance& inst : memo.instances) {
      std::vector<Reference> refs;
      for (const auto& r : inst.refs) {
        if (r.target != inst.address) refs.push_back({ReferenceKind::Reference, r.target, "", r.span});
      }
      TerraformResource tf{tf_type,          inst.address,      &inst.attributes, SourceKind::Terraform,
                           block->span.file, block->span,       block->header_span, block->type == "data"};
      tf.references = refs;
      auto r = to_canonical(tf);
      if (!r) continue;
      if (r->scope.subscription.is_null() && !subscription.is_null()) r->scope.subscription = subscription;
      r->references.insert(r->references.end(), depends.begin(), depends.end());
      out.push_back(std::move(*r));
    }
  }
  for (const auto& [name, block] : config_.calls) {
    for (auto& inst : ensure_call(name).instances) inst.module->lower(out);
  }
}

}  // namespace akslint::terraform
