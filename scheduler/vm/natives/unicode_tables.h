// Unicode data tables generated from Go 1.19 (gen_unicode_tables.go): character classes and case mappings.
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

// Sorted, disjoint ranges of each class: Print (strconv.IsPrint), Letter, Digit, Number, Upper, Lower, Punct,
// Graphic, Mark, Symbol, Title (unicode.Is*).
extern const RuneRange kPrintRanges[];
extern const std::size_t kPrintRangeCount;
extern const RuneRange kLetterRanges[];
extern const std::size_t kLetterRangeCount;
extern const RuneRange kDigitRanges[];
extern const std::size_t kDigitRangeCount;
extern const RuneRange kNumberRanges[];
extern const std::size_t kNumberRangeCount;
extern const RuneRange kUpperRanges[];
extern const std::size_t kUpperRangeCount;
extern const RuneRange kLowerRanges[];
extern const std::size_t kLowerRangeCount;
extern const RuneRange kPunctRanges[];
extern const std::size_t kPunctRangeCount;
extern const RuneRange kGraphicRanges[];
extern const std::size_t kGraphicRangeCount;
extern const RuneRange kMarkRanges[];
extern const std::size_t kMarkRangeCount;
extern const RuneRange kSymbolRanges[];
extern const std::size_t kSymbolRangeCount;
extern const RuneRange kTitleRanges[];
extern const std::size_t kTitleRangeCount;
extern const CaseRun kUpperRuns[];
extern const std::size_t kUpperRunsCount;
extern const CaseRun kLowerRuns[];
extern const std::size_t kLowerRunsCount;
extern const CaseRun kTitleRuns[];
extern const std::size_t kTitleRunsCount;

}  // namespace gb::vm::natives
