#include "JsonWriter.h"

#include <akslint/model/JsonString.h>

namespace akslint::emit {

void JsonWriter::end() {
  const Open closed = stack_.back();
  stack_.pop_back();
  if (!closed.empty) {
    out_ += '\n';
    indent(depth_ + stack_.size());
  }
  out_ += closed.closer;
  // Streamed, the text goes out in pieces of about this size, so it never grows large.
  constexpr std::size_t kPiece = 64 * 1024;
  if (out_.size() >= kPiece) flush();
}

void JsonWriter::key(std::string_view name) {
  before_value();
  append_json_string(out_, name);
  out_ += ": ";
  after_key_ = true;
}

void JsonWriter::value(std::string_view text) {
  before_value();
  append_json_string(out_, text);
}

void JsonWriter::value(bool b) {
  before_value();
  out_ += b ? "true" : "false";
}

void JsonWriter::value(std::nullptr_t) {
  before_value();
  out_ += "null";
}

void JsonWriter::flush() {
  if (sink_ == nullptr) return;
  sink_->write(out_.data(), static_cast<std::streamsize>(out_.size()));
  out_.clear();
}

void JsonWriter::open(char bracket) {
  before_value();
  out_ += bracket;
  stack_.push_back({bracket == '{' ? '}' : ']'});
}

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (stack_.empty()) return;
  Open& top = stack_.back();
  out_ += top.empty ? "\n" : ",\n";
  top.empty = false;
  indent(depth_ + stack_.size());
}

}  // namespace akslint::emit
