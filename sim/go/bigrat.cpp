// Natural numbers of any size and exact rationals over them (see bigrat.h).
#include "sim/go/bigrat.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace gb::go {

// [SECTION] Nat

Nat Nat::from_u64(std::uint64_t v) {
  Nat r;
  while (v != 0) {
    r.d_.push_back(static_cast<std::uint32_t>(v));
    v >>= 32;
  }
  return r;
}

Nat Nat::from_limbs(std::vector<std::uint32_t> limbs) {
  Nat r;
  r.d_ = std::move(limbs);
  r.trim();
  return r;
}

Nat Nat::pow10(std::uint64_t k) {
  Nat result = from_u64(1), base = from_u64(10);
  while (k != 0) {
    if (k & 1) result = result * base;
    k >>= 1;
    if (k != 0) base = base * base;
  }
  return result;
}

void Nat::trim() {
  while (!d_.empty() && d_.back() == 0) d_.pop_back();
}

int Nat::bit_len() const {
  if (d_.empty()) return 0;
  return static_cast<int>(d_.size() - 1) * 32 + 32 - __builtin_clz(d_.back());
}

bool Nat::bit(int i) const {
  const auto w = static_cast<std::size_t>(i / 32);
  return i >= 0 && w < d_.size() && ((d_[w] >> (i % 32)) & 1) != 0;
}

std::uint64_t Nat::low64() const {
  std::uint64_t v = d_.empty() ? 0 : d_[0];
  if (d_.size() > 1) v |= static_cast<std::uint64_t>(d_[1]) << 32;
  return v;
}

int compare(const Nat& a, const Nat& b) {
  if (a.d_.size() != b.d_.size()) return a.d_.size() < b.d_.size() ? -1 : 1;
  for (std::size_t i = a.d_.size(); i-- > 0;) {
    if (a.d_[i] != b.d_[i]) return a.d_[i] < b.d_[i] ? -1 : 1;
  }
  return 0;
}

Nat operator+(const Nat& a, const Nat& b) {
  Nat r;
  const std::size_t n = std::max(a.d_.size(), b.d_.size());
  r.d_.resize(n + 1);
  std::uint64_t carry = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint64_t s = carry + (i < a.d_.size() ? a.d_[i] : 0u) + (i < b.d_.size() ? b.d_[i] : 0u);
    r.d_[i] = static_cast<std::uint32_t>(s);
    carry = s >> 32;
  }
  r.d_[n] = static_cast<std::uint32_t>(carry);
  r.trim();
  return r;
}

Nat operator-(const Nat& a, const Nat& b) {
  Nat r;
  r.d_.resize(a.d_.size());
  std::int64_t borrow = 0;
  for (std::size_t i = 0; i < a.d_.size(); ++i) {
    std::int64_t s = static_cast<std::int64_t>(a.d_[i]) - (i < b.d_.size() ? b.d_[i] : 0u) - borrow;
    borrow = s < 0 ? 1 : 0;
    if (s < 0) s += std::int64_t{1} << 32;
    r.d_[i] = static_cast<std::uint32_t>(s);
  }
  r.trim();
  return r;
}

Nat operator*(const Nat& a, const Nat& b) {
  if (a.is_zero() || b.is_zero()) return {};
  Nat r;
  r.d_.assign(a.d_.size() + b.d_.size(), 0);
  for (std::size_t i = 0; i < a.d_.size(); ++i) {
    std::uint64_t carry = 0;
    for (std::size_t j = 0; j < b.d_.size(); ++j) {
      const std::uint64_t p = static_cast<std::uint64_t>(a.d_[i]) * b.d_[j] + r.d_[i + j] + carry;
      r.d_[i + j] = static_cast<std::uint32_t>(p);
      carry = p >> 32;
    }
    std::size_t k = i + b.d_.size();
    while (carry != 0) {
      const std::uint64_t s = static_cast<std::uint64_t>(r.d_[k]) + carry;
      r.d_[k++] = static_cast<std::uint32_t>(s);
      carry = s >> 32;
    }
  }
  r.trim();
  return r;
}

