// Times one plan reader on one file and reports its speed and the process's peak memory.
// One reader per process, so the peak belongs to it:
//   plan_reader_bench <mode> <plan.json>
// modes: read (the file only), skip (the plan scanner skipping the whole document: the floor
// of the plan frontend, which skips what it does not keep), plan (the plan frontend), tree-sitter (the JSON-with-spans
// reader, a Value for the whole document), nlohmann-sax (nlohmann's SAX parser with a handler
// that keeps nothing: the floor of a positionless reader).
#include "Frontends.h"
#include "json/JsonReader.h"
#include "json/JsonScanner.h"

#include <nlohmann/json.hpp>

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>

using namespace akslint;

namespace {

// Read in one piece, so the peak RSS of `read` is the plan's size and that of a reader is
// the plan plus what the reader holds.
std::string read_file(const char* path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  std::string text(static_cast<std::size_t>(in.tellg()), '\0');
  in.seekg(0);
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  return text;
}

// Counts values and keeps nothing.
struct CountingSax : nlohmann::json_sax<nlohmann::json> {
  std::size_t values = 0;
  bool null() override { return ++values, true; }
  bool boolean(bool) override { return ++values, true; }
  bool number_integer(number_integer_t) override { return ++values, true; }
  bool number_unsigned(number_unsigned_t) override { return ++values, true; }
  bool number_float(number_float_t, const string_t&) override { return ++values, true; }
  bool string(string_t&) override { return ++values, true; }
  bool binary(binary_t&) override { return ++values, true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return ++values, true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return ++values, true; }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }
};

// User plus system CPU seconds of this process: on a shared machine, steadier than wall time.
double cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s read|skip|plan|tree-sitter|nlohmann-sax PLAN.json\n", argv[0]);
    return 2;
  }
  const std::string mode = argv[1];
  FileTable files;
  const FileId id = files.add({"plan.json", FileFormat::TerraformPlan, read_file(argv[2])});
  const auto start = std::chrono::steady_clock::now();
  const double cpu_start = cpu_seconds();
  std::size_t items = 0;
  if (mode == "plan") {
    items = read_terraform_plan({UnitKind::TerraformPlan, "plan.json", {id}}, files).resources.size();
  } else if (mode == "skip") {
    JsonScanner scanner(files[id].text, id);
    scanner.skip();
    items = scanner.failed() ? 0 : 1;
  } else if (mode == "tree-sitter") {
    items = read_json(files[id], id).root.has_value() ? 1 : 0;
  } else if (mode == "nlohmann-sax") {
    CountingSax sax;
    nlohmann::json::sax_parse(files[id].text.view(), &sax);
    items = sax.values;
  } else if (mode != "read") {
    std::fprintf(stderr, "unknown mode %s\n", mode.c_str());
    return 2;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double cpu = cpu_seconds() - cpu_start;
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const double mb = static_cast<double>(files[id].text.size()) / 1e6;
  std::printf("%-13s %7.1f MB  wall %7.3f s  cpu %7.3f s  %7.1f MB/s (cpu)  peak RSS %7.1f MB  (%zu)\n",
              mode.c_str(), mb, seconds, cpu, cpu > 0 ? mb / cpu : 0.0, static_cast<double>(usage.ru_maxrss) / 1024.0,
              items);
  return 0;
}
