#include "Budget.h"
#include "bicep/BicepEvaluator.h"
#include "bicep/BicepPaths.h"
#include "ModuleGraph.h"
#include "kubernetes/KubernetesObject.h"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

namespace akslint::bicep {

namespace {

// Properties of a resource declaration that are Bicep syntax for relations, not ARM body.
bool is_relation_key(std::string_view key) {
  return key == "parent" || key == "scope" || key == "dependsOn";
}

// The object of a declaration body, looking through `if (...)` (the loop is unwrapped before).
const Expr* body_object(const Expr& body) {
  const Expr* e = &body;
  if (e->kind == ExprKind::If) e = &e->children[1];
  return e->kind == ExprKind::Object ? e : nullptr;
}

const Expr* property(const Expr* object, std::string_view key) {
  if (object == nullptr) return nullptr;
  for (const Expr& p : object->children) {
    if (p.kind == ExprKind::Property && iequals(p.text, key)) return &p.children.front();
  }
  return nullptr;
}

std::pair<std::string, std::string> split_type(std::string_view written) {
  const auto at = written.find('@');
  if (at == std::string_view::npos) return {std::string(written), {}};
  return {std::string(written.substr(0, at)), std::string(written.substr(at + 1))};
}

ReferenceKind reference_kind(std::string_view path) {
  if (path == "parent") return ReferenceKind::Parent;
  if (path.substr(0, 9) == "dependsOn") return ReferenceKind::DependsOn;
  return ReferenceKind::Reference;
}

// Names are compared by length first: most comparisons then end without reading the names.
auto name_key(const Statement& s) { return std::tuple(s.kind, s.name.size(), std::string_view(s.name)); }

}  // namespace

// ---- SourceProgram ----

std::vector<std::uint32_t> order_by_name(const Program& program) {
  const auto& statements = program.statements;
  std::vector<std::uint32_t> order;
  for (std::uint32_t i = 0; i < statements.size(); ++i) {
    if (!statements[i].name.empty()) order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return name_key(statements[a]) < name_key(statements[b]);
  });
  return order;
}

const Statement* SourceProgram::find(StmtKind kind, std::string_view name) const {
  const auto& statements = program.statements;
  const auto key = std::tuple(kind, name.size(), name);
  const auto it = std::lower_bound(by_name.begin(), by_name.end(), key,
                                   [&](std::uint32_t i, const auto& k) { return name_key(statements[i]) < k; });
  return it != by_name.end() && name_key(statements[*it]) == key ? &statements[*it] : nullptr;
}

// ---- Workspace ----

Workspace::Workspace(const FileTable& files, UnitModel& out, ModuleCache* modules)
    : files_(files), out_(out), modules_(modules) {}

Workspace::~Workspace() = default;

Template& Workspace::library(FileId id) {
  auto& slot = libraries_[id];
  if (!slot) slot = std::make_unique<Template>(*this, program(id), TemplateInputs{});
  return *slot;
}

const SourceProgram& Workspace::program(FileId id) {
  auto& slot = programs_[id];
  if (!slot) {
    const SourceFile& f = files_[id];
    const auto parse = [&](bool& /*complete: a Bicep parse has no time limit*/) {
      return std::make_shared<const SourceProgram>(SourceProgram{id, f.text, parse_bicep(f.text, id)});
    };
    bool complete = true;
    slot = modules_ != nullptr ? modules_->bicep.load(id, parse) : parse(complete);
    for (const auto& d : slot->program.diagnostics) diagnose(d);
  }
  return *slot;
}

std::optional<FileId> Workspace::find(std::string_view path) const {
  return find_file(files_, path);
}

void Workspace::diagnose(Diagnostic d) {
  if (reported_.emplace(d.file, d.span.begin_byte, d.code + d.message).second) out_.diagnostics.push_back(std::move(d));
}

// ---- Template ----

Template::Template(Workspace& workspace, const SourceProgram& source, TemplateInputs inputs)
    : workspace_(workspace), source_(source), inputs_(std::move(inputs)) {
  inputs_.chain.push_back(source.file);
  index_statements();
}

Template::~Template() = default;

