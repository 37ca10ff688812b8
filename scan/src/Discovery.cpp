#include <akslint/scan/Discovery.h>
#include <akslint/model/Utf8.h>

#include <akslint/parsers/Classify.h>

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <map>

namespace akslint {

namespace fs = std::filesystem;

std::optional<std::string> DiskSourceProvider::read(const fs::path& path, std::string& error) const {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "the file could not be opened";
    return std::nullopt;
  }
  std::string bytes;
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (!ec) bytes.reserve(static_cast<std::size_t>(size));
  bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) {
    error = "the file could not be read";
    return std::nullopt;
  }
  return bytes;
}

namespace {

// What the walk found at a path, before anything is read.
enum class EntryKind { File, Special, SymlinkOutside, SymlinkBroken };

struct Entry {
  fs::path path;
  EntryKind kind = EntryKind::File;
};

bool skipped_directory(const fs::path& p) {
  const auto name = p.filename().string();
  return name == ".git" || name == ".terraform" || name == "node_modules";
}

std::string relative_path(const fs::path& file, const fs::path& root) {
  const fs::path rel = file.lexically_normal().lexically_relative(root.lexically_normal());
  const std::string s = (rel.empty() ? file.filename() : rel).generic_string();
  return s.rfind("./", 0) == 0 ? s.substr(2) : s;
}

bool inside(const fs::path& p, const fs::path& root) {
  const auto rel = p.lexically_relative(root);
  return !rel.empty() && *rel.begin() != "..";
}

// Symlinked files are followed only to regular files inside the scan root; symlinked
// directories are never followed, which also keeps symlink loops out of the walk.
Entry classify_entry(const fs::path& path, const fs::path& real_root) {
  std::error_code ec;
  const auto status = fs::symlink_status(path, ec);
  if (fs::is_symlink(status)) {
    const fs::path target = fs::canonical(path, ec);
    if (ec) return {path, EntryKind::SymlinkBroken};
    if (!inside(target, real_root)) return {path, EntryKind::SymlinkOutside};
    return {path, fs::is_regular_file(target, ec) ? EntryKind::File : EntryKind::Special};
  }
  return {path, fs::is_regular_file(status) ? EntryKind::File : EntryKind::Special};
}

void collect(const fs::path& start, const fs::path& real_root, std::map<fs::path, Entry>& out) {
  std::error_code ec;
  if (!fs::is_directory(fs::symlink_status(start, ec))) {
    out.emplace(start, classify_entry(start, real_root));
    return;
  }
  fs::recursive_directory_iterator it(start, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const fs::path& p = it->path();
    if (it->is_directory(ec) && !it->is_symlink(ec)) {
      if (skipped_directory(p)) it.disable_recursion_pending();
      continue;
    }
    if (is_candidate(p.filename().string())) out.emplace(p, classify_entry(p, real_root));
  }
}

Diagnostic whole_file(DiagnosticLevel level, std::string code, std::string message, FileId file) {
  return {level, std::move(code), std::move(message), file, {}};
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

DiscoveredFiles discover(const std::vector<fs::path>& paths, const fs::path& root, const SourceProvider& provider,
                         const DiscoveryLimits& limits) {
  std::error_code ec;
  const fs::path real_root = fs::weakly_canonical(root, ec);
  std::map<fs::path, Entry> found;
  for (const auto& p : paths) collect(p, ec ? root : real_root, found);
  // Ordered by the relative path, so the table is the same whatever the walk order.
  std::map<std::string, Entry> ordered;
  for (auto& [abs, entry] : found) ordered.emplace(relative_path(abs, root), std::move(entry));

  DiscoveredFiles out;
  for (const auto& item : ordered) {
    const std::string& rel = item.first;  // not a structured binding: lambdas capture it
    const Entry& entry = item.second;
    auto report = [&](DiagnosticLevel level, std::string code, std::string message) {
      const FileId id = out.files.add({rel, FileFormat::Unknown, {}});
      out.diagnostics.push_back(whole_file(level, std::move(code), std::move(message), id));
    };
    switch (entry.kind) {
      case EntryKind::SymlinkOutside:
        report(DiagnosticLevel::Warning, "symlink-not-followed",
               "a symbolic link that leads outside the scan root; it was not followed");
        continue;
      case EntryKind::SymlinkBroken:
        report(DiagnosticLevel::Warning, "symlink-not-followed", "a symbolic link whose target does not exist");
        continue;
      case EntryKind::Special:
        report(DiagnosticLevel::Error, "not-a-regular-file",
               "not a regular file (a directory, FIFO, socket or device); it was not read");
        continue;
      case EntryKind::File: break;
    }
    const auto size = fs::file_size(entry.path, ec);
    if (!ec && size > limits.max_file_bytes) {
      report(DiagnosticLevel::Error, "file-too-large",
             fmt::format("the file has {} bytes, over the limit of {} (--max-file-size); it was not read", size,
                         limits.max_file_bytes));
      continue;
    }
    std::string error;
    auto bytes = provider.read(entry.path, error);
    if (!bytes) {
      report(DiagnosticLevel::Error, "unreadable-file", error + "; it was not analysed");
      continue;
    }
    const FileFormat format = classify(rel, std::string_view(*bytes).substr(0, kClassifyHeadBytes));
    if (format == FileFormat::Unknown) continue;  // JSON or YAML that is none of our formats
    out.files.add({rel, format, normalize_encoding(std::move(*bytes))});
  }
  return out;
}

}  // namespace akslint
