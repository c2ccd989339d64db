// Exact rational numbers for untyped floating-point constants: go/constant keeps them as big.Rat (big.Float
// once a fraction's parts pass 4096 bits); we keep every one exact, with a decimal exponent for literals such
// as 1e646456992 that no fraction of reasonable size can hold. Conversions to float64 and float32 round to
// nearest, ties to even, as big.Rat's Float64 and Float32 do.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace gb::go {

// A natural number of any size: 32-bit limbs, least significant first, no leading zero limbs.
class Nat {
 public:
  Nat() = default;
  static Nat from_u64(std::uint64_t v);
  static Nat pow10(std::uint64_t k);

  bool is_zero() const { return d_.empty(); }
  int bit_len() const;
  bool bit(int i) const;
  bool is_odd() const { return !d_.empty() && (d_[0] & 1) != 0; }
  std::uint64_t low64() const;  // the low 64 bits
  const std::vector<std::uint32_t>& limbs() const { return d_; }
  static Nat from_limbs(std::vector<std::uint32_t> limbs);

  friend int compare(const Nat& a, const Nat& b);
  friend bool operator==(const Nat& a, const Nat& b) { return a.d_ == b.d_; }
  friend Nat operator+(const Nat& a, const Nat& b);
  friend Nat operator-(const Nat& a, const Nat& b);  // a >= b
  friend Nat operator*(const Nat& a, const Nat& b);
  Nat shl(std::uint64_t s) const;
  Nat shr(std::uint64_t s) const;
  static void divmod(const Nat& a, const Nat& b, Nat& q, Nat& r);  // b != 0
  static Nat gcd(Nat a, Nat b);
  long double approx() const;  // the value, or HUGE_VALL when too large
  // log2 of the value, approximately (for the size of values out of the long double range); 0 is -inf.
  long double log2() const;

 private:
  void trim();
  std::vector<std::uint32_t> d_;
};

// sign * num / den * 10^exp10 in lowest terms (den > 0; den_ has no limbs when it is 1). exp10 is 0 unless the value needs a power of ten
// too large to multiply out (|exp10| > kFoldLimit); zero is 0/1.
class Rat {
 public:
  static constexpr std::int64_t kFoldLimit = 4000;

  Rat() = default;
  static Rat from_int(bool negative, Nat magnitude);
  static Rat from_i64(std::int64_t v);
  static Rat from_binary(bool negative, Nat mantissa, std::int64_t exp2);  // mantissa * 2^exp2
  // A Go floating-point literal (decimal or hexadecimal, underscores allowed); nullopt if malformed.
  static std::optional<Rat> parse(const std::string& text);

  bool negative() const { return neg_; }
  bool is_zero() const { return num_.is_zero(); }
  int sign() const { return is_zero() ? 0 : (neg_ ? -1 : 1); }
  bool is_int() const { return exp10_ >= 0 && den_.is_zero(); }
  // The integer value's magnitude if is_int() and it has at most max_bits bits.
  std::optional<Nat> int_magnitude(int max_bits) const;

  Rat operator-() const;
  friend Rat operator+(const Rat& a, const Rat& b);
  friend Rat operator-(const Rat& a, const Rat& b) { return a + (-b); }
  friend Rat operator*(const Rat& a, const Rat& b);
  friend Rat operator/(const Rat& a, const Rat& b);  // b != 0
  friend int compare(const Rat& a, const Rat& b);
  friend bool operator==(const Rat& a, const Rat& b) { return compare(a, b) == 0; }

  // The nearest float64 (ties to even); false if it overflows to an infinity.
  bool to_f64(double* out) const;
  bool to_f32(float* out) const;
  long double approx() const;  // for messages only
  // As go/constant prints a float: %.6g of the float64 value, or m e+d beyond float64's range.
  std::string to_string() const;

 private:
  void normalize();
  const Nat& den() const;  // den_, where no limbs stand for 1
  // The nearest binary float with `prec` mantissa bits and exponents emin..emax; false on overflow.
  bool round_binary(int prec, int emin, int emax, double* out) const;
  bool neg_ = false;
  Nat num_;
  Nat den_;
  std::int64_t exp10_ = 0;
};

}  // namespace gb::go
