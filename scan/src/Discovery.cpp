#include <akslint/scan/Discovery.h>
#include <akslint/model/Utf8.h>

#include <akslint/model/Parallel.h>
#include <akslint/parsers/Classify.h>

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <deque>
#include <iterator>
#include <mutex>
#include <optional>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace akslint {

namespace fs = std::filesystem;

namespace {

// Sizes `bytes` for a file of `size` bytes. A large buffer is asked to be backed by huge
// pages (where the kernel leaves that to the program) before it is first touched: filling
// a 200 MB plan's fresh memory 4 KiB page by page cost more than reading it.
void size_for(std::string& bytes, std::size_t size) {
  constexpr std::size_t kHugePage = std::size_t{2} << 20;
  if (size >= 4 * kHugePage) {
    bytes.reserve(size);
#ifdef MADV_HUGEPAGE
    const auto begin = (reinterpret_cast<std::uintptr_t>(bytes.data()) + kHugePage - 1) & ~(kHugePage - 1);
    const auto end = (reinterpret_cast<std::uintptr_t>(bytes.data()) + size) & ~(kHugePage - 1);
    if (end > begin) ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);  // advice only
#endif
  }
  bytes.resize(size);
}

}  // namespace

std::optional<SourceText> DiskSourceProvider::read(const fs::path& path, std::uint64_t max_bytes,
                                                   ReadFailure& failure) const {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    failure.reason = "the file could not be opened";
    return std::nullopt;
  }
  struct stat info {};
  const bool sized = ::fstat(fd, &info) == 0 && info.st_size > 0;
  const auto size = sized ? static_cast<std::uint64_t>(info.st_size) : 0;
  if (size > max_bytes) {
    ::close(fd);
    failure.oversize = size;
    return std::nullopt;
  }
  if (sized && size >= map_from_bytes_) {
    if (auto mapped = SourceText::map(fd, size, path.string())) return mapped;
  }
  // Read to the size fstat gives, without the extra read that would find the end: the text
  // is the file as it was then. A file that reports no size is read on to its end.
  std::string bytes;
  if (sized) size_for(bytes, size);
  std::size_t used = 0;
  char more[4096];
  while (!sized || used < bytes.size()) {
    const bool full = used == bytes.size();
    const ssize_t n = full ? ::read(fd, more, sizeof more) : ::read(fd, bytes.data() + used, bytes.size() - used);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      ::close(fd);
      failure.reason = "the file could not be read";
      return std::nullopt;
    }
    if (full) bytes.append(more, static_cast<std::size_t>(n));
    used += static_cast<std::size_t>(n);
  }
  ::close(fd);
  bytes.resize(used);
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

// Whether `rel` is a relative path as it stands: no empty, "." or ".." component.
bool plain_relative(std::string_view rel) {
  if (rel.empty()) return false;
  for (std::size_t begin = 0; begin <= rel.size();) {
    const std::size_t end = std::min(rel.find('/', begin), rel.size());
    const std::string_view part = rel.substr(begin, end - begin);
    if (part.empty() || part == "." || part == "..") return false;
    begin = end + 1;
  }
  return true;
}

// What follows `root` in `file` when that is a plain relative path, the file's path from the
// root; nullopt otherwise.
std::optional<std::string_view> plain_rest(std::string_view file, std::string_view root) {
  if (root.empty() || file.size() <= root.size() || !file.starts_with(root)) return std::nullopt;
  if (root.back() != '/' && file[root.size()] != '/') return std::nullopt;
  const std::string_view rest = file.substr(root.size() + (root.back() == '/' ? 0 : 1));
  return plain_relative(rest) ? std::optional(rest) : std::nullopt;
}

// `file`'s path from `root`, lexically, with '/' between components.
std::string relative_path(const fs::path& file, const fs::path& root, const fs::path& normal_root) {
  // Most files were found below the root as written (`../infra` too), or below its normal
  // form, and what follows it is the answer: the lexical operations below cost some 19,000
  // instructions a file.
  for (const fs::path* r : {&root, &normal_root}) {
    if (const auto rest = plain_rest(file.native(), r->native())) return std::string(*rest);
  }
  const fs::path rel = file.lexically_normal().lexically_relative(normal_root);
  const std::string s = (rel.empty() ? file.filename() : rel).generic_string();
  return s.rfind("./", 0) == 0 ? s.substr(2) : s;
}