void Template::index_statements() {
  for (const Statement& s : source_.program.statements) {
    switch (s.kind) {
      case StmtKind::Resource: index_resource(s, -1); break;
      case StmtKind::Module: modules_.push_back(std::make_unique<ModuleDecl>(ModuleDecl{&s})); break;
      case StmtKind::Var: vars_[s.name] = std::make_unique<VarState>(VarState{&s}); break;
      case StmtKind::Import:
        kubernetes_extension_ = kubernetes_extension_ || s.type.starts_with("kubernetes@");
        index_import(s);
        break;
      case StmtKind::Extension:  // `extension x as alias`: the alias names the extension's namespace
        kubernetes_extension_ = kubernetes_extension_ || s.type.starts_with("kubernetes");
        imported_.insert(s.name.empty() ? s.type : s.name);
        break;
      default: break;
    }
  }
}

void Template::index_resource(const Statement& s, int parent) {
  auto decl = std::make_unique<ResourceDecl>();
  decl->stmt = &s;
  decl->parent = parent;
  auto [type, api] = split_type(s.type);
  if (parent >= 0 && type.find('/') == std::string::npos) {  // nested: 'subnets' under its parent's type
    const ResourceDecl& p = *resources_[static_cast<std::size_t>(parent)];
    type = p.type + "/" + type;
    if (api.empty()) api = p.api_version;
  }
  decl->type = std::move(type);
  decl->api_version = std::move(api);
  resources_.push_back(std::move(decl));
  const int index = static_cast<int>(resources_.size() - 1);
  const Expr* body = s.value.kind == ExprKind::For ? &s.value.children[1] : &s.value;
  if (const Expr* object = body_object(*body)) {
    for (const Statement& child : object->resources) index_resource(child, index);
  }
}

void Template::index_import(const Statement& s) {
  std::optional<FileId> file;
  if (!s.imported.empty()) file = workspace_.find(resolve_path(workspace_.file(source_.file).path, s.type));
  const bool readable = file && workspace_.file(*file).format == FileFormat::Bicep && *file != source_.file;
  for (const auto& name : s.imported) {
    imported_.insert(name.local);
    if (readable) imports_[name.local] = {*file, name.original};
  }
}

const Template::ImportedSymbol* Template::imported(std::string_view local) const {
  const auto it = imports_.find(local);
  return it != imports_.end() ? &it->second : nullptr;
}

Template::ResourceDecl* Template::resource(std::string_view symbol) {
  for (auto& r : resources_) {
    if (r->stmt->name == symbol) return r.get();
  }
  return nullptr;
}

Template::ModuleDecl* Template::module(std::string_view symbol) {
  for (auto& m : modules_) {
    if (m->stmt->name == symbol) return m.get();
  }
  return nullptr;
}

const Statement* Template::find(StmtKind kind, std::string_view name) const { return source_.find(kind, name); }

std::optional<Value> Template::param_value(std::string_view name) {
  if (const auto it = inputs_.params.find(name); it != inputs_.params.end()) return it->second;
  if (const auto it = params_.find(name); it != params_.end()) return it->second;
  const Statement* s = find(StmtKind::Param, name);
  if (s == nullptr || s->value.kind == ExprKind::Error || evaluating_params_.contains(name)) return std::nullopt;
  const auto evaluating = evaluating_params_.emplace(name).first;
  Value v = Evaluator(*this).eval(s->value);
  evaluating_params_.erase(evaluating);
  params_.emplace(name, v);
  return v;
}

std::optional<Value> Template::var_value(std::string_view name, std::vector<SymbolUse>& uses) {
  const auto it = vars_.find(name);
  if (it == vars_.end() || it->second->evaluating) return std::nullopt;
  VarState& var = *it->second;
  if (!var.value) {
    var.evaluating = true;
    Evaluator ev(*this);
    var.value = ev.eval(var.stmt->value);
    var.uses = std::move(ev.uses);
    var.evaluating = false;
  }
  uses.insert(uses.end(), var.uses.begin(), var.uses.end());
  return var.value;
}

