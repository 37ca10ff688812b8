// The configuration as `akslint scan`, `config` and `init` use it.
#include "cli/RunAkslint.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>

using akslint::test::quoted;
using akslint::test::run_akslint;

namespace fs = std::filesystem;

namespace {

// A scratch copy of the golden project with a configuration file one directory above it.
struct Workspace {
  fs::path base = fs::temp_directory_path() / ("akslint-cli-config-" + std::to_string(::getpid()));
  fs::path project = base / "infra";

  explicit Workspace(const std::string& config) {
    fs::remove_all(base);
    fs::create_directories(project);
    fs::copy_file(fs::path(AKSLINT_TESTS_DIR) / "sarif/data/project/cluster.json", project / "cluster.json");
    std::ofstream(base / ".akslint.yaml") << config;
  }
  ~Workspace() { fs::remove_all(base); }
  Workspace(const Workspace&) = delete;
  Workspace& operator=(const Workspace&) = delete;

  [[nodiscard]] akslint::test::RunResult scan(const std::string& extra = "") const {
    return run_akslint("scan " + extra + " --root " + quoted(project.string()) + " " + quoted(project.string()));
  }
};

}  // namespace

TEST_CASE("the nearest .akslint.yaml above the root applies", "[config]") {
  CHECK(Workspace("").scan().exit_code == 1);
  const Workspace disabled("disable: [all]\n");
  const auto result = disabled.scan();
  CHECK(result.exit_code == 0);
  CHECK(result.out.rfind("0 findings", 0) == 0);
}

TEST_CASE("levels, excludes and external suppressions change what fails", "[config]") {
  // Only AKS201 is on, so that the other rules that see this cluster do not decide the exit code.
  CHECK(Workspace("disable: [all]\nenable: [AKS201]\nlevels:\n  AKS201: note\n").scan().exit_code == 0);
  CHECK(Workspace("exclude: [cluster.json]\n").scan().exit_code == 0);
  const Workspace suppressed("disable: [all]\nenable: [AKS201]\nsuppress:\n  - rule: AKS201\n    path: '*.json'\n    reason: lab cluster\n");
  const auto result = suppressed.scan("--format sarif");
  CHECK(result.exit_code == 0);
  CHECK(result.out.find("\"kind\": \"external\"") != std::string::npos);
  CHECK(result.out.find("\"justification\": \"lab cluster\"") != std::string::npos);
}

TEST_CASE("--config names the file; a bad one stops the scan with file:line", "[config]") {
  const Workspace ws("");
  std::ofstream(ws.base / "strict.yaml") << "enable: [AKS201]\nlevel: {}\n";
  const auto result = run_akslint("scan --config " + quoted((ws.base / "strict.yaml").string()) + " " +
                                  quoted(ws.project.string()) + " 2>&1");
  CHECK(result.exit_code == 2);
  CHECK(result.out.find("strict.yaml:2: unknown key 'level'") != std::string::npos);
}

TEST_CASE("init writes a starting file that config reads back", "[config]") {
  const Workspace ws("");
  fs::remove(ws.base / ".akslint.yaml");
  CHECK(run_akslint("init " + quoted(ws.project.string())).exit_code == 0);
  CHECK(run_akslint("init " + quoted(ws.project.string()) + " 2>/dev/null").exit_code == 2);  // no overwrite
  const auto effective = run_akslint("config " + quoted(ws.project.string()));
  CHECK(effective.exit_code == 0);
  CHECK(effective.out.find("  AKS201: error\n") != std::string::npos);
}
