#pragma once
// One Bicep file instantiated with its inputs (the entry file with its parameter files, or a
// module with the params its caller passes): evaluates expressions and lowers resources and
// modules to the canonical model.
#include "azure/TemplateFunctions.h"
#include "bicep/BicepSyntax.h"

#include <akslint/model/Resource.h>
#include <akslint/parsers/DeploymentUnit.h>
#include <akslint/parsers/ModuleCache.h>

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace akslint::bicep {

// The positions of a program's named statements, ordered by kind, name (its length first) and position.
[[nodiscard]] std::vector<std::uint32_t> order_by_name(const Program& program);

// A parsed file of the unit, kept with its text so unknown values can quote their expression.
struct SourceProgram {
  FileId file = kNoFile;
  std::string_view text;
  Program program;
  // Evaluation looks up every identifier it meets: a binary search here, not a walk of the file.
  std::vector<std::uint32_t> by_name = order_by_name(program);

  // The first statement of `kind` named `name`; null when there is none.
  [[nodiscard]] const Statement* find(StmtKind kind, std::string_view name) const;
};

class Template;

// What the whole unit shares: the scan's files, each file parsed once (or once for the scan,
// through `modules`, when several units use it), and the output.
class Workspace {
 public:
  Workspace(const FileTable& files, UnitModel& out, ModuleCache* modules = nullptr);
  ~Workspace();
  Workspace(const Workspace&) = delete;
  Workspace& operator=(const Workspace&) = delete;

  // Parses a file once; its syntax diagnostics are reported once.
  const SourceProgram& program(FileId id);
  // The scan's file at `path` (scan-relative, normalised), if any.
  [[nodiscard]] std::optional<FileId> find(std::string_view path) const;
  [[nodiscard]] const SourceFile& file(FileId id) const { return files_[id]; }
  void diagnose(Diagnostic d);
  UnitModel& out() { return out_; }
  // A .bicep file read without inputs, for what other files import from it.
  Template& library(FileId id);

 private:
  const FileTable& files_;
  UnitModel& out_;
  ModuleCache* modules_;
  std::map<FileId, std::shared_ptr<const SourceProgram>> programs_;
  std::set<std::tuple<FileId, std::uint32_t, std::string>> reported_;
  std::map<FileId, std::unique_ptr<Template>> libraries_;
};

// A reference to a resource or module met while evaluating, with where it was met.
struct SymbolUse {
  std::string target;  // the resource's address in the unit: "aks", "m.aks", "ip[2]"
  bool is_module = false;
  std::string path;    // canonical attribute path of the property that holds it
  SourceSpan span;
};

// How a file is instantiated.
struct TemplateInputs {
  std::map<std::string, Value, std::less<>> params;  // values given for params, by name
  // What each given param's value refers to in the caller, so that a module's resources
  // reference the caller's resources they were handed.
  std::map<std::string, std::vector<SymbolUse>, std::less<>> param_uses;
  azure::DeploymentContext context;
  Scope scope;                          // where its resources deploy unless they say otherwise
  std::string prefix;                   // address prefix of its symbols: "" or "m." / "m[0]."
  std::vector<FileId> chain;            // files of the enclosing modules, for cycle detection
};

class Template {
 public:
  Template(Workspace& workspace, const SourceProgram& source, TemplateInputs inputs);
  ~Template();
  Template(const Template&) = delete;
  Template& operator=(const Template&) = delete;

  // Lowers every resource, and those of every local module, into the unit.
  void lower();
  // An output's value (unknown when absent or not computable); `uses` gets what it refers to.
  Value output(std::string_view name, std::vector<SymbolUse>* uses = nullptr);
  // The values a .bicepparam file assigns (`param x = value`), evaluated.
  std::map<std::string, Value> parameter_assignments();
  [[nodiscard]] const SourceProgram& source() const { return source_; }

 private:
  struct ResourceDecl;
  struct ModuleDecl;
  struct VarState;
  class Evaluator;
  using Locals = std::vector<std::pair<std::string, Value>>;
  friend class Evaluator;

  void index_statements();
  void index_resource(const Statement& s, int parent);
  void index_import(const Statement& s);
  ResourceDecl* resource(std::string_view symbol);
  ModuleDecl* module(std::string_view symbol);
  const Statement* find(StmtKind kind, std::string_view name) const;

  // Lazily evaluated state the evaluator reads through symbols.
  std::optional<Value> param_value(std::string_view name);
  std::optional<Value> var_value(std::string_view name, std::vector<SymbolUse>& uses);
  Value resource_view(ResourceDecl& decl, std::optional<std::size_t> index = std::nullopt,
                      const Value* lowered = nullptr);
  Value full_name(const ResourceDecl& decl, const Expr* object, Value name);
  Value module_view(ModuleDecl& decl);
  Template* module_instance(ModuleDecl& decl, std::optional<std::size_t> index = std::nullopt);
  [[nodiscard]] bool is_imported(std::string_view name) const { return imported_.contains(name); }
  // The file and name an imported local name stands for, when the file is in the scan.
  struct ImportedSymbol {
    FileId file = kNoFile;
    std::string original;  // "*" for a namespace
  };
  [[nodiscard]] const ImportedSymbol* imported(std::string_view local) const;

  void lower_resource(ResourceDecl& decl);
  // One resource; `index` is the loop position when the declaration is a loop over a known array.
  void lower_instance(ResourceDecl& decl, const Expr& body, const Locals& locals, std::optional<std::size_t> index);
  void lower_module(ModuleDecl& decl);
  static Locals loop_locals(const Expr& loop, const Value& item, std::size_t index);
  static Locals unknown_loop_locals(const Expr& loop);
  std::unique_ptr<Template> instantiate(const ModuleDecl& decl, std::string prefix, const Locals& locals);

  Workspace& workspace_;
  const SourceProgram& source_;
  TemplateInputs inputs_;
  std::vector<std::unique_ptr<ResourceDecl>> resources_;
  std::vector<std::unique_ptr<ModuleDecl>> modules_;
  // Keyed by name and searched by string_view: a lookup builds no string.
  std::map<std::string, std::unique_ptr<VarState>, std::less<>> vars_;
  std::map<std::string, Value, std::less<>> params_;
  std::set<std::string, std::less<>> evaluating_params_;
  std::set<std::string, std::less<>> imported_;
  bool kubernetes_extension_ = false;  // `extension kubernetes` or `import 'kubernetes@...'`
  std::map<std::string, ImportedSymbol, std::less<>> imports_;
};

}  // namespace akslint::bicep
