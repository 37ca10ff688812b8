#pragma once
// JSON text written as it goes, in the layout of nlohmann's dump(2): two spaces a level,
// `"key": value`, empty containers as {} and []. The emitters write their large logs with it
// rather than building a tree of values per result and printing that. Given a sink, it hands
// the text over in pieces of some 64 KiB, so a large log is never held whole.
// Strings are escaped by append_json_string (model/JsonString.h), as dump() escapes them.
#include <akslint/model/Parallel.h>

#include <algorithm>
#include <concepts>
#include <cstddef>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace akslint::emit {

class JsonWriter {
 public:
  // `depth`: the nesting depth the value written first sits at (0: a whole document).
  explicit JsonWriter(std::size_t depth = 0) : depth_(depth) {}
  // Writes to `sink` (call finish() at the end) instead of collecting the text for take().
  explicit JsonWriter(std::ostream& sink) : sink_(&sink), depth_(0) {}

  void begin_object() { open('{'); }
  void begin_array() { open('['); }
  void end();  // closes the innermost object or array; streamed, may hand text to the sink
  void key(std::string_view name);

  void value(std::string_view text);
  void value(const char* text) { value(std::string_view(text)); }
  void value(const std::string& text) { value(std::string_view(text)); }
  void value(bool b);
  void value(std::nullptr_t);
  template <std::integral Number>
    requires(!std::same_as<Number, bool>)
  void value(Number n) {
    before_value();
    out_ += std::to_string(n);
  }

  template <class T>
  void member(std::string_view name, T&& v) {
    key(name);
    value(std::forward<T>(v));
  }

  // An array of `count` elements, element i written by write(i, writer) into a writer of its
  // own, on up to `jobs` threads, and appended in index order: the same bytes for any `jobs`.
  // Elements are written a block at a time, and each block goes to the sink before the next:
  // an eighth of them, at least 128 and at most 2,048 (a few MB), so that a large report is
  // never held whole and starts the threads of a block no more than eight times in most scans
  // (in blocks of 128, starting them cost more than two threads saved on 9,000 results).
  template <class Write>
  void array_of(std::size_t count, unsigned jobs, Write&& write) {
    const std::size_t block = std::clamp<std::size_t>(count / 8, 128, 2048);
    const std::size_t inner = depth_ + stack_.size() + 1;
    std::vector<std::string> texts;
    begin_array();
    for (std::size_t first = 0; first < count; first += block) {
      texts.assign(std::min(block, count - first), std::string());
      parallel_for(texts.size(), jobs, [&](std::size_t i) {
        JsonWriter element(inner);
        write(first + i, element);
        texts[i] = std::move(element).take();
      });
      for (const std::string& text : texts) {
        before_value();
        out_ += text;
      }
      flush();
    }
    end();
  }

  // Hands what is written so far to the sink; without one, keeps it for take().
  void flush();
  // Ends the document: its final newline, and all that is left goes to the sink.
  void finish() {
    out_ += '\n';
    flush();
  }
  [[nodiscard]] std::string take() && { return std::move(out_); }

 private:
  void open(char bracket);
  void before_value();  // the separator and indentation an element or member starts with
  void indent(std::size_t level) { out_.append(2 * level, ' '); }

  struct Open {
    char closer;
    bool empty = true;
  };
  std::ostream* sink_ = nullptr;
  std::string out_;
  std::vector<Open> stack_;
  std::size_t depth_;
  bool after_key_ = false;
};

// What `write(stream)` streams, as one string: for callers that want the whole log at once.
template <class Write>
[[nodiscard]] std::string collect(Write&& write) {
  std::ostringstream out;
  write(out);
  return std::move(out).str();
}

}  // namespace akslint::emit
