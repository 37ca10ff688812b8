#include <akslint/analyzer/ResourceId.h>

#include <akslint/model/Value.h>

#include <vector>

namespace akslint {

namespace {

std::vector<std::string_view> split(std::string_view text, char sep) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto end = text.find(sep, start);
    parts.push_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return parts;
}

std::string join(const std::vector<std::string_view>& parts, char sep) {
  std::string out;
  for (const auto p : parts) {
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

// "<ns>/<type>/<name>[/<child type>/<child name>]..." after "providers/".
bool read_provider_part(const std::vector<std::string_view>& seg, std::size_t i, ResourceId& id) {
  if (seg.size() < i + 3 || (seg.size() - i - 1) % 2 != 0) return false;
  std::vector<std::string_view> types{seg[i]};
  std::vector<std::string_view> names;
  for (std::size_t k = i + 1; k + 1 < seg.size(); k += 2) {
    if (seg[k].empty() || seg[k + 1].empty()) return false;
    types.push_back(seg[k]);
    names.push_back(seg[k + 1]);
  }
  id.type = join(types, '/');
  id.name = join(names, '/');
  return true;
}

// String-literal arguments of a call, nullopt when any argument is not a plain literal.
std::optional<std::vector<std::string>> literal_arguments(std::string_view args) {
  std::vector<std::string> out;
  std::size_t i = 0;
  auto skip_space = [&] {
    while (i < args.size() && args[i] == ' ') ++i;
  };
  while (true) {
    skip_space();
    if (i >= args.size() || args[i] != '\'') return std::nullopt;
    std::string lit;
    for (++i; i < args.size(); ++i) {
      if (args[i] == '\'') {
        if (i + 1 < args.size() && args[i + 1] == '\'') {
          lit += '\'';
          ++i;
          continue;
        }
        break;
      }
      lit += args[i];
    }
    if (i >= args.size()) return std::nullopt;
    ++i;
    out.push_back(std::move(lit));
    skip_space();
    if (i == args.size()) return out;
    if (args[i] != ',') return std::nullopt;
    ++i;
  }
}

}  // namespace

std::optional<ResourceId> parse_resource_id(std::string_view text) {
  if (text.empty() || text.front() != '/') return std::nullopt;
  if (text.back() == '/') text.remove_suffix(1);
  const auto seg = split(text.substr(1), '/');
  ResourceId id;
  std::size_t i = 0;
  if (seg.size() >= 2 && iequals(seg[0], "subscriptions")) {
    if (seg[1].empty()) return std::nullopt;
    id.subscription = std::string(seg[1]);
    i = 2;
  }
  if (seg.size() >= i + 2 && iequals(seg[i], "resourceGroups")) {
    if (seg[i + 1].empty()) return std::nullopt;
    id.resource_group = std::string(seg[i + 1]);
    i += 2;
  }
  if (i == seg.size()) {
    if (!id.resource_group.empty()) {
      id.type = "Microsoft.Resources/resourceGroups";
      id.name = id.resource_group;
    } else if (!id.subscription.empty()) {
      id.type = "Microsoft.Resources/subscriptions";
      id.name = id.subscription;
    } else {
      return std::nullopt;
    }
    return id;
  }
  if (!iequals(seg[i], "providers") || !read_provider_part(seg, i + 1, id)) return std::nullopt;
  return id;
}

std::optional<ResourceId> parse_resource_id_call(std::string_view expression) {
  if (expression.size() >= 2 && expression.front() == '[' && expression.back() == ']') {
    expression = expression.substr(1, expression.size() - 2);
  }
  constexpr std::string_view kCall = "resourceId(";
  if (expression.size() <= kCall.size() || !iequals(expression.substr(0, kCall.size()), kCall) ||
      expression.back() != ')') {
    return std::nullopt;
  }
  const auto args = literal_arguments(expression.substr(kCall.size(), expression.size() - kCall.size() - 1));
  if (!args) return std::nullopt;
  // resourceId([subscriptionId], [resourceGroupName], type, name1, name2, ...): the type is
  // the first argument with a '/', and it has one name per segment after the namespace.
  std::size_t t = 0;
  while (t < args->size() && (*args)[t].find('/') == std::string::npos) ++t;
  if (t == args->size() || t > 2) return std::nullopt;
  const auto type_segments = split((*args)[t], '/').size();
  if (args->size() - t - 1 != type_segments - 1) return std::nullopt;
  ResourceId id;
  id.type = (*args)[t];
  if (t == 2) id.subscription = (*args)[0];
  if (t >= 1) id.resource_group = (*args)[t - 1];
  std::vector<std::string_view> names(args->begin() + static_cast<std::ptrdiff_t>(t) + 1, args->end());
  id.name = join(names, '/');
  return id;
}

}  // namespace akslint
