// Exact integer arithmetic over a fixed two's-complement width, and Go's constant operations on top.
#include "sim/go/constant.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace gb::go {

namespace {
__extension__ using u128 = unsigned __int128;
}

BigInt BigInt::from_i64(std::int64_t v) {
  BigInt r;
  r.w_.fill(v < 0 ? ~0ull : 0ull);
  r.w_[0] = static_cast<std::uint64_t>(v);
  return r;
}

BigInt BigInt::from_u64(std::uint64_t v) {
  BigInt r;
  r.w_[0] = v;
  return r;
}

std::optional<BigInt> BigInt::parse(const std::string& text) {
  unsigned base = 10;
  std::size_t i = 0;
  if (text.size() > 1 && text[0] == '0') {
    const char c = static_cast<char>(text[1] | 0x20);
    if (c == 'x') base = 16, i = 2;
    else if (c == 'b') base = 2, i = 2;
    else if (c == 'o') base = 8, i = 2;
    else base = 8, i = 1;
  }
  BigInt r;
  const BigInt b = from_u64(base);
  bool any = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '_') continue;
    unsigned d;
    if (c >= '0' && c <= '9') d = static_cast<unsigned>(c - '0');
    else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') d = static_cast<unsigned>((c | 0x20) - 'a' + 10);
    else return std::nullopt;
    if (d >= base) return std::nullopt;
    r = r * b + from_u64(d);
    if (r.bit_len() > 1024) return std::nullopt;  // far beyond any constant gc accepts
    any = true;
  }
  if (!any && base != 8) return std::nullopt;
  return r;
}

bool BigInt::is_zero() const {
  return std::all_of(w_.begin(), w_.end(), [](std::uint64_t x) { return x == 0; });
}

int BigInt::bit_len() const {
  const BigInt m = negative() ? -*this : *this;
  for (int k = kWords - 1; k >= 0; --k) {
    if (m.w_[k] != 0) return k * 64 + 64 - __builtin_clzll(m.w_[k]);
  }
  return 0;
}

BigInt BigInt::operator~() const {
  BigInt r;
  for (int k = 0; k < kWords; ++k) r.w_[k] = ~w_[k];
  return r;
}

BigInt BigInt::operator-() const { return ~*this + from_u64(1); }

BigInt operator+(const BigInt& a, const BigInt& b) {
  BigInt r;
  u128 carry = 0;
  for (int k = 0; k < BigInt::kWords; ++k) {
    const u128 s = static_cast<u128>(a.w_[k]) + b.w_[k] + carry;
    r.w_[k] = static_cast<std::uint64_t>(s);
    carry = s >> 64;
  }
  return r;
}

BigInt operator*(const BigInt& a, const BigInt& b) {
  // Multiply magnitudes, then fix the sign; truncation to the width is harmless (see the class comment).
  const bool neg = a.negative() != b.negative();
  const BigInt x = a.negative() ? -a : a;
  const BigInt y = b.negative() ? -b : b;
  BigInt r;
  for (int i = 0; i < BigInt::kWords; ++i) {
    if (x.w_[i] == 0) continue;
    u128 carry = 0;
    for (int j = 0; i + j < BigInt::kWords; ++j) {
      const u128 p = static_cast<u128>(x.w_[i]) * y.w_[j] + r.w_[i + j] + carry;
      r.w_[i + j] = static_cast<std::uint64_t>(p);
      carry = p >> 64;
    }
  }
  return neg ? -r : r;
}

BigInt operator&(const BigInt& a, const BigInt& b) {
  BigInt r;
  for (int k = 0; k < BigInt::kWords; ++k) r.w_[k] = a.w_[k] & b.w_[k];
  return r;
}
BigInt operator|(const BigInt& a, const BigInt& b) {
  BigInt r;
  for (int k = 0; k < BigInt::kWords; ++k) r.w_[k] = a.w_[k] | b.w_[k];
  return r;
}
BigInt operator^(const BigInt& a, const BigInt& b) {
  BigInt r;
  for (int k = 0; k < BigInt::kWords; ++k) r.w_[k] = a.w_[k] ^ b.w_[k];
  return r;
}

