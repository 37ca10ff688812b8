// Plans arrive as UTF-8, UTF-8 with a byte-order mark, and UTF-16 with CRLF line ends (from
// Windows shells). Discovery converts them; the finding must land on the same line in each.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <memory>
#include <string>

namespace {

struct PipeCloser {
  void operator()(FILE* f) const { pclose(f); }
};

std::string run(const std::string& command) {
  std::unique_ptr<FILE, PipeCloser> pipe(popen(command.c_str(), "r"));
  REQUIRE(pipe != nullptr);
  std::string out;
  char buffer[4096];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe.get())) > 0;) out.append(buffer, n);
  return out;
}

}  // namespace

TEST_CASE("plan encodings: UTF-8, UTF-8 with BOM and UTF-16 give the same finding at the same place") {
  const std::string dir = std::string(AKSLINT_TESTS_DIR) + "/parsers/data/plan/encodings";
  const auto report = nlohmann::json::parse(
      run(std::string("'") + AKSLINT_BINARY + "' scan --format json --root '" + dir + "' '" + dir + "'"));
  CHECK(report["diagnostics"].empty());
  std::vector<std::string> paths;
  for (const auto& f : report["findings"]) {
    if (f["ruleId"] != "AKS201") continue;  // the plan is there for AKS201; other rules may see it too
    paths.push_back(f["path"]);
    CHECK(f["region"]["startLine"] == 19);
    CHECK(f["region"]["startColumn"] == 31);
  }
  CHECK(paths == std::vector<std::string>{"utf16le.json", "utf8-bom.json", "utf8.json"});
}
