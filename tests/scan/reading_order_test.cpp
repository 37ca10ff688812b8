// Which units the scan's threads take up first: the heavy ones, then the rest in path order.
#include "ReadingOrder.h"

#include <catch2/catch.hpp>

#include <string>

using namespace akslint;

namespace {

void add_terraform(FileTable& files, std::string path, std::string text) {
  files.add({std::move(path), FileFormat::Terraform, std::move(text)});
}

// A configuration file of about `bytes` bytes.
std::string padded(std::size_t bytes) { return "locals {\n  note = \"" + std::string(bytes, 'x') + "\"\n}\n"; }

// The units' names in reading order, a '|' after the heavy ones.
std::vector<std::string> names_in_order(const std::vector<DeploymentUnit>& units, const FileTable& files) {
  const ModuleCache modules(files, units);
  const ReadingOrder order = reading_order(units, files, modules);
  std::vector<std::string> out;
  for (std::size_t k = 0; k < order.units.size(); ++k) {
    if (k == order.heavy) out.emplace_back("|");
    out.push_back(units[order.units[k]].name);
  }
  return out;
}

}  // namespace

TEST_CASE("reading order: heavy units first, heaviest first, then the rest in path order") {
  FileTable files;
  // 300 kB in all: a unit is heavy above 586 bytes.
  add_terraform(files, "a/main.tf", padded(100));
  add_terraform(files, "b/main.tf", padded(100'000));
  add_terraform(files, "c/main.tf", padded(400));
  add_terraform(files, "d/main.tf", padded(200'000));
  add_terraform(files, "e/main.tf", padded(200));
  const auto units = group_units(files);
  REQUIRE(units.size() == 5);
  CHECK(names_in_order(units, files) == std::vector<std::string>{"d", "b", "|", "a", "c", "e"});
}

TEST_CASE("reading order: a unit weighs what it reads, the local modules it calls included") {
  FileTable files;
  add_terraform(files, "a/main.tf", padded(100));
  add_terraform(files, "b/main.tf", padded(20'000));
  add_terraform(files, "caller/main.tf", "module \"big\" {\n  source = \"../module\"\n}\n");
  add_terraform(files, "module/main.tf", padded(50'000));
  add_terraform(files, "z/main.tf", padded(100));
  const auto units = group_units(files);
  REQUIRE(units.size() == 4);  // the module is read with its caller, not on its own
  CHECK(names_in_order(units, files) == std::vector<std::string>{"caller", "b", "|", "a", "z"});
}

TEST_CASE("reading order: units of like weight keep their path order") {
  FileTable files;
  for (const char* dir : {"m", "k", "x", "a"}) add_terraform(files, std::string(dir) + "/main.tf", padded(1'000));
  const auto units = group_units(files);
  CHECK(names_in_order(units, files) == std::vector<std::string>{"a", "k", "m", "x"});
}
