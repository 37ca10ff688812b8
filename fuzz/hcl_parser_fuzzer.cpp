// Differential harness for akslint's HCL parser: whatever text it takes, tree-sitter must
// parse without an error into the same tree, node for node. Either parser crashing, hanging
// or throwing is a finding too.
#include "support/TreeDifference.h"
#include "terraform/HclParser.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto ours = akslint::terraform::parse_hcl(text, 0);
  const akslint::ts::Document doc(tree_sitter_hcl(), text, 0);
  if (ours == nullptr) return 0;  // left to tree-sitter, as the scan leaves it
  if (!doc.ok() || doc.first_syntax_error()) {
    std::fprintf(stderr, "akslint's parser took text tree-sitter finds an error in\n");
    std::abort();
  }
  const std::string difference =
      akslint::testing::first_difference(ours->root(), akslint::ts::SyntaxTree(doc).root(), tree_sitter_hcl());
  if (!difference.empty()) {
    std::fprintf(stderr, "the parsers differ: %s\n", difference.c_str());
    std::abort();
  }
  return 0;
}
