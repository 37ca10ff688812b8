#include "bicep/BicepEvaluator.h"

#include "Budget.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <iterator>
#include <utility>

namespace akslint::bicep {

namespace {

constexpr int kMaxDepth = 256;  // nesting of expressions; user functions calling each other

// A scalar as string interpolation renders it; nullopt when it is not a known scalar.
std::optional<std::string> interpolation_text(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::String: return std::string(*v.as_string());
    case Value::Kind::Bool: return std::string(*v.as_bool() ? "true" : "false");
    case Value::Kind::Number: {
      const double n = *v.as_number();
      if (n == std::floor(n) && std::fabs(n) < 1e15) return std::to_string(static_cast<long long>(n));
      return v.to_display();
    }
    case Value::Kind::Null: return std::string();
    case Value::Kind::Array:
    case Value::Kind::Object: return v.is_known() ? std::optional(v.to_display()) : std::nullopt;
    case Value::Kind::Unknown: return std::nullopt;
  }
  return std::nullopt;
}

// Bicep's own functions (the `sys` and `az` namespaces), sorted for binary search; a call to
// anything else that the file does not declare or import is an error for Bicep too.
constexpr std::array<std::string_view, 91> kBicepFunctions = {
    "any", "array", "base64", "base64ToJson", "base64ToString", "bool", "buildUri", "cidrHost", "cidrSubnet",
    "coalesce", "concat", "contains", "dataUri", "dataUriToString", "dateTimeAdd", "dateTimeFromEpoch",
    "dateTimeToEpoch", "deployer", "deployment", "empty", "endsWith", "environment", "extensionResourceId",
    "externalInput", "fail", "filter", "first", "flatten", "format", "getSecret", "groupBy", "guid", "indexOf",
    "int", "intersection", "items", "join", "json", "last", "lastIndexOf", "length", "loadDirectoryFileInfo",
    "loadFileAsBase64", "loadJsonContent", "loadTextContent", "loadYamlContent", "managementGroup",
    "managementGroupResourceId", "map", "mapValues", "max", "min", "nameof", "newGuid", "objectKeys", "padLeft",
    "parseCidr", "parseUri", "pickZones", "providers", "range", "readCliArg", "readEnvironmentVariable",
    "reduce", "reference", "replace", "resourceGroup", "resourceId", "shallowMerge", "skip", "sort", "split",
    "startsWith", "string", "subscription", "subscriptionResourceId", "substring", "take", "tenant",
    "tenantResourceId", "toLower", "toObject", "toUpper", "trim", "tryGet", "union", "uniqueString", "uri",
    "uriComponent", "uriComponentToString", "utcNow"};

bool is_bicep_function(std::string_view name) {
  if (name.substr(0, 4) == "list") return true;  // listKeys, listSecrets, list...: resource actions
  return std::binary_search(kBicepFunctions.begin(), kBicepFunctions.end(), name);
}

bool is_builtin_namespace(const Expr& receiver) {
  return receiver.kind == ExprKind::Identifier && (receiver.text == "az" || receiver.text == "sys");
}

}  // namespace

Value Template::Evaluator::unknown(const Expr& e) const {
  const auto& text = t_.source_.text;
  const auto begin = std::min<std::size_t>(e.span.begin_byte, text.size());
  const auto end = std::min<std::size_t>(e.span.end_byte, text.size());
  return Value::unknown(std::string(text.substr(begin, end - begin)), e.span);
}

Value Template::Evaluator::resolved(Value v, const Expr& e) const {
  v.set_span(e.span);
  v.set_provenance(Provenance::Resolved);
  return v;
}

void Template::Evaluator::use(std::string_view symbol, const Expr& e, std::string_view instance) {
  uses.push_back({t_.inputs_.prefix + std::string(symbol) + std::string(instance), t_.module(symbol) != nullptr, path_,
                  e.span});
}

void Template::Evaluator::replay(const std::vector<SymbolUse>& from, const Expr& e) {
  for (const auto& u : from) uses.push_back({u.target, u.is_module, path_, e.span});
}

const Value* Template::Evaluator::local(std::string_view name) const {
  for (auto it = locals_.rbegin(); it != locals_.rend(); ++it) {
    if (it->first == name) return &it->second;
  }
  return nullptr;
}

