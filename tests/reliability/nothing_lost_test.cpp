// Nothing lost, nothing leaked: every input file is in the SARIF artifacts, no machine paths
// reach the output, the scan needs no network and runs no program, and the bytes do not
// depend on the number of jobs.
#include "support/TestSupport.h"

#include <akslint/parsers/Classify.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <set>
#include <string>

using namespace akslint::testing;
namespace fs = std::filesystem;

namespace {

// The test data of every component: the largest tree of real inputs the repository holds.
const fs::path kTree = AKSLINT_TESTS_DIR;

std::string scan_tree(const TempDir& out, const std::string& name, const std::string& options,
                      const std::string& wrapper = "") {
  const fs::path log = out.path() / name;
  const int status = run_command("cd " + quote(kTree.string()) + " && " + wrapper + quote(akslint_binary()) +
                                 " scan . --format sarif --output " + quote(log.string()) + " " + options);
  INFO(name);
  REQUIRE((status == 1 || status == 2));
  return read_file(log);
}

// Files that discovery reads, by the same rules: candidates of a known format.
std::set<std::string> input_files() {
  std::set<std::string> out;
  for (const auto& entry : fs::recursive_directory_iterator(kTree)) {
    const std::string path = fs::relative(entry.path(), kTree).generic_string();
    if (!entry.is_regular_file() || !akslint::is_candidate(path)) continue;
    if (akslint::classify(path, read_file(entry.path()).substr(0, 4096)) != akslint::FileFormat::Unknown) {
      out.insert(path);
    }
  }
  return out;
}

}  // namespace

TEST_CASE("every input file appears in the SARIF artifacts") {
  const TempDir out;
  const auto run = nlohmann::json::parse(scan_tree(out, "all.sarif", "")).at("runs").at(0);
  std::set<std::string> artifacts;
  for (const auto& a : run.at("artifacts")) artifacts.insert(a.at("location").at("uri").get<std::string>());
  const auto inputs = input_files();
  CHECK(inputs.size() > 50);
  CHECK(artifacts == inputs);
}

TEST_CASE("no absolute path of the machine in the output") {
  const TempDir out;
  const std::string log = scan_tree(out, "paths.sarif", "");
  CHECK(log.find(kTree.string()) == std::string::npos);
  CHECK(log.find(fs::temp_directory_path().string() + "/") == std::string::npos);
  // As an absolute path: quoted or after file://, not as part of a relative path such as
  // "modules/root/main.tf" when HOME is /root.
  if (const char* home = std::getenv("HOME"); home != nullptr && std::string(home).size() > 1) {
    CHECK(log.find("\"" + std::string(home) + "/") == std::string::npos);
    CHECK(log.find("file://" + std::string(home) + "/") == std::string::npos);
  }
}

TEST_CASE("the same bytes with 1 job and with 4") {
  const TempDir out;
  CHECK(scan_tree(out, "one.sarif", "--jobs 1") == scan_tree(out, "four.sarif", "--jobs 4"));
  CHECK(scan_tree(out, "again.sarif", "--jobs 4") == scan_tree(out, "once-more.sarif", "--jobs 4"));
}

TEST_CASE("the scan works without a network and runs no program") {
  const TempDir out;
  const std::string plain = scan_tree(out, "plain.sarif", "");
  if (run_command("unshare -rn true >/dev/null 2>&1") != 0) {
    WARN("skipped the network-namespace run: unshare -rn is not available here");
  } else {
    CHECK(scan_tree(out, "no-network.sarif", "", "unshare -rn ") == plain);
  }
  // strace is not a build dependency: the syscall check runs only where it is installed and allowed.
  const fs::path trace = out.path() / "trace.txt";
  if (run_command("strace -f -qq -o /dev/null true >/dev/null 2>&1") != 0) {
    WARN("skipped the syscall trace: strace is not available here");
    return;
  }
  // LeakSanitizer cannot stop the threads of a traced process; the sanitizer build leaves it
  // off here (other builds ignore the variable).
  CHECK(scan_tree(out, "traced.sarif", "",
                  "env ASAN_OPTIONS=detect_leaks=0 strace -f -qq -e trace=execve,connect -o " + quote(trace.string()) +
                      " ") == plain);
  const std::string calls = read_file(trace);
  CHECK(calls.find("connect(") == std::string::npos);
  // The one execve is the shell starting akslint itself.
  CHECK(calls.find("execve(") == calls.rfind("execve("));
}

TEST_CASE("the report file appears whole: written aside, then renamed into place") {
  const TempDir out;
  const fs::path trace = out.path() / "trace.txt";
  if (run_command("strace -f -qq -o /dev/null true >/dev/null 2>&1") != 0) {
    WARN("skipped: strace is not available here");
    return;
  }
  const std::string log = scan_tree(out, "report.sarif", "",
                                    "env ASAN_OPTIONS=detect_leaks=0 strace -f -qq -e trace=openat,rename,renameat,"
                                    "renameat2 -o " + quote(trace.string()) + " ");
  CHECK(log.find("\"version\": \"2.1.0\"") != std::string::npos);
  const std::string calls = read_file(trace);
  // The final name is only ever the target of a rename, never opened for writing.
  CHECK(calls.find("report.sarif\", O_WRONLY") == std::string::npos);
  CHECK(calls.find("report.sarif.tmp-") != std::string::npos);
  CHECK(calls.find("rename") != std::string::npos);
  for (const auto& entry : fs::directory_iterator(out.path())) {
    CHECK(entry.path().filename().string().find(".tmp-") == std::string::npos);
  }
}
