#include "Budget.h"

#include <fmt/format.h>

#include <set>
#include <tuple>

namespace akslint::budget {

struct Scope::State {
  ReadLimits limits;
  std::vector<Diagnostic> diagnostics;
  std::set<std::tuple<FileId, std::uint32_t, std::string_view>> reported;  // (file, byte, code)
};

namespace {

thread_local Scope::State* installed = nullptr;

constexpr std::size_t kMaxUnknownText = 512;

const ReadLimits& limits() {
  static const ReadLimits defaults;
  return installed != nullptr ? installed->limits : defaults;
}

void report(const SourceSpan& where, std::string_view code, std::string message) {
  if (installed == nullptr || !where.valid()) return;
  if (!installed->reported.emplace(where.file, where.begin_byte, code).second) return;
  installed->diagnostics.push_back({DiagnosticLevel::Error, std::string(code), std::move(message), where.file, where});
}

}  // namespace

Scope::Scope(const ReadLimits& limits) : state_(std::make_unique<State>(State{limits, {}, {}})), outer_(installed) {
  installed = state_.get();
}

Scope::~Scope() { installed = outer_; }

std::vector<Diagnostic> Scope::take_diagnostics() { return std::move(state_->diagnostics); }

std::size_t instances(std::size_t wanted, const SourceSpan& where) {
  const std::size_t limit = limits().max_instances;
  if (wanted <= limit) return wanted;
  report(where, "expansion-limit",
         fmt::format("{} instances asked for, over the limit of {} (--max-instances); only the first {} were analysed",
                     wanted, limit, limit));
  return limit;
}

Value bounded(Value value, const SourceSpan& where) {
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

std::size_t collection_limit() { return limits().max_collection; }

std::size_t string_limit() { return limits().max_string_bytes; }

}  // namespace akslint::budget
