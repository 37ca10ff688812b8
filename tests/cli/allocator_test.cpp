// The akslint executable runs on the allocator the build chose, with its settings.
#include "cli/RunAkslint.h"

#include <catch2/catch.hpp>

#include <cstdio>
#include <string>

TEST_CASE("the executable uses jemalloc with one arena", "[allocator]") {
  if (!AKSLINT_USES_JEMALLOC) {
    SUCCEED("this build keeps the system's allocator (-DAKSLINT_JEMALLOC=OFF, or a sanitized build)");
    return;
  }
  // jemalloc prints its statistics at exit when MALLOC_CONF asks; glibc ignores the variable.
  const std::string command = std::string("MALLOC_CONF=stats_print:true '") + AKSLINT_BINARY + "' --version 2>&1";
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string out;
  char buffer[4096];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
  REQUIRE(::pclose(pipe) == 0);
  CHECK(out.find("jemalloc statistics") != std::string::npos);
  CHECK(out.find("opt.narenas: 1\n") != std::string::npos);
}
