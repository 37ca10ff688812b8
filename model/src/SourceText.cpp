#include <akslint/model/SourceText.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <mutex>

#include <sys/mman.h>
#include <unistd.h>

namespace akslint {

namespace {

// The mapped files, for the bus-error handler: a fixed table it can read without locks or
// allocation. A slot is claimed by swapping its state from free, filled, then published.
struct MappedRange {
  std::atomic<int> state{0};  // 0 free, 1 being filled, 2 published
  const char* begin = nullptr;
  std::size_t size = 0;
  std::array<char, 512> path{};
};
constexpr std::size_t kMaxMapped = 64;
std::array<MappedRange, kMaxMapped> g_mapped;
struct sigaction g_previous_bus_action {};

void write_stderr(const char* s) {
  for (std::size_t left = std::strlen(s); left > 0;) {
    const ssize_t n = ::write(STDERR_FILENO, s, left);
    if (n <= 0) return;
    s += n;
    left -= static_cast<std::size_t>(n);
  }
}

// A bus error inside a mapped file means the file lost the page being read: it shrank
// after it was mapped. Anything else is left to whoever handled SIGBUS before.
void on_bus_error(int signal, siginfo_t* info, void* context) {
  const auto* at = static_cast<const char*>(info->si_addr);
  for (const MappedRange& r : g_mapped) {
    if (r.state.load(std::memory_order_acquire) == 2 && at >= r.begin && at < r.begin + r.size) {
      write_stderr("akslint: ");
      write_stderr(r.path.data());
      write_stderr(": the file shrank while it was being read; the scan stopped\n");
      ::_exit(2);
    }
  }
  if ((g_previous_bus_action.sa_flags & SA_SIGINFO) != 0 && g_previous_bus_action.sa_sigaction != nullptr) {
    g_previous_bus_action.sa_sigaction(signal, info, context);
    return;
  }
  // Returning re-runs the faulting access under the previous (by default, fatal) action.
  ::sigaction(SIGBUS, &g_previous_bus_action, nullptr);
}

void install_bus_error_handler() {
  static std::once_flag once;
  std::call_once(once, [] {
    struct sigaction action {};
    action.sa_sigaction = on_bus_error;
    action.sa_flags = SA_SIGINFO;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGBUS, &action, &g_previous_bus_action);
  });
}

MappedRange* claim_slot() {
  for (MappedRange& r : g_mapped) {
    int free = 0;
    if (r.state.compare_exchange_strong(free, 1, std::memory_order_acq_rel)) return &r;
  }
  return nullptr;
}

std::size_t page_size() {
  static const auto size = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  return size;
}

}  // namespace

class SourceText::Mapping {
 public:
  Mapping(int fd, const char* begin, std::size_t size, MappedRange* slot)
      : fd_(fd), begin_(begin), size_(size), slot_(slot), id_(next_id_.fetch_add(1, std::memory_order_relaxed)) {}
  ~Mapping() {
    slot_->state.store(0, std::memory_order_release);
    ::munmap(const_cast<char*>(begin_), size_);
    ::close(fd_);
  }
  Mapping(const Mapping&) = delete;
  Mapping& operator=(const Mapping&) = delete;

  [[nodiscard]] const char* begin() const { return begin_; }
  // Reads bytes [from, from + n) from the file into `out`; what the file no longer holds
  // reads as spaces.
  void read(std::size_t from, std::size_t n, char* out) const {
    std::size_t done = 0;
    while (done < n) {
      const ssize_t got = ::pread(fd_, out + done, n - done, static_cast<off_t>(from + done));
      if (got < 0 && errno == EINTR) continue;
      if (got <= 0) break;
      done += static_cast<std::size_t>(got);
    }
    std::fill(out + done, out + n, ' ');
  }

