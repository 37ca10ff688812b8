#pragma once
// A deployment unit is what is read and evaluated as one: a Terraform root module (a
// directory with its tfvars), an ARM template with its parameter files, a Bicep entry file
// with its .bicepparam, a plan, or a Kubernetes YAML file.
#include <akslint/model/Diagnostic.h>
#include <akslint/model/Resource.h>
#include <akslint/model/SourceFile.h>

#include <string>
#include <string_view>
#include <vector>

namespace akslint {

enum class UnitKind : std::uint8_t { TerraformModule, TerraformPlan, ArmTemplate, Bicep, KubernetesYaml };

struct DeploymentUnit {
  UnitKind kind = UnitKind::TerraformModule;
  std::string name;            // directory for Terraform, else the entry file's path
  std::vector<FileId> files;   // entry file first; then its companions in path order
};

// An inline directive that turns checks off for the line after it, as written in the source
// (Bicep `#disable-next-line code...`); kept for suppressions.
struct DisableNextLine {
  FileId file = kNoFile;
  std::uint32_t row = 0;  // 0-based row of the directive
  std::vector<std::string> codes;
};

// What reading one unit yields: resources in the canonical model, and input problems.
struct UnitModel {
  std::vector<Resource> resources;
  std::vector<Diagnostic> diagnostics;
  std::vector<DisableNextLine> disable_next_line;
};

// Groups classified files into units, in a deterministic order (by path).
[[nodiscard]] std::vector<DeploymentUnit> group_units(const FileTable& files);

// Bounds on what one unit may make the readers do; hitting one is a diagnostic.
struct ReadLimits {
  // Brackets ({, [, () open at once. The readers recurse per level, so a file nesting deeper
  // is reported and not read rather than overflowing the stack.
  std::uint32_t max_depth = 10000;
};

// The deepest bracket nesting in `text`, counted over every byte (strings included: a cheap
// bound that holds for every format).
[[nodiscard]] std::uint32_t bracket_depth(std::string_view text);

// Reads one unit. Never throws on bad input: problems come back as diagnostics.
[[nodiscard]] UnitModel read_unit(const DeploymentUnit& unit, const FileTable& files, const ReadLimits& limits = {});

}  // namespace akslint
