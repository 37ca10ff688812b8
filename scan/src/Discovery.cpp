#include <akslint/scan/Discovery.h>

#include <akslint/parsers/Classify.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

namespace akslint {

namespace fs = std::filesystem;

std::optional<std::string> DiskSourceProvider::read(const fs::path& path, std::string& error) const {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "the file could not be opened";
    return std::nullopt;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) {
    error = "the file could not be read";
    return std::nullopt;
  }
  return std::move(buffer).str();
}

namespace {

bool skipped_directory(const fs::path& p) {
  const auto name = p.filename().string();
  return name == ".git" || name == ".terraform" || name == "node_modules";
}

std::string relative_path(const fs::path& file, const fs::path& root) {
  const fs::path rel = file.lexically_normal().lexically_relative(root.lexically_normal());
  const std::string s = (rel.empty() ? file.filename() : rel).generic_string();
  return s.rfind("./", 0) == 0 ? s.substr(2) : s;
}

void collect(const fs::path& path, std::set<fs::path>& out) {
  std::error_code ec;
  const auto status = fs::symlink_status(path, ec);
  if (fs::is_regular_file(status) || fs::is_symlink(status)) {
    out.insert(path);
    return;
  }
  if (!fs::is_directory(status)) {
    out.insert(path);  // reported when read
    return;
  }
  fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_directory(ec) && !it->is_symlink(ec)) {
      if (skipped_directory(it->path())) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(ec) && !it->is_symlink(ec)) out.insert(it->path());
  }
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string utf16_to_utf8(std::string_view bytes, bool little_endian) {
  std::string out;
  out.reserve(bytes.size() / 2);
  auto unit = [&](std::size_t i) -> std::uint32_t {
    const auto a = static_cast<unsigned char>(bytes[i]);
    const auto b = static_cast<unsigned char>(bytes[i + 1]);
    return little_endian ? (static_cast<std::uint32_t>(b) << 8 | a) : (static_cast<std::uint32_t>(a) << 8 | b);
  };
  for (std::size_t i = 2; i + 1 < bytes.size(); i += 2) {
    std::uint32_t cp = unit(i);
    if (cp >= 0xD800 && cp < 0xDC00 && i + 3 < bytes.size()) {
      const std::uint32_t low = unit(i + 2);
      if (low >= 0xDC00 && low < 0xE000) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        i += 2;
      }
    }
    append_utf8(out, cp);
  }
  return out;
}

}  // namespace

std::string normalize_encoding(std::string bytes) {
  if (bytes.rfind("\xEF\xBB\xBF", 0) == 0) return bytes.substr(3);
  if (bytes.rfind("\xFF\xFE", 0) == 0) return utf16_to_utf8(bytes, true);
  if (bytes.rfind("\xFE\xFF", 0) == 0) return utf16_to_utf8(bytes, false);
  return bytes;
}

DiscoveredFiles discover(const std::vector<fs::path>& paths, const fs::path& root, const SourceProvider& provider) {
  std::set<fs::path> found;
  for (const auto& p : paths) collect(p, found);
  // Relative path -> absolute path, so the table is in path order whatever the walk order.
  std::vector<std::pair<std::string, fs::path>> ordered;
  for (const auto& p : found) ordered.emplace_back(relative_path(p, root), p);
  std::sort(ordered.begin(), ordered.end());

  DiscoveredFiles out;
  for (const auto& [rel, abs] : ordered) {
    if (!is_candidate(rel)) continue;  // not a format we read: skipped unopened
    std::string error;
    auto bytes = provider.read(abs, error);
    if (!bytes) {
      const FileId id = out.files.add({rel, FileFormat::Unknown, {}});
      out.diagnostics.push_back({DiagnosticLevel::Error, "unreadable-file", error + "; it was not analysed", id, {}});
      continue;
    }
    const FileFormat format = classify(rel, std::string_view(*bytes).substr(0, kClassifyHeadBytes));
    if (format == FileFormat::Unknown) continue;
    out.files.add({rel, format, normalize_encoding(std::move(*bytes))});
  }
  return out;
}

}  // namespace akslint
