#pragma once
// A value of the canonical model: known literal, unknown expression, array or object,
// each with the span it came from. Absence is a null pointer from a lookup, never a Value.
#include <akslint/model/SourceSpan.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace akslint {

// How a value got its content; rules and docs can tell written values from defaults.
enum class Provenance : std::uint8_t {
  Literal,    // written as a literal in the source
  Resolved,   // computed from variables, parameters or references
  Defaulted,  // filled in from the platform's documented default
};

class Value {
 public:
  struct Member;
  struct Null {};
  struct Unknown {
    std::string expression;  // the source text that could not be evaluated
  };
  using Array = std::vector<Value>;
  using Object = std::vector<Member>;  // source order; keys compared case-insensitively
  enum class Kind : std::uint8_t { Null, Bool, Number, String, Unknown, Array, Object };

  Value() = default;
  Value(const Value&) = default;
  Value(Value&&) noexcept = default;
  Value& operator=(Value&&) noexcept = default;
  // Copies first, so `v = *v.find("key")` (assigning a part of itself) is safe.
  Value& operator=(const Value& other) {
    Value copy(other);
    return *this = std::move(copy);
  }
  ~Value() = default;
  static Value null(SourceSpan span = {});
  static Value boolean(bool b, SourceSpan span = {});
  static Value number(double n, SourceSpan span = {});
  static Value string(std::string s, SourceSpan span = {});
  static Value unknown(std::string expression, SourceSpan span = {});
  static Value array(Array items = {}, SourceSpan span = {});
  static Value object();  // empty; members default-constructed here would need Member complete
  static Value object(Object members, SourceSpan span = {});

  [[nodiscard]] Kind kind() const { return static_cast<Kind>(data_.index()); }
  [[nodiscard]] bool is_null() const { return kind() == Kind::Null; }
  [[nodiscard]] bool is_unknown() const { return kind() == Kind::Unknown; }
  [[nodiscard]] bool is_object() const { return kind() == Kind::Object; }
  [[nodiscard]] bool is_array() const { return kind() == Kind::Array; }
  [[nodiscard]] bool is_string() const { return kind() == Kind::String; }
  // Known means fully known: no unknown anywhere inside.
  [[nodiscard]] bool is_known() const;

  // Typed reads answer nullopt when the value is of another kind or unknown.
  [[nodiscard]] std::optional<bool> as_bool() const;
  [[nodiscard]] std::optional<double> as_number() const;
  [[nodiscard]] std::optional<std::string_view> as_string() const;
  [[nodiscard]] const std::string* unknown_expression() const;
  [[nodiscard]] const Array* as_array() const;
  [[nodiscard]] Array* as_array();
  [[nodiscard]] const Object* as_object() const;
  [[nodiscard]] Object* as_object();

  // Object member by key (ASCII case-insensitive, as ARM compares property names).
  [[nodiscard]] const Value* find(std::string_view key) const;
  [[nodiscard]] Value* find(std::string_view key);
  [[nodiscard]] const Member* find_member(std::string_view key) const;
  // Dotted path with indices: "properties.agentPoolProfiles[0].count".
  [[nodiscard]] const Value* at(std::string_view path) const;
  // Sets (replacing) an object member; the value must be an object.
  Value& set(std::string key, Value value, SourceSpan key_span = {});
  // Creates objects along a dotted path (no indices) and returns the leaf slot.
  Value& ensure_path(std::string_view path);

  [[nodiscard]] const SourceSpan& span() const { return span_; }
  void set_span(SourceSpan span) { span_ = span; }
  [[nodiscard]] Provenance provenance() const { return provenance_; }
  void set_provenance(Provenance p) { provenance_ = p; }

  // Compact JSON-like text: strings quoted, unknowns as ${expression}. Used in messages
  // and fingerprints, so it is deterministic.
  [[nodiscard]] std::string to_display() const;

  friend bool operator==(const Value& a, const Value& b);  // structural, spans ignored

 private:
  template <class T>
  static Value with(T data, SourceSpan span) {
    Value v;
    v.data_ = std::move(data);
    v.span_ = span;
    return v;
  }

  // Arrays and objects are shared between copies and copied only when one copy is changed:
  // evaluation copies values freely (a variable read, a module output, a resource body), and
  // a deep copy of every large object was most of the time of some scans. Members hold
  // Values, incomplete at this point, so what needs them complete is defined out of line.
  template <class T>
  class Shared {
   public:
    Shared();
    explicit Shared(T items);
    // Null only in a moved-from box.
    [[nodiscard]] const T* get() const { return items_.get(); }
    // Copies the items first when another value shares them.
    [[nodiscard]] T* get_mutable();

   private:
    std::shared_ptr<T> items_;
  };
  using ArrayBox = Shared<Array>;
  using ObjectBox = Shared<Object>;

  std::variant<Null, bool, double, std::string, Unknown, ArrayBox, ObjectBox> data_;
  SourceSpan span_;
  Provenance provenance_ = Provenance::Literal;
};

struct Value::Member {
  std::string key;
  Value value;
  SourceSpan key_span;
};

// ASCII case-insensitive equality, as Azure compares types, property names and enums.
[[nodiscard]] bool iequals(std::string_view a, std::string_view b);
// `s` in ASCII lower case: a key under which iequals-equal strings meet.
[[nodiscard]] std::string ascii_lowercase(std::string_view s);
[[nodiscard]] inline char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace akslint
