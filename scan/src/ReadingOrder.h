#pragma once
// The order in which the scan's threads take up the deployment units.
#include <akslint/model/SourceFile.h>
#include <akslint/parsers/DeploymentUnit.h>
#include <akslint/parsers/ModuleCache.h>

#include <cstddef>
#include <vector>

namespace akslint {

// Unit indexes in reading order; the first `heavy` of them are the heavy units.
struct ReadingOrder {
  std::vector<std::size_t> units;
  std::size_t heavy = 0;
};

// A unit's weight is the text its reading evaluates: its own files and the local modules it
// calls. Heavy units (each more than 1/512 of all the weight) come first, heaviest first, so
// that none is left to run alone at the end and the memory each holds while it is read comes
// while the model is still small. The rest follow in path order, where neighbours call the
// same modules and their texts lie next to each other in memory: on the corpus that took a
// tenth off the CPU time of reading them largest first. (The scan's threads take the heavy
// units as they come free and split the rest into runs of neighbours, parallel_for_runs: two
// threads evaluating one module's values at once would contend for its reference counts.)
[[nodiscard]] ReadingOrder reading_order(const std::vector<DeploymentUnit>& units, const FileTable& files,
                                         const ModuleCache& modules);

}  // namespace akslint