bool inside(const fs::path& p, const fs::path& root) {
  const auto rel = p.lexically_relative(root);
  return !rel.empty() && *rel.begin() != "..";
}

// Symlinked files are followed only to regular files inside the scan root; symlinked
// directories are never followed, which also keeps symlink loops out of the walk.
EntryKind classify_entry(const fs::path& path, const fs::path& real_root) {
  std::error_code ec;
  const auto status = fs::symlink_status(path, ec);
  if (fs::is_symlink(status)) {
    const fs::path target = fs::canonical(path, ec);
    if (ec) return EntryKind::SymlinkBroken;
    if (!inside(target, real_root)) return EntryKind::SymlinkOutside;
    return fs::is_regular_file(target, ec) ? EntryKind::File : EntryKind::Special;
  }
  return fs::is_regular_file(status) ? EntryKind::File : EntryKind::Special;
}

// The walk's entries carry the type readdir gave, so only symlinks cost another system call.
EntryKind classify_entry(const fs::directory_entry& entry, const fs::path& real_root) {
  std::error_code ec;
  if (entry.is_symlink(ec) || ec) return classify_entry(entry.path(), real_root);
  return entry.is_regular_file(ec) ? EntryKind::File : EntryKind::Special;
}

bool walked_into(const fs::directory_entry& entry) {
  std::error_code ec;
  return entry.is_directory(ec) && !entry.is_symlink(ec);
}

// The directories a walk has still to list. A thread takes one, lists it and puts the
// directories it holds back on the list, so that the threads share the tree however it is
// shaped: most repositories keep their infrastructure code under one or two directories.
// The walk is done when the list is empty and no thread is listing. Directories are taken in
// the order they were found, breadth first: taken last found first, the one-job scan of the
// corpus peaked 5 MB higher, its allocations laid out in the walk's order.
class DirectoryQueue {
 public:
  explicit DirectoryQueue(const std::vector<fs::path>& directories) : todo_(directories.begin(), directories.end()) {}

  std::optional<fs::path> take() {
    std::unique_lock lock(lock_);
    changed_.wait(lock, [&] { return !todo_.empty() || listing_ == 0; });
    if (todo_.empty()) return std::nullopt;
    ++listing_;
    fs::path next = std::move(todo_.front());
    todo_.pop_front();
    return next;
  }

  // A directory taken is listed; `below` are the directories it holds.
  void listed(std::vector<fs::path>& below) {
    {
      const std::lock_guard lock(lock_);
      --listing_;
      std::move(below.begin(), below.end(), std::back_inserter(todo_));
    }
    changed_.notify_all();
  }

 private:
  std::mutex lock_;
  std::condition_variable changed_;
  std::deque<fs::path> todo_;  // first in, first out: see the class comment
  std::size_t listing_ = 0;
};

// `directory`'s candidates into `out` and the directories in it to walk into `below`,
// skipping the directories tools keep to themselves.
void list_directory(const fs::path& directory, const fs::path& real_root, std::vector<Entry>& out,
                    std::vector<fs::path>& below) {
  std::error_code ec;
  fs::directory_iterator it(directory, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
    const fs::path& p = it->path();
    if (walked_into(*it)) {
      if (!skipped_directory(p)) below.push_back(p);
    } else if (is_candidate(p.filename().string())) {
      out.push_back({p, classify_entry(*it, real_root)});
    }
  }
}

// Every candidate under `directories`, listed on `jobs` threads, in no particular order.
void walk(const std::vector<fs::path>& directories, const fs::path& real_root, unsigned jobs, std::vector<Entry>& out) {
  DirectoryQueue queue(directories);
  std::vector<std::vector<Entry>> found(job_count(jobs));
  on_threads(found.size(), [&](std::size_t t, const std::atomic<bool>&) {
    while (const auto directory = queue.take()) {
      std::vector<fs::path> below;
      // Put back even when listing throws, or the other threads would wait for it forever.
      struct Listed {
        DirectoryQueue& queue;
        std::vector<fs::path>& below;
        ~Listed() { queue.listed(below); }
      } listed{queue, below};
      list_directory(*directory, real_root, found[t], below);
    }
  });
  for (auto& entries : found) std::move(entries.begin(), entries.end(), std::back_inserter(out));
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

SourceText normalize_encoding(SourceText bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) return std::move(bytes).into_string().substr(3);
  if (bytes.starts_with("\xFF\xFE")) return utf16_to_utf8(bytes, true);
  if (bytes.starts_with("\xFE\xFF")) return utf16_to_utf8(bytes, false);
  return bytes;
}

