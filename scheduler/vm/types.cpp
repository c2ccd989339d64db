#include "scheduler/vm/types.h"

#include <algorithm>
#include <initializer_list>
#include <string_view>

namespace gb::vm {

namespace {

struct Predeclared {
  TypeId id;
  Kind kind;
  const char* name;
};

constexpr Predeclared kPredeclared[] = {
    {kBool, Kind::Bool, "bool"},          {kInt, Kind::Int, "int"},
    {kInt8, Kind::Int8, "int8"},          {kInt16, Kind::Int16, "int16"},
    {kInt32, Kind::Int32, "int32"},       {kInt64, Kind::Int64, "int64"},
    {kUint, Kind::Uint, "uint"},          {kUint8, Kind::Uint8, "uint8"},
    {kUint16, Kind::Uint16, "uint16"},    {kUint32, Kind::Uint32, "uint32"},
    {kUint64, Kind::Uint64, "uint64"},    {kUintptr, Kind::Uintptr, "uintptr"},
    {kFloat32, Kind::Float32, "float32"}, {kFloat64, Kind::Float64, "float64"},
    {kString, Kind::String, "string"},    {kUnsafePointer, Kind::UnsafePointer, "unsafe.Pointer"},
    {kUntypedBool, Kind::UntypedBool, "untyped bool"},
    {kUntypedInt, Kind::UntypedInt, "untyped int"},
    {kUntypedRune, Kind::UntypedRune, "untyped rune"},
    {kUntypedFloat, Kind::UntypedFloat, "untyped float"},
    {kUntypedString, Kind::UntypedString, "untyped string"},
    {kUntypedNil, Kind::UntypedNil, "untyped nil"},
    {kComplex64, Kind::Complex64, "complex64"},       {kComplex128, Kind::Complex128, "complex128"},
    {kUntypedComplex, Kind::UntypedComplex, "untyped complex"},
};

std::string id_key(TypeId id) { return std::to_string(id); }

// Joins pieces with += (g++ 12 reports false -Wrestrict overlaps for chains of operator+ on temporaries).
std::string join(std::initializer_list<std::string_view> parts) {
  std::string s;
  for (std::string_view p : parts) s += p;
  return s;
}


}  // namespace

std::string quote_struct_tag(std::string_view tag) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string s = "\"";
  for (const char ch : tag) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '"' || c == '\\') {
      s += '\\';
      s += ch;
    } else if (c == '\n') {
      s += "\\n";
    } else if (c == '\t') {
      s += "\\t";
    } else if (c < 0x20 || c == 0x7f) {
      s += join({"\\x", std::string_view(&kHex[c >> 4], 1), std::string_view(&kHex[c & 15], 1)});
    } else {
      s += ch;  // printable ASCII, and UTF-8 bytes kept as they are
    }
  }
  s += '"';
  return s;
}

TypeTable::TypeTable() {
  types_.resize(kFirstUserType);
  for (const Predeclared& p : kPredeclared) {
    Type& t = types_[p.id];
    t.kind = p.kind;
    t.name = p.name;
    t.underlying = p.id;
  }
  Type& any = types_[kEmptyInterface];
  any.kind = Kind::Interface;
  any.underlying = kEmptyInterface;
  interned_["I{}"] = kEmptyInterface;

  // error is a named type whose underlying interface has Error() string.
  const TypeId error_sig = func_of({}, {kString}, false);
  const TypeId error_iface = interface_of({MethodEntry{"Error", error_sig, -1, false}});
  Type& err = types_[kError];
  err.kind = Kind::Named;
  err.name = "error";
  err.underlying = error_iface;
  err.methods = types_[error_iface].methods;
  types_[kNoType].underlying = kNoType;
}

TypeId TypeTable::add(Type t) {
  types_.push_back(std::move(t));
  const TypeId id = static_cast<TypeId>(types_.size() - 1);
  if (types_[id].kind != Kind::Named) types_[id].underlying = id;
  return id;
}