int compare(const BigInt& a, const BigInt& b) {
  if (a.negative() != b.negative()) return a.negative() ? -1 : 1;
  for (int k = BigInt::kWords - 1; k >= 0; --k) {
    if (a.w_[k] != b.w_[k]) return a.w_[k] < b.w_[k] ? -1 : 1;
  }
  return 0;
}

BigInt BigInt::shl(unsigned s) const {
  BigInt r;
  const unsigned words = s / 64, bits = s % 64;
  for (int k = kWords - 1; k >= 0; --k) {
    const int src = k - static_cast<int>(words);
    if (src < 0) continue;
    std::uint64_t v = w_[src] << bits;
    if (bits != 0 && src > 0) v |= w_[src - 1] >> (64 - bits);
    r.w_[k] = v;
  }
  return r;
}

BigInt BigInt::shr(unsigned s) const {
  const std::uint64_t fill = negative() ? ~0ull : 0ull;
  if (s >= kWords * 64) {
    BigInt r;
    r.w_.fill(fill);
    return r;
  }
  BigInt r;
  const unsigned words = s / 64, bits = s % 64;
  for (int k = 0; k < kWords; ++k) {
    const unsigned src = k + words;
    const std::uint64_t lo = src < kWords ? w_[src] : fill;
    const std::uint64_t hi = src + 1 < kWords ? w_[src + 1] : fill;
    r.w_[k] = bits == 0 ? lo : (lo >> bits) | (hi << (64 - bits));
  }
  return r;
}

void BigInt::divmod(const BigInt& a, const BigInt& b, BigInt& q, BigInt& r) {
  // Schoolbook binary long division on magnitudes; constants are small and rare, speed does not matter.
  const BigInt x = a.negative() ? -a : a;
  const BigInt y = b.negative() ? -b : b;
  BigInt quo, rem;
  for (int bit = x.bit_len() - 1; bit >= 0; --bit) {
    rem = rem.shl(1);
    if ((x.w_[bit / 64] >> (bit % 64)) & 1) rem.w_[0] |= 1;
    if (compare(rem, y) >= 0) {
      rem = rem - y;
      quo.w_[bit / 64] |= 1ull << (bit % 64);
    }
  }
  q = a.negative() != b.negative() ? -quo : quo;
  r = a.negative() ? -rem : rem;
}

bool BigInt::fits_i64() const {
  const BigInt lo = from_i64(INT64_MIN), hi = from_i64(INT64_MAX);
  return compare(*this, lo) >= 0 && compare(*this, hi) <= 0;
}

bool BigInt::fits_u64() const { return !negative() && bit_len() <= 64; }

long double BigInt::to_float() const {
  const BigInt m = negative() ? -*this : *this;
  long double v = 0;
  for (int k = kWords - 1; k >= 0; --k) v = v * 18446744073709551616.0L + static_cast<long double>(m.w_[k]);
  return negative() ? -v : v;
}

std::string BigInt::to_string() const {
  if (is_zero()) return "0";
  BigInt m = negative() ? -*this : *this;
  const BigInt ten = from_u64(10);
  std::string s;
  while (!m.is_zero()) {
    BigInt q, r;
    divmod(m, ten, q, r);
    s.push_back(static_cast<char>('0' + r.to_u64()));
    m = q;
  }
  if (negative()) s.push_back('-');
  std::reverse(s.begin(), s.end());
  return s;
}

// [SECTION] Constant

Constant Constant::make_bool(bool v) {
  Constant c;
  c.kind = ConstKind::Bool;
  c.b = v;
  return c;
}
Constant Constant::make_string(std::string v) {
  Constant c;
  c.kind = ConstKind::String;
  c.s = std::move(v);
  return c;
}
Constant Constant::make_int(BigInt v) {
  Constant c;
  c.kind = ConstKind::Int;
  c.i = v;
  return c;
}
Constant Constant::make_float(Rat v) {
  Constant c;
  c.kind = ConstKind::Float;
  c.f = std::move(v);  // constants are exact numbers: -0.0 is 0, never the float negative zero
  return c;
}

