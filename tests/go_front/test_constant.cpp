// Exact constant arithmetic: BigInt parsing and operations, Go's truncated division, shifts, and the
// representability of constants in each basic type.
#include <catch2/catch.hpp>

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
  CHECK(f.f == 3.5L);
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
