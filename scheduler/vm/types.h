// Go's types as one table of plain data, shared by the checker (sim/go), the compiler and the interpreter:
// a TypeId names a type, structurally identical unnamed types are interned to the same id (so identity is
// id equality, as go/types' Identical), and each named type declaration gets its own id. The interpreter
// uses the same ids as runtime type descriptors: an interface value carries the TypeId of its dynamic type.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace gb::vm {

using TypeId = std::uint32_t;
inline constexpr TypeId kNoType = 0;  // "invalid": an expression whose type could not be determined

enum class Kind : std::uint8_t {
  Invalid,
  Bool,
  Int, Int8, Int16, Int32, Int64,
  Uint, Uint8, Uint16, Uint32, Uint64, Uintptr,
  Float32, Float64,
  Complex64, Complex128,  // two words: the real and imaginary parts as float64 bits (complex64's rounded to float32)
  String,
  UnsafePointer,
  // Untyped constant kinds (never stored in memory; the checker gives every value a typed type at last).
  UntypedBool, UntypedInt, UntypedRune, UntypedFloat, UntypedComplex, UntypedString, UntypedNil,
  Array, Slice, Map, Chan, Func, Struct, Pointer, Interface,
  Named,  // a defined type: name, underlying type and its declared methods
  Tuple,  // the results of a multi-value call (never a value type)
};

// Predeclared types have fixed ids so every layer can name them without a lookup.
inline constexpr TypeId kBool = 1, kInt = 2, kInt8 = 3, kInt16 = 4, kInt32 = 5, kInt64 = 6, kUint = 7, kUint8 = 8,
                        kUint16 = 9, kUint32 = 10, kUint64 = 11, kUintptr = 12, kFloat32 = 13, kFloat64 = 14,
                        kString = 15, kUnsafePointer = 16, kUntypedBool = 17, kUntypedInt = 18, kUntypedRune = 19,
                        kUntypedFloat = 20, kUntypedString = 21, kUntypedNil = 22,
                        kEmptyInterface = 23,  // interface{} (any)
                        kError = 24,           // the predeclared named interface `error` { Error() string }
                        kComplex64 = 25, kComplex128 = 26, kUntypedComplex = 27;
inline constexpr TypeId kByte = kUint8, kRune = kInt32;
inline constexpr TypeId kFirstUserType = 28;

enum class ChanDir : std::uint8_t { Both, Send, Recv };

struct StructField {
  StructField() = default;
  StructField(std::string field_name, TypeId field_type, bool is_embedded = false, std::string field_tag = {})
      : name(std::move(field_name)), type(field_type), embedded(is_embedded), tag(std::move(field_tag)) {}

  std::string name;   // for an embedded field, the type's name
  TypeId type = kNoType;
  bool embedded = false;
  std::string tag;    // the field's tag, the string literal's value (json:"id,omitempty"); part of the type's
                      // identity, as in Go
  bool exported() const { return !name.empty() && name[0] >= 'A' && name[0] <= 'Z'; }
  friend bool operator==(const StructField&, const StructField&) = default;
};

// A method of an interface (signature only) or of a named type (with the function that implements it).
struct MethodEntry {
  std::string name;
  TypeId signature = kNoType;   // a Func type without the receiver
  std::int32_t function = -1;   // named types: index of the implementing function in the Program (set by
                                // the compiler); interfaces: -1
  bool pointer_receiver = false;
  friend bool operator==(const MethodEntry&, const MethodEntry&) = default;
};