Constant Constant::make_complex(Rat re, Rat im) {
  Constant c;
  c.kind = ConstKind::Complex;
  c.f = std::move(re);
  c.im = std::move(im);
  return c;
}

Constant Constant::real_if_possible() const {
  if (kind == ConstKind::Complex && im.is_zero()) return make_float(f);
  return *this;
}

namespace {

Rat rat_of(const BigInt& v) {
  BigInt m = v.negative() ? -v : v;
  std::vector<std::uint32_t> limbs;
  while (!m.is_zero()) {
    limbs.push_back(static_cast<std::uint32_t>(m.to_u64()));
    m = m.shr(32);
  }
  return Rat::from_int(v.negative(), Nat::from_limbs(std::move(limbs)));
}

Rat rat_of(long double v) {
  if (!std::isfinite(v) || v == 0) return Rat{};
  int exp = 0;
  const long double m = std::frexp(std::fabs(v), &exp);  // v = m * 2^exp, 0.5 <= m < 1
  const auto mant = static_cast<std::uint64_t>(std::ldexp(m, 64));
  return Rat::from_binary(v < 0, Nat::from_u64(mant), exp - 64);
}

std::optional<BigInt> bigint_of(const Nat& m, bool negative) {
  if (m.bit_len() > BigInt::kWords * 64 - 64) return std::nullopt;
  BigInt r;
  const auto& limbs = m.limbs();
  for (std::size_t k = limbs.size(); k-- > 0;) r = r.shl(32) | BigInt::from_u64(limbs[k]);
  return negative ? -r : r;
}

}  // namespace

Constant Constant::make_float(long double v) { return make_float(rat_of(v)); }

Rat Constant::as_rat() const { return kind == ConstKind::Int ? rat_of(i) : f; }

std::optional<BigInt> Constant::as_int() const {
  if (kind == ConstKind::Int) return i;
  if (kind == ConstKind::Complex && im.is_zero()) return Constant::make_float(f).as_int();
  if (kind != ConstKind::Float) return std::nullopt;
  const auto m = f.int_magnitude(BigInt::kWords * 64 - 64);
  if (!m) return std::nullopt;
  return bigint_of(*m, f.negative());
}

std::string Constant::to_string() const {
  switch (kind) {
    case ConstKind::Unknown: return "unknown";
    case ConstKind::Bool: return b ? "true" : "false";
    case ConstKind::Int: return i.to_string();
    case ConstKind::String: {
      // Quoted as strconv.Quote would; gc shortens long strings, ours are short in practice.
      std::string q = "\"";
      for (unsigned char c : s) {
        switch (c) {
          case '"': q += "\\\""; break;
          case '\\': q += "\\\\"; break;
          case '\n': q += "\\n"; break;
          case '\t': q += "\\t"; break;
          case '\r': q += "\\r"; break;
          default:
            if (c < 0x20 || c == 0x7f) {
              char buf[8];
              std::snprintf(buf, sizeof buf, "\\x%02x", c);
              q += buf;
            } else {
              q.push_back(static_cast<char>(c));
            }
        }
      }
      return q + "\"";
    }
    case ConstKind::Float: return f.to_string();  // go/constant: %.6g of the float64, m e+d beyond
    case ConstKind::Complex: {
      // go/constant's complexVal.String: (re + imi), both parts as floats
      std::string r = "(";
      r += f.to_string();
      r += " + ";
      r += im.to_string();
      r += "i)";
      return r;
    }
  }
  return "?";
}

bool operator==(const Constant& a, const Constant& b) {
  if (a.kind != b.kind) {
    if (a.is_numeric() && b.is_numeric()) return a.as_rat() == b.as_rat();
    if (a.is_number() && b.is_number()) return a.real_rat() == b.real_rat() && a.imag_rat() == b.imag_rat();
    return false;
  }
  switch (a.kind) {
    case ConstKind::Unknown: return true;
    case ConstKind::Bool: return a.b == b.b;
    case ConstKind::String: return a.s == b.s;
    case ConstKind::Int: return a.i == b.i;
    case ConstKind::Float: return a.f == b.f;
    case ConstKind::Complex: return a.f == b.f && a.im == b.im;
  }
  return false;
}

