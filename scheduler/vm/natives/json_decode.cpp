// json.Unmarshal (decode.go): the input is checked whole first (a SyntaxError before anything is stored), then
// decoded into the value v points to, allocating through nil pointers, growing slices as decode.go does
// (cap + cap/2, at least 4), making maps, and filling interface{} with map[string]interface{}, []interface{},
// float64, string, bool or nil. Type mismatches are UnmarshalTypeErrors that do not stop the decoding (the
// first one is returned, with the struct and field path where it happened); a few errors stop it at once.
#include <algorithm>
#include <bit>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <map>

#include "scheduler/vm/natives/json.h"
#include "scheduler/vm/natives/unicode_text.h"

namespace gb::vm::natives::json {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

bool is_signed(Kind k) {
  return k == Kind::Int || k == Kind::Int8 || k == Kind::Int16 || k == Kind::Int32 || k == Kind::Int64;
}
bool is_unsigned(Kind k) {
  return k == Kind::Uint || k == Kind::Uint8 || k == Kind::Uint16 || k == Kind::Uint32 || k == Kind::Uint64 ||
         k == Kind::Uintptr;
}
int bits_of(Kind k) {
  switch (k) {
    case Kind::Int8: case Kind::Uint8: return 8;
    case Kind::Int16: case Kind::Uint16: return 16;
    case Kind::Int32: case Kind::Uint32: case Kind::Float32: return 32;
    default: return 64;
  }
}

// strconv.ParseUint(s, 10, 64) and the value's fit in `bits` (reflect's OverflowUint).
bool parse_unsigned(std::string_view s, int bits, std::uint64_t& out) {
  if (s.empty()) return false;
  std::uint64_t u = 0;
  for (const char c : s) {
    if (c < '0' || c > '9') return false;
    const auto d = static_cast<std::uint64_t>(c - '0');
    if (u > (UINT64_MAX - d) / 10) return false;
    u = u * 10 + d;
  }
  if (bits < 64 && u >= (std::uint64_t{1} << bits)) return false;
  out = u;
  return true;
}

// strconv.ParseInt(s, 10, 64) and the value's fit in `bits` (reflect's OverflowInt).
bool parse_signed(std::string_view s, int bits, std::int64_t& out) {
  bool neg = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    neg = s[0] == '-';
    s.remove_prefix(1);
  }
  std::uint64_t u = 0;
  if (!parse_unsigned(s, 64, u)) return false;
  const std::uint64_t limit = std::uint64_t{1} << (bits - 1);
  if (neg ? u > limit : u >= limit) return false;
  out = neg ? static_cast<std::int64_t>(0 - u) : static_cast<std::int64_t>(u);
  return true;
}

// strconv.ParseFloat(s, bits) of a JSON number (already well-formed): false when it overflows.
bool parse_number(std::string_view s, int bits, double& out) {
  const std::string text(s);
  if (bits == 32) {
    const float f = std::strtof(text.c_str(), nullptr);
    if (std::isinf(f)) return false;
    out = static_cast<double>(f);
    return true;
  }
  const double d = std::strtod(text.c_str(), nullptr);
  if (std::isinf(d)) return false;
  out = d;
  return true;
}

// getu4: the value of the \uXXXX escape at s[0..6), or -1.
std::int32_t getu4(std::string_view s) {
  if (s.size() < 6 || s[0] != '\\' || s[1] != 'u') return -1;
  std::int32_t r = 0;
  for (std::size_t i = 2; i < 6; ++i) {
    const char c = s[i];
    int v = 0;
    if (c >= '0' && c <= '9') v = c - '0';
    else if (c >= 'a' && c <= 'f') v = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F') v = c - 'A' + 10;
    else return -1;
    r = r * 16 + v;
  }
  return r;
}