  // The same through a chunk of the file that this thread keeps: a report looks positions
  // up in file order, a few bytes each, and then reads each chunk from the file once.
  void read_near(std::size_t from, std::size_t n, char* out) const {
    struct Chunk {
      std::uint64_t mapping = 0;  // Mapping::id_; ids are never reused, addresses may be
      std::size_t begin = 0;
      std::string bytes;
    };
    thread_local Chunk chunk;
    if (chunk.mapping != id_ || from < chunk.begin || from + n > chunk.begin + chunk.bytes.size()) {
      chunk.mapping = id_;
      chunk.begin = from / kChunkAlign * kChunkAlign;
      chunk.bytes.resize(std::min(kChunk, size_ - chunk.begin));
      read(chunk.begin, chunk.bytes.size(), chunk.bytes.data());
      if (from + n > chunk.begin + chunk.bytes.size()) return read(from, n, out);  // larger than a chunk
    }
    std::memcpy(out, chunk.bytes.data() + (from - chunk.begin), n);
  }

 private:
  static constexpr std::size_t kChunk = std::size_t{64} << 10;
  static constexpr std::size_t kChunkAlign = 4096;
  static inline std::atomic<std::uint64_t> next_id_{1};
  int fd_;
  const char* begin_;
  std::size_t size_;
  MappedRange* slot_;
  std::uint64_t id_;
};

std::optional<SourceText> SourceText::map(int fd, std::size_t size, const std::string& path, std::size_t window) {
  MappedRange* slot = size > 0 ? claim_slot() : nullptr;
  void* at = slot != nullptr ? ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0) : MAP_FAILED;
  if (at == MAP_FAILED) {
    if (slot != nullptr) slot->state.store(0, std::memory_order_release);
    return std::nullopt;
  }
  install_bus_error_handler();
  slot->begin = static_cast<const char*>(at);
  slot->size = size;
  const std::size_t n = std::min(path.size(), slot->path.size() - 1);
  std::memcpy(slot->path.data(), path.data(), n);
  slot->path[n] = '\0';
  slot->state.store(2, std::memory_order_release);
  SourceText text;
  text.mapping_ = std::make_shared<const Mapping>(fd, slot->begin, size, slot);
  text.mapped_begin_ = slot->begin;
  text.mapped_size_ = size;
  text.window_ = std::max<std::size_t>(window, 1);
  return text;
}

SourceText SourceText::owned() const {
  if (!mapped()) return *this;
  std::string bytes(mapped_size_, '\0');
  mapping_->read(0, bytes.size(), bytes.data());
  return bytes;
}

std::string SourceText::into_string() && {
  return mapped() ? std::string(owned().view()) : std::move(owned_);
}

std::string_view SourceText::slice(std::size_t from, std::size_t n, std::string& scratch) const {
  const std::string_view all = view();
  from = std::min(from, all.size());
  n = std::min(n, all.size() - from);
  if (!mapped() || n == 0) return all.substr(from, n);
  scratch.resize(n);
  mapping_->read_near(from, n, scratch.data());
  return scratch;
}

void SourceText::release(std::size_t from, std::size_t to) const {
  to = std::min(to, mapped_size_);
  if (!mapped() || from >= to) return;
  ::madvise(const_cast<char*>(mapped_begin_ + from), to - from, MADV_DONTNEED);
}

void SourceText::populate(std::size_t from, std::size_t to) const {
  to = std::min(to, mapped_size_);
  if (!mapped() || from >= to) return;
#ifdef MADV_POPULATE_READ
  // One call instead of a fault per 64 KiB; older kernels refuse it and the pages fault in.
  ::madvise(const_cast<char*>(mapped_begin_ + from), to - from, MADV_POPULATE_READ);
#endif
}

SourceText::Sweep::Sweep(const SourceText& text) : text_(text), window_(static_cast<std::size_t>(-1)) {
  if (text.mapped()) {
    window_ = (text.window_ + page_size() - 1) / page_size() * page_size();
    text.populate(0, window_);
  }
}

SourceText::Sweep::~Sweep() {
  if (text_.mapped()) text_.release(begin_, begin_ + window_);
}

void SourceText::Sweep::move_to(std::size_t offset) {
  text_.release(begin_, begin_ + window_);
  begin_ = offset / window_ * window_;
  text_.populate(begin_, begin_ + window_);
}

}  // namespace akslint
