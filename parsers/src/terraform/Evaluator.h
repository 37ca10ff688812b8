#pragma once
// Partial evaluation of Terraform expressions over the syntax tree: literals, templates and
// heredocs, operators, conditionals, for-expressions, splats, traversals and function
// calls. Whatever depends on something not known stays Unknown with its expression text;
// nothing is executed or guessed.
#include "terraform/Syntax.h"

#include <akslint/model/Diagnostic.h>

#include <deque>
#include <map>
#include <span>
#include <string>
#include <vector>

namespace akslint::terraform {

// One step of a traversal after its root name: `.name`, `[key]`, or a splat (`[*]`, `.*`)
// that applies the steps after it to each element.
struct Step {
  enum class Kind : std::uint8_t { Attr, Index, Splat };
  Kind kind = Kind::Attr;
  std::string name;  // Attr
  Value key;         // Index
};

class Evaluator;

// What a traversal root names, and how many of the steps after it the scope consumed.
// `computed` marks values of resources: attributes missing there are computed by the
// provider, so they are unknown rather than errors.
struct Resolved {
  Value value;
  std::size_t consumed = 0;
  bool computed = false;
};

// Resolves the global names of a module (var, local, module, data, resource types).
class Scope {
 public:
  virtual Resolved resolve(std::string_view root, std::span<const Step> steps, Evaluator& ev) = 0;

 protected:
  Scope() = default;
  Scope(const Scope&) = default;
  Scope& operator=(const Scope&) = default;
  ~Scope() = default;
};

// Parsed copies of .tf.json string templates, kept alive for the trees that point into them.
class JsonTemplates {
 public:
  // The template node for `text`, or a null node when it does not parse.
  [[nodiscard]] std::pair<const ts::SyntaxTree*, ts::Node> parse(std::string_view text);

 private:
  std::deque<std::string> texts_;
  std::deque<ts::SyntaxTree> trees_;
  std::map<std::string, std::pair<const ts::SyntaxTree*, ts::Node>, std::less<>> cache_;
};

// The shared state of one unit's evaluation.
struct EvalSession {
  std::vector<Diagnostic> diagnostics;
  JsonTemplates templates;

  void report(DiagnosticLevel level, std::string code, std::string message, SourceSpan span);
};

// A reference to another resource or module, at the span in the evaluated expression that
// leads to it.
struct TargetRef {
  std::string target;
  SourceSpan span;
};

class Evaluator {
 public:
  Evaluator(Scope& scope, EvalSession& session) : scope_(scope), session_(session) {}

  [[nodiscard]] Value eval(const Expr& expr);

  // Binds a name (count, each, a for-expression or dynamic-block iterator) for the
  // lifetime of the guard.
  class Binding {
   public:
    Binding(Evaluator& ev, std::string name, Value value);
    ~Binding();
    Binding(const Binding&) = delete;
    Binding& operator=(const Binding&) = delete;

   private:
    Evaluator& ev_;
  };

  // Sets aside the evaluation in progress (bindings, references) for one started in the
  // middle of it, such as a resource that another refers to, and restores it afterwards.
  class Frame {
   public:
    explicit Frame(Evaluator& ev, bool keep_bindings = false);
    ~Frame();
    Frame(const Frame&) = delete;
    Frame& operator=(const Frame&) = delete;

   private:
    Evaluator& ev_;
    std::vector<std::pair<std::string, Value>> bindings_;
    std::vector<TargetRef> references_;
    SourceSpan anchor_;
    bool anchor_fixed_;
  };

  // Evaluates `expr` in a frame of its own and returns what it referred to: for a local,
  // output or module input whose value is shared by every place that uses it.
  struct Isolated {
    Value value;
    std::vector<std::string> targets;
  };
  [[nodiscard]] Isolated isolated(const Expr& expr, bool keep_bindings = false);

  // References noted while evaluating, since the last take.
  void note_reference(std::string target);
  [[nodiscard]] std::vector<TargetRef> take_references();

  // An evaluation error (what Terraform would reject): the result is unknown, and try()
  // and can() see it.
  void fail() { ++errors_; }
  [[nodiscard]] EvalSession& session() { return session_; }
  [[nodiscard]] SourceSpan anchor() const { return anchor_; }

 private:
  friend class Binding;
  Value eval_node(const ts::SyntaxTree& doc, ts::Node node);
  Value eval_json(const Value& json);
  Value eval_sequence(const ts::SyntaxTree& doc, ts::Node parent, uint32_t begin, uint32_t end);
  Value eval_traversal(const ts::SyntaxTree& doc, ts::Node parent, uint32_t begin, uint32_t end);
  Value eval_operation(const ts::SyntaxTree& doc, ts::Node node);
  Value eval_binary(const ts::SyntaxTree& doc, ts::Node node);
  Value eval_conditional(const ts::SyntaxTree& doc, ts::Node node);
  Value eval_collection(const ts::SyntaxTree& doc, ts::Node node);
  Value eval_for(const ts::SyntaxTree& doc, ts::Node node);
  Value eval_call(const ts::SyntaxTree& doc, ts::Node node);
  Value eval_template(const ts::SyntaxTree& doc, ts::Node node, bool json_string);
  std::vector<Step> steps(const ts::SyntaxTree& doc, ts::Node parent, uint32_t begin, uint32_t end);
  Value apply(Value value, std::span<const Step> steps, bool computed, const std::string& text, SourceSpan span);
  const Value* bound(std::string_view name) const;

  Scope& scope_;
  EvalSession& session_;
  std::vector<std::pair<std::string, Value>> bindings_;
  std::vector<TargetRef> references_;
  SourceSpan anchor_;         // the outermost traversal being evaluated, where references point
  bool anchor_fixed_ = false; // inside a .tf.json string, references point at the string
  std::size_t errors_ = 0;

  friend class TemplateRenderer;
};

// Terraform's string form of a primitive; nullopt for collections, null and unknowns.
[[nodiscard]] std::optional<std::string> to_template_string(const Value& v);

}  // namespace akslint::terraform
