// CS4223 trace files (`<0|1|2> <value>` a line): every line through the general parser parse_cs4223 and the
// hot loop's parse_cs4223_fast (sim/trace/trace_records.h), the bytes through the LineReader. Whatever the fast
// path accepts, the general parser accepts with the same record (the trace run relies on it); a parsed record
// printed back parses to itself.
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
    gb::Cs4223Record rec;
    bool skip = true;
    const std::string error = gb::parse_cs4223(line, rec, skip);
    if (skip && !error.empty()) fail("a skipped line with an error");
    gb::Cs4223Record fast;
    if (gb::parse_cs4223_fast(line, fast)) {
      if (skip || !error.empty() || fast.label != rec.label || fast.value != rec.value)
        fail("the fast path accepts a line the general parser reads differently");
    }
    if (skip || !error.empty()) continue;
    if (rec.label < 0 || rec.label > 2) fail("a label outside 0..2");
    const std::string again = fmt::format("{} 0x{:x}", rec.label, rec.value);
    gb::Cs4223Record back, back_fast;
    bool back_skip = true;
    if (!gb::parse_cs4223(again, back, back_skip).empty() || back_skip || back.label != rec.label ||
        back.value != rec.value)
      fail("a parsed record printed back does not parse to itself");
    if (!gb::parse_cs4223_fast(again, back_fast) || back_fast.label != rec.label || back_fast.value != rec.value)
      fail("the fast path rejects a canonical line");
  }
  gb::fuzz::check_line_reader(text, 1 + size % 64, lines);
  return 0;
}
