// smp_cache trace files (`<core> <r|w> <hexaddr>` a line): every line through parse_smp_cache
// (sim/trace/trace_records.h), the bytes through the LineReader. A line either parses, is skipped (blank or a
// comment) or gets a message; a parsed record printed back canonically parses to the same record.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "fuzz/fuzz_lines.h"
#include "sim/trace/trace_records.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using gb::fuzz::fail;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto lines = gb::fuzz::split_lines(text);
  for (const std::string_view line : lines) {
    gb::SmpCacheRecord rec;
    bool skip = true;
    const std::string error = gb::parse_smp_cache(line, rec, skip);
    if (skip && !error.empty()) fail("a skipped line with an error");
    if (skip || !error.empty()) continue;
    const std::string again = fmt::format("{} {} {:x}", rec.core, rec.write ? 'w' : 'r', rec.addr);
    gb::SmpCacheRecord back;
    bool back_skip = true;
    if (!gb::parse_smp_cache(again, back, back_skip).empty() || back_skip || back.core != rec.core ||
        back.write != rec.write || back.addr != rec.addr)
      fail("a parsed record printed back does not parse to itself");
  }
  gb::fuzz::check_line_reader(text, 1 + size % 64, lines);
  return 0;
}
