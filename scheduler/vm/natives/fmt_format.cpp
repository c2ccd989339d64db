// fmt's operand formatting (see fmt_format.h), following the rules of Go's fmt/format.go.
#include "scheduler/vm/natives/fmt_format.h"

#include <algorithm>

#include "scheduler/vm/natives/float_format.h"
#include "scheduler/vm/natives/unicode_text.h"

namespace gb::vm::natives {

namespace {

constexpr char kLower[] = "0123456789abcdefx";
constexpr char kUpper[] = "0123456789ABCDEFX";

}  // namespace

void Formatter::write_padding(int n) {
  if (n <= 0) return;
  buf_.append(static_cast<std::size_t>(n), f.zero ? '0' : ' ');
}

void Formatter::pad(std::string_view s) {
  if (!f.wid_present || wid == 0) {
    buf_.append(s);
    return;
  }
  const int width = wid - static_cast<int>(rune_count(s));
  if (!f.minus) {
    write_padding(width);
    buf_.append(s);
  } else {
    buf_.append(s);
    write_padding(width);
  }
}

void Formatter::fmt_boolean(bool v) {
  pad(v ? "true" : "false");
}

void Formatter::fmt_unicode(std::uint64_t u) {
  // "U+0078", at least four hex digits (more with a larger precision); '#' adds " 'x'" for printable runes.
  int digits = 4;
  if (f.prec_present && prec > 4) digits = prec;
  std::string hex;
  for (std::uint64_t v = u;; v >>= 4) {
    hex.push_back(kUpper[v & 0xF]);
    if (v < 16) break;
  }
  while (static_cast<int>(hex.size()) < digits) hex.push_back('0');
  std::reverse(hex.begin(), hex.end());
  std::string s = "U+" + hex;
  if (f.sharp && u <= kMaxRune && is_print(static_cast<char32_t>(u))) {
    s += " '";
    encode_rune(s, static_cast<std::int64_t>(u));
    s += "'";
  }
  const bool old_zero = f.zero;
  f.zero = false;
  pad(s);
  f.zero = old_zero;
}

void Formatter::fmt_integer(std::uint64_t u, int base, bool is_signed, char32_t verb, bool upper) {
  const char* digits = upper ? kUpper : kLower;
  const bool negative = is_signed && static_cast<std::int64_t>(u) < 0;
  if (negative) u = 0 - u;
  int precision = 0;
  if (f.prec_present) {
    precision = prec;
    // %.0d of zero prints nothing but padding.
    if (precision == 0 && u == 0) {
      const bool old_zero = f.zero;
      f.zero = false;
      write_padding(wid);
      f.zero = old_zero;
      return;
    }
  } else if (f.zero && f.wid_present) {
    // Zero padding is done as precision, leaving room for the sign.
    precision = wid;
    if (negative || f.plus || f.space) --precision;
  }
  std::string rev;  // built backwards
  const auto b = static_cast<std::uint64_t>(base);
  do {
    rev.push_back(digits[u % b]);
    u /= b;
  } while (u != 0);
  while (static_cast<int>(rev.size()) < precision) rev.push_back('0');
  if (f.sharp) {
    switch (base) {
      case 2:
        rev += "b0";
        break;
      case 8:
        if (rev.back() != '0') rev.push_back('0');
        break;
      case 16:
        rev.push_back(digits[16]);
        rev.push_back('0');
        break;
      default:
        break;
    }
  }
  if (verb == 'O') rev += "o0";
  if (negative) {
    rev.push_back('-');
  } else if (f.plus) {
    rev.push_back('+');
  } else if (f.space) {
    rev.push_back(' ');
  }
  std::reverse(rev.begin(), rev.end());
  const bool old_zero = f.zero;
  f.zero = false;
  pad(rev);
  f.zero = old_zero;
}

std::string Formatter::truncate(std::string_view s) const {
  if (f.prec_present) {
    int n = prec;
    for (std::size_t i = 0; i < s.size();) {
      if (--n < 0) return std::string(s.substr(0, i));
      i += static_cast<std::size_t>(decode_rune(s.substr(i)).size);
    }
  }
  return std::string(s);
}

void Formatter::fmt_s(std::string_view s) {
  pad(truncate(s));
}

void Formatter::fmt_sbx(std::string_view s, bool upper) {
  const char* digits = upper ? kUpper : kLower;
  int length = static_cast<int>(s.size());
  if (f.prec_present && prec < length) length = prec;
  // The width of the encoding, for padding.
  int width = 2 * length;
  if (width > 0) {
    if (f.space) {
      if (f.sharp) width *= 2;
      width += length - 1;
    } else if (f.sharp) {
      width += 2;
    }
  } else {
    if (f.wid_present) write_padding(wid);
    return;
  }
  if (f.wid_present && wid > width && !f.minus) write_padding(wid - width);
  if (f.sharp) {
    buf_.push_back('0');
    buf_.push_back(digits[16]);
  }
  for (int i = 0; i < length; ++i) {
    if (f.space && i > 0) {
      buf_.push_back(' ');
      if (f.sharp) {
        buf_.push_back('0');
        buf_.push_back(digits[16]);
      }
    }
    const auto c = static_cast<unsigned char>(s[static_cast<std::size_t>(i)]);
    buf_.push_back(digits[c >> 4]);
    buf_.push_back(digits[c & 0xF]);
  }
  if (f.wid_present && wid > width && f.minus) write_padding(wid - width);
}

void Formatter::fmt_q(std::string_view s) {
  const std::string t = truncate(s);
  if (f.sharp && can_backquote(t)) {
    pad("`" + t + "`");
    return;
  }
  pad(quote(t, f.plus));
}

void Formatter::fmt_c(std::uint64_t c) {
  std::string s;
  encode_rune(s, c > kMaxRune ? static_cast<std::int64_t>(kRuneError) : static_cast<std::int64_t>(c));
  pad(s);
}

void Formatter::fmt_qc(std::uint64_t c) {
  const std::int64_t r = c > kMaxRune ? static_cast<std::int64_t>(kRuneError) : static_cast<std::int64_t>(c);
  pad(quote_rune(r, f.plus));
}

void Formatter::fmt_float(double v, int size, char32_t verb, int default_prec) {
  const int precision = f.prec_present ? prec : default_prec;
  // The number with an explicit sign in front, which is dropped again below unless wanted.
  std::string num = format_float(v, static_cast<char>(verb), precision, size);
  if (num[0] == '-' || num[0] == '+') {
    // keep
  } else {
    num.insert(num.begin(), '+');
  }
  if (f.space && num[0] == '+' && !f.plus) num[0] = ' ';
  // Infinities and NaN are not zero-padded; NaN gets no sign unless asked for.
  if (num[1] == 'I' || num[1] == 'N') {
    const bool old_zero = f.zero;
    f.zero = false;
    if (num[1] == 'N' && !f.space && !f.plus) num.erase(0, 1);
    pad(num);
    f.zero = old_zero;
    return;
  }
  // '#': keep a decimal point, and for %g and %v keep trailing zeros up to the precision.
  if (f.sharp && verb != 'b') {
    int digits = 0;
    if (verb == 'v' || verb == 'g' || verb == 'G' || verb == 'x') {
      digits = precision;
      if (digits == -1) digits = 6;  // %e is used when the exponent is at least the precision
    }
    std::string tail;
    bool has_point = false;
    bool saw_nonzero = false;
    for (std::size_t i = 1; i < num.size(); ++i) {
      const char c = num[i];
      if (c == '.') {
        has_point = true;
      } else if (c == 'p' || c == 'P' || ((c == 'e' || c == 'E') && verb != 'x' && verb != 'X')) {
        tail = num.substr(i);
        num.resize(i);
        break;
      } else {
        if (c != '0') saw_nonzero = true;
        if (saw_nonzero) --digits;
      }
    }
    if (!has_point) {
      // The leading zero of "0" counts as a significant digit.
      if (num.size() == 2 && num[1] == '0') --digits;
      num.push_back('.');
    }
    while (digits > 0) {
      num.push_back('0');
      --digits;
    }
    num += tail;
  }
  if (f.plus || num[0] != '+') {
    // Zero padding goes between the sign and the digits.
    if (f.zero && f.wid_present && wid > static_cast<int>(num.size())) {
      buf_.push_back(num[0]);
      write_padding(wid - static_cast<int>(num.size()));
      buf_.append(num, 1);
      return;
    }
    pad(num);
    return;
  }
  pad(std::string_view(num).substr(1));
}

}  // namespace gb::vm::natives
