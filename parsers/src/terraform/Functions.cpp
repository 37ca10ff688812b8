#include "terraform/Functions.h"

#include "terraform/FunctionLibrary.h"

#include <algorithm>
#include <charconv>

namespace akslint::terraform {

namespace functions {

Result ok(Value v) {
  Result out(std::in_place);
  out->value = std::move(v);
  return out;
}

Result error() {
  Result out(std::in_place);
  out->error = true;
  return out;
}

}  // namespace functions

namespace {

using functions::FunctionDef;

// Real Terraform functions whose results depend on files, time, randomness, hashing or
// syntaxes we do not reimplement: always unknown, and not worth a warning.
constexpr std::string_view kNotEvaluated[] = {
    "abspath", "base64decode", "base64gzip", "base64sha256", "base64sha512", "basename", "bcrypt",
    "chunklist", "cidrsubnets", "csvdecode", "dirname", "ephemeralasnull", "file", "filebase64",
    "filebase64sha256", "filebase64sha512", "fileexists", "filemd5", "fileset", "filesha1", "filesha256",
    "filesha512", "formatdate", "formatlist", "indent", "issensitive", "log", "matchkeys", "md5",
    "pathexpand", "plantimestamp", "regex", "regexall", "rsadecrypt", "setintersection", "setproduct",
    "setsubtract", "setunion", "sha1", "sha256", "sha512", "strrev", "templatefile", "templatestring",
    "textdecodebase64", "textencodebase64", "timeadd", "timecmp", "timestamp", "transpose", "type",
    "urlencode", "uuid", "uuidv5", "yamldecode", "yamlencode",
};

const FunctionDef* find(std::string_view name) {
  for (const auto area : {functions::string_functions(), functions::collection_functions(),
                          functions::number_functions()}) {
    for (const auto& f : area) {
      if (f.name == name) return &f;
    }
  }
  return nullptr;
}

}  // namespace

FunctionKind function_kind(std::string_view name) {
  if (find(name) != nullptr) return FunctionKind::Evaluated;
  for (const auto n : kNotEvaluated) {
    if (n == name) return FunctionKind::NotEvaluated;
  }
  return FunctionKind::Unknown;
}

std::optional<CallResult> call_function(std::string_view name, std::span<const Value> args) {
  const FunctionDef* f = find(name);
  if (f == nullptr) return std::nullopt;
  if (args.size() < f->min_args || args.size() > f->max_args) return CallResult{Value::null(), true};
  for (const Value& a : args) {
    if (f->deep ? !a.is_known() : a.is_unknown()) return std::nullopt;
  }
  return f->fn(args);
}

std::optional<double> to_number(const Value& v) {
  if (const auto n = v.as_number()) return n;
  if (const auto s = v.as_string()) {
    double d = 0;
    const auto [ptr, ec] = std::from_chars(s->data(), s->data() + s->size(), d);
    if (ec == std::errc() && ptr == s->data() + s->size() && !s->empty()) return d;
  }
  return std::nullopt;
}

std::optional<bool> to_bool(const Value& v) {
  if (const auto b = v.as_bool()) return b;
  if (const auto s = v.as_string()) {
    if (*s == "true") return true;
    if (*s == "false") return false;
  }
  return std::nullopt;
}

const Value* member(const Value& object, std::string_view key) {
  if (const auto* members = object.as_object()) {
    for (const auto& m : *members) {
      if (m.key == key) return &m.value;
    }
  }
  return nullptr;
}

std::vector<std::pair<Value, Value>> elements(const Value& collection) {
  std::vector<std::pair<Value, Value>> out;
  if (const auto* items = collection.as_array()) {
    for (std::size_t i = 0; i < items->size(); ++i) out.emplace_back(Value::number(static_cast<double>(i)), (*items)[i]);
  } else {
    for (const auto* m : sorted_members(collection)) out.emplace_back(Value::string(m->key, m->key_span), m->value);
  }
  return out;
}

std::vector<const Value::Member*> sorted_members(const Value& object) {
  std::vector<const Value::Member*> out;
  if (const auto* members = object.as_object()) {
    for (const auto& m : *members) out.push_back(&m);
  }
  std::stable_sort(out.begin(), out.end(), [](const auto* a, const auto* b) { return a->key < b->key; });
  return out;
}

}  // namespace akslint::terraform