struct Type {
  Kind kind = Kind::Invalid;
  TypeId elem = kNoType;        // Array, Slice, Chan, Pointer element; Map value
  TypeId key = kNoType;         // Map key
  std::int64_t length = 0;      // Array
  ChanDir dir = ChanDir::Both;  // Chan
  bool variadic = false;        // Func: the last parameter is a slice written as ...T
  std::vector<TypeId> params;   // Func parameters; Tuple members
  std::vector<TypeId> results;  // Func results
  std::vector<StructField> fields;    // Struct
  std::vector<MethodEntry> methods;   // Interface: the full method set sorted by name (embedded ones
                                      // flattened in); Named: declared methods sorted by name
  std::string name;             // Named: the declared name ("Celsius"); predeclared: "int", ...
  std::string package;          // Named: the package name ("main", "time"); empty for predeclared
  TypeId underlying = kNoType;  // Named: its underlying type; every other type: itself
  std::uint32_t words = 0;      // size of a value in interpreter words (see bytecode.h)
};

// A struct tag as Go writes it in a type (strconv.Quote of an ASCII tag): "json:\"x\"".
std::string quote_struct_tag(std::string_view tag);

class TypeTable {
 public:
  TypeTable();  // fills the predeclared types at their fixed ids

  const Type& operator[](TypeId id) const { return types_[id]; }
  std::size_t size() const { return types_.size(); }

  // Interned constructors: the same structure gives the same id.
  TypeId array_of(TypeId elem, std::int64_t length);
  TypeId slice_of(TypeId elem);
  TypeId map_of(TypeId key, TypeId value);
  TypeId chan_of(TypeId elem, ChanDir dir);
  TypeId pointer_to(TypeId elem);
  TypeId func_of(std::vector<TypeId> params, std::vector<TypeId> results, bool variadic);
  TypeId struct_of(std::vector<StructField> fields);
  TypeId interface_of(std::vector<MethodEntry> methods);  // sorts them; method function fields ignored
  TypeId tuple_of(std::vector<TypeId> members);

  // A new defined type; set its underlying type and methods once they are known (type T struct{ next *T }
  // refers to itself). Call finish_named() when the underlying type is final to compute sizes.
  TypeId new_named(std::string name, std::string package);
  void set_underlying(TypeId named, TypeId underlying);
  void add_method(TypeId named, MethodEntry m);  // keeps methods sorted by name
  void set_method_function(TypeId named, const std::string& method, std::int32_t function);

  TypeId underlying(TypeId id) const { return types_[id].underlying; }
  Kind kind(TypeId id) const { return types_[id].kind; }
  Kind underlying_kind(TypeId id) const { return types_[types_[id].underlying].kind; }
  // Interpreter words a value of the type occupies (computed on demand, cached).
  std::uint32_t words(TypeId id) const;

  // As Go prints types in %T and in messages: "int", "[]string", "map[string]int", "*main.Node",
  // "func(int) (string, error)", "interface {}", "struct { X int; Y int }", "chan<- int", "main.T".
  // `qualify` false omits package names for the checker's messages ("undefined: T" style).
  std::string to_string(TypeId id, bool qualify = true) const { return str(id, qualify, nullptr); }
  // As the checker's messages print types: named types of package `local` unqualified, others qualified.
  std::string to_string_from(TypeId id, const std::string& local) const { return str(id, true, &local); }

  bool is_integer(TypeId id) const;
  bool is_unsigned(TypeId id) const;
  bool is_float(TypeId id) const;
  bool is_complex(TypeId id) const;
  bool is_numeric(TypeId id) const { return is_integer(id) || is_float(id) || is_complex(id); }
  bool is_string(TypeId id) const;
  bool is_boolean(TypeId id) const;
  bool is_untyped(TypeId id) const;
  bool is_interface(TypeId id) const { return underlying_kind(id) == Kind::Interface; }
  // Identical when struct tags are ignored (at any depth): what a conversion between struct types needs.
  bool identical_ignoring_tags(TypeId a, TypeId b) const;
  // Comparable with == (no slices, maps or funcs inside).
  bool comparable(TypeId id) const;

 private:
  std::string str(TypeId id, bool qualify, const std::string* local) const;
  TypeId add(Type t);
  TypeId intern(const std::string& key, Type t);

  std::vector<Type> types_;
  std::map<std::string, TypeId> interned_;
  mutable std::vector<std::uint32_t> words_cache_;
};

}  // namespace gb::vm
