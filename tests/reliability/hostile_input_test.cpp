// Hostile input: each case shows that the scan finishes, that the good module beside the
// hostile file is still analysed, and that a notification names the problem.
#include "Hostile.h"

#include <akslint/model/Utf8.h>

#include <catch2/catch.hpp>

#include <string>
#include <utility>

using namespace akslint::testing;

namespace {

constexpr std::size_t kDeep = 100'000;
constexpr const char* kArmSchema = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#";

std::string nested(char open, char close, std::string_view inner = "") {
  return std::string(kDeep, open) + std::string(inner) + std::string(kDeep, close);
}

void check_reported(const ScanLog& log, const std::string& uri, const std::string& code) {
  INFO(uri);
  CHECK(log.status == 2);
  CHECK(log.aks201_results_in("good/main.tf") == 1);
  CHECK(log.notified(uri, code));
}

}  // namespace

TEST_CASE("nesting 100,000 deep is reported in every format, without a stack overflow") {
  struct Case {
    std::string path;
    std::string text;
  };
  const std::string arm_head = std::string("{\"$schema\": \"") + kArmSchema + "\", \"resources\": [], \"variables\": {\"x\": ";
  const std::vector<Case> cases = {
      {"tf-list/main.tf", "locals {\n  x = " + nested('[', ']') + "\n}\n"},
      {"tf-parens/main.tf", "locals {\n  x = " + nested('(', ')', "1") + "\n}\n"},
      {"tf-json/main.tf.json", "{\"locals\": {\"x\": " + nested('[', ']') + "}}"},
      {"tfvars/terraform.tfvars", "x = " + nested('[', ']') + "\n"},
      {"arm/azuredeploy.json", arm_head + nested('[', ']') + "}}"},
      {"arm-expression/azuredeploy.json", arm_head + "\"[" + nested('(', ')') + "]\"}}"},
      {"plan/plan.json", "{\"format_version\": \"1.2\", \"terraform_version\": \"1.5.0\", \"planned_values\": " +
                             nested('[', ']') + "}"},
      {"bicep/main.bicep", "var x = " + nested('[', ']') + "\n"},
      {"bicepparam/main.bicepparam", "using 'main.bicep'\nparam x = " + nested('[', ']') + "\n"},
      {"yaml/deploy.yaml", "apiVersion: v1\nkind: ConfigMap\ndata: " + nested('[', ']') + "\n"},
  };
  for (const auto& c : cases) {
    const TempDir dir;
    dir.write(c.path, c.text);
    dir.write("bicepparam/main.bicep", "param x array\n");
    dir.write("tfvars/main.tf", "variable \"x\" {}\n");
    check_reported(scan_with_good_module(dir), c.path, "nesting-too-deep");
  }
}

TEST_CASE("nested Terraform blocks 100,000 deep are reported, not a crash") {
  const TempDir dir;
  std::string text;
  for (std::size_t i = 0; i < kDeep; ++i) text += "a {\n";
  for (std::size_t i = 0; i < kDeep; ++i) text += "}\n";
  dir.write("blocks/main.tf", text);
  check_reported(scan_with_good_module(dir), "blocks/main.tf", "nesting-too-deep");
}

TEST_CASE("--max-depth lowers the nesting limit") {
  const TempDir dir;
  dir.write("shallow/main.tf", "locals {\n  x = [[[[1]]]]\n}\n");
  check_reported(scan_with_good_module(dir, "--max-depth 3"), "shallow/main.tf", "nesting-too-deep");
}

TEST_CASE("a file over --max-file-size is reported and not read") {
  const TempDir dir;
  dir.write("big/main.tf", "# " + std::string(4096, 'x') + "\n");
  check_reported(scan_with_good_module(dir, "--max-file-size 1024"), "big/main.tf", "file-too-large");
}

TEST_CASE("a plan larger than the memory it may take is reported and not read") {
  // A plan's size is what reading it costs: the file size limit is its memory limit.
  const TempDir dir;
  std::string plan = R"({"format_version": "1.2", "terraform_version": "1.9.0", "planned_values": {}, "resource_changes": [)";
  for (int i = 0; i < 20000; ++i) {
    if (i > 0) plan += ",";
    plan += R"({"address": "azurerm_resource_group.rg[)" + std::to_string(i) +
            R"(]", "type": "azurerm_resource_group", "name": "rg", "change": {"actions": ["create"], "after": {}}})";
  }
  dir.write("plan/tfplan.json", plan + "]}\n");
  check_reported(scan_with_good_module(dir, "--max-file-size 1048576"), "plan/tfplan.json", "file-too-large");
}

TEST_CASE("a 50 MB single-line string is read at once") {
  const TempDir dir;
  dir.write("long/main.tf", "locals {\n  x = \"" + std::string(50'000'000, 'a') + "\"\n}\n");
  // akslint's HCL parser reads it in one pass, well inside the time budget.
  const ScanLog log = scan_with_good_module(dir, "--unit-timeout 3");
  CHECK_FALSE(log.notified("long/main.tf"));
  CHECK(log.aks201_results_in("good/main.tf") == 1);
  CHECK(log.artifacts() == 2);
}

