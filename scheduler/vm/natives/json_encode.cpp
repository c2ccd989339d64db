// json.Marshal (encode.go): values walked by their run-time type, Go's number and string forms (floats as
// strconv's shortest 'f' digits, 'e' below 1e-6 and from 1e21 on with a one-digit negative exponent; strings
// with \u003c, \u003e, \u0026 for HTML, \ufffd for invalid UTF-8, \u2028 and \u2029 escaped), map keys sorted
// as strings, []byte as base64, and its errors: unsupported types and values (NaN, infinities, cycles).
#include <algorithm>
#include <bit>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

#include "scheduler/vm/natives/float_format.h"
#include "scheduler/vm/natives/json.h"
#include "scheduler/vm/natives/unicode_text.h"

namespace gb::vm::natives::json {

namespace {

constexpr char kHex[] = "0123456789abcdef";
constexpr int kStartDetectingCyclesAfter = 1000;  // encode.go
// The encoder recurses on the host's stack once per pointer, map or slice level; past this depth (deeper than
// any cycle Go would report) it stops with an error instead of overflowing it. Go itself has no such limit.
constexpr int kMaxLevels = 20000;

bool html_safe(unsigned char c, bool escape_html) {
  if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80) return false;
  return !escape_html || (c != '<' && c != '>' && c != '&');
}

struct Failure {
  EncodeError error;
};

class Encoder {
 public:
  Encoder(NativeHost& host, bool escape_html) : host_(host), types_(host.types()), escape_html_(escape_html) {}

  void value(TypeId type, const Word* w, bool quoted);
  std::string out;

 private:
  [[noreturn]] void fail(EncodeError::Kind kind, std::string detail) {
    throw Failure{EncodeError{kind, std::move(detail)}};
  }
  std::vector<Word> load(Word address, TypeId type) {
    std::vector<Word> w(types_.words(type));
    for (std::size_t i = 0; i < w.size(); ++i) w[i] = host_.load(address + i);
    return w;
  }
  // Cycle detection as encode.go does it: after 1000 nested pointers, maps and slices, meeting one again on the
  // way down is a cycle.
  struct Level {
    Encoder& e;
    bool tracked = false;
    std::tuple<int, Word, Word> key;
    Level(Encoder& enc, TypeId type, int what, Word address, Word len) : e(enc), key(what, address, len) {
      if (++e.level_ > kMaxLevels)
        e.fail(EncodeError::Kind::UnsupportedValue,
               "nesting deeper than " + std::to_string(kMaxLevels) + " levels (a Gopherbus limit)");
      if (e.level_ > kStartDetectingCyclesAfter + 1) {
        if (!e.seen_.insert(key).second)
          e.fail(EncodeError::Kind::UnsupportedValue, "encountered a cycle via " + e.types_.to_string(type));
        tracked = true;
      }
    }
    ~Level() {
      --e.level_;
      if (tracked) e.seen_.erase(key);
    }
    Level(const Level&) = delete;
    Level& operator=(const Level&) = delete;
  };

  void float_value(double f, int bits, bool quoted);
  void struct_value(TypeId type, const Word* w);
  void map_value(TypeId type, Word m);
  void array_value(TypeId elem, const Word* w, std::int64_t len, Word base);
  void byte_slice(Word base, std::int64_t len);
  bool empty(TypeId type, const Word* w);

  NativeHost& host_;
  const TypeTable& types_;
  bool escape_html_;
  int level_ = 0;
  std::set<std::tuple<int, Word, Word>> seen_;
  FieldCache fields_{types_};
  std::map<TypeId, std::string> methods_;  // custom_method of each type met
};

}  // namespace

bool is_number_type(const TypeTable& types, TypeId type) {
  const Type& t = types[type];
  return t.kind == Kind::Named && t.name == "Number" && t.package == "json";
}

