// fmt's value walking and Print drivers (see fmt_values.h), following the rules of Go's fmt/print.go and
// internal/fmtsort.
#include "scheduler/vm/natives/fmt_values.h"

#include <algorithm>
#include <bit>
#include <cmath>

#include "scheduler/vm/natives/method_sets.h"
#include "scheduler/vm/natives/unicode_text.h"

namespace gb::vm::natives {

namespace {

constexpr std::string_view kNilAngle = "<nil>";
constexpr std::string_view kNilParen = "(nil)";
constexpr std::string_view kPercentBang = "%!";
constexpr std::string_view kCommaSpace = ", ";

bool is_signed_kind(Kind k) {
  return k == Kind::Int || k == Kind::Int8 || k == Kind::Int16 || k == Kind::Int32 || k == Kind::Int64;
}
bool is_unsigned_kind(Kind k) {
  return k == Kind::Uint || k == Kind::Uint8 || k == Kind::Uint16 || k == Kind::Uint32 || k == Kind::Uint64 ||
         k == Kind::Uintptr;
}

// Mirrors fmt's limit on widths and precisions.
bool too_large(std::int64_t x) {
  return x > 1000000 || x < -1000000;
}

// parsenum: a decimal number at s[start..end); (0, false, end) on overflow.
struct Num {
  int num = 0;
  bool is_num = false;
  std::size_t next = 0;
};
Num parse_num(std::string_view s, std::size_t start, std::size_t end) {
  Num r;
  if (start >= end) {
    r.next = end;
    return r;
  }
  std::size_t i = start;
  for (; i < end && s[i] >= '0' && s[i] <= '9'; ++i) {
    if (too_large(r.num)) return Num{0, false, end};
    r.num = r.num * 10 + (s[i] - '0');
    r.is_num = true;
  }
  r.next = i;
  return r;
}

}  // namespace

std::uint64_t display_address(Word address) {
  return 0xc000000000ull + address * 8;
}

std::vector<Value> Printer::load_args(NativeHost& host, const SliceRef& args) {
  std::vector<Value> out;
  out.reserve(static_cast<std::size_t>(args.len));
  for (std::int64_t i = 0; i < args.len; ++i) {
    const Word base = args.data + 2 * static_cast<Word>(i);
    const auto type = static_cast<TypeId>(host.load(base));
    const Word data = host.load(base + 1);
    if (type == kNoType) {
      out.push_back(Value{});
    } else {
      out.push_back(unbox(host, type, data));
    }
  }
  return out;
}

Value Printer::unbox(NativeHost& host, TypeId type, Word data) {
  Value v;
  v.type = type;
  const std::uint32_t n = host.types().words(type);
  if (n == 1) {
    v.words.push_back(data);
  } else {
    for (std::uint32_t k = 0; k < n; ++k) v.words.push_back(host.load(data + k));
  }
  return v;
}

Value Printer::element(TypeId elem_type, Word address, bool can_interface) {
  Value v;
  v.type = elem_type;
  v.can_interface = can_interface;
  const std::uint32_t n = types_.words(elem_type);
  for (std::uint32_t k = 0; k < n; ++k) v.words.push_back(host_.load(address + k));
  return v;
}

std::string Printer::string_of(const Value& v) {
  return std::string(host_.string_bytes(v.words.data()));
}

void Printer::write_rune(char32_t r) {
  encode_rune(out_, static_cast<std::int64_t>(r));
}

// [SECTION] Verbs on basic kinds

void Printer::bad_verb(char32_t verb) {
  erroring_ = true;
  out_ += kPercentBang;
  write_rune(verb);
  out_.push_back('(');
  if (arg_ != nullptr && arg_->type != kNoType) {
    const Value* a = arg_;
    out_ += types_.to_string(a->type);
    out_.push_back('=');
    print_arg(*a, 'v');
  } else if (value_ != nullptr && value_->type != kNoType) {
    const Value* v = value_;
    out_ += types_.to_string(v->type);
    out_.push_back('=');
    print_value(*v, 'v', 0);
  } else {
    out_ += kNilAngle;
  }
  out_.push_back(')');
  erroring_ = false;
}

void Printer::fmt_bool(bool b, char32_t verb) {
  if (verb == 't' || verb == 'v') {
    fmt_.fmt_boolean(b);
  } else {
    bad_verb(verb);
  }
}

void Printer::fmt_0x64(std::uint64_t v, bool leading0x) {
  const bool sharp = fmt_.f.sharp;
  fmt_.f.sharp = leading0x;
  fmt_.fmt_integer(v, 16, false, 'v', false);
  fmt_.f.sharp = sharp;
}

void Printer::fmt_integer(std::uint64_t v, bool is_signed, char32_t verb) {
  switch (verb) {
    case 'v':
      if (fmt_.f.sharp_v && !is_signed) {
        fmt_0x64(v, true);
      } else {
        fmt_.fmt_integer(v, 10, is_signed, verb, false);
      }
      break;
    case 'd':
      fmt_.fmt_integer(v, 10, is_signed, verb, false);
      break;
    case 'b':
      fmt_.fmt_integer(v, 2, is_signed, verb, false);
      break;
    case 'o':
    case 'O':
      fmt_.fmt_integer(v, 8, is_signed, verb, false);
      break;
    case 'x':
      fmt_.fmt_integer(v, 16, is_signed, verb, false);
      break;
    case 'X':
      fmt_.fmt_integer(v, 16, is_signed, verb, true);
      break;
    case 'c':
      fmt_.fmt_c(v);
      break;
    case 'q':
      fmt_.fmt_qc(v);
      break;
    case 'U':
      fmt_.fmt_unicode(v);
      break;
    default:
      bad_verb(verb);
      break;
  }
}

void Printer::fmt_float(double v, int size, char32_t verb) {
  switch (verb) {
    case 'v':
      fmt_.fmt_float(v, size, 'g', -1);
      break;
    case 'b':
    case 'g':
    case 'G':
    case 'x':
    case 'X':
      fmt_.fmt_float(v, size, verb, -1);
      break;
    case 'f':
    case 'e':
    case 'E':
      fmt_.fmt_float(v, size, verb, 6);
      break;
    case 'F':
      fmt_.fmt_float(v, size, 'f', 6);
      break;
    default:
      bad_verb(verb);
      break;
  }
}

// print.go's fmtComplex: (re+imi) with each part as fmtFloat formats it, the imaginary part always signed.
void Printer::fmt_complex(double re, double im, int size, char32_t verb) {
  switch (verb) {
    case 'v': case 'b': case 'g': case 'G': case 'x': case 'X': case 'f': case 'F': case 'e': case 'E': {
      const bool old_plus = fmt_.f.plus;
      out_.push_back('(');
      fmt_float(re, size / 2, verb);
      fmt_.f.plus = true;
      fmt_float(im, size / 2, verb);
      out_ += "i)";
      fmt_.f.plus = old_plus;
      break;
    }
    default:
      bad_verb(verb);
      break;
  }
}

void Printer::fmt_string(std::string_view s, char32_t verb) {
  switch (verb) {
    case 'v':
      if (fmt_.f.sharp_v) {
        fmt_.fmt_q(s);
      } else {
        fmt_.fmt_s(s);
      }
      break;
    case 's':
      fmt_.fmt_s(s);
      break;
    case 'x':
      fmt_.fmt_sbx(s, false);
      break;
    case 'X':
      fmt_.fmt_sbx(s, true);
      break;
    case 'q':
      fmt_.fmt_q(s);
      break;
    default:
      bad_verb(verb);
      break;
  }
}

void Printer::fmt_bytes(const std::string& bytes, bool is_nil, char32_t verb,
                        const std::string& type_string) {
  switch (verb) {
    case 'v':
    case 'd':
      if (fmt_.f.sharp_v) {
        out_ += type_string;
        if (is_nil) {
          out_ += kNilParen;
          return;
        }
        out_.push_back('{');
        for (std::size_t i = 0; i < bytes.size(); ++i) {
          if (i > 0) out_ += kCommaSpace;
          fmt_0x64(static_cast<unsigned char>(bytes[i]), true);
        }
        out_.push_back('}');
      } else {
        out_.push_back('[');
        for (std::size_t i = 0; i < bytes.size(); ++i) {
          if (i > 0) out_.push_back(' ');
          fmt_.fmt_integer(static_cast<unsigned char>(bytes[i]), 10, false, verb, false);
        }
        out_.push_back(']');
      }
      break;
    case 's':
      fmt_.fmt_s(bytes);
      break;
    case 'x':
      fmt_.fmt_sbx(bytes, false);
      break;
    case 'X':
      fmt_.fmt_sbx(bytes, true);
      break;
    case 'q':
      fmt_.fmt_q(bytes);
      break;
    default:
      break;
  }
}

void Printer::fmt_pointer(const Value& v, char32_t verb) {
  std::uint64_t u = 0;
  const Kind k = types_.underlying_kind(v.type);
  switch (k) {
    case Kind::Chan:
    case Kind::Func:
    case Kind::Map:
    case Kind::Pointer:
    case Kind::Slice:
    case Kind::UnsafePointer:
      u = v.words.empty() || v.words[0] == 0 ? 0 : display_address(v.words[0]);
      break;
    default:
      bad_verb(verb);
      return;
  }
  switch (verb) {
    case 'v':
      if (fmt_.f.sharp_v) {
        out_.push_back('(');
        out_ += types_.to_string(v.type);
        out_ += ")(";
        if (u == 0) {
          out_ += "nil";
        } else {
          fmt_0x64(u, true);
        }
        out_.push_back(')');
      } else if (u == 0) {
        fmt_.pad(kNilAngle);
      } else {
        fmt_0x64(u, !fmt_.f.sharp);
      }
      break;
    case 'p':
      fmt_0x64(u, !fmt_.f.sharp);
      break;
    case 'b':
    case 'o':
    case 'd':
    case 'x':
    case 'X':
      fmt_integer(u, false, verb);
      break;
    default:
      bad_verb(verb);
      break;
  }
}

// [SECTION] Methods

bool Printer::handle_methods(char32_t verb) {
  if (erroring_) return false;
  const Value* a = arg_;
  if (a == nullptr || a->type == kNoType) return false;
  if (verb == 'w') {
    // %w: only in Errorf, only once, and only with an error operand; otherwise a bad verb.
    if (!has_string_method(types_, a->type, "Error") || !wrap_errs_ || wrapped_index_ >= 0) {
      wrapped_index_ = -1;
      wrap_errs_ = false;
      bad_verb(verb);
      return true;
    }
    wrapped_index_ = current_arg_;
    verb = 'v';
  }
  if (fmt_.f.sharp_v) {
    if (has_string_method(types_, a->type, "GoString")) {
      const Value copy = *a;  // the call may run Go code; keep our own words
      try {
        if (auto s = host_.call_string_method(copy.type, copy.words.data(), "GoString")) {
          fmt_.fmt_s(*s);
          return true;
        }
      } catch (const MethodPanic& p) {
        catch_panic(copy, verb, "GoString", p);
        return true;
      }
    }
    return false;
  }
  switch (verb) {
    case 'v':
    case 's':
    case 'x':
    case 'X':
    case 'q':
      for (const char* name : {"Error", "String"}) {
        if (!has_string_method(types_, a->type, name)) continue;
        const Value copy = *a;  // the call may run Go code; keep our own words
        try {
          if (auto s = host_.call_string_method(copy.type, copy.words.data(), name)) {
            fmt_string(*s, verb);
            return true;
          }
        } catch (const MethodPanic& p) {
          catch_panic(copy, verb, name, p);
          return true;
        }
      }
      return false;
    default:
      return false;
  }
}

void Printer::catch_panic(const Value& arg, char32_t verb, std::string_view method, const MethodPanic& p) {
  if (p.type == 0) return;  // panic(nil): Go 1.19's recover returns nil, and catchPanic prints nothing
  // A nil pointer operand just says "<nil>": the likeliest cause is a method that does not guard against nil.
  if (types_.underlying_kind(arg.type) == Kind::Pointer && (arg.words.empty() || arg.words[0] == 0)) {
    out_ += kNilAngle;  // written as it is, not padded
    return;
  }
  if (panicking_) {  // the panic value's own method panicked: the recursion cannot succeed
    host_.panic_value(p.type, p.data);
    return;
  }
  const FmtFlags old = fmt_.f;
  fmt_.f = FmtFlags{};  // default formatting for the report
  out_ += "%!";
  write_rune(verb);
  out_ += "(PANIC=";
  out_ += method;
  out_ += " method: ";
  panicking_ = true;
  const Value err = unbox(host_, static_cast<TypeId>(p.type), p.data);
  print_arg(err, 'v');
  panicking_ = false;
  out_ += ')';
  fmt_.f = old;
}

// [SECTION] Operands and values

void Printer::print_arg(const Value& arg, char32_t verb) {
  arg_ = &arg;
  value_ = nullptr;
  if (arg.type == kNoType) {
    if (verb == 'T' || verb == 'v') {
      fmt_.pad(kNilAngle);
    } else {
      bad_verb(verb);
    }
    return;
  }
  if (verb == 'T') {
    fmt_.fmt_s(types_.to_string(arg.type));
    return;
  }
  if (verb == 'p') {
    fmt_pointer(arg, 'p');
    return;
  }
  // An unnamed []byte is printed by fmt's fast path, which spells its type "[]byte" under %#v.
  if (types_[arg.type].kind == Kind::Slice && types_[arg.type].elem == kUint8 &&
      (verb == 'v' || verb == 'd' || verb == 's' || verb == 'x' || verb == 'X' || verb == 'q')) {
    const Word base = arg.words.empty() ? 0 : arg.words[0];
    const std::int64_t len = arg.words.size() > 1 ? static_cast<std::int64_t>(arg.words[1]) : 0;
    std::string bytes;
    for (std::int64_t i = 0; i < len; ++i)
      bytes.push_back(static_cast<char>(host_.load(base + static_cast<Word>(i))));
    fmt_bytes(bytes, base == 0, verb, "[]byte");
    return;
  }
  // Predeclared types have no methods; everything else may be a Stringer or an error.
  if (arg.type >= kFirstUserType || arg.type == kError) {
    if (handle_methods(verb)) return;
  }
  print_value(arg, verb, 0);
}

void Printer::print_value(const Value& v, char32_t verb, int depth) {
  if (depth > 0 && v.type != kNoType && v.can_interface) {
    arg_ = &v;
    if (handle_methods(verb)) return;
  }
  arg_ = nullptr;
  value_ = &v;
  if (v.type == kNoType) {
    if (depth == 0) {
      out_ += "<invalid reflect.Value>";
    } else if (verb == 'v') {
      out_ += kNilAngle;
    } else {
      bad_verb(verb);
    }
    return;
  }
  const TypeId u = types_.underlying(v.type);
  const Type& t = types_[u];
  const Word w0 = v.words.empty() ? 0 : v.words[0];
  switch (t.kind) {
    case Kind::Bool:
      fmt_bool(w0 != 0, verb);
      return;
    case Kind::Int:
    case Kind::Int8:
    case Kind::Int16:
    case Kind::Int32:
    case Kind::Int64:
      fmt_integer(w0, true, verb);
      return;
    case Kind::Uint:
    case Kind::Uint8:
    case Kind::Uint16:
    case Kind::Uint32:
    case Kind::Uint64:
    case Kind::Uintptr:
      fmt_integer(w0, false, verb);
      return;
    case Kind::Float32:
      fmt_float(std::bit_cast<double>(w0), 32, verb);
      return;
    case Kind::Float64:
      fmt_float(std::bit_cast<double>(w0), 64, verb);
      return;
    case Kind::Complex64:
    case Kind::Complex128:
      fmt_complex(std::bit_cast<double>(w0), std::bit_cast<double>(v.words.size() > 1 ? v.words[1] : 0),
                  t.kind == Kind::Complex64 ? 64 : 128, verb);
      return;
    case Kind::String:
      fmt_string(string_of(v), verb);
      return;
    case Kind::Map: {
      if (fmt_.f.sharp_v) {
        out_ += types_.to_string(v.type);
        if (w0 == 0) {
          out_ += kNilParen;
          return;
        }
        out_.push_back('{');
      } else {
        out_ += "map[";
      }
      auto entries = w0 == 0 ? decltype(host_.map_entries(0)){} : host_.map_entries(w0);
      std::stable_sort(entries.begin(), entries.end(), [&](const auto& x, const auto& y) {
        return compare_keys(t.key, x.first, y.first) < 0;
      });
      for (std::size_t i = 0; i < entries.size(); ++i) {
        if (i > 0) {
          if (fmt_.f.sharp_v) {
            out_ += kCommaSpace;
          } else {
            out_.push_back(' ');
          }
        }
        const Value key{t.key, entries[i].first, v.can_interface};
        const Value val{t.elem, entries[i].second, v.can_interface};
        print_value(key, verb, depth + 1);
        out_.push_back(':');
        print_value(val, verb, depth + 1);
      }
      out_.push_back(fmt_.f.sharp_v ? '}' : ']');
      return;
    }
    case Kind::Struct: {
      if (fmt_.f.sharp_v) out_ += types_.to_string(v.type);
      out_.push_back('{');
      std::size_t offset = 0;
      for (std::size_t i = 0; i < t.fields.size(); ++i) {
        const StructField& field = t.fields[i];
        if (i > 0) {
          if (fmt_.f.sharp_v) {
            out_ += kCommaSpace;
          } else {
            out_.push_back(' ');
          }
        }
        if ((fmt_.f.plus_v || fmt_.f.sharp_v) && !field.name.empty()) {
          out_ += field.name;
          out_.push_back(':');
        }
        const std::size_t n = types_.words(field.type);
        Value fv;
        fv.type = field.type;
        fv.can_interface = v.can_interface && field.exported();
        for (std::size_t k = 0; k < n && offset + k < v.words.size(); ++k)
          fv.words.push_back(v.words[offset + k]);
        offset += n;
        // A non-nil interface field is printed as its element (getField).
        if (types_.underlying_kind(field.type) == Kind::Interface && fv.words.size() == 2 &&
            fv.words[0] != 0) {
          Value elem = unbox(host_, static_cast<TypeId>(fv.words[0]), fv.words[1]);
          elem.can_interface = fv.can_interface;
          print_value(elem, verb, depth + 1);
        } else {
          print_value(fv, verb, depth + 1);
        }
      }
      out_.push_back('}');
      return;
    }
    case Kind::Interface: {
      const auto dyn = static_cast<TypeId>(w0);
      if (dyn == kNoType) {
        if (fmt_.f.sharp_v) {
          out_ += types_.to_string(v.type);
          out_ += kNilParen;
        } else {
          out_ += kNilAngle;
        }
        return;
      }
      Value elem = unbox(host_, dyn, v.words.size() > 1 ? v.words[1] : 0);
      elem.can_interface = v.can_interface;
      print_value(elem, verb, depth + 1);
      return;
    }
    case Kind::Array:
    case Kind::Slice: {
      const TypeId elem_type = t.elem;
      const std::uint32_t ew = types_.words(elem_type);
      Word base = 0;
      std::int64_t len = 0;
      std::vector<Word> inline_words;  // arrays carry their elements in the value itself
      if (t.kind == Kind::Slice) {
        base = w0;
        len = v.words.size() > 1 ? static_cast<std::int64_t>(v.words[1]) : 0;
      } else {
        len = t.length;
      }
      auto elem_at = [&](std::int64_t i) {
        if (t.kind == Kind::Slice)
          return element(elem_type, base + static_cast<Word>(i) * ew, v.can_interface);
        Value e;
        e.type = elem_type;
        e.can_interface = v.can_interface;
        const std::size_t off = static_cast<std::size_t>(i) * ew;
        for (std::size_t k = 0; k < ew && off + k < v.words.size(); ++k) e.words.push_back(v.words[off + k]);
        return e;
      };
      if ((verb == 's' || verb == 'q' || verb == 'x' || verb == 'X') &&
          types_.underlying_kind(elem_type) == Kind::Uint8) {
        std::string bytes;
        for (std::int64_t i = 0; i < len; ++i) {
          bytes.push_back(static_cast<char>(t.kind == Kind::Slice ? host_.load(base + static_cast<Word>(i))
                                                                  : v.words[static_cast<std::size_t>(i)]));
        }
        fmt_bytes(bytes, false, verb, types_.to_string(v.type));
        return;
      }
      if (fmt_.f.sharp_v) {
        out_ += types_.to_string(v.type);
        if (t.kind == Kind::Slice && w0 == 0) {
          out_ += kNilParen;
          return;
        }
        out_.push_back('{');
        for (std::int64_t i = 0; i < len; ++i) {
          if (i > 0) out_ += kCommaSpace;
          print_value(elem_at(i), verb, depth + 1);
        }
        out_.push_back('}');
      } else {
        out_.push_back('[');
        for (std::int64_t i = 0; i < len; ++i) {
          if (i > 0) out_.push_back(' ');
          print_value(elem_at(i), verb, depth + 1);
        }
        out_.push_back(']');
      }
      return;
    }
    case Kind::Pointer:
      // At the top level a pointer to a composite prints as & and the value.
      if (depth == 0 && w0 != 0) {
        const Kind ek = types_.underlying_kind(t.elem);
        if (ek == Kind::Array || ek == Kind::Slice || ek == Kind::Struct || ek == Kind::Map) {
          out_.push_back('&');
          print_value(element(t.elem, w0, v.can_interface), verb, depth + 1);
          return;
        }
      }
      fmt_pointer(v, verb);
      return;
    case Kind::Chan:
    case Kind::Func:
    case Kind::UnsafePointer:
      fmt_pointer(v, verb);
      return;
    default:
      out_.push_back('?');
      out_ += types_.to_string(v.type);
      out_.push_back('?');
      return;
  }
}

// [SECTION] Map key order (internal/fmtsort)

int Printer::compare_keys(TypeId type, const std::vector<Word>& a, const std::vector<Word>& b) {
  const TypeId u = types_.underlying(type);
  const Type& t = types_[u];
  auto cmp = [](auto x, auto y) { return x < y ? -1 : x > y ? 1 : 0; };
  const Word a0 = a.empty() ? 0 : a[0], b0 = b.empty() ? 0 : b[0];
  switch (t.kind) {
    case Kind::Int:
    case Kind::Int8:
    case Kind::Int16:
    case Kind::Int32:
    case Kind::Int64:
      return cmp(static_cast<std::int64_t>(a0), static_cast<std::int64_t>(b0));
    case Kind::String: {
      const std::string sa(host_.string_bytes(a.data())), sb(host_.string_bytes(b.data()));
      return sa.compare(sb) < 0 ? -1 : sa == sb ? 0 : 1;
    }
    case Kind::Float32:
    case Kind::Float64: {
      const double x = std::bit_cast<double>(a0), y = std::bit_cast<double>(b0);
      if (x < y) return -1;
      if (x > y) return 1;
      if (std::isnan(x) && !std::isnan(y)) return -1;
      if (!std::isnan(x) && std::isnan(y)) return 1;
      return 0;
    }
    case Kind::Complex64:
    case Kind::Complex128: {
      // fmtsort: the real parts as floats, then the imaginary parts
      for (std::size_t k = 0; k < 2; ++k) {
        const double x = std::bit_cast<double>(a[k]), y = std::bit_cast<double>(b[k]);
        if (x < y) return -1;
        if (x > y) return 1;
        if (std::isnan(x) && !std::isnan(y)) return -1;
        if (!std::isnan(x) && std::isnan(y)) return 1;
      }
      return 0;
    }
    case Kind::Struct: {
      std::size_t off = 0;
      for (const StructField& f : t.fields) {
        const std::size_t n = types_.words(f.type);
        std::vector<Word> fa(a.begin() + static_cast<std::ptrdiff_t>(off),
                             a.begin() + static_cast<std::ptrdiff_t>(off + n));
        std::vector<Word> fb(b.begin() + static_cast<std::ptrdiff_t>(off),
                             b.begin() + static_cast<std::ptrdiff_t>(off + n));
        if (int c = compare_keys(f.type, fa, fb); c != 0) return c;
        off += n;
      }
      return 0;
    }
    case Kind::Array: {
      const std::size_t n = types_.words(t.elem);
      for (std::int64_t i = 0; i < t.length; ++i) {
        const std::size_t off = static_cast<std::size_t>(i) * n;
        std::vector<Word> ea(a.begin() + static_cast<std::ptrdiff_t>(off),
                             a.begin() + static_cast<std::ptrdiff_t>(off + n));
        std::vector<Word> eb(b.begin() + static_cast<std::ptrdiff_t>(off),
                             b.begin() + static_cast<std::ptrdiff_t>(off + n));
        if (int c = compare_keys(t.elem, ea, eb); c != 0) return c;
      }
      return 0;
    }
    case Kind::Interface: {
      // nil first; then by dynamic type (Go orders by type descriptor address; we use the TypeId), then
      // value.
      const auto ta = static_cast<TypeId>(a0), tb = static_cast<TypeId>(b0);
      if (ta == kNoType || tb == kNoType) return cmp(ta != kNoType, tb != kNoType);
      if (ta != tb) return cmp(ta, tb);
      const Value va = unbox(host_, ta, a[1]), vb = unbox(host_, tb, b[1]);
      return compare_keys(ta, va.words, vb.words);
    }
    default:  // bools (false first), unsigned integers, pointers and channels (by address)
      return cmp(a0, b0);
  }
}

// [SECTION] Drivers

void Printer::do_print(const std::vector<Value>& args) {
  bool prev_string = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const bool is_string = args[i].type != kNoType && types_.underlying_kind(args[i].type) == Kind::String;
    // A space between operands when neither side is a string.
    if (i > 0 && !is_string && !prev_string) out_.push_back(' ');
    fmt_.clear_flags();
    print_arg(args[i], 'v');
    prev_string = is_string;
  }
}

