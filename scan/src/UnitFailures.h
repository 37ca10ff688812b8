#pragma once
// Units the scan could not read, each kept in the report as a notification on its entry file,
// so that every input still shows up in the output.
#include <akslint/parsers/DeploymentUnit.h>

#include <chrono>
#include <functional>

namespace akslint {

// The unit was not started before the scan's time limit (--timeout) ran out.
[[nodiscard]] UnitModel out_of_time(const DeploymentUnit& unit, std::chrono::seconds timeout);

// read(), or, when it throws anything but std::bad_alloc, an `internal-error` notification.
// Bad input is reported by the readers, never thrown, so a throw is a bug in akslint: the
// scan loses that unit, not the whole report. Running out of memory still ends the scan.
[[nodiscard]] UnitModel read_contained(const DeploymentUnit& unit, const std::function<UnitModel()>& read);

}  // namespace akslint
