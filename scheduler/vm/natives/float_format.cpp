// Go's float formatting (see float_format.h). Digits come from std::to_chars; the layout (exponent with at
// least two digits, %g's choice between the exponent and the plain form) follows strconv/ftoa.go.
#include "scheduler/vm/natives/float_format.h"

#include <algorithm>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>

namespace gb::vm::natives {

namespace {

// A decimal d[0] d[1] ... d[nd-1] with the decimal point dp digits from the left (0.d1d2... × 10^dp);
// no trailing zeros; zero has no digits.
struct Digits {
  std::string d;
  int dp = 0;
};

// Parses to_chars' scientific form "d.ddde±xx" into digits without trailing zeros.
Digits from_scientific(const char* first, const char* last) {
  Digits out;
  const char* e = std::find(first, last, 'e');
  for (const char* p = first; p < e; ++p)
    if (*p >= '0' && *p <= '9') out.d.push_back(*p);
  int exp = 0;
  std::from_chars(e + 1 + (e[1] == '+' ? 1 : 0), last, exp);
  out.dp = exp + 1;
  while (!out.d.empty() && out.d.back() == '0') out.d.pop_back();
  if (out.d.empty()) out.dp = 0;
  return out;
}

Digits shortest_digits(double v, int bit_size) {
  char buf[64];
  std::to_chars_result r =
      bit_size == 32
          ? std::to_chars(buf, buf + sizeof buf, static_cast<float>(v), std::chars_format::scientific)
          : std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
  return from_scientific(buf, r.ptr);
}

// v rounded to `n` significant digits (n >= 1).
Digits significant_digits(double v, int n) {
  std::string buf(static_cast<std::size_t>(n) + 32, '\0');
  std::to_chars_result r =
      std::to_chars(buf.data(), buf.data() + buf.size(), v, std::chars_format::scientific, n - 1);
  return from_scientific(buf.data(), r.ptr);
}

void format_e(std::string& out, bool neg, const Digits& d, int prec, char fmt) {
  if (neg) out.push_back('-');
  const int nd = static_cast<int>(d.d.size());
  out.push_back(nd != 0 ? d.d[0] : '0');
  if (prec > 0) {
    out.push_back('.');
    for (int i = 1; i <= prec; ++i) out.push_back(i < nd ? d.d[static_cast<std::size_t>(i)] : '0');
  }
  out.push_back(fmt);
  int exp = nd == 0 ? 0 : d.dp - 1;
  out.push_back(exp < 0 ? '-' : '+');
  exp = std::abs(exp);
  if (exp >= 100) out.push_back(static_cast<char>('0' + exp / 100));
  out.push_back(static_cast<char>('0' + exp / 10 % 10));
  out.push_back(static_cast<char>('0' + exp % 10));
}

void format_f(std::string& out, bool neg, const Digits& d, int prec) {
  if (neg) out.push_back('-');
  const int nd = static_cast<int>(d.d.size());
  if (d.dp > 0) {
    for (int i = 0; i < d.dp; ++i) out.push_back(i < nd ? d.d[static_cast<std::size_t>(i)] : '0');
  } else {
    out.push_back('0');
  }
  if (prec > 0) {
    out.push_back('.');
    for (int i = 0; i < prec; ++i) {
      const int j = d.dp + i;
      out.push_back(j >= 0 && j < nd ? d.d[static_cast<std::size_t>(j)] : '0');
    }
  }
}

// %b: the mantissa as a decimal integer and the binary exponent ("4503599627370496p-52").
std::string format_b(bool neg, std::uint64_t mant, int exp, int mantbits) {
  std::string out = neg ? "-" : "";
  out += std::to_string(mant);
  out.push_back('p');
  exp -= mantbits;
  if (exp >= 0) out.push_back('+');
  out += std::to_string(exp);
  return out;
}

// %x and %X: hexadecimal mantissa with one leading digit and a binary exponent ("0x1.8p+01"), rounded to
// prec hex digits (prec < 0: as many as needed).
std::string format_x(int prec, char fmt, bool neg, std::uint64_t mant, int exp, int mantbits) {
  if (mant == 0) exp = 0;
  // Put the leading 1 (if any) at bit 60.
  mant <<= 60 - mantbits;
  while (mant != 0 && (mant & (std::uint64_t{1} << 60)) == 0) {
    mant <<= 1;
    --exp;
  }
  if (prec >= 0 && prec < 15) {
    const auto shift = static_cast<unsigned>(prec * 4);
    const std::uint64_t extra = (mant << shift) & ((std::uint64_t{1} << 60) - 1);
    mant >>= 60 - shift;
    if ((extra | (mant & 1)) > (std::uint64_t{1} << 59)) ++mant;
    mant <<= 60 - shift;
    if ((mant & (std::uint64_t{1} << 61)) != 0) {  // rounding carried into a new leading digit
      mant >>= 1;
      ++exp;
    }
  }
  const char* hex = fmt == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
  std::string out = neg ? "-" : "";
  out.push_back('0');
  out.push_back(fmt);
  out.push_back(static_cast<char>('0' + ((mant >> 60) & 1)));
  mant <<= 4;
  if (prec < 0 && mant != 0) {
    out.push_back('.');
    for (; mant != 0; mant <<= 4) out.push_back(hex[(mant >> 60) & 15]);
  } else if (prec > 0) {
    out.push_back('.');
    for (int i = 0; i < prec; ++i, mant <<= 4) out.push_back(hex[(mant >> 60) & 15]);
  }
  out.push_back(fmt == 'X' ? 'P' : 'p');
  out.push_back(exp < 0 ? '-' : '+');
  exp = std::abs(exp);
  if (exp >= 1000) out.push_back(static_cast<char>('0' + exp / 1000));
  if (exp >= 100) out.push_back(static_cast<char>('0' + exp / 100 % 10));
  out.push_back(static_cast<char>('0' + exp / 10 % 10));
  out.push_back(static_cast<char>('0' + exp % 10));
  return out;
}

}  // namespace

std::string format_float(double v, char fmt, int prec, int bit_size) {
  if (bit_size == 32) v = static_cast<double>(static_cast<float>(v));
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
  const bool neg = std::signbit(v);
  const double a = std::fabs(v);
  std::string out;
  if (fmt == 'b' || fmt == 'x' || fmt == 'X') {
    // The raw fields of the IEEE value: mantissa with its implicit bit, unbiased exponent.
    std::uint64_t mant = 0;
    int exp = 0, mantbits = 0;
    if (bit_size == 32) {
      const auto bits = std::bit_cast<std::uint32_t>(static_cast<float>(v));
      mantbits = 23;
      mant = bits & ((1u << 23) - 1);
      exp = static_cast<int>((bits >> 23) & 0xFF);
      if (exp == 0) {
        ++exp;
      } else {
        mant |= std::uint64_t{1} << 23;
      }
      exp -= 127;
    } else {
      const auto bits = std::bit_cast<std::uint64_t>(v);
      mantbits = 52;
      mant = bits & ((std::uint64_t{1} << 52) - 1);
      exp = static_cast<int>((bits >> 52) & 0x7FF);
      if (exp == 0) {
        ++exp;
      } else {
        mant |= std::uint64_t{1} << 52;
      }
      exp -= 1023;
    }
    return fmt == 'b' ? format_b(neg, mant, exp, mantbits) : format_x(prec, fmt, neg, mant, exp, mantbits);
  }
  if (fmt != 'e' && fmt != 'E' && fmt != 'f' && fmt != 'g' && fmt != 'G') {
    out.push_back('%');
    out.push_back(fmt);
    return out;
  }
  const bool shortest = prec < 0;
  if (!shortest && fmt == 'f') {
    // Exactly rounded at prec digits after the point; to_chars' fixed form is already Go's layout.
    std::string buf(static_cast<std::size_t>(prec) + 400, '\0');
    std::to_chars_result r =
        std::to_chars(buf.data(), buf.data() + buf.size(), a, std::chars_format::fixed, prec);
    if (neg) out.push_back('-');
    out.append(buf.data(), r.ptr);
    return out;
  }
  Digits d;
  if (a == 0) {
    d = Digits{};
  } else if (shortest) {
    d = shortest_digits(a, bit_size);
  }
  const int nd_shortest = static_cast<int>(d.d.size());
  if (shortest) {
    switch (fmt) {
      case 'e':
      case 'E':
        prec = std::max(nd_shortest - 1, 0);
        break;
      case 'f':
        prec = std::max(nd_shortest - d.dp, 0);
        break;
      default:
        prec = nd_shortest;
        break;
    }
  } else {
    int digits = prec;
    if (fmt == 'e' || fmt == 'E') {
      digits = prec + 1;
    } else {
      if (prec == 0) prec = 1;
      digits = prec;
    }
    if (a != 0) d = significant_digits(a, digits);
  }
  const int nd = static_cast<int>(d.d.size());
  switch (fmt) {
    case 'e':
    case 'E':
      format_e(out, neg, d, prec, fmt);
      break;
    case 'f':
      format_f(out, neg, d, prec);
      break;
    default: {
      int eprec = prec;
      if (eprec > nd && nd >= d.dp) eprec = nd;
      if (shortest) eprec = 6;
      const int exp = d.dp - 1;
      if (exp < -4 || exp >= eprec) {
        if (prec > nd) prec = nd;
        format_e(out, neg, d, prec - 1, fmt == 'g' ? 'e' : 'E');
      } else {
        if (prec > d.dp) prec = nd;
        format_f(out, neg, d, std::max(prec - d.dp, 0));
      }
      break;
    }
  }
  return out;
}

}  // namespace gb::vm::natives