// unquoteBytes: the text of a JSON string literal (invalid UTF-8 and unpaired surrogates become U+FFFD);
// false if it is not one.
bool unquote_literal(std::string_view s, std::string& out) {
  if (s.size() < 2 || s.front() != '"' || s.back() != '"') return false;
  s = s.substr(1, s.size() - 2);
  out.clear();
  std::size_t r = 0;
  while (r < s.size()) {
    const auto c = static_cast<unsigned char>(s[r]);
    if (c == '\\') {
      if (++r >= s.size()) return false;
      switch (s[r]) {
        case '"': case '\\': case '/': case '\'':
          out += s[r++];
          break;
        case 'b': out += '\b'; ++r; break;
        case 'f': out += '\f'; ++r; break;
        case 'n': out += '\n'; ++r; break;
        case 'r': out += '\r'; ++r; break;
        case 't': out += '\t'; ++r; break;
        case 'u': {
          --r;
          std::int32_t rr = getu4(s.substr(r));
          if (rr < 0) return false;
          r += 6;
          if (rr >= 0xD800 && rr < 0xE000) {  // a surrogate: a pair makes one rune, else U+FFFD
            const std::int32_t rr1 = getu4(s.substr(r));
            if (rr < 0xDC00 && rr1 >= 0xDC00 && rr1 < 0xE000) {
              r += 6;
              encode_rune(out, ((rr - 0xD800) << 10 | (rr1 - 0xDC00)) + 0x10000);
              break;
            }
            rr = static_cast<std::int32_t>(kRuneError);
          }
          encode_rune(out, rr);
          break;
        }
        default:
          return false;
      }
    } else if (c == '"' || c < ' ') {
      return false;
    } else if (c < 0x80) {
      out += static_cast<char>(c);
      ++r;
    } else {
      const Decoded d = decode_rune(s.substr(r));
      r += static_cast<std::size_t>(d.size);
      encode_rune(out, d.rune);
    }
  }
  return true;
}

// base64.StdEncoding.Decode; the offset of the first bad byte on failure (CorruptInputError).
bool base64_decode(std::string_view src, std::string& dst, std::int64_t& bad) {
  auto value = [](unsigned char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  };
  auto newline = [](char c) { return c == '\n' || c == '\r'; };
  std::size_t si = 0;
  dst.clear();
  for (;;) {  // one quantum of four symbols at a time (decodeQuantum)
    int dbuf[4] = {0, 0, 0, 0};
    int dlen = 4;
    bool end = false;
    for (int j = 0; j < 4; ++j) {
      if (si == src.size()) {
        if (j == 0) return true;
        bad = static_cast<std::int64_t>(si) - j;  // padding is required
        return false;
      }
      const auto in = static_cast<unsigned char>(src[si++]);
      const int out = value(in);
      if (out >= 0) {
        dbuf[j] = out;
        continue;
      }
      if (newline(static_cast<char>(in))) {
        --j;
        continue;
      }
      if (in != '=' || j < 2) {
        bad = static_cast<std::int64_t>(si) - 1;
        return false;
      }
      if (j == 2) {  // "==" expected
        while (si < src.size() && newline(src[si])) ++si;
        if (si == src.size()) {
          bad = static_cast<std::int64_t>(src.size());
          return false;
        }
        if (src[si] != '=') {
          bad = static_cast<std::int64_t>(si) - 1;
          return false;
        }
        ++si;
      }
      while (si < src.size() && newline(src[si])) ++si;
      if (si < src.size()) {
        bad = static_cast<std::int64_t>(si);  // trailing garbage
        return false;
      }
      dlen = j;
      end = true;
      break;
    }
    const unsigned v = static_cast<unsigned>(dbuf[0]) << 18 | static_cast<unsigned>(dbuf[1]) << 12 |
                       static_cast<unsigned>(dbuf[2]) << 6 | static_cast<unsigned>(dbuf[3]);
    if (dlen >= 2) dst += static_cast<char>(v >> 16 & 0xFF);
    if (dlen >= 3) dst += static_cast<char>(v >> 8 & 0xFF);
    if (dlen >= 4) dst += static_cast<char>(v & 0xFF);
    if (end) return true;
  }
}

bool equal_fold(std::string_view a, std::string_view b) {
  while (!a.empty() && !b.empty()) {
    const Decoded x = decode_rune(a);
    const Decoded y = decode_rune(b);
    if (x.rune != y.rune && !fold_equal(x.rune, y.rune)) return false;
    a.remove_prefix(static_cast<std::size_t>(std::max(x.size, 1)));
    b.remove_prefix(static_cast<std::size_t>(std::max(y.size, 1)));
  }
  return a.empty() && b.empty();
}

