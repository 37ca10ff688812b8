#pragma once
// One result of one rule on one resource.
#include <akslint/analyzer/RuleMetadata.h>
#include <akslint/model/SourceSpan.h>

#include <optional>
#include <string>
#include <vector>

namespace akslint {

struct RelatedLocation {
  SourceSpan span;
  std::string message;
};

struct TextEdit {
  SourceSpan span;          // bytes to replace (empty range = insertion)
  std::string replacement;
};

// A safe textual edit; emitted as SARIF `fixes`.
struct Fix {
  std::string description;
  std::vector<TextEdit> edits;
};

// The resource a finding concerns, as SARIF logicalLocations show it.
struct ResourceRef {
  std::string fully_qualified_name;  // Terraform address, or the ARM/Bicep resource name
  std::string symbol;                // Bicep / ARM symbolic name, else empty
  std::string type;                  // canonical type
};

struct Finding {
  const RuleMetadata* rule = nullptr;
  Level level = Level::Warning;
  std::string message;
  SourceSpan primary;
  std::vector<RelatedLocation> related;
  ResourceRef resource;
  std::string attribute_path;  // canonical path of the offending attribute ("" = resource)
  std::string offending_value; // display text of the value; part of the fingerprint
  std::optional<Fix> fix;
};

}  // namespace akslint
