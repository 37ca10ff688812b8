// Every output format against its golden file (normalised; AKSLINT_UPDATE_GOLDEN=1 rewrites).
#include "sarif/Golden.h"

#include <akslint/sarif/Emitters.h>

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

using namespace akslint;

namespace {

constexpr ToolInfo kTestTool{"akslint", "0.0.0-test", "https://github.com/akslint/akslint"};

}  // namespace

TEST_CASE("each output format matches its golden file", "[golden]") {
  const Report report = test::golden_report("project");
  REQUIRE_FALSE(report.findings.empty());
  REQUIRE_FALSE(report.diagnostics.empty());

  SECTION("sarif") {
    const auto out = test::normalise(to_sarif(report, kTestTool, {"iac/aks"}));
    CHECK(out == test::golden("project.sarif", out));
  }
  SECTION("text") {
    const auto out = test::normalise(to_text(report));
    CHECK(out == test::golden("project.txt", out));
  }
  SECTION("json") {
    const auto out = test::normalise(to_json(report, kTestTool));
    CHECK(out == test::golden("project.json", out));
  }
  SECTION("github") {
    const auto out = test::normalise(to_github(report));
    CHECK(out == test::golden("project.github.txt", out));
  }
  SECTION("rdjson") {
    const auto out = test::normalise(to_rdjson(report, kTestTool));
    CHECK(out == test::golden("project.rdjson", out));
  }
  SECTION("junit") {
    const auto out = test::normalise(to_junit(report));
    CHECK(out == test::golden("project.junit.xml", out));
  }
  SECTION("markdown") {
    const auto out = test::normalise(to_markdown(report));
    CHECK(out == test::golden("project.md", out));
  }
}

TEST_CASE("text output is coloured only when asked", "[text]") {
  const Report report = test::golden_report("project");
  CHECK(to_text(report).find('\x1b') == std::string::npos);
  const std::string coloured = to_text(report, {.color = true});
  CHECK(coloured.find("\x1b[1;31merror\x1b[0m") != std::string::npos);
}

TEST_CASE("sarif carries the category as automationDetails.id", "[sarif]") {
  const Report report = test::golden_report("project");
  const auto log = nlohmann::json::parse(to_sarif(report, kTestTool, {"terraform"}));
  CHECK(log["runs"][0]["automationDetails"]["id"] == "terraform/");
  const auto plain = nlohmann::json::parse(to_sarif(report, kTestTool));
  CHECK_FALSE(plain["runs"][0].contains("automationDetails"));
}

TEST_CASE("results written apart on several threads are the bytes of one dump", "[sarif][json]") {
  const Report report = test::golden_report("project");
  REQUIRE(report.findings.size() > 2);
  const std::string one = to_sarif(report, kTestTool, {.jobs = 1});
  CHECK(to_sarif(report, kTestTool, {.jobs = 4}) == one);
  CHECK(nlohmann::ordered_json::parse(one).dump(2) + "\n" == one);
  const std::string json_one = to_json(report, kTestTool, 1);
  CHECK(to_json(report, kTestTool, 4) == json_one);
  CHECK(nlohmann::ordered_json::parse(json_one).dump(2) + "\n" == json_one);
  Report empty;
  const std::string none = to_sarif(empty, kTestTool);
  CHECK(nlohmann::ordered_json::parse(none).dump(2) + "\n" == none);
}

TEST_CASE("github workflow commands escape data and properties", "[github]") {
  Report report;
  const FileId file = report.files.add({"dir/a,b:c.tf", FileFormat::Terraform, "x = 1\n"});
  report.diagnostics.push_back({DiagnosticLevel::Warning, "syntax-error", "50% done\nnext line", file,
                                SourceSpan{file, 0, 1}});
  CHECK(to_github(report) ==
        "::warning file=dir/a%2Cb%3Ac.tf,line=1,col=1,endLine=1,endColumn=2,title=akslint syntax-error::50%25 "
        "done%0Anext line\n");
}