Value Template::Evaluator::eval(const Expr& e) {
  if (depth_ >= kMaxDepth) return unknown(e);
  // Each case returns its value in place: no empty value is made to be assigned over.
  struct Nested {
    int& depth;
    ~Nested() { --depth; }
  } nested{++depth_};
  switch (e.kind) {
    case ExprKind::Null: return Value::null(e.span);
    case ExprKind::Bool: return Value::boolean(e.text == "true", e.span);
    case ExprKind::Number: return Value::number(std::stod(e.text), e.span);
    case ExprKind::String: return Value::string(e.strings.front(), e.span);
    case ExprKind::Interpolated: return interpolated(e);
    case ExprKind::Identifier: return identifier(e);
    case ExprKind::Member:
    case ExprKind::Index: return access(e);
    case ExprKind::ChildAccess:
      symbol_view(e);  // a use of the nested resource; a bare reference has no value
      return unknown(e);
    case ExprKind::NonNull: return eval(e.children.front());
    case ExprKind::Call: return call(e);
    case ExprKind::Unary: return unary(e);
    case ExprKind::Binary: return binary(e);
    case ExprKind::Ternary: return ternary(e);
    case ExprKind::Array: return array(e);
    case ExprKind::Object: return object(e);
    case ExprKind::For: return loop(e);
    case ExprKind::Property:
    case ExprKind::Spread:
    case ExprKind::If:
    case ExprKind::Lambda:
    case ExprKind::Error: break;
  }
  return unknown(e);
}

Value Template::Evaluator::identifier(const Expr& e) {
  if (const Value* v = local(e.text)) return resolved(*v, e);
  if (t_.find(StmtKind::Param, e.text) != nullptr) {
    if (const auto it = t_.inputs_.param_uses.find(e.text); it != t_.inputs_.param_uses.end()) replay(it->second, e);
    if (auto v = t_.param_value(e.text)) return resolved(std::move(*v), e);
    return unknown(e);
  }
  if (t_.find(StmtKind::Var, e.text) != nullptr) {
    std::vector<SymbolUse> var_uses;
    auto v = t_.var_value(e.text, var_uses);
    replay(var_uses, e);
    return v ? resolved(std::move(*v), e) : unknown(e);
  }
  if (const ImportedSymbol* imp = t_.imported(e.text); imp != nullptr && imp->original != "*") {
    return imported_var(*imp, imp->original, e);
  }
  if (t_.resource(e.text) != nullptr || t_.module(e.text) != nullptr) {
    use(e.text, e);
  } else if (!t_.is_imported(e.text) && e.text != "az" && e.text != "sys") {
    t_.workspace_.diagnose({DiagnosticLevel::Warning, "unknown-symbol",
                            fmt::format("'{}' is not declared in this file; its value is unknown", e.text),
                            t_.source_.file, e.span});
  }
  return unknown(e);
}

// An exported variable of another file; what it references there is not this file's reference.
Value Template::Evaluator::imported_var(const ImportedSymbol& from, const std::string& name, const Expr& e) {
  std::vector<SymbolUse> elsewhere;
  auto v = t_.workspace_.library(from.file).var_value(name, elsewhere);
  return v ? resolved(std::move(*v), e) : unknown(e);
}

const Template::ImportedSymbol* Template::Evaluator::namespace_of(const Expr& e) const {
  if (e.kind != ExprKind::Identifier || local(e.text) != nullptr) return nullptr;
  const ImportedSymbol* imp = t_.imported(e.text);
  return imp != nullptr && imp->original == "*" ? imp : nullptr;
}

Value Template::Evaluator::interpolated(const Expr& e) {
  std::string out = e.strings.front();
  bool known = true;
  for (std::size_t i = 0; i < e.children.size(); ++i) {
    const auto piece = interpolation_text(eval(e.children[i]));
    known = known && piece.has_value();
    if (known) out += *piece + e.strings[i + 1];
    if (out.size() > budget::string_limit()) break;
  }
  return known ? budget::bounded(resolved(Value::string(std::move(out)), e), e.span) : unknown(e);
}

