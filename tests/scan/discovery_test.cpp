// Discovery meets every kind of file system entry: none may hang the scan or go missing.
#include "support/TestSupport.h"

#include <akslint/scan/Discovery.h>

#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <algorithm>

using namespace akslint;
using namespace akslint::testing;
namespace fs = std::filesystem;

namespace {

const Diagnostic* diagnostic_for(const DiscoveredFiles& d, std::string_view path) {
  for (const auto& diag : d.diagnostics) {
    if (diag.file < d.files.size() && d.files[diag.file].path == path) return &diag;
  }
  return nullptr;
}

bool has_file(const DiscoveredFiles& d, std::string_view path) {
  return std::any_of(d.files.begin(), d.files.end(), [&](const SourceFile& f) { return f.path == path; });
}

}  // namespace

TEST_CASE("files are classified, relative to the root, in path order; skipped folders stay unopened") {
  const TempDir dir;
  dir.write("b/main.tf", "resource \"x\" \"y\" {}\n");
  dir.write("a/main.bicep", "param x int\n");
  dir.write(".terraform/modules/m/main.tf", "");
  dir.write("node_modules/x/main.tf", "");
  dir.write("notes.md", "# not an input\n");
  dir.write("package.json", "{\"name\": \"not an input\"}");
  const auto found = discover({dir.path()}, dir.path(), DiskSourceProvider{});
  REQUIRE(found.files.size() == 2);
  CHECK(found.files[0].path == "a/main.bicep");
  CHECK(found.files[0].format == FileFormat::Bicep);
  CHECK(found.files[1].path == "b/main.tf");
  CHECK(found.diagnostics.empty());
}

TEST_CASE("a deep tree under one directory is found whole and in the same order with any number of threads") {
  const TempDir dir;
  std::vector<std::string> written;
  for (int a = 0; a < 6; ++a) {
    for (int b = 0; b < 5; ++b) {
      const std::string path = "infra/env" + std::to_string(a) + "/layer" + std::to_string(b) + "/deep/main.tf";
      dir.write(path, "locals {}\n");
      written.push_back(path);
    }
    dir.write("infra/env" + std::to_string(a) + "/.git/objects/main.tf", "");
  }
  dir.write("infra/main.bicep", "param x int\n");
  written.emplace_back("infra/main.bicep");
  std::sort(written.begin(), written.end());
  for (const unsigned jobs : {1u, 2u, 8u}) {
    const auto found = discover({dir.path()}, dir.path(), DiskSourceProvider{}, {}, jobs);
    std::vector<std::string> paths;
    for (const auto& f : found.files) paths.push_back(f.path);
    INFO("jobs " << jobs);
    CHECK(paths == written);
  }
}

TEST_CASE("paths are relative to the root however the root and the paths are spelt") {
  const TempDir dir;
  dir.write("env/prod/main.tf", "locals {}\n");
  const fs::path root = dir.path();
  struct Spelling {
    fs::path root;
    fs::path path;
    std::string relative;
  };
  const std::vector<Spelling> spellings = {
      {root, root, "env/prod/main.tf"},
      {root / "", root / "env/./prod", "env/prod/main.tf"},
      {root / "env/..", root / "env/../env//prod/", "env/prod/main.tf"},
      {root / "env/prod/..", root / "env/prod/main.tf", "prod/main.tf"},
      {root / "env/prod", root / "env/prod/../prod", "main.tf"},
      // Below the root as written, `..` and all.
      {root / "env/..", root / "env/..", "env/prod/main.tf"},
      {root / "env/prod/..", root / "env/prod/../prod", "prod/main.tf"},
  };
  for (const auto& s : spellings) {
    INFO(s.root << " " << s.path);
    const auto found = discover({s.path}, s.root, DiskSourceProvider{});
    REQUIRE(found.files.size() == 1);
    CHECK(found.files[0].path == s.relative);
  }
}

