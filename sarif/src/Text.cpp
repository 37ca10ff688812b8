#include <akslint/sarif/Emitters.h>

#include "Common.h"

#include <fmt/format.h>

namespace akslint {

namespace {

// ANSI SGR sequences; only used when the caller says the output is a terminal.
std::string paint(std::string_view text, std::string_view sgr, bool color) {
  return color ? fmt::format("\x1b[{}m{}\x1b[0m", sgr, text) : std::string(text);
}

std::string_view level_sgr(std::string_view level) {
  if (level == "error") return "1;31";
  if (level == "warning") return "1;33";
  return "1;36";
}

std::string line(std::string_view location, std::string_view level, std::string_view message,
                 std::string_view tag, bool color) {
  return fmt::format("{}: {}: {} {}\n", paint(location, "1", color), paint(level, level_sgr(level), color), message,
                     paint(fmt::format("[{}]", tag), "2", color));
}

}  // namespace

std::string to_text(const Report& report, const TextOptions& options) {
  std::string out;
  for (const Finding& f : report.findings) {
    if (f.suppressed()) continue;
    out += line(emit::location_text(report, f.primary.file, f.primary), emit::level_word(f.level), f.message,
                fmt::format("{} {}", f.rule->id, f.rule->slug), options.color);
  }
  for (const Diagnostic& d : report.diagnostics) {
    out += line(emit::location_text(report, d.file, d.span), emit::level_word(d.level), d.message, d.code,
                options.color);
  }
  out += emit::summary_line(report) + "\n";
  return out;
}

}  // namespace akslint
