// Array and object functions: concat (arrays), join, take, skip, first, last, length, empty,
// contains, union, intersection, createArray, createObject, json, array, range, min, max.
#include "Budget.h"
#include "azure/FunctionSupport.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>

namespace akslint::azure {

namespace {

constexpr std::size_t kMany = 1U << 16U;

// Length in UTF-16 code units, as Azure (.NET) counts string length.
std::size_t utf16_length(std::string_view s) {
  std::size_t n = 0;
  for (const char c : s) {
    const auto b = static_cast<unsigned char>(c);
    if ((b & 0xC0) != 0x80) n += b >= 0xF0 ? 2 : 1;
  }
  return n;
}

Value concat(const Call& call) {
  if (call.size() == 0) return call.unknown();
  const bool arrays = std::all_of(call.args.begin(), call.args.end(), [](const Value& v) { return v.is_array(); });
  if (arrays) {
    Value::Array items;
    for (const auto& arg : call.args) {
      if (items.size() > budget::collection_limit()) break;
      items.insert(items.end(), arg.as_array()->begin(), arg.as_array()->end());
    }
    return Value::array(std::move(items), call.span);
  }
  if (!call.all_known()) return call.unknown();
  std::string out;
  for (const auto& arg : call.args) {
    if (arg.is_array() || arg.is_object()) return call.unknown();
    out += to_text(arg);
    if (out.size() > budget::string_limit()) break;
  }
  return call.string(std::move(out));
}

// take(x, n) and skip(x, n) over a string or an array; the array may hold unknowns.
Value slice(const Call& call, bool take) {
  if (call.size() != 2) return call.unknown();
  const auto count = as_integer(call[1]);
  if (!count) return call.unknown();
  const auto clamp = [&](std::size_t size) { return std::min(size, static_cast<std::size_t>(std::max(0LL, *count))); };
  if (const auto s = call[0].as_string()) {
    const std::size_t n = clamp(s->size());
    return call.string(std::string(take ? s->substr(0, n) : s->substr(n)));
  }
  if (const auto* arr = call[0].as_array()) {
    const std::size_t n = clamp(arr->size());
    return take ? Value::array(Value::Array(arr->begin(), arr->begin() + static_cast<std::ptrdiff_t>(n)), call.span)
                : Value::array(Value::Array(arr->begin() + static_cast<std::ptrdiff_t>(n), arr->end()), call.span);
  }
  return call.unknown();
}

Value first_or_last(const Call& call, bool first) {
  if (call.size() != 1) return call.unknown();
  if (const auto s = call[0].as_string()) {
    if (s->empty()) return call.string("");
    return call.string(std::string(first ? s->substr(0, 1) : s->substr(s->size() - 1)));
  }
  if (const auto* arr = call[0].as_array()) {
    if (arr->empty()) return Value::null(call.span);
    return first ? arr->front() : arr->back();
  }
  return call.unknown();
}

Value length(const Call& call) {
  if (call.size() != 1) return call.unknown();
  if (const auto s = call[0].as_string()) return call.number(static_cast<double>(utf16_length(*s)));
  if (const auto* arr = call[0].as_array()) return call.number(static_cast<double>(arr->size()));
  if (const auto* obj = call[0].as_object()) return call.number(static_cast<double>(obj->size()));
  return call.unknown();
}

Value empty(const Call& call) {
  if (call.size() != 1) return call.unknown();
  const Value& v = call[0];
  if (v.is_null()) return call.boolean(true);
  if (const auto s = v.as_string()) return call.boolean(s->empty());
  if (const auto* arr = v.as_array()) return call.boolean(arr->empty());
  if (const auto* obj = v.as_object()) return call.boolean(obj->empty());
  return call.unknown();
}

Value contains(const Call& call) {
  if (call.size() != 2) return call.unknown();
  const Value& container = call[0];
  const Value& item = call[1];
  if (const auto s = container.as_string()) {
    if (!item.is_known() || item.is_array() || item.is_object()) return call.unknown();
    return call.boolean(s->find(to_text(item)) != std::string_view::npos);
  }
  if (container.is_object()) {
    const auto key = item.as_string();
    return key ? call.boolean(container.find(*key) != nullptr) : call.unknown();
  }
  if (const auto* arr = container.as_array()) {
    if (!item.is_known()) return call.unknown();
    bool uncertain = false;
    for (const auto& element : *arr) {
      if (!element.is_known()) {
        uncertain = true;
      } else if (element == item) {
        return call.boolean(true);
      }
    }
    return uncertain ? call.unknown() : call.boolean(false);
  }
  return call.unknown();
}

// Objects merge member by member, nested objects recursively, later arguments winning;
// arrays keep the first occurrence of each distinct element.
Value merge_objects(const Value& into, const Value& from) {
  Value out = into;
  for (const auto& m : *from.as_object()) {
    const Value* existing = out.find(m.key);
    if (existing != nullptr && existing->is_object() && m.value.is_object()) {
      out.set(m.key, merge_objects(*existing, m.value), m.key_span);
    } else {
      out.set(m.key, m.value, m.key_span);
    }
  }
  return out;
}

Value union_of(const Call& call) {
  if (call.size() == 0) return call.unknown();
  if (std::all_of(call.args.begin(), call.args.end(), [](const Value& v) { return v.is_object(); })) {
    Value out = Value::object({}, call.span);
    for (const auto& arg : call.args) out = merge_objects(out, arg);
    return at_span(std::move(out), call.span);
  }
  if (!call.all_known() || !std::all_of(call.args.begin(), call.args.end(), [](const Value& v) { return v.is_array(); })) {
    return call.unknown();
  }
  Value::Array items;
  for (const auto& arg : call.args) {
    for (const auto& element : *arg.as_array()) {
      if (std::find(items.begin(), items.end(), element) == items.end()) items.push_back(element);
    }
  }
  return Value::array(std::move(items), call.span);
}

Value intersection(const Call& call) {
  if (std::all_of(call.args.begin(), call.args.end(), [](const Value& v) { return v.is_array(); })) {
    Value::Array items;
    for (const auto& element : *call[0].as_array()) {
      const bool everywhere = std::all_of(call.args.begin() + 1, call.args.end(), [&](const Value& other) {
        return std::find(other.as_array()->begin(), other.as_array()->end(), element) != other.as_array()->end();
      });
      if (everywhere && std::find(items.begin(), items.end(), element) == items.end()) items.push_back(element);
    }
    return Value::array(std::move(items), call.span);
  }
  if (!std::all_of(call.args.begin(), call.args.end(), [](const Value& v) { return v.is_object(); })) {
    return call.unknown();
  }
  Value out = Value::object({}, call.span);
  for (const auto& m : *call[0].as_object()) {
    const bool everywhere = std::all_of(call.args.begin() + 1, call.args.end(), [&](const Value& other) {
      const Value* v = other.find(m.key);
      return v != nullptr && *v == m.value;
    });
    if (everywhere) out.set(m.key, m.value, m.key_span);
  }
  return out;
}

Value create_object(const Call& call) {
  if (call.size() % 2 != 0) return call.unknown();
  Value out = Value::object({}, call.span);
  for (std::size_t i = 0; i < call.size(); i += 2) {
    const auto key = call[i].as_string();
    if (!key) return call.unknown();
    out.set(std::string(*key), call[i + 1], call[i].span());
  }
  return out;
}

// Keeps the members in the order the text gives them.
Value from_json(const nlohmann::ordered_json& j, SourceSpan span) {
  switch (j.type()) {
    case nlohmann::ordered_json::value_t::boolean: return Value::boolean(j.get<bool>(), span);
    case nlohmann::ordered_json::value_t::number_integer:
    case nlohmann::ordered_json::value_t::number_unsigned:
    case nlohmann::ordered_json::value_t::number_float: return Value::number(j.get<double>(), span);
    case nlohmann::ordered_json::value_t::string: return Value::string(j.get<std::string>(), span);
    case nlohmann::ordered_json::value_t::array: {
      Value::Array items;
      for (const auto& item : j) items.push_back(from_json(item, span));
      return Value::array(std::move(items), span);
    }
    case nlohmann::ordered_json::value_t::object: {
      Value out = Value::object({}, span);
      for (const auto& [key, item] : j.items()) out.set(key, from_json(item, span), span);
      return out;
    }
    default: return Value::null(span);
  }
}

Value json(const Call& call) {
  const auto text = call[0].as_string();
  if (!text) return call.unknown();
  auto parsed = nlohmann::ordered_json::parse(*text, nullptr, false);
  if (parsed.is_discarded()) return call.unknown();
  return from_json(parsed, call.span);
}

Value range(const Call& call) {
  const auto start = as_integer(call[0]);
  const auto count = as_integer(call[1]);
  if (!start || !count || *count < 0 || *count > 10000) return call.unknown();
  Value::Array items;
  for (long long i = 0; i < *count; ++i) items.push_back(call.number(static_cast<double>(*start + i)));
  return Value::array(std::move(items), call.span);
}

// min and max over numbers given as arguments or as one array.
Value extreme(const Call& call, bool want_max) {
  std::span<const Value> values = call.args;
  if (call.size() == 1 && call[0].is_array()) values = *call[0].as_array();
  if (values.empty()) return call.unknown();
  double best = 0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    const auto n = values[i].as_number();
    if (!n) return call.unknown();
    if (i == 0 || (want_max ? *n > best : *n < best)) best = *n;
  }
  return call.number(best);
}

// tryGet(value, key or index, ...): null where a step is missing, as `?.` in Bicep.
Value try_get(const Call& call) {
  if (call.size() < 2) return call.unknown();
  Value current = call[0];
  for (std::size_t i = 1; i < call.size(); ++i) {
    if (current.is_null()) return Value::null(call.span);
    const Value& key = call[i];
    if (current.is_object() && key.as_string()) {
      const Value* next = current.find(*key.as_string());
      if (next == nullptr) return Value::null(call.span);
      current = *next;
    } else if (const auto* arr = current.as_array(); arr != nullptr && as_integer(key)) {
      const auto at = *as_integer(key);
      if (at < 0 || static_cast<std::size_t>(at) >= arr->size()) return Value::null(call.span);
      current = (*arr)[static_cast<std::size_t>(at)];
    } else {
      return call.unknown();
    }
  }
  return current;
}

// items(object): [{key, value}] in key order, as Azure returns them.
Value items(const Call& call) {
  if (call.size() != 1 || !call[0].is_object()) return call.unknown();
  std::vector<const Value::Member*> members;
  for (const auto& m : *call[0].as_object()) members.push_back(&m);
  std::stable_sort(members.begin(), members.end(), [](const Value::Member* a, const Value::Member* b) {
    return std::lexicographical_compare(a->key.begin(), a->key.end(), b->key.begin(), b->key.end(), [](char x, char y) {
      return std::tolower(static_cast<unsigned char>(x)) < std::tolower(static_cast<unsigned char>(y));
    });
  });
  Value::Array out;
  for (const auto* m : members) {
    Value entry = Value::object({}, call.span);
    entry.set("key", Value::string(m->key, m->key_span));
    entry.set("value", m->value);
    out.push_back(std::move(entry));
  }
  return Value::array(std::move(out), call.span);
}

Value flatten(const Call& call) {
  if (call.size() != 1 || !call[0].is_array()) return call.unknown();
  Value::Array out;
  for (const auto& inner : *call[0].as_array()) {
    if (!inner.is_array()) return call.unknown();
    out.insert(out.end(), inner.as_array()->begin(), inner.as_array()->end());
  }
  return Value::array(std::move(out), call.span);
}

}  // namespace

