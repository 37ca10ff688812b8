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
  SourceSpan declaration;            // the whole declaration: resource-scope suppressions
  SourceSpan header;                 // the line that opens it
};

// Why a finding is not counted: SARIF result.suppressions[].
enum class SuppressionKind : std::uint8_t { InSource, External };
struct AppliedSuppression {
  SuppressionKind kind = SuppressionKind::InSource;
  std::string justification;
};

// How a finding compares with a baseline run: SARIF result.baselineState.
enum class BaselineState : std::uint8_t { None, New, Unchanged, Updated };

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
  std::vector<AppliedSuppression> suppressions;  // non-empty: reported, but not counted
  BaselineState baseline = BaselineState::None;

  [[nodiscard]] bool suppressed() const { return !suppressions.empty(); }
};

}  // namespace akslint
