#pragma once
// Internals of Template shared by its two source files: the per-declaration state and the
// expression evaluator.
#include "bicep/BicepTemplate.h"

namespace akslint::bicep {

struct Template::ResourceDecl {
  const Statement* stmt = nullptr;
  int parent = -1;  // enclosing resource of a nested declaration
  std::string type;
  std::string api_version;
  bool evaluating = false;
  std::map<std::size_t, Value> views;  // by loop index (0 when not a loop): name, type, apiVersion, id, body
};

struct Template::ModuleDecl {
  const Statement* stmt = nullptr;
  // The module file read with this declaration's params: by "" (no loop), "[i]" or "[*]" (a
  // loop over an unknown array); null when it cannot be read.
  std::map<std::string, std::unique_ptr<Template>> instances;
};

struct Template::VarState {
  const Statement* stmt = nullptr;
  bool evaluating = false;
  std::optional<Value> value;
  std::vector<SymbolUse> uses;  // replayed into whoever reads the variable
};

// Evaluates expressions of one template. Values are known where every input is; anything else
// stays unknown with its expression text. Resource and module symbols met on the way are
// recorded as uses, with the attribute path being evaluated.
class Template::Evaluator {
 public:
  explicit Evaluator(Template& t, Locals locals = {}) : t_(t), locals_(std::move(locals)) {}

  Value eval(const Expr& e);
  // `resourceGroup(sub, name)`, `subscription(id)`, a resource group symbol...
  Scope scope_of(const Expr& e);

  std::vector<SymbolUse> uses;

 private:
  Value unknown(const Expr& e) const;
  Value resolved(Value v, const Expr& e) const;
  Value identifier(const Expr& e);
  Value interpolated(const Expr& e);
  Value object(const Expr& e);
  Value array(const Expr& e);
  Value loop(const Expr& e);
  Value access(const Expr& e);
  std::optional<Value> symbol_view(const Expr& e);
  std::optional<Value> module_output(const Expr& e);
  Value call(const Expr& e);
  Value user_function(Template& owner, const Statement& f, const Expr& e);
  Value lambda_call(const Expr& e);
  Value imported_var(const ImportedSymbol& from, const std::string& name, const Expr& e);
  const ImportedSymbol* namespace_of(const Expr& e) const;
  Value unary(const Expr& e);
  Value binary(const Expr& e);
  Value ternary(const Expr& e);
  void use(std::string_view symbol, const Expr& e, std::string_view instance = {});
  void replay(const std::vector<SymbolUse>& from, const Expr& e);
  const Value* local(std::string_view name) const;

  Template& t_;
  Locals locals_;
  std::string path_;
  int depth_ = 0;
};

}  // namespace akslint::bicep
