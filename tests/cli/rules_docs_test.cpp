// `akslint explain` and the generated rule docs.
#include "cli/RunAkslint.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <unistd.h>

using akslint::test::quoted;
using akslint::test::run_akslint;

TEST_CASE("the committed rule docs are what the metadata generates", "[docs]") {
  const auto docs = std::string(AKSLINT_SOURCE_DIR) + "/docs/rules";
  const auto result = run_akslint("rules --format markdown --check --output " + quoted(docs));
  INFO("regenerate with: akslint rules --format markdown --output docs/rules");
  CHECK(result.exit_code == 0);
}

TEST_CASE("a stale or missing page fails the docs check", "[docs]") {
  const auto dir = std::filesystem::temp_directory_path() / ("akslint-docs-check-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  CHECK(run_akslint("rules --format markdown --output " + quoted(dir.string())).exit_code == 0);
  CHECK(std::filesystem::exists(dir / "AKS201.md"));
  CHECK(std::filesystem::exists(dir / "README.md"));
  CHECK(run_akslint("rules --format markdown --check --output " + quoted(dir.string())).exit_code == 0);
  std::filesystem::remove(dir / "AKS201.md");
  CHECK(run_akslint("rules --format markdown --check --output " + quoted(dir.string())).exit_code == 1);
  std::filesystem::remove_all(dir);
}

TEST_CASE("explain prints a rule's help by id or slug", "[explain]") {
  const auto by_id = run_akslint("explain AKS201");
  CHECK(by_id.exit_code == 0);
  CHECK(by_id.out.rfind("AKS201 system-pool-scaled-to-zero: ", 0) == 0);
  CHECK(by_id.out.find("How to fix:") != std::string::npos);
  CHECK(run_akslint("explain system-pool-scaled-to-zero").out == by_id.out);
  CHECK(run_akslint("explain AKS999 2>/dev/null").exit_code == 2);
}
