#include <akslint/model/SourceText.h>

#include "MappedFiles.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>

#include <sys/mman.h>
#include <unistd.h>

namespace akslint {

namespace {

std::size_t page_size() {
  static const auto size = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  return size;
}

}  // namespace

class SourceText::Mapping {
 public:
  Mapping(int fd, const char* begin, std::size_t size, mapped_files::Slot* slot)
      : fd_(fd), begin_(begin), size_(size), slot_(slot), id_(next_id_.fetch_add(1, std::memory_order_relaxed)) {}
  ~Mapping() {
    mapped_files::release(slot_);
    ::munmap(const_cast<char*>(begin_), size_);
    ::close(fd_);
  }
  Mapping(const Mapping&) = delete;
  Mapping& operator=(const Mapping&) = delete;

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
  mapped_files::Slot* slot_;
  std::uint64_t id_;
};

std::optional<SourceText> SourceText::map(int fd, std::size_t size, const std::string& path, std::size_t window) {
  mapped_files::Slot* slot = size > 0 ? mapped_files::claim() : nullptr;
  void* at = slot != nullptr ? ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0) : MAP_FAILED;
  if (at == MAP_FAILED) {
    if (slot != nullptr) mapped_files::release(slot);
    return std::nullopt;
  }
  const auto* begin = static_cast<const char*>(at);
  mapped_files::publish(slot, begin, size, path);
  SourceText text;
  text.mapping_ = std::make_shared<const Mapping>(fd, begin, size, slot);
  text.mapped_begin_ = begin;
  text.mapped_size_ = size;
  text.window_ = std::max<std::size_t>(window, 1);
  return text;
}

SourceText SourceText::owned() const { return SourceText(*this).into_string(); }

std::string SourceText::into_string() && {
  if (!mapped()) return std::move(owned_);
  std::string bytes(mapped_size_, '\0');
  mapping_->read(0, bytes.size(), bytes.data());
  return bytes;
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
