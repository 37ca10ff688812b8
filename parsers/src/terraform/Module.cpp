#include "terraform/Module.h"

#include "terraform/AzurermMapping.h"
#include "terraform/Functions.h"
#include "terraform/TypeConstraint.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace akslint::terraform {

namespace {

constexpr std::size_t kMaxModuleDepth = 16;

std::string_view directory_of(std::string_view path) {
  const auto slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string_view{} : path.substr(0, slash);
}

bool is_one_of(std::string_view s, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), s) != names.end();
}

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

void append_block(Value::Object& members, const std::string& type, Value object, SourceSpan span) {
  auto it = std::find_if(members.begin(), members.end(), [&](const auto& m) { return m.key == type; });
  if (it == members.end()) {
    members.push_back({type, Value::array({}, span), span});
    it = members.end() - 1;
  }
  if (auto* items = it->value.as_array()) items->push_back(std::move(object));
}

Value keyed_object(Value key, Value value) {
  return Value::object({{"key", std::move(key), {}}, {"value", std::move(value), {}}});
}

// The syntax nodes of a tuple or object expression: `depends_on = [a.b]`, `providers = {...}`.
TSNode collection_node(const Expr& expr, std::string_view type) {
  if (expr.doc == nullptr) return TSNode{};
  const TSNode first = ts_node_named_child(expr.node, 0);
  if (ts::is_null(first) || ts::type(first) != std::string_view("collection_value")) return TSNode{};
  const TSNode inner = ts_node_named_child(first, 0);
  return ts::type(inner) == type ? inner : TSNode{};
}

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
  const TSNode object = collection_node(expr, "object");
  if (ts::is_null(object)) return out;
  const uint32_t n = ts_node_named_child_count(object);
  for (uint32_t i = 0; i < n; ++i) {
    const TSNode elem = ts_node_named_child(object, i);
    if (ts::type(elem) != std::string_view("object_elem")) continue;
    out.emplace_back(std::string(expr.doc->text(ts::field(elem, "key"))), std::string(expr.doc->text(ts::field(elem, "val"))));
  }
  return out;
}

}  // namespace

const Block* ModuleConfig::resource(std::string_view key) const {
  for (const auto& [k, b] : resources) {
    if (k == key) return b;
  }
  return nullptr;
}

const Block* ModuleConfig::call(std::string_view name) const {
  for (const auto& [k, b] : calls) {
    if (k == name) return b;
  }
  return nullptr;
}

ModuleConfig build_config(std::string dir, std::vector<std::unique_ptr<ConfigFile>> files) {
  ModuleConfig c;
  c.dir = std::move(dir);
  c.files = std::move(files);
  for (const auto& f : c.files) {
    for (const Block& b : f->body.blocks) {
      const std::string first = b.labels.empty() ? std::string() : b.labels[0];
      if (b.type == "variable" && !first.empty()) {
        c.variables.emplace(first, &b);
      } else if (b.type == "locals") {
        for (const auto& a : b.body.attributes) c.locals.emplace(a.name, &a);
      } else if ((b.type == "resource" || b.type == "data") && b.labels.size() >= 2) {
        const std::string key = (b.type == "data" ? "data." : "") + b.labels[0] + "." + b.labels[1];
        if (c.resource(key) == nullptr) c.resources.emplace_back(key, &b);
      } else if (b.type == "module" && !first.empty()) {
        if (c.call(first) == nullptr) c.calls.emplace_back(first, &b);
      } else if (b.type == "output" && !first.empty()) {
        c.outputs.emplace(first, &b);
      } else if (b.type == "provider" && !first.empty()) {
        c.providers.push_back(&b);
      }
    }
  }
  return c;
}

const ModuleConfig* Session::load(const std::string& dir) {
  if (auto it = configs.find(dir); it != configs.end()) return it->second.get();
  std::vector<std::unique_ptr<ConfigFile>> parsed;
  for (FileId id = 0; id < files.size(); ++id) {
    const SourceFile& f = files[id];
    if (directory_of(f.path) != dir) continue;
    if (f.format != FileFormat::Terraform && f.format != FileFormat::TerraformJson) continue;
    // Syntax errors are reported by the directory's own unit; here the file is just skipped.
    auto file = parse_config_file(f, id);
    if (!file->error) parsed.push_back(std::move(file));
  }
  auto& slot = configs[dir];
  if (!parsed.empty()) slot = std::make_unique<ModuleConfig>(build_config(dir, std::move(parsed)));
  return slot.get();
}

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
    for (int i = 0; i < static_cast<int>(*n); ++i) ex.keys.push_back({Value::number(i), Value::null(), fmt::format("[{}]", i)});
    return ex;
  }
  if (r.value.is_unknown() || (!r.value.is_array() && !r.value.is_object())) return unknown();
  ex.kind = Expansion::ForEach;
  for (auto& [key, value] : elements(r.value)) {
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
  } else if (const TSNode tuple = collection_node(attr->expr, "tuple"); !ts::is_null(tuple)) {
    const uint32_t n = ts_node_named_child_count(tuple);
    for (uint32_t i = 0; i < n; ++i) {
      const TSNode e = ts_node_named_child(tuple, i);
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