bool valid_number(std::string_view s) {
  std::size_t i = 0;
  if (s.empty()) return false;
  if (s[i] == '-') {
    if (++i == s.size()) return false;
  }
  auto digit = [&](std::size_t k) { return k < s.size() && s[k] >= '0' && s[k] <= '9'; };
  if (s[i] == '0') {
    ++i;
  } else if (s[i] >= '1' && s[i] <= '9') {
    while (digit(i)) ++i;
  } else {
    return false;
  }
  if (i + 1 < s.size() && s[i] == '.' && digit(i + 1)) {
    i += 2;
    while (digit(i)) ++i;
  }
  if (i + 1 < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (s[i] == '+' || s[i] == '-') {
      if (++i == s.size()) return false;
    }
    while (digit(i)) ++i;
  }
  return i == s.size();
}

namespace {

void Encoder::float_value(double f, int bits, bool quoted) {
  if (std::isinf(f) || std::isnan(f)) fail(EncodeError::Kind::UnsupportedValue, format_float(f, 'g', -1, bits));
  const double a = std::fabs(f);
  char fmt = 'f';
  if (a != 0) {
    if ((bits == 64 && (a < 1e-6 || a >= 1e21)) ||
        (bits == 32 && (static_cast<float>(a) < 1e-6f || static_cast<float>(a) >= 1e21f)))
      fmt = 'e';
  }
  std::string b = format_float(f, fmt, -1, bits);
  if (fmt == 'e') {  // e-09 -> e-9
    const std::size_t n = b.size();
    if (n >= 4 && b[n - 4] == 'e' && b[n - 3] == '-' && b[n - 2] == '0') {
      b[n - 2] = b[n - 1];
      b.pop_back();
    }
  }
  if (quoted) out += '"';
  out += b;
  if (quoted) out += '"';
}

bool Encoder::empty(TypeId type, const Word* w) {
  const Type& t = types_[types_.underlying(type)];
  switch (t.kind) {
    case Kind::Array: return t.length == 0;
    case Kind::Map: return host_.map_len(w[0]) == 0;
    case Kind::Slice: return w[1] == 0;
    case Kind::String: return w[1] == 0;
    case Kind::Bool: return w[0] == 0;
    case Kind::Int: case Kind::Int8: case Kind::Int16: case Kind::Int32: case Kind::Int64:
    case Kind::Uint: case Kind::Uint8: case Kind::Uint16: case Kind::Uint32: case Kind::Uint64: case Kind::Uintptr:
      return w[0] == 0;
    case Kind::Float32:
    case Kind::Float64:
      return std::bit_cast<double>(w[0]) == 0;
    case Kind::Interface: return w[0] == 0;
    case Kind::Pointer: return w[0] == 0;
    default: return false;
  }
}

void Encoder::value(TypeId type, const Word* w, bool quoted) {
  if (type >= kFirstUserType) {
    auto it = methods_.find(type);
    if (it == methods_.end()) it = methods_.emplace(type, custom_method(types_, type, false)).first;
    if (!it->second.empty()) fail(EncodeError::Kind::NotSimulated, not_simulated(types_, type, it->second));
  }
  const TypeId u = types_.underlying(type);
  const Type& t = types_[u];
  switch (t.kind) {
    case Kind::Bool:
      if (quoted) out += '"';
      out += w[0] != 0 ? "true" : "false";
      if (quoted) out += '"';
      return;
    case Kind::Int: case Kind::Int8: case Kind::Int16: case Kind::Int32: case Kind::Int64:
      if (quoted) out += '"';
      out += std::to_string(static_cast<std::int64_t>(w[0]));
      if (quoted) out += '"';
      return;
    case Kind::Uint: case Kind::Uint8: case Kind::Uint16: case Kind::Uint32: case Kind::Uint64: case Kind::Uintptr:
      if (quoted) out += '"';
      out += std::to_string(w[0]);
      if (quoted) out += '"';
      return;
    case Kind::Float32:
    case Kind::Float64:
      float_value(std::bit_cast<double>(w[0]), t.kind == Kind::Float32 ? 32 : 64, quoted);
      return;
    case Kind::String: {
      const std::string s(host_.string_bytes(w));
      if (is_number_type(types_, type)) {
        const std::string num = s.empty() ? "0" : s;  // an empty Number encodes as 0
        if (!valid_number(num)) fail(EncodeError::Kind::NotSimulated, "json: invalid number literal " + quote(num, false));
        if (quoted) out += '"';
        out += num;
        if (quoted) out += '"';
        return;
      }
      if (quoted) {  // the string's JSON form, as a JSON string (HTML escaped only the first time)
        std::string inner;
        write_string(inner, s, escape_html_);
        write_string(out, inner, false);
      } else {
        write_string(out, s, escape_html_);
      }
      return;
    }
    case Kind::Interface: {
      if (w[0] == 0) {
        out += "null";
        return;
      }
      const auto dyn = static_cast<TypeId>(w[0]);
      const std::uint32_t n = types_.words(dyn);
      if (n == 1) {
        value(dyn, &w[1], quoted);
      } else {
        const std::vector<Word> words = load(w[1], dyn);
        value(dyn, words.data(), quoted);
      }
      return;
    }
    case Kind::Struct:
      struct_value(type, w);
      return;
    case Kind::Map:
      map_value(type, w[0]);
      return;
    case Kind::Slice: {
      if (w[0] == 0) {
        out += "null";
        return;
      }
      const std::int64_t len = static_cast<std::int64_t>(w[1]);
      if (types_.underlying_kind(t.elem) == Kind::Uint8 && custom_method(types_, t.elem, false).empty()) {
        byte_slice(w[0], len);
        return;
      }
      const Level level(*this, type, 1, w[0], w[1]);
      array_value(t.elem, nullptr, len, w[0]);
      return;
    }
    case Kind::Array:
      array_value(t.elem, w, t.length, 0);
      return;
    case Kind::Pointer: {
      if (w[0] == 0) {
        out += "null";
        return;
      }
      const Level level(*this, type, 2, w[0], 0);
      const std::vector<Word> elem = load(w[0], t.elem);
      value(t.elem, elem.data(), quoted);
      return;
    }
    default:  // chan, func, unsafe.Pointer
      fail(EncodeError::Kind::UnsupportedType, types_.to_string(type));
  }
}

void Encoder::struct_value(TypeId type, const Word* w) {
  const std::vector<Field>& fields = fields_.of(types_.underlying(type));
  out += '{';
  bool first = true;
  for (const Field& f : fields) {
    // Walk to the field, through embedded structs (an embedded nil pointer hides its fields).
    std::vector<Word> holder;
    const Word* fw = w;
    TypeId st = type;
    TypeId ft = kNoType;
    bool missing = false;
    for (std::size_t k = 0; k < f.index.size(); ++k) {
      const Type& s = types_[types_.underlying(st)];
      std::size_t offset = 0;
      for (std::uint32_t j = 0; j < f.index[k]; ++j) offset += types_.words(s.fields[j].type);
      fw += offset;
      ft = s.fields[f.index[k]].type;
      if (k + 1 < f.index.size() && types_.underlying_kind(ft) == Kind::Pointer) {
        if (fw[0] == 0) {
          missing = true;
          break;
        }
        const TypeId elem = types_[types_.underlying(ft)].elem;
        holder = load(fw[0], elem);
        fw = holder.data();
        ft = elem;
      }
      st = ft;
    }
    if (missing) continue;
    if (f.omit_empty && empty(ft, fw)) continue;
    if (!first) out += ',';
    first = false;
    write_string(out, f.name, escape_html_);
    out += ':';
    value(ft, fw, f.quoted);
  }
  out += '}';
}

void Encoder::map_value(TypeId type, Word m) {
  const Type& t = types_[types_.underlying(type)];
  const Kind kk = types_.underlying_kind(t.key);
  const bool string_key = kk == Kind::String;
  const bool int_key = kk == Kind::Int || kk == Kind::Int8 || kk == Kind::Int16 || kk == Kind::Int32 || kk == Kind::Int64;
  const bool uint_key = kk == Kind::Uint || kk == Kind::Uint8 || kk == Kind::Uint16 || kk == Kind::Uint32 ||
                        kk == Kind::Uint64 || kk == Kind::Uintptr;
  if (const std::string method = custom_method(types_, t.key, false); !method.empty())
    fail(EncodeError::Kind::NotSimulated, not_simulated(types_, t.key, method));
  if (!string_key && !int_key && !uint_key) fail(EncodeError::Kind::UnsupportedType, types_.to_string(type));
  if (m == 0) {
    out += "null";
    return;
  }
  const Level level(*this, type, 3, m, 0);
  auto entries = host_.map_entries(m);
  std::vector<std::pair<std::string, std::size_t>> keys;
  keys.reserve(entries.size());
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const std::vector<Word>& k = entries[i].first;
    if (string_key) keys.emplace_back(std::string(host_.string_bytes(k.data())), i);
    else if (int_key) keys.emplace_back(std::to_string(static_cast<std::int64_t>(k[0])), i);
    else keys.emplace_back(std::to_string(k[0]), i);
  }
  std::sort(keys.begin(), keys.end());
  out += '{';
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (i > 0) out += ',';
    write_string(out, keys[i].first, escape_html_);
    out += ':';
    value(t.elem, entries[keys[i].second].second.data(), false);
  }
  out += '}';
}

