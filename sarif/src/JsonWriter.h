#pragma once
// JSON text written as it goes, in the layout of nlohmann's dump(2): two spaces a level,
// `"key": value`, empty containers as {} and []. The emitters write their large logs with it
// rather than building a tree of values per result and printing that.
// Strings are escaped by append_json_string (model/JsonString.h), as dump() escapes them.
#include <akslint/model/Parallel.h>

#include <concepts>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace akslint::emit {

class JsonWriter {
 public:
  // `depth`: the nesting depth the value written first sits at (0: a whole document).
  explicit JsonWriter(std::size_t depth = 0) : depth_(depth) {}

  void begin_object() { open('{'); }
  void begin_array() { open('['); }
  void end();  // closes the innermost object or array
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
  template <class Write>
  void array_of(std::size_t count, unsigned jobs, Write&& write) {
    std::vector<std::string> texts(count);
    const std::size_t inner = depth_ + stack_.size() + 1;
    parallel_for(count, jobs, [&](std::size_t i) {
      JsonWriter element(inner);
      write(i, element);
      texts[i] = std::move(element).take();
    });
    begin_array();
    for (const std::string& text : texts) {
      before_value();
      out_ += text;
    }
    end();
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
  std::string out_;
  std::vector<Open> stack_;
  std::size_t depth_;
  bool after_key_ = false;
};

}  // namespace akslint::emit