Constant constant_to_float(const Constant& x) {
  if (x.kind == ConstKind::Float) return x;
  if (x.kind == ConstKind::Int) return Constant::make_float(rat_of(x.i));
  return {};
}

Constant constant_to_int(const Constant& x) {
  if (auto v = x.as_int()) return Constant::make_int(*v);
  return {};
}

Constant constant_binary(const Constant& x, Tok op, const Constant& y, bool integer_division) {
  if (x.kind == ConstKind::Bool && y.kind == ConstKind::Bool) {
    if (op == Tok::LAnd) return Constant::make_bool(x.b && y.b);
    if (op == Tok::LOr) return Constant::make_bool(x.b || y.b);
    return {};
  }
  if (x.kind == ConstKind::String && y.kind == ConstKind::String) {
    if (op == Tok::Add) return Constant::make_string(x.s + y.s);
    return {};
  }
  if (x.kind == ConstKind::Int && y.kind == ConstKind::Int) {
    BigInt q, r;
    switch (op) {
      case Tok::Add: return Constant::make_int(x.i + y.i);
      case Tok::Sub: return Constant::make_int(x.i - y.i);
      case Tok::Mul: return Constant::make_int(x.i * y.i);
      case Tok::Quo:
        if (!integer_division) return Constant::make_float(rat_of(x.i) / rat_of(y.i));
        BigInt::divmod(x.i, y.i, q, r);
        return Constant::make_int(q);
      case Tok::Rem: BigInt::divmod(x.i, y.i, q, r); return Constant::make_int(r);
      case Tok::And: return Constant::make_int(x.i & y.i);
      case Tok::Or: return Constant::make_int(x.i | y.i);
      case Tok::Xor: return Constant::make_int(x.i ^ y.i);
      case Tok::AndNot: return Constant::make_int(x.i & ~y.i);
      default: return {};
    }
  }
  if ((x.is_complex() || y.is_complex()) && x.is_number() && y.is_number()) {
    const Rat a = x.real_rat(), b = x.imag_rat(), c = y.real_rat(), d = y.imag_rat();
    switch (op) {
      case Tok::Add: return Constant::make_complex(a + c, b + d);
      case Tok::Sub: return Constant::make_complex(a - c, b - d);
      case Tok::Mul: return Constant::make_complex(a * c - b * d, b * c + a * d);
      case Tok::Quo: {
        const Rat s = c * c + d * d;  // the caller rejected a zero divisor
        return Constant::make_complex((a * c + b * d) / s, (b * c - a * d) / s);
      }
      default: return {};
    }
  }
  if (x.is_numeric() && y.is_numeric()) {
    const Rat a = x.as_rat(), b = y.as_rat();
    switch (op) {
      case Tok::Add: return Constant::make_float(a + b);
      case Tok::Sub: return Constant::make_float(a - b);
      case Tok::Mul: return Constant::make_float(a * b);
      case Tok::Quo: return Constant::make_float(a / b);
      default: return {};
    }
  }
  return {};
}

Constant constant_unary(Tok op, const Constant& x) {
  switch (op) {
    case Tok::Add: return x.is_number() ? x : Constant{};
    case Tok::Sub:
      if (x.kind == ConstKind::Complex) return Constant::make_complex(-x.f, -x.im);
      if (x.kind == ConstKind::Int) return Constant::make_int(-x.i);
      if (x.kind == ConstKind::Float) return Constant::make_float(-x.f);
      return {};
    case Tok::Xor: return x.kind == ConstKind::Int ? Constant::make_int(~x.i) : Constant{};
    case Tok::Not: return x.kind == ConstKind::Bool ? Constant::make_bool(!x.b) : Constant{};
    default: return {};
  }
}

Constant constant_shift(const Constant& x, Tok op, unsigned count) {
  const auto v = x.as_int();
  if (!v) return {};
  if (op == Tok::Shl) {
    if (v->bit_len() + static_cast<int>(count) > BigInt::kWords * 64 - 2) return {};
    return Constant::make_int(v->shl(count));
  }
  return Constant::make_int(v->shr(count));
}

