#include <akslint/analyzer/NodeResourceGroup.h>

#include <cctype>

namespace akslint {

namespace {

std::string known(const Value& v) {
  const auto s = v.as_string();
  return s ? std::string(*s) : std::string();
}

}  // namespace

std::string normalized_location(std::string_view location) {
  std::string out;
  for (const char c : location) {
    if (c != ' ') out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

std::string known_subscription(const Resource& resource) { return known(resource.scope.subscription); }
std::string known_resource_group(const Resource& resource) { return known(resource.scope.resource_group); }

std::optional<NodeResourceGroup> node_resource_group(const Resource& cluster) {
  if (const Value* written = cluster.at("properties.nodeResourceGroup"); written != nullptr && !written->is_null()) {
    const auto name = written->as_string();
    if (!name) return std::nullopt;
    return NodeResourceGroup{std::string(*name), written};
  }
  const std::string rg = known_resource_group(cluster);
  const std::string name = known(cluster.name);
  const Value* location = cluster.at("location");
  const auto loc = location != nullptr ? location->as_string() : std::nullopt;
  if (rg.empty() || name.empty() || !loc) return std::nullopt;
  return NodeResourceGroup{"MC_" + rg + "_" + name + "_" + normalized_location(*loc), nullptr};
}

}  // namespace akslint
