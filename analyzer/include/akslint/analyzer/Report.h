#pragma once
// Everything a scan produced, in the order emitters print it.
#include <akslint/analyzer/Finding.h>
#include <akslint/model/Diagnostic.h>
#include <akslint/model/SourceFile.h>

#include <vector>

namespace akslint {

struct Report {
  FileTable files;                         // every classified input file: SARIF artifacts
  std::vector<Diagnostic> diagnostics;     // input and tool problems, sorted by file and position
  std::vector<Finding> findings;           // sorted by file, position, rule id
  std::vector<const RuleMetadata*> rules;  // the rules that ran, by id

  [[nodiscard]] bool partial() const;  // some input could not be analysed
};

// 1-based line and code-point column of a span's start and end, as editors and SARIF count.
struct TextRegion {
  std::uint32_t start_line = 1;
  std::uint32_t start_column = 1;
  std::uint32_t end_line = 1;
  std::uint32_t end_column = 1;
};
[[nodiscard]] TextRegion text_region(const SourceFile& file, const SourceSpan& span);

}  // namespace akslint