// An array's elements are in `inline_words`; a slice's at `base` in memory.
void Encoder::array_value(TypeId elem, const Word* inline_words, std::int64_t len, Word base) {
  const std::uint32_t ew = types_.words(elem);
  out += '[';
  for (std::int64_t i = 0; i < len; ++i) {
    if (i > 0) out += ',';
    if (inline_words != nullptr) {
      value(elem, inline_words + static_cast<std::size_t>(i) * ew, false);
    } else {
      const std::vector<Word> e = load(base + static_cast<Word>(i) * ew, elem);
      value(elem, e.data(), false);
    }
  }
  out += ']';
}

// encodeByteSlice: standard base64 with padding, in a JSON string.
void Encoder::byte_slice(Word base, std::int64_t len) {
  constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string bytes;
  bytes.reserve(static_cast<std::size_t>(len));
  for (std::int64_t i = 0; i < len; ++i) bytes += static_cast<char>(host_.load(base + static_cast<Word>(i)));
  out += '"';
  std::size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    const std::uint32_t v = static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])) << 16 |
                            static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8 |
                            static_cast<unsigned char>(bytes[i + 2]);
    out += kAlphabet[v >> 18 & 63];
    out += kAlphabet[v >> 12 & 63];
    out += kAlphabet[v >> 6 & 63];
    out += kAlphabet[v & 63];
  }
  if (const std::size_t rest = bytes.size() - i; rest > 0) {
    std::uint32_t v = static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])) << 16;
    if (rest == 2) v |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8;
    out += kAlphabet[v >> 18 & 63];
    out += kAlphabet[v >> 12 & 63];
    out += rest == 2 ? kAlphabet[v >> 6 & 63] : '=';
    out += '=';
  }
  out += '"';
}

}  // namespace

