// Reads real Terraform: every .tf of the shared corpus must parse without error nodes, and
// every literal attribute we read must equal what HashiCorp's own parser (@cdktf/hcl2json)
// reads. Both parts skip when their inputs (the corpus, node) are absent.
#include "terraform/Evaluator.h"
#include "terraform/Syntax.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

using namespace akslint;
using namespace akslint::terraform;
namespace fs = std::filesystem;

namespace {

const fs::path kCorpus = fs::path(AKSLINT_SOURCE_DIR) / ".." / "shared" / "corpus";

std::vector<fs::path> tf_files(const fs::path& root) {
  std::vector<fs::path> out;
  if (!fs::is_directory(root)) return out;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (e.is_regular_file() && e.path().extension() == ".tf") out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Runs HashiCorp's parser on `files`; null when node or the package is not there.
nlohmann::json hashicorp_parse(const std::vector<fs::path>& files) {
  const fs::path modules(AKSLINT_NODE_MODULES_DIR);
  if (!fs::exists(modules / "@cdktf" / "hcl2json") || std::system("node --version > /dev/null 2>&1") != 0) {
    return nullptr;
  }
  const fs::path dir = fs::temp_directory_path() / ("akslint-hcl2json-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  {
    std::ofstream list(dir / "files.txt");
    for (const auto& f : files) list << f.string() << "\n";
  }
  const fs::path script = fs::path(AKSLINT_TESTS_DIR) / "parsers" / "data" / "terraform" / "hcl2json.js";
  const std::string cmd = "node \"" + script.string() + "\" \"" + modules.string() + "\" \"" +
                          (dir / "files.txt").string() + "\" \"" + (dir / "out.json").string() + "\"";
  nlohmann::json out;
  if (std::system(cmd.c_str()) == 0) out = nlohmann::json::parse(slurp(dir / "out.json"), nullptr, false);
  fs::remove_all(dir);
  return out.is_discarded() ? nlohmann::json() : out;
}

// Whether an HCL expression is a literal: no references, calls, operators or interpolation.
// `parent` and `grandparent` are the node's ancestors within the expression (null above it).
bool is_literal(ts::Node node, ts::Node parent = {}, ts::Node grandparent = {}) {
  const std::string_view t = ts::type(node);
  static constexpr std::string_view kAllowed[] = {
      "expression", "literal_value", "numeric_lit", "bool_lit", "null_lit", "string_lit", "template_literal",
      "quoted_template_start", "quoted_template_end", "collection_value", "tuple", "tuple_start", "tuple_end",
      "object", "object_start", "object_end", "object_elem", "template_expr", "quoted_template", "comment",
      "heredoc_template", "heredoc_start", "heredoc_identifier", "identifier"};
  if (t == "(") return false;  // HashiCorp's parser keeps a parenthesized expression as an expression
  if (t == "variable_expr") {
    // A bare identifier is literal only as an object key.
    return ts::named_child_count(parent) == 1 && ts::type(grandparent) == "object_elem" &&
           ts::field(grandparent, "key") == parent;
  }
  if (ts::is_named(node) && std::find(std::begin(kAllowed), std::end(kAllowed), t) == std::end(kAllowed)) {
    return false;
  }
  const uint32_t n = ts::child_count(node);
  for (uint32_t i = 0; i < n; ++i) {
    if (!is_literal(ts::child(node, i), node, parent)) return false;
  }
  return true;
}

bool same(const Value& ours, const nlohmann::json& theirs) {
  switch (ours.kind()) {
    case Value::Kind::Null: return theirs.is_null();
    case Value::Kind::Bool: return theirs.is_boolean() && theirs.get<bool>() == *ours.as_bool();
    case Value::Kind::Number: return theirs.is_number() && std::fabs(theirs.get<double>() - *ours.as_number()) < 1e-9;
    case Value::Kind::String: return theirs.is_string() && theirs.get<std::string>() == *ours.as_string();
    case Value::Kind::Array: {
      const auto& items = *ours.as_array();
      if (!theirs.is_array() || theirs.size() != items.size()) return false;
      for (std::size_t i = 0; i < items.size(); ++i) {
        if (!same(items[i], theirs[i])) return false;
      }
      return true;
    }
    case Value::Kind::Object: {
      const auto& members = *ours.as_object();
      if (!theirs.is_object() || theirs.size() != members.size()) return false;
      for (const auto& m : members) {
        if (!theirs.contains(m.key) || !same(m.value, theirs[m.key])) return false;
      }
      return true;
    }
    case Value::Kind::Unknown: return false;
  }
  return false;
}

class NoNames final : public Scope {
 public:
  Resolved resolve(std::string_view root, std::span<const Step>, Evaluator&) override {
    return {Value::unknown(std::string(root)), 0, false};
  }
};

struct Differential {
  NoNames scope;
  EvalSession session;
  Evaluator ev{scope, session};
  std::size_t compared = 0;
  std::vector<std::string> mismatches;

  // Compares the literal attributes of `body` with HashiCorp's object for the same block.
  void body(const Body& b, const nlohmann::json& theirs, const std::string& where) {
    if (!theirs.is_object()) {
      mismatches.push_back(where + ": no such block in the reference");
      return;
    }
    for (const auto& a : b.attributes) {
      if (a.expr.doc == nullptr || !is_literal(a.expr.node)) continue;
      ++compared;
      const Value ours = ev.eval(a.expr);
      if (!theirs.contains(a.name) || !same(ours, theirs[a.name])) {
        mismatches.push_back(where + "." + a.name + ": ours " + ours.to_display() + ", theirs " +
                             (theirs.contains(a.name) ? theirs[a.name].dump() : "absent"));
      }
    }
    blocks(b.blocks, theirs, where);
  }

  // Blocks sit in the reference as type -> labels... -> [instances].
  void blocks(const std::vector<Block>& list, const nlohmann::json& theirs, const std::string& where) {
    std::map<std::string, std::size_t> seen;
    for (const Block& blk : list) {
      const nlohmann::json* node = theirs.contains(blk.type) ? &theirs[blk.type] : nullptr;
      std::string key = blk.type;
      for (const auto& label : blk.labels) {
        key += "." + label;
        node = node != nullptr && node->is_object() && node->contains(label) ? &(*node)[label] : nullptr;
      }
      const std::size_t index = seen[key]++;
      const std::string here = where + "/" + key + "[" + std::to_string(index) + "]";
      if (node == nullptr || !node->is_array() || index >= node->size()) {
        mismatches.push_back(here + ": no such block in the reference");
        continue;
      }
      body(blk.body, (*node)[index], here);
    }
  }
};

void run_differential(const std::vector<fs::path>& files, std::string_view label) {
  const nlohmann::json reference = hashicorp_parse(files);
  if (!reference.is_object()) {
    WARN("node or @cdktf/hcl2json not available: differential test skipped");
    return;
  }
  Differential diff;
  std::size_t rejected = 0;
  for (const auto& path : files) {
    const std::string key = path.string();
    if (!reference.contains(key)) continue;
    const auto& theirs = reference[key];
    SourceFile file{key, FileFormat::Terraform, slurp(path)};
    const auto ours = parse_config_file(file, 0);
    if (theirs.contains("__error")) {
      ++rejected;
      CHECK(ours->error.has_value());  // a file HashiCorp rejects must give us a diagnostic
      continue;
    }
    if (ours->error) {
      diff.mismatches.push_back(key + ": we report " + ours->error->message);
      continue;
    }
    diff.blocks(ours->body.blocks, theirs, key);
  }
  WARN(label << ": " << files.size() << " files, " << rejected << " rejected by HashiCorp's parser, " << diff.compared
             << " literal attributes compared, " << diff.mismatches.size() << " differ");
  for (std::size_t i = 0; i < std::min<std::size_t>(diff.mismatches.size(), 20); ++i) WARN(diff.mismatches[i]);
  CHECK(diff.mismatches.empty());
}

}  // namespace

TEST_CASE("terraform corpus: every .tf file parses without error nodes") {
  const auto files = tf_files(kCorpus);
  if (files.empty()) {
    WARN("corpus not present: skipped");
    return;
  }
  std::size_t clean = 0;
  std::vector<std::string> failed;
  for (const auto& path : files) {
    SourceFile file{path.string(), FileFormat::Terraform, slurp(path)};
    const auto parsed = parse_config_file(file, 0);
    if (parsed->error) {
      failed.push_back(path.string() + ":" + std::to_string(file.start(parsed->error->span).row + 1) + ": " +
                       parsed->error->message);
    } else {
      ++clean;
    }
  }
  WARN("corpus: " << files.size() << " .tf files, " << clean << " without error nodes");
  for (std::size_t i = 0; i < std::min<std::size_t>(failed.size(), 20); ++i) WARN(failed[i]);
  CHECK(failed.empty());
}

TEST_CASE("terraform differential: literal attributes of the tests' .tf files match HashiCorp's parser") {
  run_differential(tf_files(fs::path(AKSLINT_TESTS_DIR)), "tests");
}

TEST_CASE("terraform differential: literal attributes of the corpus match HashiCorp's parser") {
  const auto files = tf_files(kCorpus);
  if (files.empty()) {
    WARN("corpus not present: skipped");
    return;
  }
  run_differential(files, "corpus");
}