Value Template::Evaluator::object(const Expr& e) {
  std::vector<Value::Member> members;
  members.reserve(e.children.size());  // most items are one member each
  Value out = Value::object(std::move(members), e.span);
  for (const Expr& item : e.children) {
    if (item.kind == ExprKind::Spread) {
      // An unknown spread adds members we cannot name; the written ones are still known.
      const Value spread = eval(item.children.front());
      if (spread.is_object()) {
        for (const auto& m : *spread.as_object()) out.set(m.key, m.value, m.key_span);
      }
      continue;
    }
    std::string key = item.text;
    if (item.children.size() > 1) {  // interpolated key
      const Value k = eval(item.children[1]);
      if (!k.as_string()) return unknown(e);
      key = std::string(*k.as_string());
    }
    // The path grows by the key while its value is evaluated, and shrinks back after.
    const std::size_t outer = path_.size();
    if (outer != 0) path_ += '.';
    path_ += key;
    Value v = eval(item.children.front());
    path_.resize(outer);
    out.set(std::move(key), std::move(v), item.key_span);
  }
  return out;
}

Value Template::Evaluator::array(const Expr& e) {
  Value::Array items;
  items.reserve(e.children.size());  // spreads may add more
  for (const Expr& item : e.children) {
    const std::size_t outer = path_.size();
    fmt::format_to(std::back_inserter(path_), "[{}]", items.size());
    Value v = eval(item.kind == ExprKind::Spread ? item.children.front() : item);
    path_.resize(outer);
    if (item.kind != ExprKind::Spread) {
      items.push_back(std::move(v));
    } else if (const auto* spread = v.as_array()) {
      items.insert(items.end(), spread->begin(), spread->end());
    } else {
      return unknown(e);
    }
  }
  return Value::array(std::move(items), e.span);
}

// `[for (item, index) in iterable: [if (cond)] body]`
Value Template::Evaluator::loop(const Expr& e) {
  const Value iterable = eval(e.children[0]);
  const auto* items = iterable.as_array();
  if (items == nullptr) return unknown(e);
  const Expr& body = e.children[1];
  Value::Array out;
  for (std::size_t i = 0; i < items->size(); ++i) {
    locals_.emplace_back(e.strings[0], (*items)[i]);
    if (e.strings.size() > 1) locals_.emplace_back(e.strings[1], Value::number(static_cast<double>(i)));
    bool keep = true;
    const Expr* value = &body;
    if (body.kind == ExprKind::If) {
      const Value cond = eval(body.children[0]);
      if (!cond.as_bool()) {
        locals_.resize(locals_.size() - e.strings.size());
        return unknown(e);
      }
      keep = *cond.as_bool();
      value = &body.children[1];
    }
    if (keep) out.push_back(eval(*value));
    locals_.resize(locals_.size() - e.strings.size());
  }
  return resolved(Value::array(std::move(out)), e);
}

// The resource or module a member chain starts from, as an object of what is declared;
// nullopt when `e` is not a symbolic reference.
std::optional<Value> Template::Evaluator::symbol_view(const Expr& e) {
  if (e.kind == ExprKind::Identifier && local(e.text) == nullptr) {
    if (ResourceDecl* r = t_.resource(e.text)) {
      use(e.text, e);
      return t_.resource_view(*r);
    }
    if (ModuleDecl* m = t_.module(e.text)) {
      use(e.text, e);
      return t_.module_view(*m);
    }
  }
  if (e.kind == ExprKind::ChildAccess) {
    symbol_view(e.children.front());
    if (ResourceDecl* r = t_.resource(e.text)) {
      use(e.text, e);
      return t_.resource_view(*r);
    }
  }
  // One instance of a looped resource (`sym[i]`); a looped module's instances stay unknown.
  if (e.kind == ExprKind::Index && e.children[0].kind == ExprKind::Identifier &&
      (t_.resource(e.children[0].text) != nullptr || t_.module(e.children[0].text) != nullptr) &&
      local(e.children[0].text) == nullptr) {
    const Value index = eval(e.children[1]);
    ResourceDecl* r = t_.resource(e.children[0].text);
    if (r != nullptr && index.as_number() && *index.as_number() >= 0) {
      const auto i = static_cast<std::size_t>(*index.as_number());
      use(e.children[0].text, e, fmt::format("[{}]", i));  // the instance's address
      return t_.resource_view(*r, i);
    }
    use(e.children[0].text, e);
    return unknown(e);
  }
  return std::nullopt;
}