TEST_CASE("a FIFO with an input's name is reported, not read (reading it would block)") {
  const TempDir dir;
  REQUIRE(::mkfifo((dir.path() / "main.tf").c_str(), 0600) == 0);
  dir.write("ok.tf", "");
  const auto found = discover({dir.path()}, dir.path(), DiskSourceProvider{});
  const Diagnostic* d = diagnostic_for(found, "main.tf");
  REQUIRE(d != nullptr);
  CHECK(d->code == "not-a-regular-file");
  CHECK(d->makes_scan_partial());
  CHECK(has_file(found, "ok.tf"));
}

TEST_CASE("symlinks: followed inside the root, reported when they leave it or dangle, loops harmless") {
  const TempDir outside;
  outside.write("secret.tf", "resource \"x\" \"y\" {}\n");
  const TempDir dir;
  dir.write("real/main.tf", "resource \"a\" \"b\" {}\n");
  fs::create_symlink(dir.path() / "real" / "main.tf", dir.path() / "alias.tf");
  fs::create_symlink(outside.path() / "secret.tf", dir.path() / "escape.tf");
  fs::create_symlink(dir.path() / "missing.tf", dir.path() / "dangling.tf");
  fs::create_directory_symlink(dir.path(), dir.path() / "real" / "loop");
  const auto found = discover({dir.path()}, dir.path(), DiskSourceProvider{});
  CHECK(has_file(found, "alias.tf"));
  CHECK(has_file(found, "real/main.tf"));
  REQUIRE(diagnostic_for(found, "escape.tf") != nullptr);
  CHECK(diagnostic_for(found, "escape.tf")->code == "symlink-not-followed");
  CHECK_FALSE(diagnostic_for(found, "escape.tf")->makes_scan_partial());
  REQUIRE(diagnostic_for(found, "dangling.tf") != nullptr);
  for (const auto& f : found.files) CHECK(f.text.view().find("secret") == std::string_view::npos);
}

TEST_CASE("a file over the size limit is reported and not read") {
  const TempDir dir;
  dir.write("big.tf", std::string(4096, '#'));
  const auto found = discover({dir.path()}, dir.path(), DiskSourceProvider{}, DiscoveryLimits{1024});
  const Diagnostic* d = diagnostic_for(found, "big.tf");
  REQUIRE(d != nullptr);
  CHECK(d->code == "file-too-large");
  CHECK(d->message.find("4096") != std::string::npos);
}

TEST_CASE("the disk provider reads a file of the limit's size, and not one byte more") {
  const TempDir dir;
  dir.write("main.tf", std::string(100, '#'));
  ReadFailure failure;
  const auto at_limit = DiskSourceProvider{}.read(dir.path() / "main.tf", 100, failure);
  REQUIRE(at_limit.has_value());
  CHECK(at_limit->size() == 100);
  CHECK_FALSE(failure.oversize.has_value());
  const auto over = DiskSourceProvider{}.read(dir.path() / "main.tf", 99, failure);
  CHECK_FALSE(over.has_value());
  REQUIRE(failure.oversize.has_value());
  CHECK(*failure.oversize == 100);
  CHECK(failure.reason.empty());
}

TEST_CASE("a file that cannot be read is reported with its path") {
  struct FailingProvider final : SourceProvider {
    std::optional<SourceText> read(const fs::path&, std::uint64_t, ReadFailure& failure) const override {
      failure.reason = "the file vanished during the scan";
      return std::nullopt;
    }
  };
  const TempDir dir;
  dir.write("main.tf", "");
  const auto found = discover({dir.path()}, dir.path(), FailingProvider{});
  const Diagnostic* d = diagnostic_for(found, "main.tf");
  REQUIRE(d != nullptr);
  CHECK(d->code == "unreadable-file");
  CHECK(d->message.find("vanished") != std::string::npos);
}