void write_string(std::string& out, std::string_view s, bool escape_html) {
  out += '"';
  std::size_t start = 0;
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      if (html_safe(b, escape_html)) {
        ++i;
        continue;
      }
      out.append(s.substr(start, i - start));
      out += '\\';
      switch (b) {
        case '\\':
        case '"':
          out += static_cast<char>(b);
          break;
        case '\n':
          out += 'n';
          break;
        case '\r':
          out += 'r';
          break;
        case '\t':
          out += 't';
          break;
        default:  // other control bytes, and <, >, & when escaping for HTML
          out += "u00";
          out += kHex[b >> 4];
          out += kHex[b & 0xF];
          break;
      }
      start = ++i;
      continue;
    }
    const Decoded d = decode_rune(s.substr(i));
    if (d.rune == kRuneError && d.size == 1) {
      out.append(s.substr(start, i - start));
      out += "\\ufffd";
      start = ++i;
      continue;
    }
    if (d.rune == 0x2028 || d.rune == 0x2029) {
      out.append(s.substr(start, i - start));
      out += "\\u202";
      out += kHex[d.rune & 0xF];
      i += static_cast<std::size_t>(d.size);
      start = i;
      continue;
    }
    i += static_cast<std::size_t>(d.size);
  }
  out.append(s.substr(start));
  out += '"';
}

EncodeError marshal(NativeHost& host, TypeId type, const std::vector<Word>& words, bool escape_html,
                    std::string& out) {
  Encoder e(host, escape_html);
  try {
    if (type == kNoType) {
      e.out = "null";
    } else {
      e.value(type, words.data(), false);
    }
  } catch (const Failure& f) {
    return f.error;
  }
  out = std::move(e.out);
  return {};
}

}  // namespace gb::vm::natives::json
