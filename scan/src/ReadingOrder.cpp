#include "ReadingOrder.h"

#include <algorithm>

namespace akslint {

ReadingOrder reading_order(const std::vector<DeploymentUnit>& units, const FileTable& files, const ModuleCache& modules) {
  constexpr std::size_t kHeavyShare = 512;
  std::vector<std::size_t> weight(units.size(), 0);
  std::size_t total = 0;
  for (std::size_t i = 0; i < units.size(); ++i) {
    weight[i] = modules.module_bytes(units[i]);
    for (const FileId f : units[i].files) weight[i] += files[f].text.size();
    total += weight[i];
  }
  std::vector<std::size_t> order;
  std::vector<std::size_t> light;
  for (std::size_t i = 0; i < units.size(); ++i) {
    (weight[i] * kHeavyShare > total ? order : light).push_back(i);
  }
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return weight[a] > weight[b]; });
  const std::size_t heavy = order.size();
  order.insert(order.end(), light.begin(), light.end());
  return {std::move(order), heavy};
}

}  // namespace akslint
