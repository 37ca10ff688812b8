#pragma once
// A Terraform module: the configuration of one directory, and its instances (the root, or
// a local module called with inputs). An instance resolves names for the evaluator, expands
// count and for_each, follows local module calls, and lowers its resources.
#include "terraform/Evaluator.h"

#include <akslint/model/Resource.h>
#include <akslint/parsers/ModuleCache.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace akslint::terraform {

// The blocks of one directory's .tf and .tf.json files, by kind.
struct ModuleConfig {
  std::string dir;  // scan-relative, "" for the scan root
  std::vector<std::unique_ptr<ConfigFile>> files;
  std::map<std::string, const Block*> variables;
  std::map<std::string, const Attribute*> locals;
  std::vector<std::pair<std::string, const Block*>> resources;  // "type.name" / "data.type.name", file order
  std::vector<std::pair<std::string, const Block*>> calls;      // module blocks by name, file order
  std::map<std::string, const Block*> outputs;
  std::vector<const Block*> providers;

  [[nodiscard]] const Block* resource(std::string_view key) const;
  [[nodiscard]] const Block* call(std::string_view name) const;
};

[[nodiscard]] ModuleConfig build_config(std::string dir, std::vector<std::unique_ptr<ConfigFile>> files);

// What the modules of one unit share: the scan's files, diagnostics, and configurations
// of local module directories, each parsed once.
struct Session {
  const FileTable& files;
  EvalSession eval;
  std::map<std::string, ModuleCache::Config> configs;

  // `shared` is the scan's cache; without one (a unit read on its own) the session has its own.
  Session(const FileTable& table, ModuleCache* shared);
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;
  ~Session() = default;

  // The configuration of a local module directory; null when it holds no Terraform files.
  const ModuleConfig* load(const std::string& dir);

 private:
  ModuleCache::Config parse(const std::string& dir, bool& complete) const;

  std::optional<ModuleCache> own_cache_;
  ModuleCache* cache_;
};

using Inputs = std::map<std::string, Evaluator::Isolated>;
// Subscription per provider configuration: "azurerm", "azurerm.alias".
using Providers = std::map<std::string, Value>;

class ModuleInstance final : public Scope {
 public:
  ModuleInstance(Session& session, const ModuleConfig& config, std::string prefix, Inputs inputs,
                 Providers providers, std::vector<std::string> lineage);
  ModuleInstance(const ModuleInstance&) = delete;
  ModuleInstance& operator=(const ModuleInstance&) = delete;
  ~ModuleInstance();

  // Root modules: variable values from tfvars files, in precedence order (later wins).
  void set_variable_files(const std::vector<const ConfigFile*>& tfvars);
  // Root modules: `--var` values, over every file.
  void set_command_line_variables(const std::map<std::string, Value>& values);

  Resolved resolve(std::string_view root, std::span<const Step> steps, Evaluator& ev) override;

  // Lowers the resources of this instance and of the modules it calls.
  void lower(std::vector<Resource>& out);

 private:
  enum class State : std::uint8_t { Pending, Running, Done };
  struct Memo {
    State state = State::Pending;
    Value value;
    std::vector<std::string> targets;
  };
  enum class Expansion : std::uint8_t { Single, Count, ForEach, Unknown };
  struct Key {
    Value key;          // count index or for_each key; null for Single
    Value each_value;   // for_each value
    std::string suffix; // "[0]", "[\"k\"]"
  };
  struct Expanded {
    Expansion kind = Expansion::Single;
    std::vector<Key> keys;
    std::vector<TargetRef> refs;  // what count/for_each referred to
  };
  struct Instance {
    std::string address;
    Value key;
    Value attributes;
    std::vector<TargetRef> refs;
  };
  struct ResourceMemo {
    State state = State::Pending;
    Expansion expansion = Expansion::Single;
    std::vector<Instance> instances;
  };
  struct CallInstance {
    Value key;
    std::unique_ptr<ModuleInstance> module;
  };
  struct CallMemo {
    State state = State::Pending;
    Expansion expansion = Expansion::Single;
    std::vector<CallInstance> instances;
  };

  Value variable(const std::string& name, Evaluator& ev);
  Value local(const std::string& name, Evaluator& ev);
  Value resource_value(const std::string& key, std::span<const Step> rest, Evaluator& ev);
  // `output` names the output used (`module.m.out`), when the traversal says which.
  Value call_value(const std::string& name, const std::string* output, Evaluator& ev);
  const Memo& outputs();
  const ResourceMemo& ensure_resource(const std::string& key);
  CallMemo& ensure_call(const std::string& name);
  void instantiate(CallMemo& memo, const std::string& name, const Block& block);
  Expanded expand(const Body& body);
  Value eval_body(const Body& body, bool resource_level);
  void append_dynamic(const Block& block, Value::Object& members);
  // The resource addresses a depends_on entry names: a resource's instances, or every
  // resource of a module call.
  std::vector<std::string> addresses_of(const std::string& target);
  void all_addresses(std::vector<std::string>& out);
  Providers child_providers(const Block& call, Evaluator& ev) const;
  Value subscription_for(const std::string& tf_type, const Body& body) const;
  std::vector<Reference> depends_on(const Body& body);
  void configure_providers();
  void cycle(std::string_view what, Evaluator& ev);

  Session& session_;
  const ModuleConfig& config_;
  std::string prefix_;  // "" or "module.m." / "module.m[0]."
  Inputs inputs_;
  Providers providers_;
  std::vector<std::string> lineage_;  // module directories from the root down to this one
  std::map<std::string, Expr> variable_files_;
  Evaluator ev_;
  bool providers_configured_ = false;
  std::map<std::string, Memo> variables_;
  std::map<std::string, Memo> locals_;
  Memo outputs_;  // all outputs as one object
  std::map<std::string, std::vector<std::string>> output_targets_;  // what each output refers to
  std::map<std::string, ResourceMemo> resources_;
  std::map<std::string, CallMemo> calls_;
};

}  // namespace akslint::terraform
