// strconv.FormatFloat: Go's float formatting ('e', 'E', 'f', 'g', 'G'; precision -1 for the shortest
// representation that reads back exactly), with the digits from std::to_chars, which is correctly rounded.
#pragma once

#include <string>

namespace gb::vm::natives {

// bit_size 32 formats the value as a float32 (shortest digits of the float). Formats other than e E f g G
// give "%" followed by the format byte, as Go does ('b', 'x' and 'X' are not supported).
std::string format_float(double v, char fmt, int prec, int bit_size);

}  // namespace gb::vm::natives
