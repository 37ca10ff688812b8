// Progress goes to a terminal only: never into a log or a pipe.
#include "support/TestSupport.h"

#include <catch2/catch.hpp>

using namespace akslint::testing;

TEST_CASE("no progress lines when standard error is a file, even outside CI", "[progress]") {
  const TempDir dir;
  const auto err = dir.path() / "stderr.txt";
  // The whole test tree takes long enough that a terminal would see progress.
  const int status = run_command("cd " + quote(AKSLINT_TESTS_DIR) + " && env -u CI " + quote(akslint_binary()) +
                                 " scan . --format json --output " + quote((dir.path() / "out.json").string()) +
                                 " 2>" + quote(err.string()));
  CHECK((status == 1 || status == 2));
  CHECK(read_file(err).find("files read") == std::string::npos);
}
