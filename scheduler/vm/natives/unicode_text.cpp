// UTF-8, a few Unicode properties, and Go's quoting (see unicode_text.h).
#include "scheduler/vm/natives/unicode_text.h"

#include <algorithm>

#include "scheduler/vm/natives/unicode_tables.h"

namespace gb::vm::natives {

namespace {

constexpr unsigned char kLocb = 0x80, kHicb = 0xBF;

}  // namespace

Decoded decode_rune(std::string_view s) {
  if (s.empty()) return {kRuneError, 0};
  const auto b0 = static_cast<unsigned char>(s[0]);
  if (b0 < 0x80) return {b0, 1};
  int need = 0;
  char32_t r = 0;
  unsigned char lo = kLocb, hi = kHicb;  // the valid range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 1;
    r = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 2;
    r = b0 & 0x0F;
    if (b0 == 0xE0) lo = 0xA0;  // no overlong forms
    if (b0 == 0xED) hi = 0x9F;  // no surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 3;
    r = b0 & 0x07;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;  // nothing past U+10FFFF
  } else {
    return {kRuneError, 1};
  }
  if (static_cast<int>(s.size()) < need + 1) return {kRuneError, 1};
  for (int k = 1; k <= need; ++k) {
    const auto b = static_cast<unsigned char>(s[static_cast<std::size_t>(k)]);
    const unsigned char l = k == 1 ? lo : kLocb, h = k == 1 ? hi : kHicb;
    if (b < l || b > h) return {kRuneError, 1};
    r = (r << 6) | (b & 0x3F);
  }
  return {r, need + 1};
}

