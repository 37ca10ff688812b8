#pragma once
// The bytes of one input file. Most are owned strings. A large Terraform plan is instead a
// read-only mapping of its file, which readers walk window by window, handing each window's
// pages back once they have passed it (Sweep): a plan of hundreds of MB is then never
// resident whole, and a scan's peak memory is its model rather than its input.
#include <algorithm>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace akslint {

class SourceText {
 public:
  // How much of a mapped text a walk keeps resident.
  static constexpr std::size_t kWindow = std::size_t{8} << 20;

  SourceText() = default;
  SourceText(std::string bytes) : owned_(std::move(bytes)) {}  // NOLINT(google-explicit-constructor)
  SourceText(const char* bytes) : owned_(bytes) {}              // NOLINT(google-explicit-constructor)

  // Maps `size` bytes of the open file `fd` (which the text then owns and closes), read at
  // `path`, to be walked `window` bytes at a time (tests take small windows). nullopt, `fd`
  // still the caller's, when it cannot be mapped or too many files are. A file that shrinks
  // while it is mapped ends the process with a message naming it (exit code 2): its lost
  // pages cannot be read, and the kernel would otherwise just kill it.
  [[nodiscard]] static std::optional<SourceText> map(int fd, std::size_t size, const std::string& path,
                                                     std::size_t window = kWindow);

  [[nodiscard]] std::string_view view() const {
    return mapped_begin_ != nullptr ? std::string_view(mapped_begin_, mapped_size_) : std::string_view(owned_);
  }
  operator std::string_view() const { return view(); }  // NOLINT(google-explicit-constructor)
  [[nodiscard]] std::size_t size() const { return view().size(); }
  [[nodiscard]] bool empty() const { return view().empty(); }
  [[nodiscard]] const char* data() const { return view().data(); }
  [[nodiscard]] char operator[](std::size_t i) const { return view()[i]; }
  [[nodiscard]] bool starts_with(std::string_view prefix) const { return view().starts_with(prefix); }
  friend bool operator==(const SourceText& a, std::string_view b) { return a.view() == b; }

  [[nodiscard]] bool mapped() const { return mapped_begin_ != nullptr; }
  // The same bytes, owned; a mapped text's are read from its file, leaving the mapping untouched.
  [[nodiscard]] SourceText owned() const;
  // The bytes as a string: an owned text's are moved out.
  [[nodiscard]] std::string into_string() &&;
  // text[from, from + n) (clipped to the text). A mapped text's bytes are read from its file
  // into `scratch`, so looking up a few positions does not make the mapping resident again.
  [[nodiscard]] std::string_view slice(std::size_t from, std::size_t n, std::string& scratch) const;

  // A front-to-back walk over a mapped text, which may also jump: `at(offset)` keeps the
  // window holding `offset` resident (faulted in at once) and hands back the one before.
  // The window is the text's, rounded up to whole pages. Nothing happens for an owned
  // text. Released pages are read again from the file if touched, so the walk never
  // changes what the text holds.
  class Sweep {
   public:
    explicit Sweep(const SourceText& text);
    ~Sweep();
    Sweep(const Sweep&) = delete;
    Sweep& operator=(const Sweep&) = delete;
    void at(std::size_t offset) {
      if (offset - begin_ >= window_) move_to(offset);  // also when offset < begin_ (it wraps)
    }

   private:
    void move_to(std::size_t offset);
    const SourceText& text_;
    std::size_t window_;
    std::size_t begin_ = 0;
  };

  // Calls f(offset, bytes) over the whole text in order: once for an owned text, window by
  // window for a mapped one. A window never ends inside a UTF-8 sequence, so byte checks
  // that decode see whole characters.
  template <class F>
  void for_each_window(F&& f) const;

 private:
  class Mapping;
  // Hands a range of a mapped text back to the kernel, or faults it in; advice only.
  void release(std::size_t from, std::size_t to) const;
  void populate(std::size_t from, std::size_t to) const;

  std::string owned_;
  std::shared_ptr<const Mapping> mapping_;
  const char* mapped_begin_ = nullptr;  // into *mapping_, which keeps it alive
  std::size_t mapped_size_ = 0;
  std::size_t window_ = kWindow;
};

template <class F>
void SourceText::for_each_window(F&& f) const {
  const std::string_view all = view();
  if (!mapped()) {
    f(std::size_t{0}, all);
    return;
  }
  const auto continuation = [&](std::size_t i) { return (static_cast<unsigned char>(all[i]) & 0xC0) == 0x80; };
  Sweep sweep(*this);
  for (std::size_t begin = 0; begin < all.size();) {
    std::size_t end = std::min(all.size(), begin + window_);
    // Up to three continuation bytes finish the sequence begun before the cut.
    for (int k = 0; k < 3 && end < all.size() && continuation(end); ++k) ++end;
    sweep.at(begin);
    f(begin, all.substr(begin, end - begin));
    begin = end;
  }
}

}  // namespace akslint
