#include <akslint/sarif/Emitters.h>

#include "Common.h"

#include <akslint/model/Utf8.h>

#include <fmt/format.h>

#include <map>
#include <vector>

namespace akslint {

namespace {

std::string xml_escape(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        if (static_cast<unsigned char>(c) >= 0x80) {
          // A name read from a file that is not UTF-8 would make the whole report unreadable.
          i += append_repaired_utf8(out, text.substr(i)) - 1;
        } else if (static_cast<unsigned char>(c) >= 0x20 || c == '\n' || c == '\t') {
          out += c;  // XML 1.0 forbids most control characters, even escaped
        }
    }
  }
  return out;
}

struct TestCase {
  std::string name;
  std::string element;  // "failure" or "error"; empty when it passed
  std::string type;
  std::string message;
  std::string body;
};

struct Tally {
  std::size_t tests = 0;
  std::size_t failures = 0;
  std::size_t errors = 0;
  void add(const TestCase& c) {
    ++tests;
    if (c.element == "failure") ++failures;
    if (c.element == "error") ++errors;
  }
};

std::string render_suite(std::string_view name, const std::vector<TestCase>& cases, Tally& total) {
  Tally tally;
  for (const TestCase& c : cases) {
    tally.add(c);
    total.add(c);
  }
  std::string out = fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\">\n",
                                xml_escape(name), tally.tests, tally.failures, tally.errors);
  for (const TestCase& c : cases) {
    out += fmt::format("    <testcase classname=\"{}\" name=\"{}\"", xml_escape(name), xml_escape(c.name));
    if (c.element.empty()) {
      out += "/>\n";
      continue;
    }
    out += fmt::format(">\n      <{} type=\"{}\" message=\"{}\">{}</{}>\n    </testcase>\n", c.element,
                       xml_escape(c.type), xml_escape(c.message), xml_escape(c.body), c.element);
  }
  return out + "  </testsuite>\n";
}

}  // namespace

std::string to_junit(const Report& report) {
  // Suites by path; diagnostics that concern no file go under "akslint".
  std::map<std::string, std::vector<TestCase>> suites;
  for (const SourceFile& f : report.files) suites[f.path];
  for (const Finding& f : report.findings) {
    if (f.suppressed()) continue;
    const std::string where = emit::location_text(report, f.primary.file, f.primary);
    suites[emit::path_of(report, f.primary.file)].push_back(
        {fmt::format("{} {} at {}", f.rule->id, f.rule->slug, where), "failure",
         std::string(emit::level_word(f.level)), f.message,
         fmt::format("{}: {}\n{}", where, f.message, f.rule->title)});
  }
  for (const Diagnostic& d : report.diagnostics) {
    const std::string where = emit::location_text(report, d.file, d.span);
    const std::string path = d.file < report.files.size() ? emit::path_of(report, d.file) : "akslint";
    suites[path].push_back({fmt::format("{} at {}", d.code, where), "error", d.code, d.message,
                            fmt::format("{}: {}", where, d.message)});
  }
  std::string body;
  Tally total;
  for (auto& [path, cases] : suites) {
    if (cases.empty()) cases.push_back({"akslint", "", "", "", ""});  // a clean file passes
    body += render_suite(path, cases, total);
  }
  return fmt::format("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                     "<testsuites name=\"akslint\" tests=\"{}\" failures=\"{}\" errors=\"{}\">\n{}</testsuites>\n",
                     total.tests, total.failures, total.errors, body);
}

}  // namespace akslint