struct Fatal {
  DecodeError error;
};

// A settable Go value in memory: its address and type (invalid: decode and drop, reflect.Value{}).
struct Place {
  Word addr = 0;
  TypeId type = kNoType;
  bool valid = false;
};

class Decoder {
 public:
  Decoder(NativeHost& host, std::string_view data, InterfaceTypes any)
      : host_(host), types_(host.types()), data_(data), any_(any) {}

  DecodeError run(TypeId type, Word v);

 private:
  char at() const { return off_ < data_.size() ? data_[off_] : '\0'; }
  void skip_space() {
    while (off_ < data_.size() && is_space(data_[off_])) ++off_;
  }
  std::size_t literal_end(std::size_t i) const;
  void skip_value();
  std::string_view next_literal() {
    const std::size_t start = off_;
    off_ = literal_end(off_);
    read_index_ = off_;
    return data_.substr(start, off_ - start);
  }

  void value(Place v);
  void array(Place v);
  void object(Place v);
  void value_quoted(Place subv);
  void literal_store(std::string_view item, Place v, bool from_quoted);

  // Values for an interface{}: the interface's two words.
  void value_interface(Word out[2]);
  void array_interface(Word out[2]);
  void object_interface(Word out[2]);
  void literal_interface(std::string_view item, Word out[2]);
  bool convert_number(std::string_view s, Word out[2]);

  Place indirect(Place v, bool decoding_null);
  // An interface{} takes a JSON array or object as []interface{} or map[string]interface{}: true if pv is one
  // (and the value is decoded into it).
  bool into_empty_interface(const Place& pv, const Type& ty, bool array);
  bool empty_interface(TypeId t) const { return types_[types_.underlying(t)].methods.empty(); }
  Word load(Word a) { return host_.load(a); }
  void store(Word a, Word v) { host_.store(a, v); }
  void store_n(Word a, const Word* w, std::uint32_t n) {
    for (std::uint32_t i = 0; i < n; ++i) host_.store(a + i, w[i]);
  }
  void zero(Place p) {
    const std::uint32_t n = types_.words(p.type);
    for (std::uint32_t i = 0; i < n; ++i) host_.store(p.addr + i, 0);
  }
  void set_interface(Word addr, TypeId type, const Word* words);
  void box(TypeId type, const Word* words, Word out[2]);

  void save(DecodeError e);
  void save_type(std::string value, TypeId type, std::int64_t offset) {
    DecodeError e;
    e.kind = DecodeError::Kind::UnmarshalType;
    e.value = std::move(value);
    e.type = types_.to_string(type);
    e.offset = offset;
    save(std::move(e));
  }
  void save_plain(std::string message) { save(DecodeError{DecodeError::Kind::Plain, std::move(message), {}, {}, 0, {}, {}}); }
  [[noreturn]] void fail_plain(std::string message) {
    throw Fatal{DecodeError{DecodeError::Kind::Plain, std::move(message), {}, {}, 0, {}, {}}};
  }
  std::string invalid_string_tag(std::string_view item, TypeId type) const {
    return "json: invalid use of ,string struct tag, trying to unmarshal " + quote(item, false) + " into " +
           types_.to_string(type);
  }
  void check_methods(TypeId type);

  NativeHost& host_;
  const TypeTable& types_;
  std::string_view data_;
  InterfaceTypes any_;
  std::size_t off_ = 0;
  std::size_t read_index_ = 0;  // the end of the last literal read (decode.go's readIndex())
  bool have_error_ = false;
  DecodeError saved_;
  // errorContext: the struct whose field is being decoded and the JSON names leading to it.
  TypeId ctx_struct_ = kNoType;
  std::vector<std::string> field_stack_;
  FieldCache fields_{types_};
  std::map<TypeId, bool> checked_;
};

