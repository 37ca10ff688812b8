// `cmake --install` puts the executable and the documentation where a package would.
#include "cli/RunAkslint.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <unistd.h>

namespace fs = std::filesystem;
using akslint::test::quoted;

TEST_CASE("cmake --install installs the binary and the docs", "[install]") {
  const fs::path build = fs::path(AKSLINT_BINARY).parent_path().parent_path();
  const fs::path prefix = fs::temp_directory_path() / ("akslint-install-" + std::to_string(::getpid()));
  const std::string command =
      "cmake --install " + quoted(build.string()) + " --prefix " + quoted(prefix.string()) + " > /dev/null";
  REQUIRE(std::system(command.c_str()) == 0);
  CHECK(fs::exists(prefix / "bin" / "akslint"));
  CHECK(fs::exists(prefix / "share" / "doc" / "akslint" / "rules" / "README.md"));
  CHECK(fs::exists(prefix / "share" / "doc" / "akslint" / "rules" / "AKS201.md"));
  CHECK(fs::exists(prefix / "share" / "doc" / "akslint" / "configuration.md"));
  CHECK(std::system((quoted((prefix / "bin" / "akslint").string()) + " --version > /dev/null").c_str()) == 0);
  fs::remove_all(prefix);
}
