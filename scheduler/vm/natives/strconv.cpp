// Natives of package strconv: integer and float parsing with Go's syntax, range and clamping rules (the Go
// side builds the *NumError), integer and float formatting, and quoting.
#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "scheduler/vm/natives/float_format.h"
#include "scheduler/vm/natives/natives.h"
#include "scheduler/vm/natives/unicode_text.h"

namespace gb::vm::natives {

namespace {

enum Status : std::int64_t { kOk = 0, kSyntax = 1, kRange = 2, kBadBase = 3, kBadBitSize = 4 };

char lower(char c) {
  return static_cast<char>(c | 0x20);
}

// strconv's underscoreOK: underscores only between digits (a base prefix counts as a digit).
bool underscore_ok(std::string_view s) {
  char saw = '^';
  std::size_t i = 0;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  bool hex = false;
  if (s.size() >= 2 && s[0] == '0' && (lower(s[1]) == 'b' || lower(s[1]) == 'o' || lower(s[1]) == 'x')) {
    i = 2;
    saw = '0';
    hex = lower(s[1]) == 'x';
  }
  for (; i < s.size(); ++i) {
    if ((s[i] >= '0' && s[i] <= '9') || (hex && lower(s[i]) >= 'a' && lower(s[i]) <= 'f')) {
      saw = '0';
      continue;
    }
    if (s[i] == '_') {
      if (saw != '0') return false;
      saw = '_';
      continue;
    }
    if (saw == '_') return false;
    saw = '!';
  }
  return saw != '_';
}

struct UintResult {
  std::uint64_t value = 0;
  Status status = kOk;
};

// ParseUint's algorithm.
UintResult parse_uint(std::string_view s, std::int64_t base, std::int64_t bit_size) {
  if (s.empty()) return {0, kSyntax};
  const bool base0 = base == 0;
  const std::string_view s0 = s;
  if (base == 0) {
    base = 10;
    if (s[0] == '0') {
      if (s.size() >= 3 && lower(s[1]) == 'b') {
        base = 2;
        s.remove_prefix(2);
      } else if (s.size() >= 3 && lower(s[1]) == 'o') {
        base = 8;
        s.remove_prefix(2);
      } else if (s.size() >= 3 && lower(s[1]) == 'x') {
        base = 16;
        s.remove_prefix(2);
      } else {
        base = 8;
        s.remove_prefix(1);
      }
    }
  } else if (base < 2 || base > 36) {
    return {0, kBadBase};
  }
  if (bit_size == 0) {
    bit_size = 64;
  } else if (bit_size < 0 || bit_size > 64) {
    return {0, kBadBitSize};
  }
  const std::uint64_t ubase = static_cast<std::uint64_t>(base);
  const std::uint64_t cutoff = UINT64_MAX / ubase + 1;
  const std::uint64_t max_val = bit_size == 64 ? UINT64_MAX : (std::uint64_t{1} << bit_size) - 1;
  bool underscores = false;
  std::uint64_t n = 0;
  for (char c : s) {
    std::uint64_t d = 0;
    if (c == '_' && base0) {
      underscores = true;
      continue;
    } else if (c >= '0' && c <= '9') {
      d = static_cast<std::uint64_t>(c - '0');
    } else if (lower(c) >= 'a' && lower(c) <= 'z') {
      d = static_cast<std::uint64_t>(lower(c) - 'a' + 10);
    } else {
      return {0, kSyntax};
    }
    if (d >= ubase) return {0, kSyntax};
    if (n >= cutoff) return {max_val, kRange};
    n *= ubase;
    const std::uint64_t n1 = n + d;
    if (n1 < n || n1 > max_val) return {max_val, kRange};
    n = n1;
  }
  if (underscores && !underscore_ok(s0)) return {0, kSyntax};
  return {n, kOk};
}

struct IntResult {
  std::int64_t value = 0;
  Status status = kOk;
};

IntResult parse_int(std::string_view s, std::int64_t base, std::int64_t bit_size) {
  if (s.empty()) return {0, kSyntax};
  bool neg = false;
  if (s[0] == '+') {
    s.remove_prefix(1);
  } else if (s[0] == '-') {
    neg = true;
    s.remove_prefix(1);
  }
  const UintResult u = parse_uint(s, base, bit_size);
  if (u.status != kOk && u.status != kRange) return {0, u.status};
  if (bit_size == 0) bit_size = 64;
  const std::uint64_t cutoff = std::uint64_t{1} << (bit_size - 1);
  if (!neg && u.value >= cutoff) return {static_cast<std::int64_t>(cutoff - 1), kRange};
  if (neg && u.value > cutoff) return {-static_cast<std::int64_t>(cutoff - 1) - 1, kRange};
  const auto n = static_cast<std::int64_t>(u.value);
  return {neg ? static_cast<std::int64_t>(0 - u.value) : n, kOk};
}

struct FloatResult {
  double value = 0;
  Status status = kOk;
};

// Go's float syntax: optional sign, then "inf", "infinity" or "nan" (any case), or decimal digits with an
// optional point and exponent, or a 0x hexadecimal mantissa with a p exponent; underscores as Go allows.
FloatResult parse_float(std::string_view s, std::int64_t bit_size) {
  std::string_view body = s;
  bool neg = false;
  if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
    neg = body[0] == '-';
    body.remove_prefix(1);
  }
  std::string low;
  for (char c : body) low.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
  if (low == "inf" || low == "infinity") return {neg ? -HUGE_VAL : HUGE_VAL, kOk};
  if (low == "nan") return {std::nan(""), kOk};
  // Validate and strip underscores.
  std::string clean;
  bool hex = low.size() > 2 && low[0] == '0' && low[1] == 'x';
  bool digits = false, point = false, exp = false, underscores = false;
  std::size_t i = hex ? 2 : 0;
  if (hex) clean = "0x";
  for (; i < low.size(); ++i) {
    const char c = low[i];
    if (c == '_') {
      underscores = true;
      continue;
    }
    if ((c >= '0' && c <= '9') || (hex && c >= 'a' && c <= 'f')) {
      digits = true;
    } else if (c == '.' && !point && !exp) {
      point = true;
    } else if (((!hex && c == 'e') || (hex && c == 'p')) && digits && !exp) {
      exp = true;
      clean.push_back(c);
      if (i + 1 < low.size() && (low[i + 1] == '+' || low[i + 1] == '-')) clean.push_back(low[++i]);
      if (i + 1 >= low.size()) return {0, kSyntax};
      continue;
    } else {
      return {0, kSyntax};
    }
    clean.push_back(c);
  }
  if (!digits || (hex && !exp)) return {0, kSyntax};
  if (underscores && !underscore_ok(body)) return {0, kSyntax};
  if (clean.back() == 'e' || clean.back() == 'p' || clean.back() == '+' || clean.back() == '-')
    return {0, kSyntax};
  errno = 0;
  double v = std::strtod(clean.c_str(), nullptr);
  if (neg) v = -v;
  if (bit_size == 32) {
    const float f = static_cast<float>(v);
    if (std::isinf(f) && !std::isinf(v)) return {static_cast<double>(f), kRange};
    if (std::isinf(v)) return {v, kRange};
    return {static_cast<double>(f), kOk};
  }
  if (errno == ERANGE && std::isinf(v)) return {v, kRange};
  return {v, kOk};
}

std::string format_int(std::uint64_t u, bool neg, std::int64_t base) {
  constexpr char digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
  std::string s;
  const auto b = static_cast<std::uint64_t>(base);
  do {
    s.insert(s.begin(), digits[u % b]);
    u /= b;
  } while (u != 0);
  if (neg) s.insert(s.begin(), '-');
  return s;
}

// [SECTION] Natives

// func parseInt(s string, base int, bitSize int) (int64, int)
void parse_int_native(NativeHost& host) {
  Frame f(host);
  const IntResult r = parse_int(f.string_at(0), f.int_at(2), f.int_at(3));
  f.set_int(4, r.value);
  f.set_int(5, r.status);
}

// func parseUint(s string, base int, bitSize int) (uint64, int)
void parse_uint_native(NativeHost& host) {
  Frame f(host);
  const UintResult r = parse_uint(f.string_at(0), f.int_at(2), f.int_at(3));
  f.set_word(4, r.value);
  f.set_int(5, r.status);
}

// func parseFloat(s string, bitSize int) (float64, int)
void parse_float_native(NativeHost& host) {
  Frame f(host);
  const FloatResult r = parse_float(f.string_at(0), f.int_at(2));
  f.set_float(3, r.value);
  f.set_int(4, r.status);
}

// func FormatInt(i int64, base int) string
void format_int_native(NativeHost& host) {
  Frame f(host);
  const std::int64_t v = f.int_at(0), base = f.int_at(1);
  if (base < 2 || base > 36) return host.panic_string("strconv: illegal AppendInt/FormatInt base");
  const bool neg = v < 0;
  const std::uint64_t u = neg ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
  f.set_string(2, format_int(u, neg, base));
}

// func FormatUint(i uint64, base int) string
void format_uint_native(NativeHost& host) {
  Frame f(host);
  const std::uint64_t v = f.word(0);
  const std::int64_t base = f.int_at(1);
  if (base < 2 || base > 36) return host.panic_string("strconv: illegal AppendInt/FormatInt base");
  f.set_string(2, format_int(v, false, base));
}

// func FormatFloat(f float64, fmt byte, prec, bitSize int) string
void format_float_native(NativeHost& host) {
  Frame f(host);
  const double v = f.float_at(0);
  const char fmt = static_cast<char>(f.word(1));
  const std::int64_t prec = f.int_at(2), bits = f.int_at(3);
  if (bits != 32 && bits != 64) return host.panic_string("strconv: illegal AppendFloat/FormatFloat bitSize");
  f.set_string(4, format_float(v, fmt, static_cast<int>(prec), static_cast<int>(bits)));
}

void quote_native(NativeHost& host) {
  Frame f(host);
  f.set_string(2, quote(f.string_at(0), false));
}

void quote_to_ascii(NativeHost& host) {
  Frame f(host);
  f.set_string(2, quote(f.string_at(0), true));
}

void quote_rune_native(NativeHost& host) {
  Frame f(host);
  f.set_string(1, quote_rune(f.int_at(0), false));
}

void quote_rune_to_ascii(NativeHost& host) {
  Frame f(host);
  f.set_string(1, quote_rune(f.int_at(0), true));
}

// func unquote(s string) (string, bool)
void unquote_native(NativeHost& host) {
  Frame f(host);
  std::string out;
  const bool ok = unquote(f.string_at(0), out);
  f.set_string(2, ok ? out : std::string());
  f.set_bool(4, ok);
}

}  // namespace

void register_strconv_natives(NativeTable& table) {
  table.push_back({"strconv.parseInt", parse_int_native});
  table.push_back({"strconv.parseUint", parse_uint_native});
  table.push_back({"strconv.parseFloat", parse_float_native});
  table.push_back({"strconv.FormatInt", format_int_native});
  table.push_back({"strconv.FormatUint", format_uint_native});
  table.push_back({"strconv.FormatFloat", format_float_native});
  table.push_back({"strconv.Quote", quote_native});
  table.push_back({"strconv.QuoteToASCII", quote_to_ascii});
  table.push_back({"strconv.QuoteRune", quote_rune_native});
  table.push_back({"strconv.QuoteRuneToASCII", quote_rune_to_ascii});
  table.push_back({"strconv.unquote", unquote_native});
}

}  // namespace gb::vm::natives