Decoded decode_last_rune(std::string_view s) {
  if (s.empty()) return {kRuneError, 0};
  const std::size_t end = s.size();
  if (static_cast<unsigned char>(s[end - 1]) < 0x80) return {static_cast<unsigned char>(s[end - 1]), 1};
  // Back up over at most 3 continuation bytes to a start byte.
  std::size_t lim = end >= 4 ? end - 4 : 0;
  std::size_t start = end - 1;
  while (start > lim && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
  const Decoded d = decode_rune(s.substr(start));
  if (start + static_cast<std::size_t>(d.size) != end) return {kRuneError, 1};
  return d;
}

void encode_rune(std::string& out, std::int64_t r) {
  if (!valid_rune(r)) r = kRuneError;
  const auto u = static_cast<std::uint32_t>(r);
  if (u < 0x80) {
    out.push_back(static_cast<char>(u));
  } else if (u < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (u >> 6)));
    out.push_back(static_cast<char>(0x80 | (u & 0x3F)));
  } else if (u < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (u >> 12)));
    out.push_back(static_cast<char>(0x80 | ((u >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (u & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (u >> 18)));
    out.push_back(static_cast<char>(0x80 | ((u >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((u >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (u & 0x3F)));
  }
}

std::int64_t rune_count(std::string_view s) {
  std::int64_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++n) i += static_cast<std::size_t>(decode_rune(s.substr(i)).size);
  return n;
}

bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const Decoded d = decode_rune(s.substr(i));
    if (d.rune == kRuneError && d.size == 1) return false;
    i += static_cast<std::size_t>(d.size);
  }
  return true;
}

bool full_rune(std::string_view s) {
  if (s.empty()) return false;
  const Decoded d = decode_rune(s);
  if (!(d.rune == kRuneError && d.size == 1)) return true;
  // Invalid or incomplete: incomplete only if every byte so far fits a longer encoding.
  const auto b0 = static_cast<unsigned char>(s[0]);
  std::size_t need = b0 >= 0xF0 && b0 <= 0xF4   ? 4
                     : b0 >= 0xE0 && b0 <= 0xEF ? 3
                     : b0 >= 0xC2 && b0 <= 0xDF ? 2
                                                : 1;
  if (s.size() >= need) return true;
  std::string padded(s);
  // Complete it with the smallest continuation bytes: if that decodes, the prefix was merely short.
  const unsigned char fill = b0 == 0xE0 ? 0xA0 : b0 == 0xF0 ? 0x90 : 0x80;
  while (padded.size() < need) padded.push_back(static_cast<char>(padded.size() == 1 ? fill : 0x80));
  const Decoded p = decode_rune(padded);
  return p.rune == kRuneError && p.size == 1;
}

bool valid_rune(std::int64_t r) {
  return (r >= 0 && r < 0xD800) || (r > 0xDFFF && r <= 0x10FFFF);
}

bool is_space(char32_t r) {
  if (r <= 0xFF) return r == ' ' || (r >= '\t' && r <= '\r') || r == 0x85 || r == 0xA0;
  return r == 0x1680 || (r >= 0x2000 && r <= 0x200A) || r == 0x2028 || r == 0x2029 || r == 0x202F ||
         r == 0x205F || r == 0x3000;
}

namespace {

bool in_ranges(const RuneRange* ranges, std::size_t count, char32_t r) {
  // The last range starting at or before r.
  const RuneRange* end = ranges + count;
  const RuneRange* it =
      std::upper_bound(ranges, end, r, [](char32_t x, const RuneRange& g) { return x < g.lo; });
  return it != ranges && r <= (it - 1)->hi;
}

}  // namespace

bool is_print(char32_t r) {
  if (r < 0x80) return r >= 0x20 && r < 0x7F;
  return in_ranges(kPrintRanges, kPrintRangeCount, r);
}

bool rune_in(RuneClass c, char32_t r) {
  switch (c) {
    case RuneClass::Letter:
      return in_ranges(kLetterRanges, kLetterRangeCount, r);
    case RuneClass::Digit:
      return in_ranges(kDigitRanges, kDigitRangeCount, r);
    case RuneClass::Number:
      return in_ranges(kNumberRanges, kNumberRangeCount, r);
    case RuneClass::Upper:
      return in_ranges(kUpperRanges, kUpperRangeCount, r);
    case RuneClass::Lower:
      return in_ranges(kLowerRanges, kLowerRangeCount, r);
    case RuneClass::Punct:
      return in_ranges(kPunctRanges, kPunctRangeCount, r);
    case RuneClass::Graphic:
      return in_ranges(kGraphicRanges, kGraphicRangeCount, r);
    case RuneClass::Mark:
      return in_ranges(kMarkRanges, kMarkRangeCount, r);
    case RuneClass::Symbol:
      return in_ranges(kSymbolRanges, kSymbolRangeCount, r);
    case RuneClass::Title:
      return in_ranges(kTitleRanges, kTitleRangeCount, r);
  }
  return false;
}

namespace {

char32_t map_case(char32_t r, const CaseRun* runs, std::size_t count) {
  const CaseRun* end = runs + count;
  const CaseRun* it = std::upper_bound(runs, end, r, [](char32_t x, const CaseRun& c) { return x < c.lo; });
  if (it == runs) return r;
  const CaseRun& c = *(it - 1);
  if (r > c.hi || (r - c.lo) % static_cast<char32_t>(c.stride) != 0) return r;
  return static_cast<char32_t>(static_cast<std::int64_t>(r) + c.delta);
}

}  // namespace

char32_t to_lower(char32_t r) {
  if (r < 0x80) return r >= 'A' && r <= 'Z' ? r + 32 : r;
  return map_case(r, kLowerRuns, kLowerRunsCount);
}

char32_t to_title(char32_t r) {
  if (r < 0x80) return r >= 'a' && r <= 'z' ? r - 32 : r;
  return map_case(r, kTitleRuns, kTitleRunsCount);
}

char32_t to_upper(char32_t r) {
  if (r < 0x80) return r >= 'a' && r <= 'z' ? r - 32 : r;
  return map_case(r, kUpperRuns, kUpperRunsCount);
}

bool fold_equal(char32_t a, char32_t b) {
  if (a == b) return true;
  return to_lower(a) == to_lower(b) || to_upper(a) == to_upper(b);
}

namespace {

constexpr char kLowerHex[] = "0123456789abcdef";

void append_escaped_rune(std::string& out, char32_t r, char quote_char, bool ascii_only) {
  if (r == static_cast<char32_t>(quote_char) || r == '\\') {
    out.push_back('\\');
    out.push_back(static_cast<char>(r));
    return;
  }
  if (ascii_only) {
    if (r < 0x80 && is_print(r)) {
      out.push_back(static_cast<char>(r));
      return;
    }
  } else if (is_print(r)) {
    encode_rune(out, r);
    return;
  }
  switch (r) {
    case '\a':
      out += "\\a";
      return;
    case '\b':
      out += "\\b";
      return;
    case '\f':
      out += "\\f";
      return;
    case '\n':
      out += "\\n";
      return;
    case '\r':
      out += "\\r";
      return;
    case '\t':
      out += "\\t";
      return;
    case '\v':
      out += "\\v";
      return;
    default:
      break;
  }
  if (r < ' ' || r == 0x7F) {
    out += "\\x";
    out.push_back(kLowerHex[(r >> 4) & 0xF]);
    out.push_back(kLowerHex[r & 0xF]);
    return;
  }
  if (!valid_rune(r)) r = kRuneError;
  if (r < 0x10000) {
    out += "\\u";
    for (int s = 12; s >= 0; s -= 4) out.push_back(kLowerHex[(r >> s) & 0xF]);
  } else {
    out += "\\U";
    for (int s = 28; s >= 0; s -= 4) out.push_back(kLowerHex[(r >> s) & 0xF]);
  }
}

}  // namespace

std::string quote(std::string_view s, bool ascii_only) {
  std::string out = "\"";
  for (std::size_t i = 0; i < s.size();) {
    const Decoded d = decode_rune(s.substr(i));
    if (d.size == 1 && d.rune == kRuneError) {
      const auto b = static_cast<unsigned char>(s[i]);
      out += "\\x";
      out.push_back(kLowerHex[b >> 4]);
      out.push_back(kLowerHex[b & 0xF]);
    } else {
      append_escaped_rune(out, d.rune, '"', ascii_only);
    }
    i += static_cast<std::size_t>(d.size);
  }
  out.push_back('"');
  return out;
}

std::string quote_rune(std::int64_t r, bool ascii_only) {
  const char32_t c = valid_rune(r) ? static_cast<char32_t>(r) : kRuneError;
  std::string out = "'";
  append_escaped_rune(out, c, '\'', ascii_only);
  out.push_back('\'');
  return out;
}

bool can_backquote(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const Decoded d = decode_rune(s.substr(i));
    i += static_cast<std::size_t>(d.size);
    if (d.size > 1) {
      if (d.rune == 0xFEFF) return false;
      continue;
    }
    if (d.rune == kRuneError) return false;
    if ((d.rune < ' ' && d.rune != '\t') || d.rune == '`' || d.rune == 0x7F) return false;
  }
  return true;
}

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// One character of a quoted literal body starting at s[i]; false if malformed.
bool unquote_char(std::string_view s, std::size_t& i, char quote_char, std::string& out) {
  const char c = s[i];
  if (c == quote_char && (quote_char == '\'' || quote_char == '"')) return false;
  if (c != '\\') {
    const Decoded d = decode_rune(s.substr(i));
    out.append(s.substr(i, static_cast<std::size_t>(d.size)));
    i += static_cast<std::size_t>(d.size);
    return true;
  }
  if (i + 1 >= s.size()) return false;
  const char e = s[i + 1];
  i += 2;
  switch (e) {
    case 'a':
      out.push_back('\a');
      return true;
    case 'b':
      out.push_back('\b');
      return true;
    case 'f':
      out.push_back('\f');
      return true;
    case 'n':
      out.push_back('\n');
      return true;
    case 'r':
      out.push_back('\r');
      return true;
    case 't':
      out.push_back('\t');
      return true;
    case 'v':
      out.push_back('\v');
      return true;
    case '\\':
      out.push_back('\\');
      return true;
    case '\'':
    case '"':
      if (e != quote_char) return false;
      out.push_back(e);
      return true;
    case 'x':
    case 'u':
    case 'U': {
      const std::size_t n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
      if (i + n > s.size()) return false;
      std::uint32_t v = 0;
      for (std::size_t k = 0; k < n; ++k) {
        const int h = hex_value(s[i + k]);
        if (h < 0) return false;
        v = v * 16 + static_cast<std::uint32_t>(h);
      }
      i += n;
      if (e == 'x') {
        out.push_back(static_cast<char>(v));
        return true;
      }
      if (!valid_rune(v)) return false;
      encode_rune(out, v);
      return true;
    }
    default:
      if (e >= '0' && e <= '7') {
        if (i + 2 > s.size()) return false;
        std::uint32_t v = static_cast<std::uint32_t>(e - '0');
        for (int k = 0; k < 2; ++k) {
          const char d = s[i++];
          if (d < '0' || d > '7') return false;
          v = v * 8 + static_cast<std::uint32_t>(d - '0');
        }
        if (v > 255) return false;
        out.push_back(static_cast<char>(v));
        return true;
      }
      return false;
  }
}

}  // namespace

bool unquote(std::string_view s, std::string& out) {
  out.clear();
  if (s.size() < 2) return false;
  const char q = s.front();
  if (q != s.back()) return false;
  const std::string_view body = s.substr(1, s.size() - 2);
  if (q == '`') {
    if (body.find('`') != std::string_view::npos) return false;
    for (char c : body)
      if (c != '\r') out.push_back(c);
    return true;
  }
  if (q != '"' && q != '\'') return false;
  if (body.find('\n') != std::string_view::npos) return false;
  std::size_t i = 0;
  std::size_t runes = 0;
  while (i < body.size()) {
    if (!unquote_char(body, i, q, out)) return false;
    ++runes;
  }
  if (q == '\'') return runes == 1;
  return true;
}

}  // namespace gb::vm::natives