TypeId TypeTable::intern(const std::string& key, Type t) {
  auto it = interned_.find(key);
  if (it != interned_.end()) return it->second;
  const TypeId id = add(std::move(t));
  interned_.emplace(key, id);
  return id;
}

TypeId TypeTable::array_of(TypeId elem, std::int64_t length) {
  Type t;
  t.kind = Kind::Array;
  t.elem = elem;
  t.length = length;
  return intern(join({"A", std::to_string(length), ",", id_key(elem)}), std::move(t));
}

TypeId TypeTable::slice_of(TypeId elem) {
  Type t;
  t.kind = Kind::Slice;
  t.elem = elem;
  return intern(join({"S", id_key(elem)}), std::move(t));
}

TypeId TypeTable::map_of(TypeId key, TypeId value) {
  Type t;
  t.kind = Kind::Map;
  t.key = key;
  t.elem = value;
  return intern(join({"M", id_key(key), ",", id_key(value)}), std::move(t));
}

TypeId TypeTable::chan_of(TypeId elem, ChanDir dir) {
  Type t;
  t.kind = Kind::Chan;
  t.elem = elem;
  t.dir = dir;
  return intern(join({"C", std::to_string(static_cast<int>(dir)), ",", id_key(elem)}), std::move(t));
}

TypeId TypeTable::pointer_to(TypeId elem) {
  Type t;
  t.kind = Kind::Pointer;
  t.elem = elem;
  return intern(join({"P", id_key(elem)}), std::move(t));
}

TypeId TypeTable::func_of(std::vector<TypeId> params, std::vector<TypeId> results, bool variadic) {
  std::string key = variadic ? "F.(" : "F(";
  for (TypeId p : params) key += join({id_key(p), ","});
  key += ")(";
  for (TypeId r : results) key += join({id_key(r), ","});
  key += ")";
  Type t;
  t.kind = Kind::Func;
  t.params = std::move(params);
  t.results = std::move(results);
  t.variadic = variadic;
  return intern(key, std::move(t));
}

TypeId TypeTable::struct_of(std::vector<StructField> fields) {
  std::string key = "T{";
  for (const StructField& f : fields) {
    key += join({f.name, f.embedded ? "!" : ":", id_key(f.type)});
    if (!f.tag.empty()) key += join({"`", quote_struct_tag(f.tag)});
    key += ';';
  }
  key += "}";
  Type t;
  t.kind = Kind::Struct;
  t.fields = std::move(fields);
  return intern(key, std::move(t));
}

TypeId TypeTable::interface_of(std::vector<MethodEntry> methods) {
  std::sort(methods.begin(), methods.end(), [](const MethodEntry& a, const MethodEntry& b) { return a.name < b.name; });
  std::string key = "I{";
  for (MethodEntry& m : methods) {
    m.function = -1;
    m.pointer_receiver = false;
    key += join({m.name, ":", id_key(m.signature), ";"});
  }
  key += "}";
  Type t;
  t.kind = Kind::Interface;
  t.methods = std::move(methods);
  return intern(key, std::move(t));
}

TypeId TypeTable::tuple_of(std::vector<TypeId> members) {
  std::string key = "(";
  for (TypeId m : members) key += join({id_key(m), ","});
  key += ")";
  Type t;
  t.kind = Kind::Tuple;
  t.params = std::move(members);
  return intern(key, std::move(t));
}

TypeId TypeTable::new_named(std::string name, std::string package) {
  Type t;
  t.kind = Kind::Named;
  t.name = std::move(name);
  t.package = std::move(package);
  t.underlying = kNoType;
  types_.push_back(std::move(t));
  return static_cast<TypeId>(types_.size() - 1);
}

void TypeTable::set_underlying(TypeId named, TypeId underlying_type) {
  types_[named].underlying = types_[underlying_type].underlying;
  words_cache_.clear();
}

void TypeTable::add_method(TypeId named, MethodEntry m) {
  auto& ms = types_[named].methods;
  auto at = std::lower_bound(ms.begin(), ms.end(), m.name,
                             [](const MethodEntry& e, const std::string& n) { return e.name < n; });
  ms.insert(at, std::move(m));
}