Value Template::Evaluator::access(const Expr& e) {
  const Expr& base_expr = e.children[0];
  if (const ImportedSymbol* ns = namespace_of(base_expr); ns != nullptr && e.kind == ExprKind::Member) {
    return imported_var(*ns, e.text, e);
  }
  if (auto v = module_output(e)) return std::move(*v);
  auto view = symbol_view(base_expr);
  const bool is_view = view.has_value();
  const Value base = is_view ? std::move(*view) : eval(base_expr);
  if (e.kind == ExprKind::Member) {
    if (const Value* v = base.find(e.text)) return resolved(*v, e);
    if (base.is_object() && e.safe && !is_view) return resolved(Value::null(), e);
    return unknown(e);
  }
  const Expr& index_expr = e.children[1];
  const bool from_end = index_expr.kind == ExprKind::Unary && index_expr.text == "^";  // items[^1]: the last
  const Value index = eval(from_end ? index_expr.children.front() : index_expr);
  if (const auto* arr = base.as_array(); arr != nullptr && index.as_number()) {
    const double n = from_end ? static_cast<double>(arr->size()) - *index.as_number() : *index.as_number();
    if (n >= 0 && n < static_cast<double>(arr->size())) return resolved((*arr)[static_cast<std::size_t>(n)], e);
  }
  if (const auto key = index.as_string()) {
    if (const Value* v = base.find(*key)) return resolved(*v, e);
  }
  return unknown(e);
}

// `m.outputs.x`: the module's output, and what it refers to inside the module.
std::optional<Value> Template::Evaluator::module_output(const Expr& e) {
  if (e.kind != ExprKind::Member) return std::nullopt;
  const Expr& outputs = e.children[0];
  if (outputs.kind != ExprKind::Member || outputs.text != "outputs") return std::nullopt;
  // `m.outputs.x`, or `m[i].outputs.x` for one instance of a module loop.
  const Expr* symbol = &outputs.children[0];
  std::optional<std::size_t> index;
  if (symbol->kind == ExprKind::Index) {
    const Value i = eval(symbol->children[1]);
    if (!i.as_number() || *i.as_number() < 0) return std::nullopt;
    index = static_cast<std::size_t>(*i.as_number());
    symbol = &symbol->children[0];
  }
  if (symbol->kind != ExprKind::Identifier || local(symbol->text) != nullptr) return std::nullopt;
  ModuleDecl* m = t_.module(symbol->text);
  Template* instance = m != nullptr ? t_.module_instance(*m, index) : nullptr;
  if (instance == nullptr) return std::nullopt;
  std::vector<SymbolUse> inside;
  Value v = instance->output(e.text, &inside);
  replay(inside, e);
  return resolved(std::move(v), e);
}

Value Template::Evaluator::call(const Expr& e) {
  const std::size_t first = e.receiver ? 1 : 0;
  const std::string_view name = e.text;
  if (e.receiver && !is_builtin_namespace(e.children[0])) {
    if (const ImportedSymbol* ns = namespace_of(e.children[0])) {  // `ns.fn()` after `import * as ns`
      Template& library = t_.workspace_.library(ns->file);
      const Statement* f = library.find(StmtKind::Function, e.text);
      return f != nullptr ? user_function(library, *f, e) : unknown(e);
    }
    symbol_view(e.children[0]);  // `kv.getSecret(...)`, `stg.listKeys()`: a use, value unknown
    return unknown(e);
  }
  if (!e.receiver) {
    if (const Statement* f = t_.find(StmtKind::Function, e.text)) return user_function(t_, *f, e);
    if (const ImportedSymbol* imp = t_.imported(e.text); imp != nullptr && imp->original != "*") {
      Template& library = t_.workspace_.library(imp->file);
      if (const Statement* f = library.find(StmtKind::Function, imp->original)) return user_function(library, *f, e);
    }
    if (t_.is_imported(e.text)) return unknown(e);
  }
  if (name == "map" || name == "filter" || name == "reduce" || name == "toObject") return lambda_call(e);
  Value::Array args;
  args.reserve(e.children.size() - first);
  for (std::size_t i = first; i < e.children.size(); ++i) args.push_back(eval(e.children[i]));
  if (!is_bicep_function(e.text)) {
    t_.workspace_.diagnose({DiagnosticLevel::Warning, "unknown-function",
                            fmt::format("'{}' is not a Bicep function, nor declared or imported in this file; its "
                                        "value is unknown",
                                        e.text),
                            t_.source_.file, e.span});
    return unknown(e);
  }
  // Bicep-only functions; the rest are Azure's template functions.
  if (name == "any" && args.size() == 1) return args.front();
  if (name == "range" && args.size() == 2 && args[0].as_number() && args[1].as_number()) {
    const double start = *args[0].as_number();
    const double count = *args[1].as_number();
    if (count < 0 || count > 10000) return unknown(e);
    Value::Array out;
    for (double i = 0; i < count; ++i) out.push_back(Value::number(start + i));
    return resolved(Value::array(std::move(out)), e);
  }
  if (auto v = azure::call_function(e.text, args, t_.inputs_.context, e.span)) return resolved(std::move(*v), e);
  return unknown(e);
}

