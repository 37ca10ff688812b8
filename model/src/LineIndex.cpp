#include <akslint/model/LineIndex.h>

#include <algorithm>

namespace akslint {

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (ends_line(text, i)) starts_.push_back(static_cast<std::uint32_t>(i + 1));
  }
}

SourcePoint LineIndex::point(std::uint32_t offset) const {
  const auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  const auto row = static_cast<std::uint32_t>(it - starts_.begin() - 1);
  return {row, offset - starts_[row]};
}

std::string_view LineIndex::line(std::uint32_t row) const {
  const std::size_t begin = starts_[row];
  std::size_t end = row + 1 < starts_.size() ? starts_[row + 1] : text_.size();
  while (end > begin && (text_[end - 1] == '\n' || text_[end - 1] == '\r')) --end;
  return text_.substr(begin, end - begin);
}

}  // namespace akslint