std::size_t Decoder::literal_end(std::size_t i) const {
  const char c = data_[i];
  if (c == '"') {
    for (++i; i < data_.size(); ++i) {
      if (data_[i] == '\\') ++i;
      else if (data_[i] == '"') return i + 1;
    }
    return data_.size();
  }
  if (c == 't' || c == 'n') return i + 4;
  if (c == 'f') return i + 5;
  while (i < data_.size() && (std::isdigit(static_cast<unsigned char>(data_[i])) || data_[i] == '-' ||
                              data_[i] == '+' || data_[i] == '.' || data_[i] == 'e' || data_[i] == 'E'))
    ++i;
  return i;
}

void Decoder::skip_value() {
  int depth = 0;
  do {
    skip_space();
    const char c = at();
    if (c == '[' || c == '{') {
      ++depth;
      ++off_;
    } else if (c == ']' || c == '}') {
      --depth;
      ++off_;
    } else if (c == ',' || c == ':') {
      ++off_;
    } else {
      off_ = literal_end(off_);
    }
  } while (depth > 0 && off_ < data_.size());
}

void Decoder::save(DecodeError e) {
  if (have_error_) return;
  if (e.kind == DecodeError::Kind::UnmarshalType && (ctx_struct_ != kNoType || !field_stack_.empty())) {
    const Type& st = types_[ctx_struct_];
    e.struct_name = st.kind == Kind::Named ? st.name : std::string();
    for (std::size_t i = 0; i < field_stack_.size(); ++i) {
      if (i > 0) e.field += '.';
      e.field += field_stack_[i];
    }
  }
  have_error_ = true;
  saved_ = std::move(e);
}

void Decoder::check_methods(TypeId type) {
  auto it = checked_.find(type);
  if (it == checked_.end()) {
    const std::string m = custom_method(types_, type, true);
    if (!m.empty()) fail_plain(not_simulated(types_, type, m));
    checked_.emplace(type, true);
  }
}

void Decoder::box(TypeId type, const Word* words, Word out[2]) {
  out[0] = type;
  if (types_.words(type) == 1) {
    out[1] = words[0];
    return;
  }
  const Word a = host_.allocate_typed(type, 1);
  store_n(a, words, types_.words(type));
  out[1] = a;
}

void Decoder::set_interface(Word addr, TypeId type, const Word* words) {
  Word iface[2];
  box(type, words, iface);
  store(addr, iface[0]);
  store(addr + 1, iface[1]);
}

// indirect: down through pointers (allocating nil ones) and through interfaces holding a non-nil pointer, to
// the value to set. With decoding_null it stops at the last pointer, which null sets to nil.
bool Decoder::into_empty_interface(const Place& pv, const Type& ty, bool array) {
  if (ty.kind != Kind::Interface || !ty.methods.empty()) return false;
  Word iface[2];
  if (array) array_interface(iface);
  else object_interface(iface);
  store(pv.addr, iface[0]);
  store(pv.addr + 1, iface[1]);
  return true;
}

Place Decoder::indirect(Place v, bool decoding_null) {
  for (;;) {
    check_methods(v.type);
    const Kind k = types_.underlying_kind(v.type);
    if (k == Kind::Interface) {
      const auto dyn = static_cast<TypeId>(load(v.addr));
      if (dyn != kNoType && types_.underlying_kind(dyn) == Kind::Pointer) {
        const Word ptr = load(v.addr + 1);
        const TypeId elem = types_[types_.underlying(dyn)].elem;
        if (ptr != 0 && ptr != v.addr && (!decoding_null || types_.underlying_kind(elem) == Kind::Pointer)) {
          check_methods(dyn);
          v = Place{ptr, elem, true};
          continue;
        }
      }
    }
    if (k != Kind::Pointer || decoding_null) return v;
    Word ptr = load(v.addr);
    const TypeId elem = types_[types_.underlying(v.type)].elem;
    if (ptr == 0) {
      ptr = host_.allocate_typed(elem, 1);
      store(v.addr, ptr);
    }
    v = Place{ptr, elem, true};
  }
}

