#include "azure/FunctionSupport.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace akslint::azure {

bool Call::all_known() const {
  return std::all_of(args.begin(), args.end(), [](const Value& v) { return v.is_known(); });
}

Value Call::unknown() const {
  std::string text(name);
  text += '(';
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (i > 0) text += ", ";
    text += to_expression(args[i]);
  }
  text += ')';
  return Value::unknown(std::move(text), span);
}

Function strict(std::size_t min, std::size_t max, std::function<Value(const Call&)> body) {
  return [min, max, body = std::move(body)](const Call& call) {
    if (call.size() < min || call.size() > max || !call.all_known()) return call.unknown();
    return body(call);
  };
}

std::string to_text(const Value& v) {
  if (const auto s = v.as_string()) return std::string(*s);
  if (const auto b = v.as_bool()) return *b ? "True" : "False";
  if (v.is_null()) return "";
  return v.to_display();
}

std::string to_expression(const Value& v) {
  if (const auto* u = v.unknown_expression()) return *u;
  if (const auto s = v.as_string()) {  // quoted, its quotes doubled
    std::string out;
    out.reserve(s->size() + 2);
    out += '\'';
    for (std::size_t from = 0;;) {
      const auto quote = s->find('\'', from);
      out.append(s->substr(from, quote == std::string_view::npos ? quote : quote + 1 - from));
      if (quote == std::string_view::npos) break;
      out += '\'';
      from = quote + 1;
    }
    out += '\'';
    return out;
  }
  if (const auto b = v.as_bool()) return *b ? "true" : "false";
  return v.to_display();
}

std::optional<long long> as_integer(const Value& v) {
  const auto n = v.as_number();
  if (!n || !std::isfinite(*n) || *n != std::floor(*n)) return std::nullopt;
  return static_cast<long long>(*n);
}

Value at_span(Value v, SourceSpan span) {
  v.set_span(span);
  return v;
}

}  // namespace akslint::azure