Nat Nat::shl(std::uint64_t s) const {
  if (is_zero()) return {};
  const std::size_t words = s / 32;
  const unsigned bits = s % 32;
  Nat r;
  r.d_.assign(d_.size() + words + 1, 0);
  for (std::size_t i = 0; i < d_.size(); ++i) {
    const std::uint64_t v = static_cast<std::uint64_t>(d_[i]) << bits;
    r.d_[i + words] |= static_cast<std::uint32_t>(v);
    r.d_[i + words + 1] |= static_cast<std::uint32_t>(v >> 32);
  }
  r.trim();
  return r;
}

Nat Nat::shr(std::uint64_t s) const {
  const std::size_t words = s / 32;
  if (words >= d_.size()) return {};
  const unsigned bits = s % 32;
  Nat r;
  r.d_.assign(d_.size() - words, 0);
  for (std::size_t i = 0; i < r.d_.size(); ++i) {
    std::uint64_t v = d_[i + words];
    if (i + words + 1 < d_.size()) v |= static_cast<std::uint64_t>(d_[i + words + 1]) << 32;
    r.d_[i] = static_cast<std::uint32_t>(v >> bits);
  }
  r.trim();
  return r;
}

void Nat::divmod(const Nat& a, const Nat& b, Nat& q, Nat& r) {
  if (compare(a, b) < 0) {
    q = {};
    r = a;
    return;
  }
  const std::size_t n = b.d_.size(), m = a.d_.size();
  if (n == 1) {
    // one-limb divisor
    Nat quo;
    quo.d_.assign(m, 0);
    std::uint64_t rem = 0;
    for (std::size_t i = m; i-- > 0;) {
      const std::uint64_t cur = (rem << 32) | a.d_[i];
      quo.d_[i] = static_cast<std::uint32_t>(cur / b.d_[0]);
      rem = cur % b.d_[0];
    }
    quo.trim();
    q = std::move(quo);
    r = from_u64(rem);
    return;
  }
  // Knuth's algorithm D on 32-bit limbs (as in Hacker's Delight, divmnu).
  const int s = __builtin_clz(b.d_[n - 1]);
  std::vector<std::uint32_t> vn(n), un(m + 1);
  for (std::size_t i = n - 1; i > 0; --i) {
    vn[i] = (b.d_[i] << s) | static_cast<std::uint32_t>(s ? static_cast<std::uint64_t>(b.d_[i - 1]) >> (32 - s) : 0);
  }
  vn[0] = b.d_[0] << s;
  un[m] = static_cast<std::uint32_t>(s ? static_cast<std::uint64_t>(a.d_[m - 1]) >> (32 - s) : 0);
  for (std::size_t i = m - 1; i > 0; --i) {
    un[i] = (a.d_[i] << s) | static_cast<std::uint32_t>(s ? static_cast<std::uint64_t>(a.d_[i - 1]) >> (32 - s) : 0);
  }
  un[0] = a.d_[0] << s;
  Nat quo;
  quo.d_.assign(m - n + 1, 0);
  constexpr std::uint64_t kBase = std::uint64_t{1} << 32;
  for (std::size_t j = m - n + 1; j-- > 0;) {
    const std::uint64_t num = (static_cast<std::uint64_t>(un[j + n]) << 32) | un[j + n - 1];
    std::uint64_t qhat = num / vn[n - 1];
    std::uint64_t rhat = num % vn[n - 1];
    while (qhat >= kBase || qhat * vn[n - 2] > ((rhat << 32) | un[j + n - 2])) {
      --qhat;
      rhat += vn[n - 1];
      if (rhat >= kBase) break;
    }
    std::int64_t borrow = 0;
    std::int64_t t = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const std::uint64_t p = qhat * vn[i];
      t = static_cast<std::int64_t>(un[i + j]) - borrow - static_cast<std::int64_t>(p & 0xFFFFFFFFu);
      un[i + j] = static_cast<std::uint32_t>(t);
      borrow = static_cast<std::int64_t>(p >> 32) - (t >> 32);
    }
    t = static_cast<std::int64_t>(un[j + n]) - borrow;
    un[j + n] = static_cast<std::uint32_t>(t);
    quo.d_[j] = static_cast<std::uint32_t>(qhat);
    if (t < 0) {
      quo.d_[j] -= 1;
      std::uint64_t carry = 0;
      for (std::size_t i = 0; i < n; ++i) {
        const std::uint64_t sum = static_cast<std::uint64_t>(un[i + j]) + vn[i] + carry;
        un[i + j] = static_cast<std::uint32_t>(sum);
        carry = sum >> 32;
      }
      un[j + n] = static_cast<std::uint32_t>(un[j + n] + carry);
    }
  }
  quo.trim();
  Nat rem;
  rem.d_.assign(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    rem.d_[i] = (un[i] >> s) | static_cast<std::uint32_t>(s ? static_cast<std::uint64_t>(un[i + 1]) << (32 - s) : 0);
  }
  rem.trim();
  q = std::move(quo);
  r = std::move(rem);
}

