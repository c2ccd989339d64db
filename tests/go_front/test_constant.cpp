// Exact constant arithmetic: BigInt parsing and operations, Go's truncated division, shifts, and the
// representability of constants in each basic type.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>

#include "sim/go/constant.h"

using namespace gb::go;

TEST_CASE("constant: BigInt parses every base and prints decimal", "[constant]") {
  CHECK(BigInt::parse("0x_FF")->to_i64() == 255);
  CHECK(BigInt::parse("0b101")->to_i64() == 5);
  CHECK(BigInt::parse("0o17")->to_i64() == 15);
  CHECK(BigInt::parse("017")->to_i64() == 15);
  CHECK(BigInt::parse("0")->to_i64() == 0);
  CHECK(BigInt::parse("1_000_000")->to_i64() == 1000000);
  CHECK_FALSE(BigInt::parse("0x"));
  CHECK_FALSE(BigInt::parse("09"));
  const BigInt big = *BigInt::parse("123456789012345678901234567890");
  CHECK(big.to_string() == "123456789012345678901234567890");
  CHECK((-big).to_string() == "-123456789012345678901234567890");
  CHECK(big.bit_len() == 97);
}

TEST_CASE("constant: arithmetic, Go's truncated division and shifts", "[constant]") {
  BigInt q, r;
  BigInt::divmod(BigInt::from_i64(-7), BigInt::from_i64(2), q, r);
  CHECK(q.to_i64() == -3);
  CHECK(r.to_i64() == -1);
  BigInt::divmod(BigInt::from_i64(7), BigInt::from_i64(-2), q, r);
  CHECK(q.to_i64() == -3);
  CHECK(r.to_i64() == 1);
  CHECK(BigInt::from_i64(-5).shr(1).to_i64() == -3);  // rounds toward minus infinity
  CHECK(BigInt::from_i64(1).shl(100).bit_len() == 101);
  CHECK((BigInt::from_i64(-3) * BigInt::from_i64(4)).to_i64() == -12);
  const Constant c = constant_binary(Constant::make_int(7), Tok::Quo, Constant::make_int(2), true);
  CHECK(c.i.to_i64() == 3);
  const Constant f = constant_binary(Constant::make_int(7), Tok::Quo, Constant::make_int(2), false);
  CHECK(f.kind == ConstKind::Float);
  CHECK(f.as_float() == 3.5L);
  CHECK(constant_shift(Constant::make_int(1), Tok::Shl, 62).i.to_i64() == (std::int64_t{1} << 62));
  CHECK(constant_compare(Constant::make_string("a"), Tok::Lss, Constant::make_string("b")));
  CHECK(constant_unary(Tok::Xor, Constant::make_int(0)).i.to_i64() == -1);
}

TEST_CASE("constant: representability in the basic types", "[constant]") {
  Constant out;
  CHECK(representable(Constant::make_int(127), NumRange::Int8, &out));
  CHECK_FALSE(representable(Constant::make_int(128), NumRange::Int8, &out));
  CHECK(representable(Constant::make_int(-128), NumRange::Int8, &out));
  CHECK_FALSE(representable(Constant::make_int(-1), NumRange::Uint64, &out));
  CHECK(representable(Constant::make_int(BigInt::from_u64(UINT64_MAX)), NumRange::Uint64, &out));
  CHECK_FALSE(representable(Constant::make_int(BigInt::from_u64(UINT64_MAX)), NumRange::Int64, &out));
  CHECK(representable(Constant::make_float(3.0L), NumRange::Int32, &out));
  CHECK(out.kind == ConstKind::Int);
  CHECK_FALSE(representable(Constant::make_float(3.5L), NumRange::Int32, &out));
  CHECK(representable(Constant::make_int(1), NumRange::Float64, &out));
  CHECK(out.kind == ConstKind::Float);
  CHECK_FALSE(representable(Constant::make_float(1e300L * 1e300L), NumRange::Float64, &out));
  CHECK(Constant::make_float(0.5L).to_string() == "0.5");
  CHECK(Constant::make_float(1e100L).to_string() == "1e+100");
  CHECK(Constant::make_string("a\"b\n").to_string() == "\"a\\\"b\\n\"");
}

TEST_CASE("constant: untyped floats are exact rationals, rounded once to nearest even", "[constant]") {
  auto lit = [](const char* s) { return Constant::make_float(*Rat::parse(s)); };
  auto add = [](const Constant& a, const Constant& b) { return constant_binary(a, Tok::Add, b, false); };
  auto sub = [](const Constant& a, const Constant& b) { return constant_binary(a, Tok::Sub, b, false); };
  auto mul = [](const Constant& a, const Constant& b) { return constant_binary(a, Tok::Mul, b, false); };
  auto quo = [](const Constant& a, const Constant& b) { return constant_binary(a, Tok::Quo, b, false); };
  // bug402.go, bug120.go: every digit is kept
  CHECK(mul(lit("0.0005"), lit("1e9")).as_int()->to_i64() == 500000);
  CHECK(sub(add(lit("1e23"), Constant::make_int(1)), lit("1e23")).as_int()->to_i64() == 1);
  CHECK(add(lit("0.1"), lit("0.2")) == lit("0.3"));
  CHECK(constant_unary(Tok::Sub, lit("0.0")).is_zero());
  double d = 1;
  CHECK(constant_unary(Tok::Sub, lit("0.0")).to_f64(&d));
  CHECK_FALSE(std::signbit(d));
  // 1e302 is an integer: a valid shift operand
  CHECK(constant_shift(lit("1e302"), Tok::Shr, 1000).as_int()->to_i64() == 9);
  // float_lit2.go: max32 + ulp32/2 - ulp32/2^64 rounds down to max32; max32 + ulp32/2 ties to 2^128
  const Constant two128 = Constant::make_float(Rat::from_binary(false, Nat::from_u64(1), 128));
  const Constant ulp32 = Constant::make_float(Rat::from_binary(false, Nat::from_u64(1), 104));
  const Constant max32 = sub(two128, ulp32);
  const Constant half = quo(ulp32, Constant::make_int(2));
  const Constant tiny = Constant::make_float(Rat::from_binary(false, Nat::from_u64(1), 40));
  float f = 0;
  CHECK(sub(add(max32, half), tiny).to_f32(&f));
  CHECK(f == 3.40282346638528859812e+38f);
  CHECK_FALSE(add(max32, half).to_f32(&f));
  // round to nearest even against the C library, float64 and float32, subnormals included
  const char* texts[] = {"2.2250738585072011e-308", "4.9406564584124654e-324", "2.4703282292062328e-324",
                         "1.7976931348623157e308", "9007199254740993", "0.1", "1e-45", "7.006492321624085e-46",
                         "3.4028235677973366e38", "123456789e-20"};
  for (const char* t : texts) {
    INFO(t);
    const Constant c = lit(t);
    double want = std::strtod(t, nullptr);
    double got = 0;
    CHECK((c.to_f64(&got) && got == want));
    const float wantf = std::strtof(t, nullptr);
    float gotf = 0;
    if (std::isfinite(wantf)) CHECK((c.to_f32(&gotf) && gotf == wantf));
  }
  CHECK(lit("1e646456992").to_string() == "1e+646456992");
  CHECK(quo(lit("1e646456992"), lit("1e646456991")).to_string() == "10");
  CHECK(lit("1e6").to_string() == "1e+06");
}
