#pragma once
// Runs akslint over a directory of hostile files beside one good Terraform module, and reads
// back what the SARIF log says about each file.
#include "support/TestSupport.h"

#include <nlohmann/json.hpp>

#include <string>

namespace akslint::testing {

// A module with one AKS201 finding (a system pool at zero): proof that the rest of the scan
// was analysed. Other rules also fire on it; tests count only AKS201.
inline constexpr const char* kGoodModule = R"(resource "azurerm_kubernetes_cluster" "aks" {
  name = "aks"
  default_node_pool {
    name       = "system"
    node_count = 0
  }
}
)";

struct ScanLog {
  int status = -1;
  nlohmann::json run;

  // AKS201 results located in `uri`.
  [[nodiscard]] std::size_t aks201_results_in(const std::string& uri) const;
  // Whether some notification is about `uri` and has `code` (empty: any code).
  [[nodiscard]] bool notified(const std::string& uri, const std::string& code = "") const;
  [[nodiscard]] std::size_t artifacts() const { return run.at("artifacts").size(); }
};

// Scans `dir` (with good/main.tf written into it) to SARIF with extra command-line `options`.
[[nodiscard]] ScanLog scan_with_good_module(const TempDir& dir, const std::string& options = "");

}  // namespace akslint::testing