void TypeTable::set_method_function(TypeId named, const std::string& method, std::int32_t function) {
  for (MethodEntry& m : types_[named].methods) {
    if (m.name == method) m.function = function;
  }
}

std::uint32_t TypeTable::words(TypeId id) const {
  if (words_cache_.size() < types_.size()) words_cache_.resize(types_.size(), UINT32_MAX);
  if (words_cache_[id] != UINT32_MAX) return words_cache_[id];
  const Type& t = types_[types_[id].underlying];
  std::uint32_t w = 1;
  switch (t.kind) {
    case Kind::String: case Kind::UntypedString: case Kind::Interface: w = 2; break;
    case Kind::Slice: w = 3; break;
    case Kind::Complex64: case Kind::Complex128: case Kind::UntypedComplex: w = 2; break;
    case Kind::Array: w = static_cast<std::uint32_t>(t.length) * words(t.elem); break;
    case Kind::Struct:
      w = 0;
      for (const StructField& f : t.fields) w += words(f.type);
      break;
    case Kind::Tuple:
      w = 0;
      for (TypeId m : t.params) w += words(m);
      break;
    case Kind::Invalid: w = types_[id].kind == Kind::Named ? 1 : 0; break;
    default: w = 1; break;
  }
  words_cache_[id] = w;
  return w;
}

std::string TypeTable::str(TypeId id, bool qualify, const std::string* local) const {
  const Type& t = types_[id];
  auto list = [&](const std::vector<TypeId>& ids, bool variadic) {
    std::string s;
    for (std::size_t i = 0; i < ids.size(); ++i) {
      if (i) s += ", ";
      if (variadic && i + 1 == ids.size()) {
        s += join({"...", str(types_[ids[i]].elem, qualify, local)});
      } else {
        s += str(ids[i], qualify, local);
      }
    }
    return s;
  };
  switch (t.kind) {
    case Kind::Invalid: return "invalid type";
    case Kind::Named:
      if (t.package.empty() || !qualify || (local && *local == t.package)) return t.name;
      return join({t.package, ".", t.name});
    case Kind::Array: return join({"[", std::to_string(t.length), "]", str(t.elem, qualify, local)});
    case Kind::Slice: return join({"[]", str(t.elem, qualify, local)});
    case Kind::Map: return join({"map[", str(t.key, qualify, local), "]", str(t.elem, qualify, local)});
    case Kind::Pointer: return join({"*", str(t.elem, qualify, local)});
    case Kind::Chan: {
      const char* prefix = t.dir == ChanDir::Send ? "chan<- " : t.dir == ChanDir::Recv ? "<-chan " : "chan ";
      std::string elem = str(t.elem, qualify, local);
      // chan (<-chan int) needs parentheses to stay unambiguous
      if (t.dir != ChanDir::Send && types_[t.elem].kind == Kind::Chan && types_[t.elem].dir == ChanDir::Recv) {
        elem = join({"(", elem, ")"});
      }
      return join({prefix, elem});
    }
    case Kind::Func: {
      std::string s = join({"func(", list(t.params, t.variadic), ")"});
      if (t.results.size() == 1) s += join({" ", str(t.results[0], qualify, local)});
      if (t.results.size() > 1) s += join({" (", list(t.results, false), ")"});
      return s;
    }
    case Kind::Tuple: return join({"(", list(t.params, false), ")"});
    case Kind::Struct: {
      if (t.fields.empty()) return "struct {}";
      std::string s = "struct { ";
      for (std::size_t i = 0; i < t.fields.size(); ++i) {
        if (i) s += "; ";
        if (t.fields[i].embedded) {
          s += str(t.fields[i].type, qualify, local);
        } else {
          s += join({t.fields[i].name, " ", str(t.fields[i].type, qualify, local)});
        }
        if (!t.fields[i].tag.empty()) s += join({" ", quote_struct_tag(t.fields[i].tag)});
      }
      return s + " }";
    }
    case Kind::Interface: {
      if (t.methods.empty()) return "interface {}";
      std::string s = "interface { ";
      for (std::size_t i = 0; i < t.methods.size(); ++i) {
        if (i) s += "; ";
        std::string sig = str(t.methods[i].signature, qualify, local);
        s += join({t.methods[i].name, std::string_view(sig).substr(4)});  // drop "func"
      }
      return s + " }";
    }
    default: return t.name;
  }
}

