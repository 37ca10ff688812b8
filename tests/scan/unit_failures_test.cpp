// A unit whose reader throws (a bug) costs that unit, not the report.
#include "UnitFailures.h"

#include <catch2/catch.hpp>

#include <new>
#include <stdexcept>

using namespace akslint;

namespace {

DeploymentUnit two_file_unit() { return {UnitKind::TerraformModule, "infra", {7, 9}}; }

}  // namespace

TEST_CASE("unit failures: a reader that returns is passed through untouched") {
  UnitModel read;
  read.diagnostics.push_back({DiagnosticLevel::Warning, "invalid-utf8", "not UTF-8", 9, {}});
  const UnitModel model = read_contained(two_file_unit(), [&] { return read; });
  REQUIRE(model.diagnostics.size() == 1);
  CHECK(model.diagnostics[0].code == "invalid-utf8");
}

TEST_CASE("unit failures: a reader that throws leaves an internal-error on the unit's entry file") {
  const UnitModel model =
      read_contained(two_file_unit(), []() -> UnitModel { throw std::runtime_error("invalid UTF-8 byte at index 3"); });
  CHECK(model.resources.empty());
  REQUIRE(model.diagnostics.size() == 1);
  const Diagnostic& d = model.diagnostics[0];
  CHECK(d.code == "internal-error");
  CHECK(d.file == 7);
  CHECK(d.makes_scan_partial());
  CHECK(d.message.find("invalid UTF-8 byte at index 3") != std::string::npos);
  CHECK(d.message.find("bug in akslint") != std::string::npos);
}

TEST_CASE("unit failures: running out of memory still ends the scan") {
  CHECK_THROWS_AS(read_contained(two_file_unit(), []() -> UnitModel { throw std::bad_alloc(); }), std::bad_alloc);
}

TEST_CASE("unit failures: a unit not started before the time limit says so") {
  const UnitModel model = out_of_time(two_file_unit(), std::chrono::seconds(60));
  REQUIRE(model.diagnostics.size() == 1);
  CHECK(model.diagnostics[0].code == "time-limit");
  CHECK(model.diagnostics[0].file == 7);
  CHECK(model.diagnostics[0].message.find("60 s (--timeout)") != std::string::npos);
}
