// The problem matcher in docs/ parses every line of the text format, as an editor or CI would.
#include "cli/RunAkslint.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <regex>
#include <sstream>

using akslint::test::quoted;
using akslint::test::run_akslint;

TEST_CASE("the text format's lines match the documented problem matcher", "[text]") {
  std::ifstream in(std::string(AKSLINT_SOURCE_DIR) + "/docs/akslint-problem-matcher.json");
  const auto matcher = nlohmann::json::parse(in);
  const std::regex pattern(matcher["problemMatcher"][0]["pattern"][0]["regexp"].get<std::string>());

  const std::string project = std::string(AKSLINT_TESTS_DIR) + "/sarif/data/project";
  const auto result = run_akslint("scan --no-color --root " + quoted(project) + " " + quoted(project));
  std::istringstream lines(result.out);
  std::vector<std::string> matched;
  for (std::string line; std::getline(lines, line);) {
    std::smatch m;
    if (!std::regex_match(line, m, pattern)) continue;
    // The project is there for these ids; the other rules that see its cluster are left out.
    const std::string id = m[6].str();
    if (id == "AKS201" || id == "AKS902" || id == "syntax-error") matched.push_back(m[1].str() + ":" + m[2].str() + " " + id);
  }
  CHECK(matched == std::vector<std::string>{"cluster.json:15 AKS201", "cluster.json:17 AKS201",
                                            "sandbox.json:11 AKS902", "broken.json:5 syntax-error"});
}