void Decoder::value(Place v) {
  skip_space();
  const char c = at();
  if (c == '[') {
    if (v.valid) array(v);
    else skip_value();
  } else if (c == '{') {
    if (v.valid) object(v);
    else skip_value();
  } else {
    const std::string_view item = next_literal();
    if (v.valid) literal_store(item, v, false);
  }
}

void Decoder::array(Place v) {
  const std::size_t open = off_;
  const Place pv = indirect(v, false);
  const TypeId t = pv.type;
  const Type& ty = types_[types_.underlying(t)];
  if (into_empty_interface(pv, ty, true)) return;
  if (ty.kind != Kind::Array && ty.kind != Kind::Slice) {
    save_type("array", t, static_cast<std::int64_t>(open) + 1);
    skip_value();
    return;
  }
  ++off_;  // '['
  const TypeId elem = ty.elem;
  const std::uint32_t ew = types_.words(elem);
  const bool slice = ty.kind == Kind::Slice;
  Word base = slice ? load(pv.addr) : pv.addr;
  std::uint64_t len = slice ? load(pv.addr + 1) : static_cast<std::uint64_t>(ty.length);
  std::uint64_t cap = slice ? load(pv.addr + 2) : len;
  std::uint64_t i = 0;
  skip_space();
  if (at() == ']') {
    ++off_;
  } else {
    for (;;) {
      if (slice) {
        if (i >= cap) {  // grow: cap + cap/2, at least 4 (reflect.MakeSlice, then copy)
          std::uint64_t newcap = cap + cap / 2;
          if (newcap < 4) newcap = 4;
          const Word nb = host_.allocate_typed(elem, newcap);
          for (std::uint64_t k = 0; k < len * ew; ++k) store(nb + k, load(base + k));
          base = nb;
          cap = newcap;
          store(pv.addr, base);
          store(pv.addr + 2, cap);
        }
        if (i >= len) {
          len = i + 1;
          store(pv.addr + 1, len);
        }
      }
      if (i < len) value(Place{base + i * ew, elem, true});
      else value(Place{});
      ++i;
      skip_space();
      if (at() == ']') {
        ++off_;
        break;
      }
      ++off_;  // ','
    }
  }
  if (i < len) {
    if (!slice) {
      for (std::uint64_t k = i * ew; k < len * ew; ++k) store(base + k, 0);
    } else {
      store(pv.addr + 1, i);
    }
  }
  if (i == 0 && slice) {  // an empty JSON array gives an empty, non-nil slice
    store(pv.addr, host_.allocate_typed(elem, 0));
    store(pv.addr + 1, 0);
    store(pv.addr + 2, 0);
  }
}

