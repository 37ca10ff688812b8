#pragma once
// Inputs named on the command line or in the configuration (--var-file, --var, --parameters).
#include <akslint/parsers/DeploymentUnit.h>
#include <akslint/scan/Scan.h>

#include <vector>

namespace akslint {

// Each named file taken from the table when discovery found it, else read and added (so it
// is listed with the other inputs); one that cannot be read gets a diagnostic.
[[nodiscard]] UnitInputs load_given_inputs(const ScanOptions& options, FileTable& files,
                                           std::vector<Diagnostic>& diagnostics);

// Drops the units that are nothing but a given file (a parameter file without its template):
// given files are read with every unit of their kind instead.
void drop_given_units(std::vector<DeploymentUnit>& units, const UnitInputs& inputs);

}  // namespace akslint
