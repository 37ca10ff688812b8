#include "UnitFailures.h"

#include <exception>
#include <new>
#include <string>

namespace akslint {

namespace {

UnitModel not_analysed(const DeploymentUnit& unit, std::string code, std::string message) {
  UnitModel model;
  if (!unit.files.empty()) {
    model.diagnostics.push_back(
        {DiagnosticLevel::Error, std::move(code), std::move(message), unit.files.front(), {}});
  }
  return model;
}

}  // namespace

UnitModel out_of_time(const DeploymentUnit& unit, std::chrono::seconds timeout) {
  return not_analysed(unit, "time-limit",
                      "the scan's time limit of " + std::to_string(timeout.count()) +
                          " s (--timeout) ran out before this unit was read; it was not analysed");
}

UnitModel read_contained(const DeploymentUnit& unit, const std::function<UnitModel()>& read) {
  try {
    return read();
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const std::exception& e) {
    return not_analysed(unit, "internal-error",
                        std::string("akslint failed while reading this unit (") + e.what() +
                            "); it was not analysed. This is a bug in akslint: please report it with this file");
  }
}

}  // namespace akslint