Nat Nat::gcd(Nat a, Nat b) {
  while (!b.is_zero()) {
    Nat q, r;
    divmod(a, b, q, r);
    a = std::move(b);
    b = std::move(r);
  }
  return a;
}

long double Nat::approx() const {
  long double v = 0;
  for (std::size_t i = d_.size(); i-- > 0;) v = v * 4294967296.0L + d_[i];
  return v;
}

long double Nat::log2() const {
  if (is_zero()) return -HUGE_VALL;
  const int bl = bit_len();
  const int drop = std::max(0, bl - 64);
  return std::log2(static_cast<long double>(shr(static_cast<std::uint64_t>(drop)).low64())) + drop;
}

// [SECTION] Rat

const Nat& Rat::den() const {
  static const Nat one = Nat::from_u64(1);
  return den_.is_zero() ? one : den_;
}

Rat Rat::from_int(bool negative, Nat magnitude) {
  Rat r;
  r.num_ = std::move(magnitude);
  r.neg_ = negative && !r.num_.is_zero();
  return r;
}

Rat Rat::from_i64(std::int64_t v) {
  const std::uint64_t m = v < 0 ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
  return from_int(v < 0, Nat::from_u64(m));
}

Rat Rat::from_binary(bool negative, Nat mantissa, std::int64_t exp2) {
  Rat r = from_int(negative, std::move(mantissa));
  if (r.is_zero()) return r;
  if (exp2 >= 0) r.num_ = r.num_.shl(static_cast<std::uint64_t>(exp2));
  else r.den_ = r.den().shl(static_cast<std::uint64_t>(-exp2));
  r.normalize();
  return r;
}

void Rat::normalize() {
  if (num_.is_zero()) {
    neg_ = false;
    den_ = Nat{};
    exp10_ = 0;
    return;
  }
  if (exp10_ != 0 && exp10_ >= -kFoldLimit && exp10_ <= kFoldLimit) {
    const Nat p = Nat::pow10(static_cast<std::uint64_t>(exp10_ < 0 ? -exp10_ : exp10_));
    if (exp10_ > 0) num_ = num_ * p;
    else den_ = den() * p;
    exp10_ = 0;
  }
  const Nat g = Nat::gcd(num_, den());
  if (!(g == Nat::from_u64(1))) {
    Nat q, r;
    Nat::divmod(num_, g, q, r);
    num_ = std::move(q);
    Nat::divmod(den(), g, q, r);
    den_ = std::move(q);
  }
  if (den_ == Nat::from_u64(1)) den_ = Nat{};  // an integer: no limbs to copy around
}

