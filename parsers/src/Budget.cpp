#include "Budget.h"

#include <fmt/format.h>

#include <set>
#include <tuple>

namespace akslint::budget {

struct Scope::State {
  ReadLimits limits;
  FileId entry;
  std::chrono::steady_clock::time_point deadline;
  std::size_t expanded = 0;  // instances granted so far in the unit
  bool out_of_time = false;
  std::vector<Diagnostic> diagnostics;
  std::set<std::tuple<FileId, std::uint32_t, std::string_view>> reported;  // (file, byte, code)
};

namespace {

thread_local Scope::State* installed = nullptr;

constexpr std::size_t kMaxUnknownText = 512;

// Parsing outside a unit (readers under test) still ends: some grammars take a token per byte
// of a long string, and a 50 MB single-line string would otherwise take minutes.
constexpr std::chrono::seconds kDefaultTimeLimit{20};

const ReadLimits& limits() {
  static const ReadLimits defaults;
  return installed != nullptr ? installed->limits : defaults;
}

void report(const SourceSpan& where, std::string_view code, std::string message) {
  if (installed == nullptr || !where.valid()) return;
  if (!installed->reported.emplace(where.file, where.begin_byte, code).second) return;
  installed->diagnostics.push_back({DiagnosticLevel::Error, std::string(code), std::move(message), where.file, where});
}

// True once the installed unit has run past its deadline; the first time, says so once for the
// unit. The clock is read on every call: a few nanoseconds beside an expression's evaluation.
bool out_of_time() {
  if (installed == nullptr) return false;
  if (installed->out_of_time) return true;
  if (std::chrono::steady_clock::now() < installed->deadline) return false;
  installed->out_of_time = true;
  installed->diagnostics.push_back(
      {DiagnosticLevel::Error, "unit-time-limit",
       fmt::format("reading this deployment unit took longer than the limit of {} s (--unit-timeout); what was "
                   "left was not evaluated: its values are unknown and its loops empty",
                   installed->limits.unit_timeout.count()),
       installed->entry, {}});
  return true;
}

std::chrono::steady_clock::time_point deadline_after(std::chrono::seconds limit) {
  if (limit.count() <= 0) return std::chrono::steady_clock::time_point::max();
  return std::chrono::steady_clock::now() + limit;
}

}  // namespace

Scope::Scope(const ReadLimits& limits, FileId entry)
    : state_(std::make_unique<State>(State{limits, entry, deadline_after(limits.unit_timeout)})), outer_(installed) {
  installed = state_.get();
}

Scope::~Scope() { installed = outer_; }

std::vector<Diagnostic> Scope::take_diagnostics() { return std::move(state_->diagnostics); }

std::size_t instances(std::size_t wanted, const SourceSpan& where) {
  if (out_of_time()) return 0;
  const std::size_t limit = limits().max_instances;
  if (wanted > limit) {
    report(where, "expansion-limit",
           fmt::format("{} instances asked for, over the limit of {} (--max-instances); only the first {} were "
                       "analysed",
                       wanted, limit, limit));
    wanted = limit;
  }
  if (installed == nullptr) return wanted;
  const std::size_t unit_limit = installed->limits.max_unit_instances();
  const std::size_t left = unit_limit - std::min(unit_limit, installed->expanded);
  if (wanted > left) {
    report(where, "expansion-limit",
           fmt::format("this loop asks for {} instances when the unit has already expanded {} of its {} in all (ten "
                       "times --max-instances); {} of them were analysed",
                       wanted, installed->expanded, unit_limit, left == 0 ? "none" : "only " + std::to_string(left)));
    wanted = left;
  }
  installed->expanded += wanted;
  return wanted;
}

Value bounded(Value value, const SourceSpan& where) {
  if (out_of_time()) return Value::unknown("(unit out of time)", where);
  // An unknown's text names what could not be evaluated; built from its arguments' texts, it
  // too could double at every step.
  if (const auto* text = value.unknown_expression(); text != nullptr && text->size() > kMaxUnknownText) {
    return Value::unknown(text->substr(0, kMaxUnknownText) + "...", value.span());
  }
  if (const auto s = value.as_string(); s && s->size() > string_limit()) {
    report(where, "value-too-large",
           fmt::format("this expression builds a string of {} bytes, over the limit of {}; its value is left unknown",
                       s->size(), string_limit()));
    return Value::unknown("(string over the size limit)", where);
  }
  if (const auto* a = value.as_array(); a != nullptr && a->size() > collection_limit()) {
    report(where, "value-too-large",
           fmt::format("this expression builds a list of more than {} elements; its value is left unknown",
                       collection_limit()));
    return Value::unknown("(list over the size limit)", where);
  }
  return value;
}

std::chrono::steady_clock::time_point deadline() {
  return installed != nullptr ? installed->deadline : deadline_after(kDefaultTimeLimit);
}

std::chrono::seconds time_limit() { return installed != nullptr ? installed->limits.unit_timeout : kDefaultTimeLimit; }

std::size_t collection_limit() { return limits().max_collection; }

std::size_t string_limit() { return limits().max_string_bytes; }

}  // namespace akslint::budget
