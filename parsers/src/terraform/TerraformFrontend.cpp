// Reads a Terraform root module: parses its files, evaluates it (variables from tfvars,
// locals, references, count/for_each, local modules) and lowers its resources.
#include "Frontends.h"
#include "terraform/Module.h"

#include <algorithm>

namespace akslint {

namespace {

std::string_view file_name(std::string_view path) {
  const auto slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// Terraform's automatic variable files, lowest precedence first: terraform.tfvars,
// terraform.tfvars.json, then *.auto.tfvars(.json) in lexical order. Other .tfvars files
// are only read when named on the command line.
std::vector<const terraform::ConfigFile*> auto_loaded(const std::vector<std::unique_ptr<terraform::ConfigFile>>& vars,
                                                      const FileTable& files) {
  const auto rank = [&](const terraform::ConfigFile& f) -> int {
    const auto name = file_name(files[f.id].path);
    if (name == "terraform.tfvars") return 0;
    if (name == "terraform.tfvars.json") return 1;
    if (name.ends_with(".auto.tfvars") || name.ends_with(".auto.tfvars.json")) return 2;
    return -1;
  };
  std::vector<const terraform::ConfigFile*> out;
  for (const auto& f : vars) {
    if (rank(*f) >= 0) out.push_back(f.get());
  }
  std::stable_sort(out.begin(), out.end(), [&](const auto* a, const auto* b) {
    if (rank(*a) != rank(*b)) return rank(*a) < rank(*b);
    return file_name(files[a->id].path) < file_name(files[b->id].path);
  });
  return out;
}

// `--var NAME=VALUE` values, as var_value() reads them.
std::map<std::string, Value> command_line_values(const std::vector<std::pair<std::string, std::string>>& vars) {
  std::map<std::string, Value> out;
  for (const auto& [name, text] : vars) out[name] = var_value(text).value_or(Value::unknown("var." + name));
  return out;
}

}  // namespace

UnitModel read_terraform_module(const DeploymentUnit& unit, const FileTable& files, const UnitInputs& inputs,
                                ModuleCache* modules) {
  UnitModel out;
  std::vector<std::unique_ptr<terraform::ConfigFile>> config_files;
  std::vector<std::unique_ptr<terraform::ConfigFile>> var_files;
  std::vector<std::unique_ptr<terraform::ConfigFile>> given_var_files;
  const auto parse = [&](FileId id) -> std::unique_ptr<terraform::ConfigFile> {
    auto parsed = terraform::parse_config_file(files[id], id);
    if (!parsed->error) return parsed;
    // One diagnostic per file; the unit's other files are still read.
    out.diagnostics.push_back(*parsed->error);
    return nullptr;
  };
  for (const FileId id : unit.files) {
    if (std::find(inputs.var_files.begin(), inputs.var_files.end(), id) != inputs.var_files.end()) continue;
    if (auto parsed = parse(id)) {
      (files[id].format == FileFormat::TerraformVars ? var_files : config_files).push_back(std::move(parsed));
    }
  }
  for (const FileId id : inputs.var_files) {
    if (auto parsed = parse(id)) given_var_files.push_back(std::move(parsed));
  }
  const std::string dir = unit.name == "." ? std::string() : unit.name;
  const terraform::ModuleConfig config = terraform::build_config(dir, std::move(config_files));
  terraform::Session session(files, modules);
  terraform::ModuleInstance root(session, config, "", {}, {}, {dir});
  auto variable_files = auto_loaded(var_files, files);
  for (const auto& f : given_var_files) variable_files.push_back(f.get());
  root.set_variable_files(variable_files);
  root.set_command_line_variables(command_line_values(inputs.vars));
  root.lower(out.resources);
  for (auto& d : session.eval.diagnostics) out.diagnostics.push_back(std::move(d));
  return out;
}

}  // namespace akslint