TEST_CASE("a 50 MB single-line string that tree-sitter must parse ends within its time budget") {
  const TempDir dir;
  // The stray `}` at the end leaves the file to tree-sitter (it reports syntax errors), whose
  // HCL grammar takes a token per byte of such a string: a minute or more, never 3 s.
  dir.write("long/main.tf", "locals {\n  x = \"" + std::string(50'000'000, 'a') + "\"\n}\n}\n");
  const ScanLog log = scan_with_good_module(dir, "--unit-timeout 3");
  CHECK(log.notified("long/main.tf", "parse-time-limit"));
  CHECK(log.aks201_results_in("good/main.tf") == 1);
  CHECK(log.artifacts() == 2);
}

TEST_CASE("invalid UTF-8 is a warning and the file is still read") {
  const TempDir dir;
  dir.write("utf8/main.tf", "locals {\n  x = \"\xff\xc3\x28 \xed\xa0\x80\"\n}\n");
  const ScanLog log = scan_with_good_module(dir);
  CHECK(log.status == 1);
  CHECK(log.notified("utf8/main.tf", "invalid-utf8"));
  CHECK(log.aks201_results_in("good/main.tf") == 1);
}

TEST_CASE("a name that is not UTF-8 reaches every structured report as U+FFFD") {
  const TempDir dir;
  std::string cluster = kGoodModule;
  cluster.replace(cluster.find("\"aks\""), 5, "\"aks\xff\xc3(\"");
  dir.write("utf8/main.tf", cluster);
  const ScanLog log = scan_with_good_module(dir);  // the SARIF log parses: it is UTF-8
  REQUIRE(log.aks201_results_in("utf8/main.tf") == 1);
  CHECK(log.run.dump().find("aks\xEF\xBF\xBD\xEF\xBF\xBD(") != std::string::npos);
  for (const std::string format : {"json", "rdjson", "junit", "sarif"}) {
    INFO(format);
    CHECK(run_command("cd " + quote(dir.path().string()) + " && " + quote(akslint_binary()) + " scan . --format " +
                      format + " --output out.txt") == 1);
    const std::string text = read_file(dir.path() / "out.txt");
    CHECK_FALSE(akslint::first_invalid_utf8(text).has_value());
    CHECK(text.find("aks\xEF\xBF\xBD\xEF\xBF\xBD(") != std::string::npos);
    if (format != "junit") CHECK_NOTHROW(nlohmann::json::parse(text));
  }
}

TEST_CASE("NUL bytes and a binary file named .tf are syntax errors, not crashes") {
  const TempDir dir;
  dir.write("nul/main.tf", std::string("locals {\n  x = \"a\0b\"\n}\n\0\0", 24));
  std::string binary;
  for (int i = 0; i < 64 * 256; ++i) binary += static_cast<char>(i % 256);
  dir.write("binary/main.tf", binary);
  const ScanLog log = scan_with_good_module(dir);
  CHECK(log.status == 2);
  CHECK(log.notified("nul/main.tf"));
  CHECK(log.notified("binary/main.tf"));
  CHECK(log.aks201_results_in("good/main.tf") == 1);
}

TEST_CASE("empty files are listed and analysed as empty") {
  const TempDir dir;
  for (const char* path : {"e/main.tf", "e/x.tfvars", "b/main.bicep"}) dir.write(path, "");
  const ScanLog log = scan_with_good_module(dir);
  CHECK(log.status == 1);
  CHECK(log.artifacts() == 4);
  CHECK(log.aks201_results_in("good/main.tf") == 1);
}

TEST_CASE("module and template-link cycles are reported, and the scan ends") {
  const TempDir dir;
  dir.write("tf/main.tf", "module \"a\" {\n  source = \"./a\"\n}\n");
  dir.write("tf/a/main.tf", "module \"b\" {\n  source = \"../\"\n}\n");
  dir.write("bicep/main.bicep", "module a './a.bicep' = {\n  name: 'a'\n}\n");
  dir.write("bicep/a.bicep", "module m './main.bicep' = {\n  name: 'm'\n}\n");
  // ARM templates that link each other: the link depth bound stops the loop, reported.
  for (const auto& [self, other] : {std::pair{"a", "b"}, std::pair{"b", "a"}}) {
    dir.write(std::string("arm/") + self + ".json",
              std::string(R"({"$schema": ")") + kArmSchema + R"(", "contentVersion": "1.0.0.0",
 "resources": [{"type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "link",
   "properties": {"mode": "Incremental", "templateLink": {"relativePath": ")" + other + R"(.json"}}}]})");
  }
  const ScanLog log = scan_with_good_module(dir);
  CHECK(log.notified("tf/main.tf", "module-cycle"));
  CHECK(log.notified("bicep/main.bicep", "module-cycle"));
  CHECK(log.notified("arm/a.json", "nesting-too-deep"));
  CHECK(log.aks201_results_in("good/main.tf") == 1);
}
