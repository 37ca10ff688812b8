#pragma once
// A deployment unit is what is read and evaluated as one: a Terraform root module (a
// directory with its tfvars), an ARM template with its parameter files, a Bicep entry file
// with its .bicepparam, a plan, or a Kubernetes YAML file.
#include <akslint/model/Diagnostic.h>
#include <akslint/model/Resource.h>
#include <akslint/model/SourceFile.h>

#include <chrono>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace akslint {

enum class UnitKind : std::uint8_t { TerraformModule, TerraformPlan, ArmTemplate, Bicep, KubernetesYaml };

struct DeploymentUnit {
  UnitKind kind = UnitKind::TerraformModule;
  std::string name;            // directory for Terraform, else the entry file's path
  std::vector<FileId> files;   // entry file first; then its companions in path order
};

// What reading one unit yields: resources in the canonical model, and input problems.
struct UnitModel {
  std::vector<Resource> resources;
  std::vector<Diagnostic> diagnostics;
};

// The local modules files call, read from the literal paths they write, without a parse:
// grouping leaves out what is only ever a module, and the module cache keeps what several
// units call. Found once per scan for both.
struct ModuleCalls {
  // Directory of Terraform configuration -> the local module directories it calls ("" is
  // the scan root), itself excluded.
  std::map<std::string, std::vector<std::string>> terraform;
  // .bicep file -> the local .bicep files it declares as modules, itself excluded.
  std::map<std::string, std::vector<std::string>> bicep;
  // ARM template -> the templates it links by a literal `"relativePath"`, resolved from its
  // directory but not yet checked against the scan's files.
  std::map<std::string, std::vector<std::string>> arm;
};
// The files are searched on `jobs` threads (0: one per core).
[[nodiscard]] ModuleCalls find_module_calls(const FileTable& files, unsigned jobs = 1);

// Groups classified files into units, in a deterministic order (by path).
[[nodiscard]] std::vector<DeploymentUnit> group_units(const FileTable& files, const ModuleCalls& calls);
[[nodiscard]] std::vector<DeploymentUnit> group_units(const FileTable& files);

// Bounds on what one unit may make the readers do; hitting one is a diagnostic.
struct ReadLimits {
  // Brackets ({, [, () open at once. The readers recurse per level, so a file nesting deeper
  // is reported and not read rather than overflowing the stack.
  std::uint32_t max_depth = 10000;
  // Instances one count, for_each, copy or loop may expand into; the rest are not analysed.
  std::size_t max_instances = 10000;
  // Instances one unit may expand into in all: nested loops (a module with a count calling a
  // module with a count) multiply, and each place staying under max_instances is no bound.
  [[nodiscard]] std::size_t max_unit_instances() const { return max_instances * 10; }
  // Strings and lists an expression may build; larger results stay unknown (a string
  // template doubling at every step reaches this within a few dozen steps).
  std::size_t max_string_bytes = std::size_t{4} << 20;
  std::size_t max_collection = 100000;
  // Wall time one unit may take to parse and evaluate; past it, what is left evaluates to
  // unknown and expands to nothing, which ends any evaluation quickly. The limits above bound
  // what is built; this bounds what they do not foresee.
  std::chrono::seconds unit_timeout{30};
};

// Inputs named on the command line or in the configuration, for every unit of their kind:
// read after the unit's own files and winning over them, as Terraform's -var-file and -var
// and Azure's --parameters do.
struct UnitInputs {
  std::vector<FileId> var_files;                          // Terraform root modules
  std::vector<std::pair<std::string, std::string>> vars;  // Terraform root modules: NAME, VALUE
  std::vector<FileId> parameter_files;                    // ARM templates and Bicep entries
};

// `--var NAME=VALUE`'s VALUE as Terraform takes it: a list or object is written as JSON (the
// part of HCL's syntax a shell user writes), anything else is the string itself; numbers and
// booleans convert by the variable's type. nullopt for a list or object that does not parse.
// The value has no place in a file: findings about it point at where it is used.
[[nodiscard]] std::optional<Value> var_value(std::string_view text);

class ModuleCache;

// Reads one unit. Never throws on bad input: problems come back as diagnostics. `modules`,
// when given, shares parsed local modules with the scan's other units.
[[nodiscard]] UnitModel read_unit(const DeploymentUnit& unit, const FileTable& files, const ReadLimits& limits = {},
                                  const UnitInputs& inputs = {}, ModuleCache* modules = nullptr);

}  // namespace akslint
