// Parsers for the two trace formats: smp_cache (`<core> <r|w> <hexaddr>`) and CS4223 (`<0|1|2> <value>`).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "coherence/types.h"

namespace gb {

struct SmpCacheRecord {
  CoreId core = 0;
  bool write = false;
  Addr addr = 0;
};

// Parses one smp_cache line. Returns an empty string on success, else the problem ("unknown op 'x'").
// Blank lines and lines starting with '#' set `skip`.
std::string parse_smp_cache(std::string_view line, SmpCacheRecord& out, bool& skip);

struct Cs4223Record {
  int label = 0;  // 0 load, 1 store, 2 compute
  std::uint64_t value = 0;
};

std::string parse_cs4223(std::string_view line, Cs4223Record& out, bool& skip);

// Value of each byte as a hex digit, or 0xff: one load per character in the hot loop below.
struct HexDigits {
  unsigned char value[256];
  constexpr HexDigits() : value() {
    for (int i = 0; i < 256; ++i) value[i] = 0xff;
    for (int i = 0; i < 10; ++i) value['0' + i] = static_cast<unsigned char>(i);
    for (int i = 0; i < 6; ++i) {
      value['a' + i] = static_cast<unsigned char>(10 + i);
      value['A' + i] = static_cast<unsigned char>(10 + i);
    }
  }
};
inline constexpr HexDigits kHexDigits{};

// The common well-formed line `<0|1|2> 0x<hex>` without a single wasted byte; false sends the caller to the
// general parser above, which also explains what is wrong.
inline bool parse_cs4223_fast(std::string_view line, Cs4223Record& out) {
  const std::size_t n = line.size();
  if (n < 5 || n > 20 || line[1] != ' ' || line[2] != '0' || line[3] != 'x') return false;
  const unsigned label = static_cast<unsigned char>(line[0]) - '0';
  if (label > 2) return false;
  std::uint64_t v = 0;
  unsigned bad = 0;
  for (std::size_t i = 4; i < n; ++i) {
    const unsigned d = kHexDigits.value[static_cast<unsigned char>(line[i])];
    bad |= d;
    v = (v << 4) | (d & 0xf);
  }
  if (bad & 0xf0) return false;
  out.label = static_cast<int>(label);
  out.value = v;
  return true;
}

// Hex with an optional 0x prefix; false on an empty string, a bad digit or overflow.
bool parse_hex(std::string_view text, std::uint64_t& out);
// Decimal, or hex with a 0x prefix.
bool parse_number(std::string_view text, std::uint64_t& out);

}  // namespace gb
