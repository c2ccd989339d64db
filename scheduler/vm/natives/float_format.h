// strconv.FormatFloat: Go's float formatting ('e', 'E', 'f', 'g', 'G' with precision -1 for the shortest
// representation that reads back exactly; 'b' and the hexadecimal 'x', 'X'), with the decimal digits from
// std::to_chars, which is correctly rounded.
#pragma once

#include <string>

namespace gb::vm::natives {

// bit_size 32 formats the value as a float32 (shortest digits of the float). Other format bytes give "%"
// followed by the byte, as Go does.
std::string format_float(double v, char fmt, int prec, int bit_size);

}  // namespace gb::vm::natives