TEST_CASE("a file removed after it was listed is reported, and the others are read") {
  // Deletes each file just before the disk provider reads it: what a checkout changing under
  // the scan looks like.
  struct RemovingProvider final : SourceProvider {
    std::optional<SourceText> read(const fs::path& path, std::uint64_t max_bytes, ReadFailure& failure) const override {
      if (path.filename() == "gone.tf") fs::remove(path);
      return DiskSourceProvider{}.read(path, max_bytes, failure);
    }
  };
  const TempDir dir;
  dir.write("gone.tf", "locals {}\n");
  dir.write("kept.tf", "locals {}\n");
  const auto found = discover({dir.path()}, dir.path(), RemovingProvider{});
  const Diagnostic* d = diagnostic_for(found, "gone.tf");
  REQUIRE(d != nullptr);
  CHECK(d->code == "unreadable-file");
  CHECK(diagnostic_for(found, "kept.tf") == nullptr);
  CHECK(found.files.size() == 2);
}

TEST_CASE("text is normalised to UTF-8 without a byte-order mark") {
  CHECK(normalize_encoding("\xEF\xBB\xBF{}") == "{}");
  const std::string utf16le("\xFF\xFE{\0\"\0\xE9\0\"\0}\0", 12);
  CHECK(normalize_encoding(utf16le) == "{\"\xC3\xA9\"}");
  const std::string utf16be("\xFE\xFF\0{\xD8\x3D\xDE\x00\0}", 10);
  CHECK(normalize_encoding(utf16be) == "{\xF0\x9F\x98\x80}");
  CHECK(normalize_encoding("plain") == "plain");
}

TEST_CASE("a UTF-16 plan is recognised and converted") {
  const std::string plan = "{\"format_version\":\"1.2\",\"terraform_version\":\"1.9.0\",\"planned_values\":{}}";
  std::string utf16("\xFF\xFE", 2);
  for (const char c : plan) {
    utf16 += c;
    utf16 += '\0';
  }
  const TempDir dir;
  dir.write("plan.json", utf16);
  const auto found = discover({dir.path()}, dir.path(), DiskSourceProvider{});
  REQUIRE(found.files.size() == 1);
  CHECK(found.files[0].format == FileFormat::TerraformPlan);
  CHECK(found.files[0].text == plan);
}

TEST_CASE("a file of many megabytes is read whole and exactly, whatever memory backs it") {
  const TempDir dir;
  std::string text = "resource \"x\" \"y\" {\n  tags = {\n";
  for (int i = 0; text.size() < (std::size_t{9} << 20) + 12345; ++i) text += "    t" + std::to_string(i) + " = \"v\"\n";
  text += "  }\n}\n";
  dir.write("big.tf", text);
  ReadFailure failure;
  const auto bytes = DiskSourceProvider{}.read(dir.path() / "big.tf", text.size(), failure);
  REQUIRE(bytes.has_value());
  CHECK(bytes->size() == text.size());
  CHECK(*bytes == text);
}

TEST_CASE("a plan of the mapping size or more is mapped; every other file is read whole") {
  const TempDir dir;
  const std::string plan = "{\"format_version\":\"1.2\",\"terraform_version\":\"1.9.0\",\"planned_values\":{}}";
  const std::string marked_plan = "\xEF\xBB\xBF" + plan;
  const std::string module = "resource \"azurerm_resource_group\" \"rg\" {\n  name = \"rg\"\n}\n";
  dir.write("plan.json", plan);
  dir.write("marked/plan.json", marked_plan);
  dir.write("main.tf", module);
  const auto found = discover({dir.path()}, dir.path(), DiskSourceProvider{16});
  REQUIRE(found.files.size() == 3);
  const auto file = [&](std::string_view path) -> const SourceFile& { return found.files[*found.files.find(path)]; };
  CHECK(file("plan.json").text.mapped());
  CHECK(file("plan.json").text == plan);
  CHECK(file("plan.json").format == FileFormat::TerraformPlan);
  CHECK_FALSE(file("marked/plan.json").text.mapped());  // the mark is taken off a copy
  CHECK(file("marked/plan.json").text == plan);
  CHECK_FALSE(file("main.tf").text.mapped());
  CHECK(file("main.tf").text == module);
}