// What `sym.x` can read of a resource: its full name, type, apiVersion and declared body.
// `lowered`: the body as lowering this instance just evaluated it, which the view is made
// from rather than evaluated a second time (that cost a tenth of a Bicep scan).
Value Template::resource_view(ResourceDecl& decl, std::optional<std::size_t> index, const Value* lowered) {
  const Statement& s = *decl.stmt;
  const bool looped = s.value.kind == ExprKind::For;
  if (looped != index.has_value() || decl.evaluating) return Value::unknown(s.name, s.name_span);
  const std::size_t slot = index.value_or(0);
  if (const auto it = decl.views.find(slot); it != decl.views.end()) return it->second;
  const Expr* object = body_object(looped ? s.value.children[1] : s.value);
  Value body = Value::object();
  // A loop instance sees its item and index, as in `sym[i].name`.
  Locals locals;
  if (looped && lowered == nullptr) {
    const Value iterable = Evaluator(*this).eval(s.value.children[0]);
    const auto* items = iterable.as_array();
    if (items == nullptr || slot >= items->size()) return Value::unknown(s.name, s.name_span);
    locals = loop_locals(s.value, (*items)[slot], slot);
  }
  decl.evaluating = true;
  if (lowered == nullptr && object != nullptr) body = Evaluator(*this, std::move(locals)).eval(*object);
  Value::Object members;
  // Read in place: the lowered body is shared with its resource, so writing would copy it.
  if (const auto* declared = (lowered != nullptr ? *lowered : body).as_object()) {  // else nested too deeply
    members.reserve(declared->size() + 4);  // and the four members set below
    for (const auto& m : *declared) {
      if (!is_relation_key(m.key)) members.push_back(m);
    }
  }
  Value view = Value::object(std::move(members), s.span);
  const Value* name = view.find("name");
  view.set("name", full_name(decl, object, name != nullptr ? *name : Value::unknown(s.name + ".name", s.name_span)));
  view.set("type", Value::string(decl.type, s.type_span));
  view.set("apiVersion", Value::string(decl.api_version, s.type_span));
  view.set("id", Value::unknown(s.name + ".id", s.name_span));
  decl.views[slot] = view;
  decl.evaluating = false;
  return view;
}

// A child's full name is its parent's name, a slash, and its own.
Value Template::full_name(const ResourceDecl& decl, const Expr* object, Value name) {
  ResourceDecl* parent = decl.parent >= 0 ? resources_[static_cast<std::size_t>(decl.parent)].get() : nullptr;
  if (const Expr* p = property(object, "parent"); p != nullptr && p->kind == ExprKind::Identifier) {
    parent = resource(p->text);
  }
  if (parent == nullptr || parent == &decl) return name;
  const Value parent_view = resource_view(*parent);
  const Value* parent_name = parent_view.find("name");
  if (parent_name == nullptr || !parent_name->as_string() || !name.as_string()) {
    return Value::unknown(fmt::format("{}.name/{}", parent->stmt->name, name.to_display()), name.span());
  }
  Value full = Value::string(fmt::format("{}/{}", *parent_name->as_string(), *name.as_string()), name.span());
  full.set_provenance(Provenance::Resolved);
  return full;
}

Value Template::module_view(ModuleDecl& decl) {
  Template* instance = module_instance(decl);
  if (instance == nullptr) return Value::unknown(decl.stmt->name, decl.stmt->name_span);
  Value outputs = Value::object();
  for (const Statement& s : instance->source_.program.statements) {
    if (s.kind == StmtKind::Output) outputs.set(s.name, instance->output(s.name), s.name_span);
  }
  Value view = Value::object();
  const Expr* object = body_object(decl.stmt->value);
  if (const Expr* name = property(object, "name")) view.set("name", Evaluator(*this).eval(*name));
  view.set("outputs", std::move(outputs));
  return view;
}

Value Template::output(std::string_view name, std::vector<SymbolUse>* uses) {
  const Statement* s = find(StmtKind::Output, name);
  if (s == nullptr) return Value::unknown(fmt::format("outputs.{}", name));
  Evaluator ev(*this);
  Value v = ev.eval(s->value);
  if (uses != nullptr) uses->insert(uses->end(), ev.uses.begin(), ev.uses.end());
  return v;
}

std::map<std::string, Value> Template::parameter_assignments() {
  std::map<std::string, Value> out;
  for (const Statement& s : source_.program.statements) {
    if (s.kind != StmtKind::Param) continue;
    if (auto v = param_value(s.name)) out[s.name] = std::move(*v);
  }
  return out;
}

// ---- lowering ----

void Template::lower() {
  for (auto& r : resources_) lower_resource(*r);
  for (auto& m : modules_) lower_module(*m);
}

void Template::lower_resource(ResourceDecl& decl) {
  const Expr& value = decl.stmt->value;
  if (value.kind != ExprKind::For) {
    lower_instance(decl, value, {}, std::nullopt);
    return;
  }
  const Value iterable = Evaluator(*this).eval(value.children[0]);
  if (const auto* items = iterable.as_array()) {
    const std::size_t instances = budget::instances(items->size(), value.children[0].span);
    for (std::size_t i = 0; i < instances; ++i) {
      lower_instance(decl, value.children[1], loop_locals(value, (*items)[i], i), i);
    }
    return;
  }
  // The count is not known: one resource stands for every instance, its loop values unknown.
  lower_instance(decl, value.children[1], unknown_loop_locals(value), std::nullopt);
}