void Decoder::object(Place v) {
  const std::size_t open = off_;
  const Place pv = indirect(v, false);
  const TypeId t = pv.type;
  const Type& ty = types_[types_.underlying(t)];
  if (into_empty_interface(pv, ty, false)) return;
  const std::vector<Field>* fields = nullptr;
  Kind key_kind = Kind::Invalid;
  if (ty.kind == Kind::Map) {
    key_kind = types_.underlying_kind(ty.key);
    check_methods(ty.key);
    if (key_kind != Kind::String && !is_signed(key_kind) && !is_unsigned(key_kind)) {
      save_type("object", t, static_cast<std::int64_t>(open) + 1);
      skip_value();
      return;
    }
    if (load(pv.addr) == 0) store(pv.addr, host_.make_map(t));
  } else if (ty.kind == Kind::Struct) {
    fields = &fields_.of(types_.underlying(t));
  } else {
    save_type("object", t, static_cast<std::int64_t>(open) + 1);
    skip_value();
    return;
  }
  ++off_;  // '{'
  Word map_elem = 0;
  const TypeId orig_struct = ctx_struct_;
  const std::size_t orig_depth = field_stack_.size();
  std::string key;
  for (;;) {
    skip_space();
    if (at() == '}') {
      ++off_;
      break;
    }
    const std::size_t key_start = off_;
    const std::string_view item = next_literal();
    unquote_literal(item, key);
    Place subv;
    bool destring = false;
    if (fields == nullptr) {
      if (map_elem == 0) map_elem = host_.allocate_typed(ty.elem, 1);
      else zero(Place{map_elem, ty.elem, true});
      subv = Place{map_elem, ty.elem, true};
    } else {
      const Field* f = nullptr;
      for (const Field& ff : *fields) {
        if (ff.name == key) {
          f = &ff;
          break;
        }
      }
      if (f == nullptr) {
        for (const Field& ff : *fields) {
          if (equal_fold(ff.name, key)) {
            f = &ff;
            break;
          }
        }
      }
      if (f != nullptr) {
        // Down the field's index path, allocating embedded nil pointers.
        subv = Place{pv.addr, t, true};
        destring = f->quoted;
        bool exported = true;  // the field last stepped into (an embedded pointer in it must be settable)
        for (std::size_t k = 0; k < f->index.size(); ++k) {
          if (types_.underlying_kind(subv.type) == Kind::Pointer) {
            const TypeId pointee = types_[types_.underlying(subv.type)].elem;
            Word ptr = load(subv.addr);
            if (ptr == 0) {
              if (!exported) {
                save_plain("json: cannot set embedded pointer to unexported struct: " + types_.to_string(pointee));
                subv = Place{};
                destring = false;
                break;
              }
              ptr = host_.allocate_typed(pointee, 1);
              store(subv.addr, ptr);
            }
            subv = Place{ptr, pointee, true};
          }
          const Type& st = types_[types_.underlying(subv.type)];
          Word offset = 0;
          for (std::uint32_t j = 0; j < f->index[k]; ++j) offset += types_.words(st.fields[j].type);
          const StructField& sf = st.fields[f->index[k]];
          exported = is_exported(sf.name);
          subv = Place{subv.addr + offset, sf.type, true};
        }
        field_stack_.push_back(f->name);
        ctx_struct_ = t;
      }
    }
    skip_space();
    ++off_;  // ':'
    skip_space();
    if (destring) value_quoted(subv);
    else value(subv);

    if (fields == nullptr) {
      std::vector<Word> kw;
      bool ok = true;
      if (key_kind == Kind::String) {
        kw.resize(2);
        host_.make_string(key, kw.data());
      } else if (is_signed(key_kind)) {
        std::int64_t n = 0;
        ok = parse_signed(key, bits_of(key_kind), n);
        kw.push_back(static_cast<Word>(n));
      } else {
        std::uint64_t n = 0;
        ok = parse_unsigned(key, bits_of(key_kind), n);
        kw.push_back(n);
      }
      if (!ok) {
        save_type("number " + key, ty.key, static_cast<std::int64_t>(key_start) + 1);
      } else {
        std::vector<Word> vw(types_.words(ty.elem));
        for (std::size_t k = 0; k < vw.size(); ++k) vw[k] = load(map_elem + k);
        host_.map_store(load(pv.addr), kw.data(), vw.data());
      }
    }
    field_stack_.resize(orig_depth);
    ctx_struct_ = orig_struct;
    skip_space();
    if (at() == '}') {
      ++off_;
      break;
    }
    ++off_;  // ','
  }
}

// A field with the ",string" option: its JSON value must be a string holding the literal.
void Decoder::value_quoted(Place subv) {
  const char c = at();
  if (c == '[' || c == '{') {
    skip_value();
  } else {
    const std::string_view item = next_literal();
    if (item[0] == 'n') {
      literal_store("null", subv, false);
      return;
    }
    if (item[0] == '"') {
      std::string inner;
      unquote_literal(item, inner);
      literal_store(inner, subv, true);
      return;
    }
    if (item[0] != 't' && item[0] != 'f') {
      Word ignored[2];
      convert_number(item, ignored);  // literalInterface converts it first, and may fail
    }
  }
  save_plain("json: invalid use of ,string struct tag, trying to unmarshal unquoted value into " +
             types_.to_string(subv.type));
}

