// Built-in functions over lists, sets, maps and objects, and type conversions.
#include "Budget.h"
#include "terraform/FunctionLibrary.h"

#include <algorithm>

namespace akslint::terraform::functions {

namespace {

// --- collections ---

Result f_length(Args a) {
  const Value& v = a[0];
  if (const auto* items = v.as_array()) return ok(Value::number(static_cast<double>(items->size())));
  if (const auto* members = v.as_object()) return ok(Value::number(static_cast<double>(members->size())));
  if (v.is_string()) return ok(Value::number(static_cast<double>(code_points(*v.as_string()).size())));
  return error();
}

Result f_concat(Args a) {
  Value::Array out;
  for (const Value& l : a) {
    const auto* items = list(l);
    if (items == nullptr) return error();
    out.insert(out.end(), items->begin(), items->end());
  }
  return ok(Value::array(std::move(out)));
}

void put(Value::Object& members, const Value::Member& m) {
  auto it = std::find_if(members.begin(), members.end(), [&](const auto& x) { return x.key == m.key; });
  if (it != members.end()) {
    it->value = m.value;
  } else {
    members.push_back(m);
  }
}

Result f_merge(Args a) {
  Value::Object out;
  for (const Value& o : a) {
    if (o.is_null()) continue;
    const auto* members = o.as_object();
    if (members == nullptr) return error();
    for (const auto& m : *members) put(out, m);
  }
  return ok(Value::object(std::move(out)));
}

Result f_lookup(Args a) {
  if (!a[0].is_object()) return error();
  auto key = str(a[1]);
  if (a[1].is_unknown()) return kUnknown;
  if (!key) return error();
  if (const Value* v = member(a[0], *key)) return ok(*v);
  if (a.size() > 2) return ok(a[2]);
  return error();
}

Result f_element(Args a) {
  const auto* items = list(a[0]);
  const auto i = integer(a[1]);
  if (a[1].is_unknown()) return kUnknown;
  if (items == nullptr || !i || items->empty() || *i < 0) return error();
  return ok((*items)[static_cast<std::size_t>(*i) % items->size()]);
}

Result f_contains(Args a) {
  const auto* items = list(a[0]);
  if (items == nullptr) return error();
  return ok(Value::boolean(std::find(items->begin(), items->end(), a[1]) != items->end()));
}

Result f_index(Args a) {
  const auto* items = list(a[0]);
  if (items == nullptr) return error();
  const auto it = std::find(items->begin(), items->end(), a[1]);
  if (it == items->end()) return error();
  return ok(Value::number(static_cast<double>(it - items->begin())));
}

Result f_keys(Args a) {
  if (!a[0].is_object()) return error();
  std::vector<std::string> out;
  for (const auto* m : sorted_members(a[0])) out.push_back(m->key);
  return ok(strings(std::move(out)));
}

Result f_values(Args a) {
  if (!a[0].is_object()) return error();
  Value::Array out;
  for (const auto* m : sorted_members(a[0])) out.push_back(m->value);
  return ok(Value::array(std::move(out)));
}

Result f_tolist(Args a) {
  if (a[0].is_null()) return ok(a[0]);
  return a[0].is_array() ? ok(a[0]) : error();
}

bool value_less(const Value& x, const Value& y) {
  if (x.kind() != y.kind()) return x.kind() < y.kind();
  if (x.is_string()) return *x.as_string() < *y.as_string();
  if (const auto n = x.as_number()) return *n < *y.as_number();
  return x.to_display() < y.to_display();
}

Value::Array distinct_items(const Value::Array& items) {
  Value::Array out;
  for (const Value& item : items) {
    if (std::find(out.begin(), out.end(), item) == out.end()) out.push_back(item);
  }
  return out;
}

// Sets iterate in a fixed order (lexical for strings), as Terraform's do.
Result f_toset(Args a) {
  if (a[0].is_null()) return ok(a[0]);
  const auto* items = list(a[0]);
  if (items == nullptr) return error();
  auto out = distinct_items(*items);
  std::stable_sort(out.begin(), out.end(), value_less);
  return ok(Value::array(std::move(out)));
}

Result f_tomap(Args a) { return a[0].is_object() || a[0].is_null() ? ok(a[0]) : error(); }

Result f_tostring(Args a) {
  if (a[0].is_null()) return ok(a[0]);
  auto s = str(a[0]);
  return s ? ok(Value::string(*s)) : error();
}

Result f_tonumber(Args a) {
  if (a[0].is_null()) return ok(a[0]);
  const auto n = to_number(a[0]);
  return n ? ok(Value::number(*n)) : error();
}

Result f_tobool(Args a) {
  if (a[0].is_null()) return ok(a[0]);
  const auto b = to_bool(a[0]);
  return b ? ok(Value::boolean(*b)) : error();
}

void flatten_into(const Value::Array& items, Value::Array& out, bool& unknown) {
  for (const Value& item : items) {
    if (item.is_unknown()) unknown = true;
    if (const auto* inner = item.as_array()) {
      flatten_into(*inner, out, unknown);
    } else {
      out.push_back(item);
    }
  }
}

Result f_flatten(Args a) {
  const auto* items = list(a[0]);
  if (items == nullptr) return error();
  Value::Array out;
  bool unknown = false;
  flatten_into(*items, out, unknown);
  if (unknown) return kUnknown;
  return ok(Value::array(std::move(out)));
}

Result f_distinct(Args a) {
  const auto* items = list(a[0]);
  return items ? ok(Value::array(distinct_items(*items))) : error();
}

Result f_compact(Args a) {
  const auto* items = list(a[0]);
  if (items == nullptr) return error();
  Value::Array out;
  for (const Value& item : *items) {
    if (item.is_null() || (item.is_string() && item.as_string()->empty())) continue;
    out.push_back(item);
  }
  return ok(Value::array(std::move(out)));
}

Result f_reverse(Args a) {
  const auto* items = list(a[0]);
  if (items == nullptr) return error();
  return ok(Value::array(Value::Array(items->rbegin(), items->rend())));
}

Result f_sort(Args a) {
  const auto* items = list(a[0]);
  if (items == nullptr) return error();
  std::vector<std::string> out;
  for (const Value& item : *items) {
    auto s = str(item);
    if (!s) return error();
    out.push_back(*s);
  }
  std::sort(out.begin(), out.end());
  return ok(strings(std::move(out)));
}

Result f_slice(Args a) {
  const auto* items = list(a[0]);
  const auto from = integer(a[1]);
  const auto to = integer(a[2]);
  if (a[1].is_unknown() || a[2].is_unknown()) return kUnknown;
  if (items == nullptr || !from || !to || *from < 0 || *to < *from || *to > static_cast<long long>(items->size())) {
    return error();
  }
  return ok(Value::array(Value::Array(items->begin() + *from, items->begin() + *to)));
}

Result f_zipmap(Args a) {
  const auto* keys = list(a[0]);
  const auto* vals = list(a[1]);
  if (keys == nullptr || vals == nullptr || keys->size() != vals->size()) return error();
  Value::Object out;
  for (std::size_t i = 0; i < keys->size(); ++i) {
    auto k = str((*keys)[i]);
    if (!k) return error();
    put(out, {*k, (*vals)[i], {}});
  }
  return ok(Value::object(std::move(out)));
}

Result f_range(Args a) {
  double start = 0;
  double stop = 0;
  double step = 1;
  std::vector<double> nums;
  for (const Value& v : a) {
    const auto n = to_number(v);
    if (!n) return error();
    nums.push_back(*n);
  }
  if (nums.size() == 1) {
    stop = nums[0];
  } else {
    start = nums[0];
    stop = nums[1];
    if (nums.size() == 3) step = nums[2];
  }
  if (nums.size() < 3 && stop < start) step = -1;
  if (step == 0 || (stop - start) / step > 1024) return error();
  Value::Array out;
  for (double x = start; step > 0 ? x < stop : x > stop; x += step) out.push_back(Value::number(x));
  return ok(Value::array(std::move(out)));
}

Result f_coalesce(Args a) {
  for (const Value& v : a) {
    if (v.is_unknown()) return kUnknown;
    if (v.is_null() || (v.is_string() && v.as_string()->empty())) continue;
    return ok(v);
  }
  return error();
}

Result f_coalescelist(Args a) {
  for (const Value& v : a) {
    if (v.is_unknown()) return kUnknown;
    if (const auto* items = list(v); items != nullptr && !items->empty()) return ok(v);
  }
  return ok(Value::array());
}

Result f_one(Args a) {
  if (a[0].is_null()) return ok(a[0]);
  const auto* items = list(a[0]);
  if (items == nullptr || items->size() > 1) return error();
  return ok(items->empty() ? Value::null() : items->front());
}

Result f_identity(Args a) { return ok(a[0]); }

Result f_alltrue(Args a) {
  const auto* items = list(a[0]);
  if (items == nullptr) return error();
  bool all = true;
  for (const Value& v : *items) {
    const auto b = to_bool(v);
    if (!b) return error();
    all = all && *b;
  }
  return ok(Value::boolean(all));
}

Result f_anytrue(Args a) {
  const auto* items = list(a[0]);
  if (items == nullptr) return error();
  bool any = false;
  for (const Value& v : *items) {
    const auto b = to_bool(v);
    if (!b) return error();
    any = any || *b;
  }
  return ok(Value::boolean(any));
}

constexpr FunctionDef kFunctions[] = {
    {"alltrue", 1, 1, true, f_alltrue},
    {"anytrue", 1, 1, true, f_anytrue},
    {"coalesce", 1, kMany, false, f_coalesce},
    {"coalescelist", 1, kMany, false, f_coalescelist},
    {"compact", 1, 1, true, f_compact},
    {"concat", 0, kMany, false, f_concat},
    {"contains", 2, 2, true, f_contains},
    {"distinct", 1, 1, true, f_distinct},
    {"element", 2, 2, false, f_element},
    {"flatten", 1, 1, false, f_flatten},
    {"index", 2, 2, true, f_index},
    {"keys", 1, 1, false, f_keys},
    {"length", 1, 1, false, f_length},
    {"lookup", 2, 3, false, f_lookup},
    {"merge", 0, kMany, false, f_merge},
    {"nonsensitive", 1, 1, false, f_identity},
    {"one", 1, 1, false, f_one},
    {"range", 1, 3, true, f_range},
    {"reverse", 1, 1, false, f_reverse},
    {"sensitive", 1, 1, false, f_identity},
    {"slice", 3, 3, false, f_slice},
    {"sort", 1, 1, true, f_sort},
    {"tobool", 1, 1, true, f_tobool},
    {"tolist", 1, 1, false, f_tolist},
    {"tomap", 1, 1, false, f_tomap},
    {"tonumber", 1, 1, true, f_tonumber},
    {"toset", 1, 1, true, f_toset},
    {"tostring", 1, 1, true, f_tostring},
    {"values", 1, 1, false, f_values},
    {"zipmap", 2, 2, true, f_zipmap},
};

}  // namespace

std::span<const FunctionDef> collection_functions() { return kFunctions; }

}  // namespace akslint::terraform::functions
