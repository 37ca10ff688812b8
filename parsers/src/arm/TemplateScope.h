#pragma once
// What the expressions of one template see: its parameters (values given or defaults), its
// variables (including copy variables), user-defined functions, copy loop indices and the
// deployment context. Evaluating a JSON value resolves every expression inside it.
#include "arm/Expression.h"

#include <akslint/model/Resource.h>
#include <akslint/model/SourceFile.h>

#include <cstddef>
#include <map>
#include <set>
#include <utility>

namespace akslint::arm {

// Azure rejects copy loops (resource, property or variable) longer than this.
inline constexpr std::size_t kMaxCopyCount = 800;

struct ILess {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const;
};
using ValueMap = std::map<std::string, Value, ILess>;

// A reference met while evaluating, resolved to a resource once all are read.
struct PendingReference {
  ReferenceKind kind = ReferenceKind::Reference;
  std::string symbol;  // languageVersion 2.0 symbolic name, or a bare name in dependsOn
  std::string type;    // with `name`: the resource a resourceId() or "type/name" names
  std::string name;
  std::string from_path;
  SourceSpan span;
  int scope = 0;  // the TemplateScope it was met in
};

class TemplateScope final : public Environment {
 public:
  // `given` holds parameter values from parameter files or an enclosing deployment.
  TemplateScope(const Value& tmpl, ValueMap given, azure::DeploymentContext context, const FileTable& files,
                std::vector<Diagnostic>& diagnostics);

  // Evaluates every expression in `json`; `path` names it for references ("properties.x").
  [[nodiscard]] Value resolve(const Value& json, const std::string& path = {});

  // Runs `body` with copyIndex(`loop`) = index (unknown when the count is unknown).
  template <class F>
  void with_copy_index(std::string loop, Value index, bool resource_loop, F&& body) {
    loops_.push_back({std::move(loop), std::move(index), resource_loop});
    body();
    loops_.pop_back();
  }

  // Identifies this scope among the scopes of one unit: unknown names match only within one.
  void set_id(int id) { id_ = id; }
  [[nodiscard]] int id() const { return id_; }
  void add_symbol(std::string symbol) { symbols_.insert(std::move(symbol)); }
  [[nodiscard]] std::vector<PendingReference> take_references() { return std::exchange(references_, {}); }

  std::optional<Value> lookup(std::string_view function, std::span<const Value> args, SourceSpan span) override;
  [[nodiscard]] const azure::DeploymentContext& context() const override { return context_; }
  void on_resource_target(const azure::ResourceTarget& target, SourceSpan span) override;
  void report(Diagnostic diagnostic) override { diagnostics_.push_back(std::move(diagnostic)); }

 private:
  struct Loop {
    std::string name;
    Value index;
    bool resource_loop = false;
  };
  struct UserFunction {
    std::vector<std::string> parameters;
    const Value* output = nullptr;
  };

  Value resolve_string(const Value& json);
  Value resolve_object(const Value& json, const std::string& path);
  std::optional<Value> expand_copy(const Value& entry, const std::string& path);
  Value parameter(std::string_view name, SourceSpan span);
  Value variable(std::string_view name, SourceSpan span);
  Value copy_index(std::span<const Value> args, SourceSpan span);
  std::optional<Value> call_user_function(std::string_view name, std::span<const Value> args, SourceSpan span);
  void read_functions(const Value& tmpl);

  const Value* parameters_decl_ = nullptr;
  const Value* variables_decl_ = nullptr;
  ValueMap given_;
  ValueMap parameters_;  // resolved, memoised
  ValueMap variables_;
  std::map<std::string, std::vector<PendingReference>, ILess> variable_references_;
  std::set<std::string, ILess> resolving_;  // cycle guard for parameters and variables
  std::map<std::string, UserFunction, ILess> functions_;
  std::set<std::string, ILess> symbols_;
  std::vector<Loop> loops_;
  azure::DeploymentContext context_;
  const FileTable& files_;
  std::vector<Diagnostic>& diagnostics_;
  std::vector<PendingReference> references_;
  std::string path_;  // the path being resolved, for references met there
  int call_depth_ = 0;  // user-defined function calls in progress
  int id_ = 0;
};

}  // namespace akslint::arm