bool constant_compare(const Constant& x, Tok op, const Constant& y) {
  int c = 0;
  if ((x.is_complex() || y.is_complex()) && x.is_number() && y.is_number()) {
    c = x.real_rat() == y.real_rat() && x.imag_rat() == y.imag_rat() ? 0 : 1;
  } else if (x.kind == ConstKind::Int && y.kind == ConstKind::Int) {
    c = compare(x.i, y.i);
  } else if (x.is_numeric() && y.is_numeric()) {
    c = compare(x.as_rat(), y.as_rat());
  } else if (x.kind == ConstKind::String && y.kind == ConstKind::String) {
    c = x.s.compare(y.s);
    c = c < 0 ? -1 : (c > 0 ? 1 : 0);
  } else if (x.kind == ConstKind::Bool && y.kind == ConstKind::Bool) {
    c = x.b == y.b ? 0 : 1;
  }
  switch (op) {
    case Tok::Eql: return c == 0;
    case Tok::Neq: return c != 0;
    case Tok::Lss: return c < 0;
    case Tok::Leq: return c <= 0;
    case Tok::Gtr: return c > 0;
    case Tok::Geq: return c >= 0;
    default: return false;
  }
}

bool representable(const Constant& x, NumRange r, Constant* rounded) {
  if (r == NumRange::Complex64 || r == NumRange::Complex128) {
    // types2's roundFloat32/64 on each part: representable unless a part rounds to an infinity
    if (!x.is_number()) return false;
    const Rat re = x.real_rat(), im = x.imag_rat();
    long double pr = 0, pi = 0;
    if (r == NumRange::Complex64) {
      float a = 0, b = 0;
      if (!re.to_f32(&a) || !im.to_f32(&b)) return false;
      pr = a, pi = b;
    } else {
      double a = 0, b = 0;
      if (!re.to_f64(&a) || !im.to_f64(&b)) return false;
      pr = a, pi = b;
    }
    if (rounded) *rounded = Constant::make_complex(Constant::make_float(pr).f, Constant::make_float(pi).f);
    return true;
  }
  if (x.is_complex()) {
    // a complex constant with a zero imaginary part is representable as a real type
    if (!x.im.is_zero()) return false;
    return representable(Constant::make_float(x.f), r, rounded);
  }
  if (!x.is_numeric()) return false;
  if (r == NumRange::Float32 || r == NumRange::Float64) {
    // types2's roundFloat32/roundFloat64: representable unless the nearest float is an infinity
    if (r == NumRange::Float32) {
      float f = 0;
      if (!x.to_f32(&f)) return false;
      if (rounded) *rounded = Constant::make_float(static_cast<long double>(f));
    } else {
      double d = 0;
      if (!x.to_f64(&d)) return false;
      if (rounded) *rounded = Constant::make_float(static_cast<long double>(d));
    }
    return true;
  }
  const auto v = x.as_int();
  if (!v) return false;
  bool ok = false;
  const bool neg = v->negative();
  const int bits = v->bit_len();
  switch (r) {
    case NumRange::Int8: ok = neg ? compare(*v, BigInt::from_i64(-128)) >= 0 : bits <= 7; break;
    case NumRange::Int16: ok = neg ? compare(*v, BigInt::from_i64(-32768)) >= 0 : bits <= 15; break;
    case NumRange::Int32: ok = neg ? compare(*v, BigInt::from_i64(INT32_MIN)) >= 0 : bits <= 31; break;
    case NumRange::Int64: ok = v->fits_i64(); break;
    case NumRange::Uint8: ok = !neg && bits <= 8; break;
    case NumRange::Uint16: ok = !neg && bits <= 16; break;
    case NumRange::Uint32: ok = !neg && bits <= 32; break;
    case NumRange::Uint64: ok = !neg && bits <= 64; break;
    default: break;
  }
  if (ok && rounded) *rounded = Constant::make_int(*v);
  return ok;
}

}  // namespace gb::go
