// Trace line parsing, written for speed: one pass over the bytes, no allocation on good input.
#include "trace_records.h"

namespace gb {

namespace {

inline bool is_space(char c) { return c == ' ' || c == '\t'; }

// Splits the next whitespace-separated field off `rest`.
inline std::string_view field(std::string_view& rest) {
  std::size_t i = 0;
  while (i < rest.size() && is_space(rest[i])) ++i;
  std::size_t j = i;
  while (j < rest.size() && !is_space(rest[j])) ++j;
  std::string_view f = rest.substr(i, j - i);
  rest.remove_prefix(j);
  return f;
}

inline bool blank_or_comment(std::string_view line) {
  for (char c : line) {
    if (c == '#') return true;
    if (!is_space(c)) return false;
  }
  return true;
}

std::string quoted(std::string_view s) {
  std::string out;
  out.reserve(42);
  out.push_back('\'');
  out.append(s.substr(0, 40));
  out.push_back('\'');
  return out;
}

}  // namespace

bool parse_hex(std::string_view text, std::uint64_t& out) {
  if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) text.remove_prefix(2);
  if (text.empty() || text.size() > 16) return false;
  std::uint64_t v = 0;
  for (char c : text) {
    unsigned d;
    if (c >= '0' && c <= '9') {
      d = static_cast<unsigned>(c - '0');
    } else if (c >= 'a' && c <= 'f') {
      d = static_cast<unsigned>(c - 'a' + 10);
    } else if (c >= 'A' && c <= 'F') {
      d = static_cast<unsigned>(c - 'A' + 10);
    } else {
      return false;
    }
    v = (v << 4) | d;
  }
  out = v;
  return true;
}

bool parse_number(std::string_view text, std::uint64_t& out) {
  if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) return parse_hex(text, out);
  if (text.empty() || text.size() > 19) return false;
  std::uint64_t v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<unsigned>(c - '0');
  }
  out = v;
  return true;
}

std::string parse_smp_cache(std::string_view line, SmpCacheRecord& out, bool& skip) {
  skip = false;
  if (blank_or_comment(line)) {
    skip = true;
    return {};
  }
  std::string_view rest = line;
  const std::string_view core = field(rest);
  const std::string_view op = field(rest);
  const std::string_view addr = field(rest);
  std::uint64_t c = 0;
  if (!parse_number(core, c) || core.size() > 3) return "bad core number " + quoted(core);
  if (op.empty()) return "missing operation (expected r or w)";
  if (op.size() != 1 || (op[0] != 'r' && op[0] != 'w' && op[0] != 'R' && op[0] != 'W'))
    return "unknown op " + quoted(op) + " (expected r or w)";
  if (addr.empty()) return "missing address";
  std::uint64_t a = 0;
  if (!parse_hex(addr, a)) return "bad hex address " + quoted(addr);
  if (!field(rest).empty()) return "unexpected text after the address";
  out.core = static_cast<CoreId>(c);
  out.write = op[0] == 'w' || op[0] == 'W';
  out.addr = a;
  return {};
}

std::string parse_cs4223(std::string_view line, Cs4223Record& out, bool& skip) {
  skip = false;
  if (blank_or_comment(line)) {
    skip = true;
    return {};
  }
  std::string_view rest = line;
  const std::string_view label = field(rest);
  const std::string_view value = field(rest);
  if (label.size() != 1 || label[0] < '0' || label[0] > '2')
    return "unknown label " + quoted(label) + " (expected 0 load, 1 store or 2 compute)";
  if (value.empty()) return "missing value";
  std::uint64_t v = 0;
  if (!parse_number(value, v)) return "bad value " + quoted(value) + " (expected hex with 0x, or decimal)";
  if (!field(rest).empty()) return "unexpected text after the value";
  out.label = label[0] - '0';
  out.value = v;
  return {};
}

}  // namespace gb