void add_collection_functions(FunctionTable& table) {
  table["concat"] = concat;
  table["join"] = strict(2, 2, [](const Call& call) {
    const auto* arr = call[0].as_array();
    const auto delimiter = call[1].as_string();
    if (arr == nullptr || !delimiter) return call.unknown();
    std::string out;
    for (std::size_t i = 0; i < arr->size(); ++i) {
      if (i > 0) out += *delimiter;
      out += to_text((*arr)[i]);
    }
    return call.string(std::move(out));
  });
  table["take"] = [](const Call& call) { return slice(call, true); };
  table["skip"] = [](const Call& call) { return slice(call, false); };
  table["first"] = [](const Call& call) { return first_or_last(call, true); };
  table["last"] = [](const Call& call) { return first_or_last(call, false); };
  table["length"] = length;
  table["empty"] = empty;
  table["contains"] = contains;
  table["union"] = union_of;
  table["intersection"] = strict(1, kMany, intersection);
  table["createarray"] = [](const Call& call) {
    return Value::array(Value::Array(call.args.begin(), call.args.end()), call.span);
  };
  table["createobject"] = create_object;
  table["json"] = strict(1, 1, json);
  table["array"] = [](const Call& call) {
    if (call.size() != 1 || call[0].is_unknown()) return call.unknown();
    if (call[0].is_array()) return at_span(call[0], call.span);
    return Value::array({call[0]}, call.span);
  };
  table["range"] = strict(2, 2, range);
  table["min"] = strict(1, kMany, [](const Call& call) { return extreme(call, false); });
  table["max"] = strict(1, kMany, [](const Call& call) { return extreme(call, true); });
  table["tryget"] = try_get;
  table["items"] = items;
  table["flatten"] = flatten;
  table["objectkeys"] = [](const Call& call) {
    if (call.size() != 1 || !call[0].is_object()) return call.unknown();
    Value::Array keys;
    for (const auto& m : *call[0].as_object()) keys.push_back(Value::string(m.key, m.key_span));
    return Value::array(std::move(keys), call.span);
  };
}

}  // namespace akslint::azure