std::optional<Rat> Rat::parse(const std::string& text) {
  std::string s;
  for (char c : text) {
    if (c != '_') s += c;
  }
  const bool hex = s.size() > 1 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X');
  std::size_t i = hex ? 2 : 0;
  Nat mant;
  const Nat base = Nat::from_u64(hex ? 16 : 10);
  std::int64_t frac_digits = 0;
  bool dot = false, any = false;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '.') {
      if (dot) return std::nullopt;
      dot = true;
      continue;
    }
    unsigned d;
    if (c >= '0' && c <= '9') d = static_cast<unsigned>(c - '0');
    else if (hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f') d = static_cast<unsigned>((c | 0x20) - 'a' + 10);
    else break;
    mant = mant * base + Nat::from_u64(d);
    if (dot) ++frac_digits;
    any = true;
  }
  if (!any) return std::nullopt;
  std::int64_t exp = 0;
  if (i < s.size()) {
    const char e = static_cast<char>(s[i] | 0x20);
    if (e != (hex ? 'p' : 'e')) return std::nullopt;
    ++i;
    bool eneg = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) eneg = s[i++] == '-';
    if (i >= s.size()) return std::nullopt;
    for (; i < s.size(); ++i) {
      if (s[i] < '0' || s[i] > '9') return std::nullopt;
      if (exp < (std::int64_t{1} << 40)) exp = exp * 10 + (s[i] - '0');
    }
    if (eneg) exp = -exp;
  } else if (hex) {
    return std::nullopt;  // a hexadecimal mantissa needs a p exponent
  }
  Rat r = from_int(false, std::move(mant));
  if (r.is_zero()) return r;
  if (hex) {
    const std::int64_t e2 = exp - 4 * frac_digits;
    if (e2 > (1 << 22) || e2 < -(1 << 22)) return std::nullopt;
    if (e2 >= 0) r.num_ = r.num_.shl(static_cast<std::uint64_t>(e2));
    else r.den_ = r.den().shl(static_cast<std::uint64_t>(-e2));
    r.normalize();
    return r;
  }
  r.exp10_ = exp - frac_digits;
  r.normalize();
  return r;
}

std::optional<Nat> Rat::int_magnitude(int max_bits) const {
  if (!is_int()) return std::nullopt;
  if (exp10_ > 0) return std::nullopt;  // beyond any width we keep integers in
  if (num_.bit_len() > max_bits) return std::nullopt;
  return num_;
}

Rat Rat::operator-() const {
  Rat r = *this;
  if (!r.is_zero()) r.neg_ = !r.neg_;
  return r;
}

namespace {
constexpr long double kLog2Of10 = 3.32192809488736234787L;
long double magnitude_log2(const Nat& num, const Nat& den, std::int64_t exp10) {
  return num.log2() - den.log2() + static_cast<long double>(exp10) * kLog2Of10;
}
}  // namespace

Rat operator+(const Rat& a, const Rat& b) {
  if (a.is_zero()) return b;
  if (b.is_zero()) return a;
  Nat an = a.num_, bn = b.num_;
  std::int64_t e = a.exp10_;
  if (a.exp10_ != b.exp10_) {
    const std::int64_t diff = a.exp10_ > b.exp10_ ? a.exp10_ - b.exp10_ : b.exp10_ - a.exp10_;
    if (diff > 4 * Rat::kFoldLimit) {
      // Magnitudes thousands of digits apart: the smaller one is far below any precision that matters
      // (go/constant's big.Float keeps 512 bits here).
      return magnitude_log2(a.num_, a.den(), a.exp10_) >= magnitude_log2(b.num_, b.den(), b.exp10_) ? a : b;
    }
    const Nat p = Nat::pow10(static_cast<std::uint64_t>(diff));
    if (a.exp10_ > b.exp10_) {
      an = an * p;
      e = b.exp10_;
    } else {
      bn = bn * p;
    }
  }
  const Nat x = an * b.den(), y = bn * a.den();
  Rat r;
  r.den_ = a.den() * b.den();
  r.exp10_ = e;
  if (a.neg_ == b.neg_) {
    r.num_ = x + y;
    r.neg_ = a.neg_;
  } else if (compare(x, y) >= 0) {
    r.num_ = x - y;
    r.neg_ = a.neg_;
  } else {
    r.num_ = y - x;
    r.neg_ = b.neg_;
  }
  r.normalize();
  return r;
}

Rat operator*(const Rat& a, const Rat& b) {
  Rat r;
  r.num_ = a.num_ * b.num_;
  r.den_ = a.den() * b.den();
  r.neg_ = a.neg_ != b.neg_;
  r.exp10_ = a.exp10_ + b.exp10_;
  r.normalize();
  return r;
}

Rat operator/(const Rat& a, const Rat& b) {
  Rat r;
  r.num_ = a.num_ * b.den();
  r.den_ = a.den() * b.num_;
  r.neg_ = a.neg_ != b.neg_;
  r.exp10_ = a.exp10_ - b.exp10_;
  r.normalize();
  return r;
}

