#include "Hostile.h"

namespace akslint::testing {

std::size_t ScanLog::aks201_results_in(const std::string& uri) const {
  std::size_t n = 0;
  for (const auto& r : run.at("results")) {
    if (r.at("ruleId") != "AKS201") continue;
    if (r.at("locations").at(0).at("physicalLocation").at("artifactLocation").at("uri") == uri) ++n;
  }
  return n;
}

bool ScanLog::notified(const std::string& uri, const std::string& code) const {
  const auto& invocation = run.at("invocations").at(0);
  if (!invocation.contains("toolExecutionNotifications")) return false;
  for (const auto& n : invocation.at("toolExecutionNotifications")) {
    const std::string text = n.dump();
    if (text.find("\"" + uri + "\"") != std::string::npos && (code.empty() || text.find(code) != std::string::npos)) {
      return true;
    }
  }
  return false;
}

ScanLog scan_with_good_module(const TempDir& dir, const std::string& options) {
  dir.write("good/main.tf", kGoodModule);
  ScanLog log;
  log.status = run_command("cd " + quote(dir.path().string()) + " && " + quote(akslint_binary()) +
                           " scan . --format sarif --output out.sarif " + options);
  log.run = nlohmann::json::parse(read_file(dir.path() / "out.sarif")).at("runs").at(0);
  return log;
}

}  // namespace akslint::testing