void Decoder::literal_store(std::string_view item, Place v, bool from_quoted) {
  if (item.empty()) {
    save_plain(invalid_string_tag(item, v.type));
    return;
  }
  const char c = item[0];
  const Place pv = indirect(v, c == 'n');
  const TypeId t = pv.type;
  const Type& ty = types_[types_.underlying(t)];
  const auto r = static_cast<std::int64_t>(read_index_);
  switch (c) {
    case 'n':
      if (from_quoted && item != "null") {
        save_plain(invalid_string_tag(item, t));
        return;
      }
      if (ty.kind == Kind::Interface || ty.kind == Kind::Pointer || ty.kind == Kind::Map || ty.kind == Kind::Slice)
        zero(pv);
      return;
    case 't':
    case 'f': {
      const Word b = c == 't' ? 1 : 0;
      if (from_quoted && item != "true" && item != "false") {
        save_plain(invalid_string_tag(item, t));
        return;
      }
      if (ty.kind == Kind::Bool) {
        store(pv.addr, b);
      } else if (ty.kind == Kind::Interface && ty.methods.empty()) {
        set_interface(pv.addr, kBool, &b);
      } else if (ty.kind != Kind::Interface && from_quoted) {
        save_plain(invalid_string_tag(item, t));
      } else {
        save_type("bool", t, r);
      }
      return;
    }
    case '"': {
      std::string s;
      if (!unquote_literal(item, s)) {
        if (from_quoted) fail_plain(invalid_string_tag(item, t));
        return;
      }
      if (ty.kind == Kind::Slice && types_.underlying_kind(ty.elem) == Kind::Uint8) {
        std::string bytes;
        std::int64_t bad = 0;
        if (!base64_decode(s, bytes, bad)) {
          save_plain("illegal base64 data at input byte " + std::to_string(bad));
          return;
        }
        const std::uint64_t cap = s.size() / 4 * 3;  // base64.StdEncoding.DecodedLen
        const Word a = host_.allocate_typed(ty.elem, cap);
        for (std::size_t k = 0; k < bytes.size(); ++k) store(a + k, static_cast<unsigned char>(bytes[k]));
        store(pv.addr, a);
        store(pv.addr + 1, bytes.size());
        store(pv.addr + 2, cap);
      } else if (ty.kind == Kind::String) {
        if (is_number_type(types_, t) && !valid_number(s))
          fail_plain("json: invalid number literal, trying to unmarshal " + quote(item, false) + " into Number");
        Word w[2];
        host_.make_string(s, w);
        store(pv.addr, w[0]);
        store(pv.addr + 1, w[1]);
      } else if (ty.kind == Kind::Interface && ty.methods.empty()) {
        Word w[2];
        host_.make_string(s, w);
        set_interface(pv.addr, kString, w);
      } else {
        save_type("string", t, r);
      }
      return;
    }
    default:
      break;
  }
  if (c != '-' && (c < '0' || c > '9')) {
    if (from_quoted) fail_plain(invalid_string_tag(item, t));
    return;
  }
  const Kind k = ty.kind;
  if (k == Kind::Interface) {
    Word w[2];
    if (!convert_number(item, w)) return;
    if (!ty.methods.empty()) {
      save_type("number", t, r);
      return;
    }
    store(pv.addr, w[0]);
    store(pv.addr + 1, w[1]);
  } else if (is_signed(k)) {
    std::int64_t n = 0;
    if (!parse_signed(item, bits_of(k), n)) {
      save_type("number " + std::string(item), t, r);
      return;
    }
    store(pv.addr, static_cast<Word>(n));
  } else if (is_unsigned(k)) {
    std::uint64_t n = 0;
    if (!parse_unsigned(item, bits_of(k), n)) {
      save_type("number " + std::string(item), t, r);
      return;
    }
    store(pv.addr, n);
  } else if (k == Kind::Float32 || k == Kind::Float64) {
    double d = 0;
    if (!parse_number(item, bits_of(k), d)) {
      save_type("number " + std::string(item), t, r);
      return;
    }
    store(pv.addr, std::bit_cast<Word>(d));
  } else {
    if (k == Kind::String && is_number_type(types_, t)) {
      Word w[2];
      host_.make_string(item, w);
      store(pv.addr, w[0]);
      store(pv.addr + 1, w[1]);
      return;
    }
    if (from_quoted) fail_plain(invalid_string_tag(item, t));
    save_type("number", t, r);
  }
}

// [SECTION] interface{} values