// map, filter, reduce and toObject over a known array, applying their lambdas.
Value Template::Evaluator::lambda_call(const Expr& e) {
  const std::size_t first = e.receiver ? 1 : 0;
  const std::size_t n = e.children.size() - first;
  const auto arg = [&](std::size_t i) -> const Expr& { return e.children[first + i]; };
  if (n < 2) return unknown(e);
  const Value items = eval(arg(0));
  const auto* array = items.as_array();
  if (array == nullptr) return unknown(e);
  const auto apply = [&](const Expr& lambda, std::vector<Value> args) {
    if (lambda.kind != ExprKind::Lambda || lambda.strings.size() > args.size()) return unknown(lambda);
    for (std::size_t i = 0; i < lambda.strings.size(); ++i) locals_.emplace_back(lambda.strings[i], std::move(args[i]));
    Value v = eval(lambda.children.front());
    locals_.resize(locals_.size() - lambda.strings.size());
    return v;
  };
  const auto index = [](std::size_t i) { return Value::number(static_cast<double>(i)); };
  if (e.text == "reduce") {
    if (n != 3) return unknown(e);
    Value acc = eval(arg(1));
    for (std::size_t i = 0; i < array->size(); ++i) acc = apply(arg(2), {acc, (*array)[i], index(i)});
    return acc.is_known() ? resolved(std::move(acc), e) : unknown(e);
  }
  if (e.text == "toObject") {
    Value out = Value::object();
    for (const Value& item : *array) {
      const Value key = apply(arg(1), {item});
      if (!key.as_string()) return unknown(e);
      out.set(std::string(*key.as_string()), n > 2 ? apply(arg(2), {item}) : item);
    }
    return resolved(std::move(out), e);
  }
  Value::Array out;
  for (std::size_t i = 0; i < array->size(); ++i) {
    Value v = apply(arg(1), {(*array)[i], index(i)});
    if (e.text == "map") {
      out.push_back(std::move(v));
    } else if (!v.as_bool()) {
      return unknown(e);  // a filter we cannot decide
    } else if (*v.as_bool()) {
      out.push_back((*array)[i]);
    }
  }
  return resolved(Value::array(std::move(out)), e);
}

// A user-defined function sees only its own parameters (and the functions of its file).
Value Template::Evaluator::user_function(Template& owner, const Statement& f, const Expr& e) {
  const Expr& lambda = f.value;
  const std::size_t first = e.receiver ? 1 : 0;
  if (lambda.kind != ExprKind::Lambda || lambda.strings.size() + first != e.children.size() ||
      depth_ > kMaxDepth / 2) {
    return unknown(e);
  }
  Locals params;
  for (std::size_t i = 0; i < lambda.strings.size(); ++i) {
    params.emplace_back(lambda.strings[i], eval(e.children[first + i]));
  }
  Evaluator inner(owner, std::move(params));
  inner.depth_ = depth_;
  Value v = inner.eval(lambda.children.front());
  return v.is_known() ? resolved(std::move(v), e) : unknown(e);
}

Value Template::Evaluator::unary(const Expr& e) {
  const Value v = eval(e.children.front());
  const std::string_view op = e.text;
  if (op == "!" && v.as_bool()) return resolved(Value::boolean(!*v.as_bool()), e);
  if (op == "-" && v.as_number()) return resolved(Value::number(-*v.as_number()), e);
  if (op == "+" && v.as_number()) return resolved(v, e);
  return unknown(e);
}