void Template::lower_instance(ResourceDecl& decl, const Expr& body, const Locals& locals,
                              std::optional<std::size_t> index) {
  const Statement& s = *decl.stmt;
  const bool looped = s.value.kind == ExprKind::For;
  const std::string suffix = !looped ? "" : index ? fmt::format("[{}]", *index) : "[*]";
  Evaluator ev(*this, locals);
  if (body.kind == ExprKind::If) {
    const Value cond = ev.eval(body.children[0]);
    if (cond.as_bool() == false) return;  // not deployed
  }
  const Expr* object = body_object(body);
  if (object == nullptr) return;
  Value evaluated = ev.eval(*object);
  if (!evaluated.is_object()) evaluated = Value::object({}, object->span);  // nested too deeply to evaluate
  // The full name (parent/child) comes from the view; an instance of an unknown loop has none.
  const Value view = looped && !index ? Value() : resource_view(decl, index, &evaluated);
  Resource r;
  r.type = decl.type;
  r.api_version = decl.api_version;
  r.existing = s.existing;
  r.scope = inputs_.scope;
  Value::Object members;
  std::optional<Value> own_name;
  for (auto& m : *evaluated.as_object()) {
    if (m.key == "name") {
      own_name = std::move(m.value);  // ARM keeps the name beside the body, and so does the model
    } else if (!is_relation_key(m.key)) {
      members.push_back(std::move(m));
    }
  }
  r.body = Value::object(std::move(members), object->span);
  if (const Value* name = view.find("name")) {
    r.name = *name;
  } else if (own_name) {
    r.name = std::move(*own_name);
  } else {
    r.name = Value::null(s.name_span);
  }
  if (const Expr* scope = property(object, "scope")) {
    const bool is_symbol = scope->kind == ExprKind::Identifier && resource(scope->text) != nullptr &&
                           !iequals(resource(scope->text)->type, "Microsoft.Resources/resourceGroups");
    if (!is_symbol) r.scope = ev.scope_of(*scope);  // else an extension resource: a reference
  }
  const std::string symbol = inputs_.prefix + s.name;
  // The header is `resource name 'type@version'`, without the decorators above it.
  const SourceSpan header{source_.file, s.keyword_span.begin_byte, s.type_span.end_byte};
  r.origin = {SourceKind::Bicep, source_.file, 0, symbol + suffix, symbol, split_type(s.type).first, s.span, header};
  if (decl.parent >= 0) {
    r.references.push_back({ReferenceKind::Parent, inputs_.prefix + resources_[static_cast<std::size_t>(decl.parent)]->stmt->name,
                            "", s.name_span});
  }
  for (const SymbolUse& u : ev.uses) {
    if (u.is_module || u.target == r.origin.address) continue;  // modules are not resources
    const ReferenceKind kind = reference_kind(u.path);
    r.references.push_back({kind, u.target, kind == ReferenceKind::DependsOn ? "" : u.path, u.span});
  }
  if (kubernetes_extension_) lower_bicep_kubernetes(r);
  workspace_.out().resources.push_back(std::move(r));
}

void Template::lower_module(ModuleDecl& decl) {
  const Statement& s = *decl.stmt;
  if (is_remote_reference(s.type)) {
    workspace_.diagnose({DiagnosticLevel::Note, "module-not-followed",
                         fmt::format("module '{}' is in a registry or template spec; akslint does not fetch it, so "
                                     "its resources are not analysed",
                                     s.type),
                         source_.file, s.type_span});
    return;
  }
  const Expr& value = s.value;
  if (value.kind != ExprKind::For) {
    const Expr* object = body_object(value);
    if (value.kind == ExprKind::If && Evaluator(*this).eval(value.children[0]).as_bool() == false) return;
    if (object == nullptr) return;
    if (Template* t = module_instance(decl)) t->lower();
    return;
  }
  const Value iterable = Evaluator(*this).eval(value.children[0]);
  const Expr& body = value.children[1];
  if (const auto* items = iterable.as_array()) {
    for (std::size_t i = 0; i < items->size(); ++i) {
      Evaluator ev(*this, loop_locals(value, (*items)[i], i));
      if (body.kind == ExprKind::If && ev.eval(body.children[0]).as_bool() == false) continue;
      if (Template* t = module_instance(decl, i)) t->lower();
    }
    return;
  }
  // The count is not known: one instance stands for all, its loop values unknown.
  auto& slot = decl.instances["[*]"];
  slot = instantiate(decl, fmt::format("{}{}[*].", inputs_.prefix, s.name), unknown_loop_locals(value));
  if (slot) slot->lower();
}

