// Mapped source texts: the same bytes as the file, walked window by window with only the
// current window resident, and a clear stop when the file shrinks under the mapping.
#include <akslint/model/SourceFile.h>
#include <akslint/model/SourceText.h>
#include <akslint/model/Utf8.h>

#include <catch2/catch.hpp>

#include "support/TestSupport.h"

#include <cstdio>
#include <string>
#include <vector>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace akslint;
using akslint::testing::mapping_of;
using akslint::testing::TempDir;

namespace {

SourceText map_file(const std::filesystem::path& path, std::size_t window = SourceText::kWindow) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  REQUIRE(fd >= 0);
  auto text = SourceText::map(fd, std::filesystem::file_size(path), path.string(), window);
  REQUIRE(text.has_value());
  return std::move(*text);
}

// Text with characters of one to four bytes and every line ending.
std::string mixed_text(std::size_t at_least) {
  std::string out;
  for (int i = 0; out.size() < at_least; ++i) {
    out += "key" + std::to_string(i) + " = \"\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\"";
    out += i % 3 == 0 ? "\r\n" : i % 3 == 1 ? "\n" : "\r";
  }
  return out;
}

std::size_t resident_kib(const SourceText& text) {
  const auto mapping = mapping_of(text.data());
  REQUIRE(mapping.has_value());
  return mapping->rss_kib;
}

}  // namespace

TEST_CASE("source text: a mapped text holds the file's bytes, also after pages are handed back") {
  const TempDir dir;
  const std::string content = mixed_text(std::size_t{1} << 20);
  const SourceText text = map_file(dir.write("plan.json", content), 64 << 10);
  REQUIRE(text.mapped());
  CHECK(text == content);
  {
    SourceText::Sweep sweep(text);
    for (std::size_t at = 0; at < text.size(); at += 4096) sweep.at(at);
  }
  CHECK(text == content);
  std::string scratch;
  for (const std::size_t from : {std::size_t{0}, std::size_t{4095}, content.size() - 10, content.size() + 5}) {
    CHECK(text.slice(from, 300, scratch) == std::string_view(content).substr(std::min(from, content.size()), 300));
  }
  const SourceText copy = text.owned();
  CHECK_FALSE(copy.mapped());
  CHECK(copy == content);
}

TEST_CASE("source text: positions in a mapped file are those of the same text held whole") {
  const TempDir dir;
  const std::string content = mixed_text(150000);  // more than one of the chunks lookups read
  SourceFile mapped{"plan.json", FileFormat::TerraformPlan, map_file(dir.write("plan.json", content), 4096)};
  SourceFile held{"plan.json", FileFormat::TerraformPlan, content};
  mapped.index();
  held.index();
  for (std::uint32_t at = 0; at <= content.size(); at += 13) {
    REQUIRE(mapped.point(at) == held.point(at));
    REQUIRE(mapped.code_points(at / 2, at) == held.code_points(at / 2, at));
  }
}

TEST_CASE("source text: a sweep keeps only its window of a mapped text resident") {
  const TempDir dir;
  constexpr std::size_t kWindowKib = 256;
  const SourceText text = map_file(dir.write("plan.json", std::string(std::size_t{8} << 20, 'x')), kWindowKib << 10);
  std::size_t sum = 0;
  std::size_t most_resident = 0;
  {
    SourceText::Sweep sweep(text);
    for (std::size_t at = 0; at < text.size(); at += 4096) {
      sweep.at(at);
      sum += static_cast<unsigned char>(text[at]);
      if (at % (std::size_t{1} << 20) == 0) most_resident = std::max(most_resident, resident_kib(text));
    }
  }
  CHECK(sum == (text.size() / 4096) * 'x');
  // The current window, rounded out to the file's page-cache folios (up to 2 MiB each).
  CHECK(most_resident <= kWindowKib + 2048);
  CHECK(resident_kib(text) <= 2048);
  // Without a sweep, a walk leaves it all resident.
  for (std::size_t at = 0; at < text.size(); at += 4096) sum += static_cast<unsigned char>(text[at]);
  CHECK(resident_kib(text) >= 6 * 1024);
}

TEST_CASE("source text: windows cover a mapped text once and never cut a character") {
  const TempDir dir;
  const std::string content = mixed_text(5000);
  const auto path = dir.write("plan.json", content);
  for (const std::size_t window : {std::size_t{1}, std::size_t{5}, std::size_t{64}, std::size_t{4096}}) {
    const SourceText text = map_file(path, window);
    std::string joined;
    std::vector<std::size_t> offsets;
    bool whole_characters = true;
    text.for_each_window(
        [&](std::size_t offset, std::string_view bytes) {
          offsets.push_back(offset);
          CHECK(offset == joined.size());
          joined += bytes;
          whole_characters = whole_characters && !first_invalid_utf8(bytes).has_value();
        });
    CHECK(joined == content);
    CHECK(whole_characters);
    CHECK(offsets.size() > 1);
  }
  std::size_t calls = 0;
  SourceText(content).for_each_window([&](std::size_t, std::string_view bytes) {
    ++calls;
    CHECK(bytes == content);
  });
  CHECK(calls == 1);
}

TEST_CASE("source text: a file that shrinks under its mapping stops the scan, naming the file") {
  const TempDir dir;
  const auto path = dir.write("plan.json", std::string(3 * 4096, '{'));
  int out[2];
  REQUIRE(::pipe(out) == 0);
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    ::dup2(out[1], STDERR_FILENO);
    const int fd = ::open(path.c_str(), O_RDONLY);
    auto text = SourceText::map(fd, 3 * 4096, path.string());
    if (!text || ::truncate(path.c_str(), 0) != 0) ::_exit(10);
    const volatile char past_the_end = (*text)[2 * 4096];
    (void)past_the_end;
    ::_exit(11);  // the read should not have returned
  }
  ::close(out[1]);
  std::string message;
  char buffer[256];
  for (ssize_t n; (n = ::read(out[0], buffer, sizeof buffer)) > 0;) message.append(buffer, static_cast<std::size_t>(n));
  ::close(out[0]);
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 2);
  CHECK(message.find(path.string()) != std::string::npos);
  CHECK(message.find("shrank while it was being read") != std::string::npos);
}