bool Decoder::convert_number(std::string_view s, Word out[2]) {
  double d = 0;
  if (!parse_number(s, 64, d)) {
    DecodeError e;
    e.kind = DecodeError::Kind::UnmarshalType;
    e.value = "number " + std::string(s);
    e.type = "float64";
    e.offset = static_cast<std::int64_t>(read_index_) + 1;
    save(std::move(e));
    out[0] = out[1] = 0;
    return false;
  }
  out[0] = kFloat64;
  out[1] = std::bit_cast<Word>(d);
  return true;
}

void Decoder::value_interface(Word out[2]) {
  skip_space();
  const char c = at();
  if (c == '[') array_interface(out);
  else if (c == '{') object_interface(out);
  else literal_interface(next_literal(), out);
}

void Decoder::array_interface(Word out[2]) {
  ++off_;  // '['
  std::vector<Word> items;
  std::uint64_t cap = 0;  // make([]interface{}, 0), then append's growth
  skip_space();
  if (at() == ']') {
    ++off_;
  } else {
    for (;;) {
      Word w[2];
      value_interface(w);
      const std::uint64_t len = items.size() / 2;
      if (len + 1 > cap) cap = host_.append_capacity(kEmptyInterface, cap, len + 1);
      items.push_back(w[0]);
      items.push_back(w[1]);
      skip_space();
      if (at() == ']') {
        ++off_;
        break;
      }
      ++off_;  // ','
    }
  }
  const Word base = host_.allocate_typed(kEmptyInterface, cap);
  store_n(base, items.data(), static_cast<std::uint32_t>(items.size()));
  const Word slice[3] = {base, items.size() / 2, cap};
  box(any_.array, slice, out);
}

void Decoder::object_interface(Word out[2]) {
  ++off_;  // '{'
  const Word m = host_.make_map(any_.object);
  std::string key;
  for (;;) {
    skip_space();
    if (at() == '}') {
      ++off_;
      break;
    }
    unquote_literal(next_literal(), key);
    skip_space();
    ++off_;  // ':'
    Word w[2];
    value_interface(w);
    Word k[2];
    host_.make_string(key, k);
    host_.map_store(m, k, w);
    skip_space();
    if (at() == '}') {
      ++off_;
      break;
    }
    ++off_;  // ','
  }
  out[0] = any_.object;
  out[1] = m;
}

void Decoder::literal_interface(std::string_view item, Word out[2]) {
  out[0] = out[1] = 0;
  switch (item[0]) {
    case 'n':
      return;
    case 't':
    case 'f':
      out[0] = kBool;
      out[1] = item[0] == 't' ? 1 : 0;
      return;
    case '"': {
      std::string s;
      unquote_literal(item, s);
      Word w[2];
      host_.make_string(s, w);
      box(kString, w, out);
      return;
    }
    default:
      convert_number(item, out);
      return;
  }
}

DecodeError Decoder::run(TypeId type, Word v) {
  if (const SyntaxFailure f = check_valid(data_); !f.message.empty())
    return DecodeError{DecodeError::Kind::Syntax, f.message, {}, {}, f.offset, {}, {}};
  if (type == kNoType) return DecodeError{DecodeError::Kind::InvalidUnmarshal, "nil", {}, {}, 0, {}, {}};
  if (types_.underlying_kind(type) != Kind::Pointer)
    return DecodeError{DecodeError::Kind::InvalidUnmarshal, "non-pointer", {}, types_.to_string(type), 0, {}, {}};
  if (v == 0) return DecodeError{DecodeError::Kind::InvalidUnmarshal, "nil", {}, types_.to_string(type), 0, {}, {}};
  try {
    check_methods(type);
    value(Place{v, types_[types_.underlying(type)].elem, true});
  } catch (const Fatal& f) {
    return f.error;
  }
  return have_error_ ? saved_ : DecodeError{};
}

}  // namespace

DecodeError unmarshal(NativeHost& host, std::string_view data, TypeId type, Word v, InterfaceTypes any_types) {
  Decoder d(host, data, any_types);
  return d.run(type, v);
}

}  // namespace gb::vm::natives::json