int compare(const Rat& a, const Rat& b) {
  if (a.sign() != b.sign()) return a.sign() < b.sign() ? -1 : 1;
  return (a - b).sign();
}

bool Rat::round_binary(int prec, int emin, int emax, double* out) const {
  *out = 0;
  if (is_zero()) return true;
  Nat n = num_, d = den();
  if (exp10_ != 0) {
    const long double l2 = magnitude_log2(num_, den(), exp10_);
    if (l2 > emax + 2) return false;
    if (l2 < emin - prec - 2) return true;  // rounds to zero (a positive zero: constants have no -0)
    const Nat p = Nat::pow10(static_cast<std::uint64_t>(exp10_ < 0 ? -exp10_ : exp10_));
    if (exp10_ > 0) n = n * p;
    else d = d * p;
  }
  const std::int64_t L = static_cast<std::int64_t>(n.bit_len()) - d.bit_len();
  const std::int64_t s = prec + 2 - L;
  if (s >= 0) n = n.shl(static_cast<std::uint64_t>(s));
  else d = d.shl(static_cast<std::uint64_t>(-s));
  Nat q, r;
  Nat::divmod(n, d, q, r);
  const std::int64_t b = q.bit_len();
  const std::int64_t E = b - 1 - s;  // q * 2^-s lies in [2^E, 2^(E+1))
  std::int64_t lsb = std::max<std::int64_t>(E, emin) - (prec - 1);
  const std::int64_t k = lsb + s;  // low bits of q below the result's last place (>= 2)
  Nat m = q.shr(static_cast<std::uint64_t>(k));
  const bool half = q.bit(static_cast<int>(k - 1));
  bool sticky = !r.is_zero();
  if (!sticky) {
    const Nat upper = q.shr(static_cast<std::uint64_t>(k - 1)).shl(static_cast<std::uint64_t>(k - 1));
    sticky = !(upper == q);
  }
  if (half && (sticky || m.is_odd())) m = m + Nat::from_u64(1);
  if (m.bit_len() > prec) {
    m = m.shr(1);
    ++lsb;
  }
  if (m.is_zero()) return true;
  if (m.bit_len() + lsb - 1 > emax) return false;
  const double v = std::ldexp(static_cast<double>(m.low64()), static_cast<int>(lsb));
  *out = neg_ ? -v : v;
  return true;
}

bool Rat::to_f64(double* out) const { return round_binary(53, -1022, 1023, out); }

bool Rat::to_f32(float* out) const {
  double d = 0;
  const bool ok = round_binary(24, -126, 127, &d);
  *out = static_cast<float>(d);
  return ok;
}

long double Rat::approx() const {
  long double v;
  if (exp10_ == 0 && num_.bit_len() < 16000 && den().bit_len() < 16000) {
    const int shift = std::max(0, std::max(num_.bit_len(), den().bit_len()) - 16000);
    v = num_.shr(static_cast<std::uint64_t>(shift)).approx() / den().shr(static_cast<std::uint64_t>(shift)).approx();
  } else {
    v = std::exp2(magnitude_log2(num_, den(), exp10_));
  }
  return neg_ ? -v : v;
}

std::string Rat::to_string() const {
  char buf[64];
  double x = 0;
  if (to_f64(&x) && (x != 0) == !is_zero()) {
    std::snprintf(buf, sizeof buf, "%.6g", x);
    return buf;
  }
  // Out of float64's range: go/constant's approximate m e+d.
  const long double l10 = magnitude_log2(num_, den(), exp10_) / kLog2Of10;
  auto e = static_cast<std::int64_t>(l10);
  long double m = std::pow(10.0L, l10 - static_cast<long double>(e));
  if (m < 1 - 0.5e-6L) {
    m *= 10;
    --e;
  } else if (m >= 10) {
    m /= 10;
    ++e;
  }
  std::snprintf(buf, sizeof buf, "%.6ge%+lld", static_cast<double>(neg_ ? -m : m), static_cast<long long>(e));
  return buf;
}

}  // namespace gb::go