Template::Locals Template::loop_locals(const Expr& loop, const Value& item, std::size_t index) {
  Locals locals{{loop.strings[0], item}};
  if (loop.strings.size() > 1) locals.emplace_back(loop.strings[1], Value::number(static_cast<double>(index)));
  return locals;
}

Template::Locals Template::unknown_loop_locals(const Expr& loop) {
  Locals locals;
  for (const auto& name : loop.strings) locals.emplace_back(name, Value::unknown(name));
  return locals;
}

Template* Template::module_instance(ModuleDecl& decl, std::optional<std::size_t> index) {
  const Expr& value = decl.stmt->value;
  const bool looped = value.kind == ExprKind::For;
  if (looped != index.has_value()) return nullptr;
  const std::string key = index ? fmt::format("[{}]", *index) : "";
  if (const auto it = decl.instances.find(key); it != decl.instances.end()) return it->second.get();
  Locals locals;
  if (looped) {
    const Value iterable = Evaluator(*this).eval(value.children[0]);
    const auto* items = iterable.as_array();
    if (items == nullptr || *index >= items->size()) return nullptr;
    locals = loop_locals(value, (*items)[*index], *index);
  }
  auto& slot = decl.instances[key];
  slot = instantiate(decl, inputs_.prefix + decl.stmt->name + key + ".", locals);
  return slot.get();
}

std::unique_ptr<Template> Template::instantiate(const ModuleDecl& decl, std::string prefix, const Locals& locals) {
  const Statement& s = *decl.stmt;
  if (is_remote_reference(s.type)) return nullptr;
  const std::string path = resolve_path(workspace_.file(source_.file).path, s.type);
  const auto file = workspace_.find(path);
  if (!file) {
    workspace_.diagnose({DiagnosticLevel::Warning, "module-not-found",
                         fmt::format("module file '{}' is not in the scan; its resources are not analysed", s.type),
                         source_.file, s.type_span});
    return nullptr;
  }
  if (workspace_.file(*file).format != FileFormat::Bicep) {
    workspace_.diagnose({DiagnosticLevel::Note, "module-not-followed",
                         fmt::format("module '{}' is an ARM template; it is analysed as its own unit, without the "
                                     "params and scope this module gives it",
                                     s.type),
                         source_.file, s.type_span});
    return nullptr;
  }
  if (std::find(inputs_.chain.begin(), inputs_.chain.end(), *file) != inputs_.chain.end()) {
    workspace_.diagnose({DiagnosticLevel::Warning, "module-cycle",
                         fmt::format("module '{}' includes itself through its modules; it is not read again", s.type),
                         source_.file, s.type_span});
    return nullptr;
  }
  Evaluator ev(*this, locals);
  const Expr* body = s.value.kind == ExprKind::For ? &s.value.children[1] : &s.value;
  const Expr* object = body_object(*body);
  TemplateInputs child;
  child.prefix = std::move(prefix);
  child.chain = inputs_.chain;
  child.context = inputs_.context;
  child.scope = inputs_.scope;
  if (const Expr* scope = property(object, "scope")) {
    child.scope = ev.scope_of(*scope);
    if (!child.scope.subscription.is_null()) child.context.subscription_id = child.scope.subscription;
    if (!child.scope.resource_group.is_null()) {
      child.context.resource_group_name = child.scope.resource_group;
      child.context.resource_group_location = Value::unknown("resourceGroup().location");
    }
  }
  if (const Expr* params = property(object, "params"); params != nullptr && params->kind == ExprKind::Object) {
    for (const Expr& p : params->children) {
      if (p.kind != ExprKind::Property) continue;
      Evaluator param(*this, locals);
      child.params[p.text] = param.eval(p.children.front());
      child.param_uses[p.text] = std::move(param.uses);
    }
  }
  return std::make_unique<Template>(workspace_, workspace_.program(*file), std::move(child));
}

}  // namespace akslint::bicep
