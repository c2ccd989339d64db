// Unicode data tables generated from Go 1.19 (gen_unicode_tables.go): printable ranges and case mappings.
#pragma once

#include <cstddef>
#include <cstdint>

namespace gb::vm::natives {

struct RuneRange {
  char32_t lo, hi;
};

struct CaseRun {
  char32_t lo, hi;
  std::int32_t delta;
  std::int32_t stride;  // 1: every code point in [lo, hi]; 2: lo, lo+2, ...
};

extern const RuneRange kPrintRanges[];
extern const std::size_t kPrintRangeCount;
extern const CaseRun kUpperRuns[];
extern const std::size_t kUpperRunsCount;
extern const CaseRun kLowerRuns[];
extern const std::size_t kLowerRunsCount;

}  // namespace gb::vm::natives