bool TypeTable::is_integer(TypeId id) const {
  const Kind k = underlying_kind(id);
  return (k >= Kind::Int && k <= Kind::Uintptr) || k == Kind::UntypedInt || k == Kind::UntypedRune;
}

bool TypeTable::is_unsigned(TypeId id) const {
  const Kind k = underlying_kind(id);
  return k >= Kind::Uint && k <= Kind::Uintptr;
}

bool TypeTable::is_float(TypeId id) const {
  const Kind k = underlying_kind(id);
  return k == Kind::Float32 || k == Kind::Float64 || k == Kind::UntypedFloat;
}

bool TypeTable::is_complex(TypeId id) const {
  const Kind k = underlying_kind(id);
  return k == Kind::Complex64 || k == Kind::Complex128 || k == Kind::UntypedComplex;
}

bool TypeTable::is_string(TypeId id) const {
  const Kind k = underlying_kind(id);
  return k == Kind::String || k == Kind::UntypedString;
}

bool TypeTable::is_boolean(TypeId id) const {
  const Kind k = underlying_kind(id);
  return k == Kind::Bool || k == Kind::UntypedBool;
}

bool TypeTable::is_untyped(TypeId id) const {
  const Kind k = types_[id].kind;
  return k >= Kind::UntypedBool && k <= Kind::UntypedNil;
}

bool TypeTable::identical_ignoring_tags(TypeId a, TypeId b) const {
  if (a == b) return true;
  const Type& x = types_[a];
  const Type& y = types_[b];
  if (x.kind != y.kind) return false;
  switch (x.kind) {
    case Kind::Struct:
      if (x.fields.size() != y.fields.size()) return false;
      for (std::size_t i = 0; i < x.fields.size(); ++i) {
        const StructField& f = x.fields[i];
        const StructField& g = y.fields[i];
        if (f.name != g.name || f.embedded != g.embedded || !identical_ignoring_tags(f.type, g.type)) return false;
      }
      return true;
    case Kind::Pointer:
    case Kind::Slice:
      return identical_ignoring_tags(x.elem, y.elem);
    case Kind::Array:
      return x.length == y.length && identical_ignoring_tags(x.elem, y.elem);
    case Kind::Map:
      return identical_ignoring_tags(x.key, y.key) && identical_ignoring_tags(x.elem, y.elem);
    case Kind::Chan:
      return x.dir == y.dir && identical_ignoring_tags(x.elem, y.elem);
    case Kind::Func:
      if (x.variadic != y.variadic || x.params.size() != y.params.size() || x.results.size() != y.results.size())
        return false;
      for (std::size_t i = 0; i < x.params.size(); ++i)
        if (!identical_ignoring_tags(x.params[i], y.params[i])) return false;
      for (std::size_t i = 0; i < x.results.size(); ++i)
        if (!identical_ignoring_tags(x.results[i], y.results[i])) return false;
      return true;
    default:
      return false;  // named types are identical only to themselves; interfaces are interned by their methods
  }
}

bool TypeTable::comparable(TypeId id) const {
  const Type& t = types_[types_[id].underlying];
  switch (t.kind) {
    case Kind::Slice: case Kind::Map: case Kind::Func: return false;
    case Kind::Array: return comparable(t.elem);
    case Kind::Struct:
      return std::all_of(t.fields.begin(), t.fields.end(), [&](const StructField& f) { return comparable(f.type); });
    default: return true;
  }
}

}  // namespace gb::vm