void Printer::do_println(const std::vector<Value>& args) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (i > 0) out_.push_back(' ');
    fmt_.clear_flags();
    print_arg(args[i], 'v');
  }
  out_.push_back('\n');
}

void Printer::do_printf(std::string_view format, const std::vector<Value>& args) {
  const std::size_t end = format.size();
  const int nargs = static_cast<int>(args.size());
  int arg_num = 0;
  bool after_index = false;
  reordered_ = false;

  // argNumber: an explicit [n] index at format[i].
  auto arg_number = [&](int current, std::size_t i, bool& found) -> std::pair<int, std::size_t> {
    found = false;
    if (i >= end || format[i] != '[') return {current, i};
    reordered_ = true;
    // parseArgNumber
    int index = 0;
    std::size_t wid = 1;
    bool ok = false;
    if (end - i >= 3) {
      for (std::size_t k = i + 1; k < end; ++k) {
        if (format[k] == ']') {
          const Num n = parse_num(format, i + 1, k);
          if (!n.is_num || n.next != k) {
            wid = k - i + 1;
          } else {
            index = n.num - 1;
            wid = k - i + 1;
            ok = true;
          }
          break;
        }
      }
    }
    if (ok && index >= 0 && index < nargs) {
      found = true;
      return {index, i + wid};
    }
    good_arg_num_ = false;
    found = ok;
    return {current, i + wid};
  };

  // intFromArg: the operand for a '*' width or precision.
  auto int_from_arg = [&](int& num_out, int& an) -> bool {
    bool is_int = false;
    num_out = 0;
    if (an < nargs) {
      const Value& a = args[static_cast<std::size_t>(an)];
      if (a.type != kNoType && !a.words.empty()) {
        const Kind k = types_.underlying_kind(a.type);
        if (is_signed_kind(k)) {
          num_out = static_cast<int>(static_cast<std::int64_t>(a.words[0]));
          is_int = true;
          if (too_large(static_cast<std::int64_t>(a.words[0]))) is_int = false;
        } else if (is_unsigned_kind(k)) {
          const std::uint64_t n = a.words[0];
          if (n <= 1000000) {
            num_out = static_cast<int>(n);
            is_int = true;
          }
        }
      }
      ++an;
      if (!is_int) num_out = 0;
    }
    return is_int;
  };

  std::size_t i = 0;
  while (i < end) {
    good_arg_num_ = true;
    const std::size_t lasti = i;
    while (i < end && format[i] != '%') ++i;
    if (i > lasti) out_.append(format.substr(lasti, i - lasti));
    if (i >= end) break;
    ++i;  // skip %
    fmt_.clear_flags();
    bool simple_done = false;
    // Flags, and the fast path for a plain verb right after them.
    for (; i < end; ++i) {
      const char c = format[i];
      if (c == '#') {
        fmt_.f.sharp = true;
      } else if (c == '0') {
        fmt_.f.zero = !fmt_.f.minus;
      } else if (c == '+') {
        fmt_.f.plus = true;
      } else if (c == '-') {
        fmt_.f.minus = true;
        fmt_.f.zero = false;
      } else if (c == ' ') {
        fmt_.f.space = true;
      } else {
        if (c >= 'a' && c <= 'z' && arg_num < nargs) {
          if (c == 'v') {
            fmt_.f.sharp_v = fmt_.f.sharp;
            fmt_.f.sharp = false;
            fmt_.f.plus_v = fmt_.f.plus;
            fmt_.f.plus = false;
          }
          current_arg_ = arg_num;
          print_arg(args[static_cast<std::size_t>(arg_num)], static_cast<char32_t>(c));
          ++arg_num;
          ++i;
          simple_done = true;
        }
        break;
      }
    }
    if (simple_done) continue;

    bool found = false;
    std::tie(arg_num, i) = arg_number(arg_num, i, found);
    after_index = found;

    if (i < end && format[i] == '*') {
      ++i;
      fmt_.f.wid_present = int_from_arg(fmt_.wid, arg_num);
      if (!fmt_.f.wid_present) out_ += "%!(BADWIDTH)";
      if (fmt_.wid < 0) {
        fmt_.wid = -fmt_.wid;
        fmt_.f.minus = true;
        fmt_.f.zero = false;
      }
      after_index = false;
    } else {
      const Num n = parse_num(format, i, end);
      fmt_.wid = n.num;
      fmt_.f.wid_present = n.is_num;
      i = n.next;
      if (after_index && fmt_.f.wid_present) good_arg_num_ = false;  // "%[3]2d"
    }

    if (i + 1 < end && format[i] == '.') {
      ++i;
      if (after_index) good_arg_num_ = false;  // "%[3].2d"
      std::tie(arg_num, i) = arg_number(arg_num, i, found);
      after_index = found;
      if (i < end && format[i] == '*') {
        ++i;
        fmt_.f.prec_present = int_from_arg(fmt_.prec, arg_num);
        if (fmt_.prec < 0) {
          fmt_.prec = 0;
          fmt_.f.prec_present = false;
        }
        if (!fmt_.f.prec_present) out_ += "%!(BADPREC)";
        after_index = false;
      } else {
        const Num n = parse_num(format, i, end);
        fmt_.prec = n.num;
        fmt_.f.prec_present = n.is_num;
        i = n.next;
        if (!fmt_.f.prec_present) {
          fmt_.prec = 0;
          fmt_.f.prec_present = true;
        }
      }
    }

    if (!after_index) {
      std::tie(arg_num, i) = arg_number(arg_num, i, found);
      after_index = found;
    }

    if (i >= end) {
      out_ += "%!(NOVERB)";
      break;
    }

    char32_t verb = static_cast<unsigned char>(format[i]);
    std::size_t size = 1;
    if (verb >= 0x80) {
      const Decoded d = decode_rune(format.substr(i));
      verb = d.rune;
      size = static_cast<std::size_t>(d.size);
    }
    i += size;

    if (verb == '%') {
      out_.push_back('%');  // absorbs no operand and ignores width and precision
    } else if (!good_arg_num_) {
      out_ += kPercentBang;
      write_rune(verb);
      out_ += "(BADINDEX)";
    } else if (arg_num >= nargs) {
      out_ += kPercentBang;
      write_rune(verb);
      out_ += "(MISSING)";
    } else {
      if (verb == 'v') {
        fmt_.f.sharp_v = fmt_.f.sharp;
        fmt_.f.sharp = false;
        fmt_.f.plus_v = fmt_.f.plus;
        fmt_.f.plus = false;
      }
      current_arg_ = arg_num;
      print_arg(args[static_cast<std::size_t>(arg_num)], verb);
      ++arg_num;
    }
  }

  // Operands no verb used.
  if (!reordered_ && arg_num < nargs) {
    fmt_.clear_flags();
    out_ += "%!(EXTRA ";
    for (int k = arg_num; k < nargs; ++k) {
      if (k > arg_num) out_ += kCommaSpace;
      const Value& a = args[static_cast<std::size_t>(k)];
      if (a.type == kNoType) {
        out_ += kNilAngle;
      } else {
        out_ += types_.to_string(a.type);
        out_.push_back('=');
        current_arg_ = k;
        print_arg(a, 'v');
      }
    }
    out_.push_back(')');
  }
}

}  // namespace gb::vm::natives
