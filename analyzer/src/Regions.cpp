#include <akslint/analyzer/Regions.h>

#include <akslint/analyzer/NodeResourceGroup.h>

#include <algorithm>

namespace akslint {

namespace {

// Regions with availability zones, by programmatic name. Source: "Azure regions list",
// https://learn.microsoft.com/azure/reliability/regions-list (availability zone column),
// checked November 2026. Regions not listed are treated as having no zones: the rule that
// reads this table then stays silent, so a missing new region costs a finding, never a
// false one.
constexpr std::string_view kZonalRegions[] = {
    "australiaeast",  "austriaeast",      "belgiumcentral",  "brazilsouth",   "canadacentral",
    "centralindia",   "centralus",        "chinanorth3",     "eastasia",      "eastus",
    "eastus2",        "francecentral",    "germanywestcentral", "indonesiacentral", "israelcentral",
    "italynorth",     "japaneast",        "japanwest",       "koreacentral",  "malaysiawest",
    "mexicocentral",  "newzealandnorth",  "northeurope",     "norwayeast",    "polandcentral",
    "qatarcentral",   "southafricanorth", "southcentralus",  "southeastasia", "spaincentral",
    "swedencentral",  "switzerlandnorth", "uaenorth",        "uksouth",       "usgovvirginia",
    "westeurope",     "westus2",          "westus3",
};

}  // namespace

bool region_has_availability_zones(std::string_view location) {
  const std::string name = normalized_location(location);
  return std::find(std::begin(kZonalRegions), std::end(kZonalRegions), name) != std::end(kZonalRegions);
}

}  // namespace akslint
