// Natives of package math: bit reinterpretation, the exactly rounded operations (which give Go's results bit
// for bit) with Go's special cases where the C library differs, and the C library's transcendental functions.
#include <bit>
#include <climits>
#include <cmath>

#include "scheduler/vm/natives/natives.h"

namespace gb::vm::natives {

namespace {

double arg(NativeHost& host, std::size_t i) {
  return std::bit_cast<double>(host.frame()[i]);
}
void result(NativeHost& host, std::size_t i, double v) {
  host.frame()[i] = std::bit_cast<Word>(v);
}

template <double (*F)(double)>
void unary(NativeHost& host) {
  result(host, 1, F(arg(host, 0)));
}

template <double (*F)(double, double)>
void binary(NativeHost& host) {
  result(host, 2, F(arg(host, 0), arg(host, 1)));
}

// Wrappers give each C function one exact signature to take the address of.
double sqrt_(double x) {
  return std::sqrt(x);
}
double floor_(double x) {
  return std::floor(x);
}
double ceil_(double x) {
  return std::ceil(x);
}
double trunc_(double x) {
  return std::trunc(x);
}
double round_(double x) {
  return std::round(x);
}
double round_even(double x) {
  return std::nearbyint(x);
}  // the default rounding mode: to nearest, ties to even
double mod_(double x, double y) {
  return std::fmod(x, y);
}
double remainder_(double x, double y) {
  return std::remainder(x, y);
}
double nextafter_(double x, double y) {
  return std::nextafter(x, y);
}
double pow_(double x, double y) {
  return std::pow(x, y);
}
double exp_(double x) {
  return std::exp(x);
}
double exp2_(double x) {
  return std::exp2(x);
}
double expm1_(double x) {
  return std::expm1(x);
}
double log_(double x) {
  return std::log(x);
}
double log2_(double x) {
  return std::log2(x);
}
double log10_(double x) {
  return std::log10(x);
}
double log1p_(double x) {
  return std::log1p(x);
}
double sin_(double x) {
  return std::sin(x);
}
double cos_(double x) {
  return std::cos(x);
}
double tan_(double x) {
  return std::tan(x);
}
double asin_(double x) {
  return std::asin(x);
}
double acos_(double x) {
  return std::acos(x);
}
double atan_(double x) {
  return std::atan(x);
}
double atan2_(double y, double x) {
  return std::atan2(y, x);
}
double sinh_(double x) {
  return std::sinh(x);
}
double cosh_(double x) {
  return std::cosh(x);
}
double tanh_(double x) {
  return std::tanh(x);
}
double hypot_(double p, double q) {
  return std::hypot(p, q);
}
double cbrt_(double x) {
  return std::cbrt(x);
}

// The word already holds the float64 bits.
void float64bits(NativeHost& host) {
  host.frame()[1] = host.frame()[0];
}
void float64frombits(NativeHost& host) {
  host.frame()[1] = host.frame()[0];
}

// A float32 is kept as the float64 of its value.
void float32bits(NativeHost& host) {
  host.frame()[1] = std::bit_cast<std::uint32_t>(static_cast<float>(arg(host, 0)));
}
void float32frombits(NativeHost& host) {
  const auto bits = static_cast<std::uint32_t>(host.frame()[0]);
  result(host, 1, static_cast<double>(std::bit_cast<float>(bits)));
}

// func Modf(f float64) (int float64, frac float64): Modf(±Inf) = ±Inf, NaN.
void modf(NativeHost& host) {
  const double f = arg(host, 0);
  if (std::isinf(f)) {
    result(host, 1, f);
    result(host, 2, std::nan(""));
    return;
  }
  double whole = 0;
  const double frac = std::modf(f, &whole);
  result(host, 1, whole);
  result(host, 2, frac);
}

// func Frexp(f float64) (frac float64, exp int): ±0, ±Inf and NaN come back with exponent 0.
void frexp(NativeHost& host) {
  const double f = arg(host, 0);
  int e = 0;
  double frac = f;
  if (f != 0 && std::isfinite(f)) frac = std::frexp(f, &e);
  result(host, 1, frac);
  host.frame()[2] = static_cast<Word>(static_cast<std::int64_t>(e));
}

// func Ldexp(frac float64, exp int) float64
void ldexp(NativeHost& host) {
  const double frac = arg(host, 0);
  auto e = static_cast<std::int64_t>(host.frame()[1]);
  if (e > INT_MAX) e = INT_MAX;
  if (e < INT_MIN) e = INT_MIN;
  result(host, 2, std::ldexp(frac, static_cast<int>(e)));
}

}  // namespace

void register_math_natives(NativeTable& table) {
  table.push_back({"math.Float64bits", float64bits});
  table.push_back({"math.Float64frombits", float64frombits});
  table.push_back({"math.Float32bits", float32bits});
  table.push_back({"math.Float32frombits", float32frombits});
  table.push_back({"math.Sqrt", unary<sqrt_>});
  table.push_back({"math.Floor", unary<floor_>});
  table.push_back({"math.Ceil", unary<ceil_>});
  table.push_back({"math.Trunc", unary<trunc_>});
  table.push_back({"math.Round", unary<round_>});
  table.push_back({"math.RoundToEven", unary<round_even>});
  table.push_back({"math.Mod", binary<mod_>});
  table.push_back({"math.Remainder", binary<remainder_>});
  table.push_back({"math.Modf", modf});
  table.push_back({"math.Frexp", frexp});
  table.push_back({"math.Ldexp", ldexp});
  table.push_back({"math.Nextafter", binary<nextafter_>});
  table.push_back({"math.Pow", binary<pow_>});
  table.push_back({"math.Exp", unary<exp_>});
  table.push_back({"math.Exp2", unary<exp2_>});
  table.push_back({"math.Expm1", unary<expm1_>});
  table.push_back({"math.Log", unary<log_>});
  table.push_back({"math.Log2", unary<log2_>});
  table.push_back({"math.Log10", unary<log10_>});
  table.push_back({"math.Log1p", unary<log1p_>});
  table.push_back({"math.Sin", unary<sin_>});
  table.push_back({"math.Cos", unary<cos_>});
  table.push_back({"math.Tan", unary<tan_>});
  table.push_back({"math.Asin", unary<asin_>});
  table.push_back({"math.Acos", unary<acos_>});
  table.push_back({"math.Atan", unary<atan_>});
  table.push_back({"math.Atan2", binary<atan2_>});
  table.push_back({"math.Sinh", unary<sinh_>});
  table.push_back({"math.Cosh", unary<cosh_>});
  table.push_back({"math.Tanh", unary<tanh_>});
  table.push_back({"math.Hypot", binary<hypot_>});
  table.push_back({"math.Cbrt", unary<cbrt_>});
}

}  // namespace gb::vm::natives
