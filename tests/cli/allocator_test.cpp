// The akslint executable runs on the allocator the build chose, with its settings.
#include "cli/RunAkslint.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <string>

TEST_CASE("the executable uses jemalloc with one arena and larger thread caches", "[allocator]") {
  if (!AKSLINT_USES_JEMALLOC) {
    SUCCEED("this build keeps the system's allocator (-DAKSLINT_JEMALLOC=OFF, or a sanitized build)");
    return;
  }
  // jemalloc prints its statistics at exit when MALLOC_CONF asks; glibc ignores the variable,
  // so setting it here changes nothing in this (glibc) test process.
  REQUIRE(::setenv("MALLOC_CONF", "stats_print:true", 1) == 0);
  const auto run = akslint::test::run_akslint("--version 2>&1");
  ::unsetenv("MALLOC_CONF");
  REQUIRE(run.exit_code == 0);
  CHECK(run.out.find("jemalloc statistics") != std::string::npos);
  CHECK(run.out.find("opt.narenas: 1\n") != std::string::npos);
  CHECK(run.out.find("opt.tcache_nslots_small_max: 1000\n") != std::string::npos);
  CHECK(run.out.find("opt.lg_tcache_nslots_mul: 2\n") != std::string::npos);
  CHECK(run.out.find("opt.tcache_gc_incr_bytes: 1048576\n") != std::string::npos);
}
