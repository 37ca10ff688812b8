#include <akslint/model/Value.h>

#include <akslint/model/JsonString.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <utility>

namespace akslint {

namespace {

void append_number(std::string& out, double n) {
  if (std::isfinite(n) && n == std::floor(n) && std::fabs(n) < 1e15) {
    out += std::to_string(static_cast<long long>(n));
    return;
  }
  char buf[32];
  const auto res = std::to_chars(buf, buf + sizeof buf, n);
  out.append(buf, res.ptr);
}

void append_display(std::string& out, const Value& v) {
  switch (v.kind()) {
    case Value::Kind::Null: out += "null"; break;
    case Value::Kind::Bool: out += *v.as_bool() ? "true" : "false"; break;
    case Value::Kind::Number: append_number(out, *v.as_number()); break;
    case Value::Kind::String: append_json_string(out, *v.as_string()); break;
    case Value::Kind::Unknown: out += "${" + *v.unknown_expression() + "}"; break;
    case Value::Kind::Array: {
      out += '[';
      bool first = true;
      for (const auto& item : *v.as_array()) {
        if (!first) out += ',';
        first = false;
        append_display(out, item);
      }
      out += ']';
      break;
    }
    case Value::Kind::Object: {
      out += '{';
      bool first = true;
      for (const auto& m : *v.as_object()) {
        if (!first) out += ',';
        first = false;
        append_json_string(out, m.key);
        out += ':';
        append_display(out, m.value);
      }
      out += '}';
      break;
    }
  }
}

}  // namespace

Value Value::null(SourceSpan span) { return with(Null{}, span); }
Value Value::boolean(bool b, SourceSpan span) { return with(b, span); }
Value Value::number(double n, SourceSpan span) { return with(n, span); }
Value Value::string(std::string s, SourceSpan span) { return with(std::move(s), span); }
Value Value::unknown(std::string expression, SourceSpan span) { return with(Unknown{std::move(expression)}, span); }
Value Value::array(Array items, SourceSpan span) { return with(ArrayBox(std::move(items)), span); }
Value Value::object() { return with(ObjectBox(), SourceSpan{}); }
Value Value::object(Object members, SourceSpan span) { return with(ObjectBox(std::move(members)), span); }

template <class T>
Value::Shared<T>::Shared() : items_(std::make_shared<T>()) {}
template <class T>
Value::Shared<T>::Shared(T items) : items_(std::make_shared<T>(std::move(items))) {}
template <class T>
T* Value::Shared<T>::get_mutable() {
  // One owner means no other value can see the change; the check is safe across threads
  // because a second owner could only be made from this value, which the caller holds.
  if (items_ != nullptr && items_.use_count() > 1) items_ = std::make_shared<T>(*items_);
  return items_.get();
}
template class Value::Shared<Value::Array>;
template class Value::Shared<Value::Object>;

bool Value::is_known() const {
  switch (kind()) {
    case Kind::Unknown: return false;
    case Kind::Array:
      return std::all_of(as_array()->begin(), as_array()->end(), [](const Value& v) { return v.is_known(); });
    case Kind::Object:
      return std::all_of(as_object()->begin(), as_object()->end(), [](const Member& m) { return m.value.is_known(); });
    default: return true;
  }
}

std::optional<bool> Value::as_bool() const {
  if (const auto* b = std::get_if<bool>(&data_)) return *b;
  return std::nullopt;
}
std::optional<double> Value::as_number() const {
  if (const auto* n = std::get_if<double>(&data_)) return *n;
  return std::nullopt;
}
std::optional<std::string_view> Value::as_string() const {
  if (const auto* s = std::get_if<std::string>(&data_)) return std::string_view(*s);
  return std::nullopt;
}
const std::string* Value::unknown_expression() const {
  if (const auto* u = std::get_if<Unknown>(&data_)) return &u->expression;
  return nullptr;
}
const Value::Array* Value::as_array() const {
  const auto* box = std::get_if<ArrayBox>(&data_);
  return box != nullptr ? box->get() : nullptr;
}
Value::Array* Value::as_array() {
  auto* box = std::get_if<ArrayBox>(&data_);
  return box != nullptr ? box->get_mutable() : nullptr;
}
const Value::Object* Value::as_object() const {
  const auto* box = std::get_if<ObjectBox>(&data_);
  return box != nullptr ? box->get() : nullptr;
}
Value::Object* Value::as_object() {
  auto* box = std::get_if<ObjectBox>(&data_);
  return box != nullptr ? box->get_mutable() : nullptr;
}

const Value::Member* Value::find_member(std::string_view key) const {
  const auto* obj = as_object();
  if (obj == nullptr) return nullptr;
  for (const auto& m : *obj) {
    if (iequals(m.key, key)) return &m;
  }
  return nullptr;
}

const Value* Value::find(std::string_view key) const {
  const auto* m = find_member(key);
  return m != nullptr ? &m->value : nullptr;
}

Value* Value::find(std::string_view key) {
  // Look before taking the members for change, which copies them when they are shared.
  const Member* found = std::as_const(*this).find_member(key);
  if (found == nullptr) return nullptr;
  const auto index = found - std::as_const(*this).as_object()->data();
  return &(*as_object())[static_cast<std::size_t>(index)].value;
}

const Value* Value::at(std::string_view path) const {
  const Value* cur = this;
  std::size_t pos = 0;
  while (cur != nullptr && pos < path.size()) {
    if (path[pos] == '.') {
      ++pos;
      continue;
    }
    if (path[pos] == '[') {
      const auto close = path.find(']', pos);
      if (close == std::string_view::npos) return nullptr;
      std::size_t index = 0;
      const auto digits = path.substr(pos + 1, close - pos - 1);
      const auto res = std::from_chars(digits.data(), digits.data() + digits.size(), index);
      const auto* arr = cur->as_array();
      if (res.ec != std::errc{} || arr == nullptr || index >= arr->size()) return nullptr;
      cur = &(*arr)[index];
      pos = close + 1;
      continue;
    }
    const auto end = path.find_first_of(".[", pos);
    cur = cur->find(path.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos));
    pos = end == std::string_view::npos ? path.size() : end;
  }
  return cur;
}