Value Template::Evaluator::binary(const Expr& e) {
  const std::string_view op = e.text;  // compared by size first, unlike a std::string with a literal
  const Value l = eval(e.children[0]);
  // Short circuits decide with one side known.
  if (op == "&&" && l.as_bool() == false) return resolved(Value::boolean(false), e);
  if (op == "||" && l.as_bool() == true) return resolved(Value::boolean(true), e);
  if (op == "??" && l.is_known() && !l.is_null()) return resolved(l, e);
  const Value r = eval(e.children[1]);
  if (op == "??") return l.is_null() ? resolved(r, e) : unknown(e);
  if (!l.is_known() || !r.is_known()) return unknown(e);
  if (op == "==" || op == "!=") return resolved(Value::boolean((l == r) == (op == "==")), e);
  if (op == "=~" || op == "!~") {
    if (!l.as_string() || !r.as_string()) return unknown(e);
    return resolved(Value::boolean(iequals(*l.as_string(), *r.as_string()) == (op == "=~")), e);
  }
  if ((op == "&&" || op == "||") && l.as_bool() && r.as_bool()) return resolved(r, e);
  if (l.as_string() && r.as_string()) {
    const auto a = *l.as_string();
    const auto b = *r.as_string();
    if (op == "<") return resolved(Value::boolean(a < b), e);
    if (op == "<=") return resolved(Value::boolean(a <= b), e);
    if (op == ">") return resolved(Value::boolean(a > b), e);
    if (op == ">=") return resolved(Value::boolean(a >= b), e);
  }
  if (!l.as_number() || !r.as_number()) return unknown(e);
  const double a = *l.as_number();
  const double b = *r.as_number();
  if (op == "+") return resolved(Value::number(a + b), e);
  if (op == "-") return resolved(Value::number(a - b), e);
  if (op == "*") return resolved(Value::number(a * b), e);
  if (op == "/" && b != 0) return resolved(Value::number(std::trunc(a / b)), e);
  if (op == "%" && b != 0) return resolved(Value::number(std::fmod(a, b)), e);
  if (op == "<") return resolved(Value::boolean(a < b), e);
  if (op == "<=") return resolved(Value::boolean(a <= b), e);
  if (op == ">") return resolved(Value::boolean(a > b), e);
  if (op == ">=") return resolved(Value::boolean(a >= b), e);
  return unknown(e);
}

Value Template::Evaluator::ternary(const Expr& e) {
  const Value cond = eval(e.children[0]);
  if (const auto b = cond.as_bool()) return resolved(eval(e.children[*b ? 1 : 2]), e);
  // Both branches are evaluated for the references they hold; the value stays unknown.
  eval(e.children[1]);
  eval(e.children[2]);
  return unknown(e);
}

Scope Template::Evaluator::scope_of(const Expr& e) {
  const Scope& own = t_.inputs_.scope;
  if (e.kind == ExprKind::Call && (!e.receiver || is_builtin_namespace(e.children[0]))) {
    const std::size_t first = e.receiver ? 1 : 0;
    const std::size_t n = e.children.size() - first;
    const auto arg = [&](std::size_t i) { return eval(e.children[first + i]); };
    if (e.text == "resourceGroup") {
      if (n == 0) return own;
      if (n == 1) return {own.subscription, arg(0)};
      return {arg(0), arg(1)};
    }
    if (e.text == "subscription") return {n == 0 ? own.subscription : arg(0), Value::null(e.span)};
    if (e.text == "tenant" || e.text == "managementGroup") return {Value::null(e.span), Value::null(e.span)};
  }
  if (e.kind == ExprKind::Identifier && local(e.text) == nullptr) {
    if (ResourceDecl* r = t_.resource(e.text); r != nullptr && iequals(r->type, "Microsoft.Resources/resourceGroups")) {
      use(e.text, e);
      const Value view = t_.resource_view(*r);
      const Value* name = view.find("name");
      return {own.subscription, name != nullptr ? resolved(*name, e) : unknown(e)};
    }
  }
  eval(e);
  return {unknown(e), unknown(e)};
}

}  // namespace akslint::bicep
