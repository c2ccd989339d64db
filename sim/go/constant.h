// Compile-time constant values of the Go subset: exact integers, floats, strings and bools, with Go's
// arithmetic on them and the representability test for each basic type.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include "sim/go/bigrat.h"
#include "sim/go/token.h"

namespace gb::go {

// A signed integer in two's complement over a fixed 1152 bits. gc limits untyped integer constants to
// 512 bits of magnitude (types2's `prec`), so every operand fits in 513 bits and every product or shift
// of two of them still fits: no operation can wrap before the 512-bit overflow check sees the result.
class BigInt {
 public:
  static constexpr int kWords = 18;

  BigInt() { w_.fill(0); }
  static BigInt from_i64(std::int64_t v);
  static BigInt from_u64(std::uint64_t v);
  // Decimal, hex (0x), octal (0o or leading 0) or binary (0b) digits with optional underscores.
  static std::optional<BigInt> parse(const std::string& text);

  bool negative() const { return (w_[kWords - 1] >> 63) != 0; }
  bool is_zero() const;
  // Bits needed for the magnitude (go/constant's BitLen): 0 for 0, 8 for 255 and for -255.
  int bit_len() const;
  int sign() const { return negative() ? -1 : (is_zero() ? 0 : 1); }

  BigInt operator-() const;
  BigInt operator~() const;
  friend BigInt operator+(const BigInt& a, const BigInt& b);
  friend BigInt operator-(const BigInt& a, const BigInt& b) { return a + (-b); }
  friend BigInt operator*(const BigInt& a, const BigInt& b);
  friend BigInt operator&(const BigInt& a, const BigInt& b);
  friend BigInt operator|(const BigInt& a, const BigInt& b);
  friend BigInt operator^(const BigInt& a, const BigInt& b);
  // Truncated division and remainder as Go defines them; b must not be zero.
  static void divmod(const BigInt& a, const BigInt& b, BigInt& q, BigInt& r);
  BigInt shl(unsigned s) const;  // caller keeps bit_len() + s within the width
  BigInt shr(unsigned s) const;  // arithmetic: rounds toward minus infinity, as Go's >> on signed ints
  friend int compare(const BigInt& a, const BigInt& b);
  friend bool operator==(const BigInt& a, const BigInt& b) { return a.w_ == b.w_; }

  bool fits_i64() const;
  bool fits_u64() const;
  std::int64_t to_i64() const { return static_cast<std::int64_t>(w_[0]); }
  std::uint64_t to_u64() const { return w_[0]; }
  long double to_float() const;
  std::string to_string() const;

 private:
  std::array<std::uint64_t, kWords> w_;
};

enum class ConstKind : std::uint8_t { Unknown, Bool, String, Int, Float, Complex };

// One constant value. Floats are exact rationals (bigrat.h), as go/constant's: 0.0005 * 1e9 is 500000 and
// 1e23 + 1 keeps its 1; a typed float constant holds the value its type rounds it to.
struct Constant {
  ConstKind kind = ConstKind::Unknown;
  bool b = false;
  std::string s;
  BigInt i;
  Rat f;   // Float; Complex: the real part
  Rat im;  // Complex: the imaginary part (a complex constant is a pair of exact rationals, as go/constant's)

  static Constant make_bool(bool v);
  static Constant make_string(std::string v);
  static Constant make_int(BigInt v);
  static Constant make_int(std::int64_t v) { return make_int(BigInt::from_i64(v)); }
  static Constant make_float(Rat v);
  static Constant make_float(long double v);  // exactly the binary value v
  static Constant make_complex(Rat re, Rat im);

  bool is_complex() const { return kind == ConstKind::Complex; }
  // Int, Float or Complex (constants that complex arithmetic applies to).
  bool is_number() const { return is_numeric() || kind == ConstKind::Complex; }
  Rat real_rat() const { return kind == ConstKind::Complex ? f : as_rat(); }
  Rat imag_rat() const { return kind == ConstKind::Complex ? im : Rat{}; }
  // A Complex whose imaginary part is 0 as a Float (go/constant's ToFloat); others unchanged.
  Constant real_if_possible() const;

  bool known() const { return kind != ConstKind::Unknown; }
  bool is_numeric() const { return kind == ConstKind::Int || kind == ConstKind::Float; }
  // The value as an integer if it is one exactly (a float like 3.0 converts, 3.5 does not).
  std::optional<BigInt> as_int() const;
  long double as_float() const { return kind == ConstKind::Int ? i.to_float() : f.approx(); }  // approximate
  Rat as_rat() const;  // an Int or Float exactly
  bool is_zero() const {
    if (kind == ConstKind::Complex) return f.is_zero() && im.is_zero();
    return kind == ConstKind::Int ? i.is_zero() : (kind == ConstKind::Float && f.is_zero());
  }
  // The nearest float64 / float32 (ties to even); false when it overflows.
  bool to_f64(double* out) const { return as_rat().to_f64(out); }
  bool to_f32(float* out) const { return as_rat().to_f32(out); }

  // As gc quotes a constant in messages: 300, -1, "s", true, 0.5, 1e+100.
  std::string to_string() const;
  friend bool operator==(const Constant& a, const Constant& b);
};

// Arithmetic on constants of the same kind family (the checker converts operands first). Returns
// Unknown for an operation that does not apply; `integer_division` selects Go's integer `/`.
// Division by zero must be rejected by the caller.
Constant constant_binary(const Constant& x, Tok op, const Constant& y, bool integer_division);
Constant constant_unary(Tok op, const Constant& x);
Constant constant_shift(const Constant& x, Tok op, unsigned count);
bool constant_compare(const Constant& x, Tok op, const Constant& y);
// Converts an Int to Float or back (exactly), or returns Unknown.
Constant constant_to_float(const Constant& x);
Constant constant_to_int(const Constant& x);

// The kind of numeric value a basic type can hold, for representability.
enum class NumRange : std::uint8_t {
  Int8, Int16, Int32, Int64, Uint8, Uint16, Uint32, Uint64, Float32, Float64, Complex64, Complex128
};
// Whether `x` is representable in the range; on success `rounded` holds the value as the type stores it
// (a float rounded to float32/float64, an integral float turned into an Int for integer types).
bool representable(const Constant& x, NumRange r, Constant* rounded);

}  // namespace gb::go
