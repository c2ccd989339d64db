// encoding/json in C++ (the subset has no package reflect, so the natives walk values by the type table, as
// fmt's do): the scanner of Go's encoding/json/scanner.go with its exact syntax-error texts, the struct fields
// JSON sees (typeFields: tags, omitempty, string, "-", embedded structs' fields promoted with Go's dominance
// rules), Marshal's encoder and Unmarshal's decoder. Go's encode.go and decode.go are the specification.
//
// Index:
//   [SECTION] Scanner      (json_scan.cpp)
//   [SECTION] Fields       (json_fields.cpp)
//   [SECTION] Encoding     (json_encode.cpp)
//   [SECTION] Decoding     (json_decode.cpp)
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "scheduler/vm/native.h"

namespace gb::vm::natives::json {

// [SECTION] Scanner

// What a byte did to the scanner (scanner.go's scan* opcodes).
enum class ScanOp : std::uint8_t {
  Continue,      // uninteresting byte
  BeginLiteral,  // end implied by the next result != Continue
  BeginObject,   // begin object
  ObjectKey,     // just finished object key (string)
  ObjectValue,   // just finished non-last object value
  EndObject,     // end object (implies ObjectValue if possible)
  BeginArray,    // begin array
  ArrayValue,    // just finished array value
  EndArray,      // end array (implies ArrayValue if possible)
  SkipSpace,     // space byte; can skip; known to be last "continue" result
  End,           // top-level value ended *before* this byte; known to be first "stop" result
  Error,         // hit an error, error() says which
};

// scanner.go's state machine, one byte at a time. `bytes` counts the bytes fed so far by the caller (a
// SyntaxError's Offset).
class Scanner {
 public:
  Scanner() { reset(); }
  void reset();
  ScanOp step(unsigned char c);
  // The input ended: End if a whole value was seen, else Error ("unexpected end of JSON input" or what the
  // implied space after the input gives, as Go's eof()).
  ScanOp eof();
  const std::string& error() const { return err_; }
  std::int64_t error_offset() const { return err_offset_; }
  std::int64_t bytes = 0;

 private:
  enum class State : std::uint8_t {
    BeginValueOrEmpty, BeginValue, BeginStringOrEmpty, BeginString, EndValue, EndTop, InString, InStringEsc,
    InStringEscU, InStringEscU1, InStringEscU12, InStringEscU123, Neg, One, Zero, Dot, Dot0, E, ESign, E0,
    T, Tr, Tru, F, Fa, Fal, Fals, N, Nu, Nul, Error,
  };
  enum class Parse : std::uint8_t { ObjectKey, ObjectValue, ArrayValue };

  ScanOp begin_value(unsigned char c);
  ScanOp begin_string(unsigned char c);
  ScanOp end_value(unsigned char c);
  ScanOp end_top(unsigned char c);
  ScanOp zero(unsigned char c);
  ScanOp literal(unsigned char c, char want, State next, std::string_view word);
  ScanOp push(unsigned char c, Parse p, ScanOp success);
  void pop();
  ScanOp fail(unsigned char c, std::string_view context);

  State state_ = State::BeginValue;
  std::vector<Parse> parse_;
  bool end_top_ = false;
  std::string err_;
  std::int64_t err_offset_ = 0;
};

struct SyntaxFailure {
  std::string message;  // "" when the input is valid
  std::int64_t offset = 0;
};

// checkValid: the whole input is one JSON value (with white space around it).
SyntaxFailure check_valid(std::string_view data);
// json.Indent and json.Compact into `out` (nothing written on a syntax error).
SyntaxFailure indent(std::string_view src, std::string_view prefix, std::string_view indent_text, std::string& out);
SyntaxFailure compact(std::string_view src, bool escape_html, std::string& out);

// [SECTION] Fields

// A struct field as JSON sees it: its name, and the field indices leading to it from the struct (more than one
// for a field promoted from an embedded struct).
struct Field {
  std::string name;
  std::vector<std::uint32_t> index;
  TypeId type = kNoType;  // the field's declared type
  bool tagged = false;    // the name came from the tag
  bool omit_empty = false;
  bool quoted = false;    // the ",string" option on a bool, number or string field
};

// cachedTypeFields(t) of encode.go, in field-index order.
std::vector<Field> type_fields(const TypeTable& types, TypeId struct_type);
// token.IsExported: the name begins with an upper-case letter (any script's, as Go's).
bool is_exported(std::string_view name);
// The fields of each struct type met by one Marshal or Unmarshal, worked out once.
class FieldCache {
 public:
  explicit FieldCache(const TypeTable& types) : types_(types) {}
  const std::vector<Field>& of(TypeId struct_type);

 private:
  const TypeTable& types_;
  std::map<TypeId, std::vector<Field>> fields_;
};
// reflect.StructTag.Get(key).
std::string tag_get(std::string_view tag, std::string_view key);

// [SECTION] Encoding

// The first error Marshal met (Kind::None: none).
struct EncodeError {
  enum class Kind : std::uint8_t { None, UnsupportedType, UnsupportedValue, NotSimulated };
  Kind kind = Kind::None;
  std::string detail;  // the type (UnsupportedType), the value's text (UnsupportedValue), or a message
};

// json.Marshal of the value of dynamic type `type` whose words are `words` (an interface's element).
EncodeError marshal(NativeHost& host, TypeId type, const std::vector<Word>& words, bool escape_html,
                    std::string& out);
// encodeState.string: a JSON string literal for s.
void write_string(std::string& out, std::string_view s, bool escape_html);

// [SECTION] Decoding

struct DecodeError {
  enum class Kind : std::uint8_t { None, Syntax, UnmarshalType, InvalidUnmarshal, Plain };
  Kind kind = Kind::None;
  std::string message;  // Syntax, Plain: the text; InvalidUnmarshal: "nil" or "pointer" (see unmarshal)
  std::string value;    // UnmarshalType: "string", "number 1.5", ...
  std::string type;     // UnmarshalType, InvalidUnmarshal: the Go type ("" for Unmarshal(nil))
  std::int64_t offset = 0;
  std::string struct_name;
  std::string field;
};

// The types an object and an array decode to inside an interface{}: map[string]interface {} and
// []interface {} (the caller knows their ids).
struct InterfaceTypes {
  TypeId object = kNoType;
  TypeId array = kNoType;
};

// json.Unmarshal(data, v) for v of dynamic type `type` with data word `data`.
DecodeError unmarshal(NativeHost& host, std::string_view data, TypeId type, Word v, InterfaceTypes any_types);

// [SECTION] Shared

// json.Number (a string type whose value is a number literal), and isValidNumber.
bool is_number_type(const TypeTable& types, TypeId type);
bool valid_number(std::string_view s);

// Whether values of `type` would be encoded or decoded by a method Gopherbus does not call (MarshalJSON,
// MarshalText, UnmarshalJSON, UnmarshalText, on the type or its pointer); the method's name, or "".
std::string custom_method(const TypeTable& types, TypeId type, bool decoding);
// The message for such a type.
std::string not_simulated(const TypeTable& types, TypeId type, const std::string& method);

}  // namespace gb::vm::natives::json
