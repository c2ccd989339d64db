// Colour classes for a line of Go in a lesson's code block. Our own small classifier: the compiler's lexer
// (sim/go/lexer.h) drops comments and reports errors, and a highlighter must keep the one and never fail.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace gb::ui {

enum class GoClass : std::uint8_t {
  Plain,    // identifiers, operators, punctuation, spaces
  Keyword,  // the 25 keywords
  Builtin,  // predeclared types, constants and functions (int, nil, len, ...)
  String,   // "...", '...' and `...`
  Number,
  Comment,
};

// A run of bytes [begin, end) of the line in one class; the runs cover the line in order.
struct GoRun {
  std::size_t begin = 0, end = 0;
  GoClass cls = GoClass::Plain;
  bool operator==(const GoRun&) const = default;
};

// What a line leaves open for the next: a /* comment or a `raw string` can span lines.
struct GoLineState {
  bool in_comment = false;
  bool in_raw_string = false;
};

std::vector<GoRun> highlight_go_line(std::string_view line, GoLineState& state);

}  // namespace gb::ui
