#pragma once
// A problem with the input or the tool, never a finding: it cannot be suppressed
// and it makes the scan partial.
#include <akslint/model/SourceSpan.h>

#include <string>

namespace akslint {

enum class DiagnosticLevel : std::uint8_t { Note, Warning, Error };

struct Diagnostic {
  DiagnosticLevel level = DiagnosticLevel::Error;
  std::string code;     // stable kebab-case id, e.g. "syntax-error", "module-not-followed"
  std::string message;  // what is wrong and what was done about it; emitters add the location
  FileId file = kNoFile;
  SourceSpan span;      // invalid when the problem concerns the whole file

  // An error means some input was not analysed (exit code 2).
  [[nodiscard]] bool makes_scan_partial() const { return level == DiagnosticLevel::Error; }
};

}  // namespace akslint