Value& Value::set(std::string key, Value value, SourceSpan key_span) {
  auto* obj = as_object();
  if (obj == nullptr) {
    data_ = ObjectBox{};
    obj = as_object();
  }
  for (auto& m : *obj) {
    if (iequals(m.key, key)) {
      m.value = std::move(value);
      return m.value;
    }
  }
  obj->push_back(Member{std::move(key), std::move(value), key_span});
  return obj->back().value;
}

Value& Value::ensure_path(std::string_view path) {
  Value* cur = this;
  while (!path.empty()) {
    const auto dot = path.find('.');
    const auto key = path.substr(0, dot);
    Value* next = cur->is_object() ? cur->find(key) : nullptr;
    if (next == nullptr || !(next->is_object() || dot == std::string_view::npos)) {
      next = &cur->set(std::string(key), dot == std::string_view::npos ? Value::null() : Value::object());
    }
    cur = next;
    path = dot == std::string_view::npos ? std::string_view{} : path.substr(dot + 1);
  }
  return *cur;
}

std::string Value::to_display() const {
  std::string out;
  append_display(out, *this);
  return out;
}

bool operator==(const Value& a, const Value& b) {
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case Value::Kind::Null: return true;
    case Value::Kind::Bool: return *a.as_bool() == *b.as_bool();
    case Value::Kind::Number: return *a.as_number() == *b.as_number();
    case Value::Kind::String: return *a.as_string() == *b.as_string();
    case Value::Kind::Unknown: return *a.unknown_expression() == *b.unknown_expression();
    case Value::Kind::Array: return *a.as_array() == *b.as_array();
    case Value::Kind::Object: {
      const auto& x = *a.as_object();
      const auto& y = *b.as_object();
      return x.size() == y.size() && std::equal(x.begin(), x.end(), y.begin(), [](const auto& l, const auto& r) {
               return l.key == r.key && l.value == r.value;
             });
    }
  }
  return false;
}

bool iequals(std::string_view a, std::string_view b) {
  // Most strings compared are spelt alike (types in their canonical case): memcmp first.
  return a.size() == b.size() &&
         (a == b ||
          std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return ascii_lower(x) == ascii_lower(y); }));
}

std::string ascii_lowercase(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

}  // namespace akslint
