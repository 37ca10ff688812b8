// Differential harness for the JSON reader: where the tree-sitter reader that recovers reads
// a value, the reader (the JsonScanner first) must read the same value with the same spans.
// Either reader crashing, hanging or throwing is a finding too.
#include "json/JsonReader.h"
#include "support/ValueDifference.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const akslint::SourceFile file{"t.json", akslint::FileFormat::ArmTemplate,
                                 std::string(reinterpret_cast<const char*>(data), size)};
  const auto read = akslint::read_json(file, 0);
  const auto recovering = akslint::read_json_with_recovery(file, 0);
  if (!recovering.root) return 0;  // the scanner may read valid JSON the grammar rejects (`1e+5`)
  const std::string difference =
      read.root ? akslint::testing::first_difference(*read.root, *recovering.root) : "no value read";
  if (!difference.empty()) {
    std::fprintf(stderr, "the readers differ: %s\n", difference.c_str());
    std::abort();
  }
  return 0;
}
