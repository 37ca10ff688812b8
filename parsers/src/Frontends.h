#pragma once
// One entry point per input format. Each reads a whole deployment unit and lowers it to
// the canonical model; none decides policy.
#include <akslint/parsers/DeploymentUnit.h>

namespace akslint {

// `var_files` and `vars` come after the module's automatic variable files, in that order.
// Local modules come from `modules` when given.
[[nodiscard]] UnitModel read_terraform_module(const DeploymentUnit& unit, const FileTable& files,
                                              const UnitInputs& inputs = {}, ModuleCache* modules = nullptr);
[[nodiscard]] UnitModel read_terraform_plan(const DeploymentUnit& unit, const FileTable& files);
[[nodiscard]] UnitModel read_arm_template(const DeploymentUnit& unit, const FileTable& files);
[[nodiscard]] UnitModel read_bicep(const DeploymentUnit& unit, const FileTable& files, ModuleCache* modules = nullptr);
[[nodiscard]] UnitModel read_kubernetes_yaml(const DeploymentUnit& unit, const FileTable& files);

}  // namespace akslint