namespace {

// What became of one candidate: its text, a diagnostic, or nothing (JSON or YAML that is none
// of our formats).
struct Outcome {
  SourceFile file;                    // format Unknown: not a file akslint reads
  std::optional<Diagnostic> problem;  // its file id is set when the outcome is added
};

Outcome problem(DiagnosticLevel level, std::string code, std::string message) {
  return {{}, Diagnostic{level, std::move(code), std::move(message), 0, {}}};
}

Outcome read_entry(const std::string& rel, const Entry& entry, const SourceProvider& provider,
                   const DiscoveryLimits& limits) {
  switch (entry.kind) {
    case EntryKind::SymlinkOutside:
      return problem(DiagnosticLevel::Warning, "symlink-not-followed",
                     "a symbolic link that leads outside the scan root; it was not followed");
    case EntryKind::SymlinkBroken:
      return problem(DiagnosticLevel::Warning, "symlink-not-followed", "a symbolic link whose target does not exist");
    case EntryKind::Special:
      return problem(DiagnosticLevel::Error, "not-a-regular-file",
                     "not a regular file (a directory, FIFO, socket or device); it was not read");
    case EntryKind::File: break;
  }
  ReadFailure failure;
  auto bytes = provider.read(entry.path, limits.max_file_bytes, failure);
  if (failure.oversize) {
    return problem(DiagnosticLevel::Error, "file-too-large",
                   fmt::format("the file has {} bytes, over the limit of {} (--max-file-size); it was not read",
                               *failure.oversize, limits.max_file_bytes));
  }
  if (!bytes) return problem(DiagnosticLevel::Error, "unreadable-file", failure.reason + "; it was not analysed");
  const FileFormat format = classify(rel, bytes->view().substr(0, kClassifyHeadBytes));
  if (format == FileFormat::Unknown) return {};
  // Only the plan reader walks its text window by window; other readers hold it whole.
  if (bytes->mapped() && format != FileFormat::TerraformPlan) *bytes = bytes->owned();
  Outcome read{{rel, format, normalize_encoding(std::move(*bytes))}, std::nullopt};
  read.file.index();  // here, on the reading threads, rather than when the table is filled
  return read;
}

}  // namespace

DiscoveredFiles discover(const std::vector<fs::path>& paths, const fs::path& root, const SourceProvider& provider,
                         const DiscoveryLimits& limits, unsigned jobs) {
  std::error_code ec;
  const fs::path real_root = fs::weakly_canonical(root, ec);
  const fs::path& classify_root = ec ? root : real_root;
  std::vector<Entry> found;
  std::vector<fs::path> directories;
  for (const auto& p : paths) {
    std::error_code status;
    if (fs::is_directory(fs::symlink_status(p, status))) {
      directories.push_back(p);
    } else {
      found.push_back({p, classify_entry(p, classify_root)});
    }
  }
  walk(directories, classify_root, jobs, found);
  // Ordered by the relative path, so the table is the same whatever the walk order; a file
  // reached through two of the given paths is kept once.
  std::vector<std::pair<std::string, Entry>> entries(found.size());
  const fs::path normal_root = root.lexically_normal();
  parallel_for(found.size(), jobs, [&](std::size_t i) {
    entries[i] = {relative_path(found[i].path, root, normal_root), std::move(found[i])};
  });
  std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  entries.erase(std::unique(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.first == b.first; }),
                entries.end());
  std::vector<Outcome> outcomes(entries.size());
  parallel_for(entries.size(), jobs, [&](std::size_t i) {
    outcomes[i] = read_entry(entries[i].first, entries[i].second, provider, limits);
  });

  DiscoveredFiles out;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    Outcome& outcome = outcomes[i];
    if (outcome.problem) {
      outcome.problem->file = out.files.add({entries[i].first, FileFormat::Unknown, {}});
      out.diagnostics.push_back(std::move(*outcome.problem));
    } else if (outcome.file.format != FileFormat::Unknown) {
      out.files.add(std::move(outcome.file));
    }
  }
  return out;
}

}  // namespace akslint
