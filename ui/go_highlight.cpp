// The Go line classifier: scans once left to right, one token class at a time.
#include "go_highlight.h"

#include <algorithm>
#include <array>

namespace gb::ui {

namespace {

// The Go spec's keywords and predeclared identifiers (1.19: `any` and `comparable` included).
constexpr std::array<std::string_view, 25> kKeywords = {
    "break", "case",   "chan",   "const",  "continue", "default", "defer",     "else", "fallthrough",
    "for",   "func",   "go",     "goto",   "if",       "import",  "interface", "map",  "package",
    "range", "return", "select", "struct", "switch",   "type",    "var"};
constexpr std::array<std::string_view, 41> kBuiltins = {
    "any",    "bool",   "byte",    "comparable", "complex64", "complex128", "error",  "float32", "float64",
    "int",    "int8",   "int16",   "int32",      "int64",     "rune",       "string", "uint",    "uint8",
    "uint16", "uint32", "uint64",  "uintptr",    "true",      "false",      "iota",   "nil",     "append",
    "cap",    "close",  "complex", "copy",       "delete",    "imag",       "len",    "make",    "new",
    "panic",  "print",  "println", "real",       "recover"};

bool ident_start(char c) {
  // Bytes of a UTF-8 sequence count as letters: Go identifiers may be Unicode, and splitting one is worse.
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
         (static_cast<unsigned char>(c) >= 0x80);
}
bool digit(char c) {
  return c >= '0' && c <= '9';
}

// The end of a quoted literal starting at `i` (the quote), honouring backslash escapes; the line's end if
// it is not closed.
std::size_t quoted_end(std::string_view s, std::size_t i) {
  const char q = s[i];
  for (std::size_t k = i + 1; k < s.size(); ++k) {
    if (s[k] == '\\') {
      ++k;
    } else if (s[k] == q) {
      return k + 1;
    }
  }
  return s.size();
}

// Decimal, hex, octal and binary literals with `_` separators, fractions, exponents (e+3, p-2) and the
// imaginary `i`: letters, digits, dots and an exponent's sign.
std::size_t number_end(std::string_view s, std::size_t i) {
  const bool hex = i + 1 < s.size() && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'X');
  std::size_t k = i;
  while (k < s.size()) {
    const char c = s[k];
    if (digit(c) || ident_start(c) || c == '.') {
      ++k;
    } else if ((c == '+' || c == '-') && k > i) {
      const char e = s[k - 1];
      if (hex ? (e == 'p' || e == 'P') : (e == 'e' || e == 'E')) {
        ++k;
      } else {
        break;
      }
    } else {
      break;
    }
  }
  return k;
}

}  // namespace

std::vector<GoRun> highlight_go_line(std::string_view line, GoLineState& state) {
  std::vector<GoRun> runs;
  auto add = [&](std::size_t b, std::size_t e, GoClass c) {
    if (b >= e) return;
    if (!runs.empty() && runs.back().cls == c && runs.back().end == b) {
      runs.back().end = e;
    } else {
      runs.push_back({b, e, c});
    }
  };
  std::size_t i = 0;
  // Finish what the previous line left open.
  if (state.in_comment) {
    const std::size_t close = line.find("*/");
    const std::size_t e = close == std::string_view::npos ? line.size() : close + 2;
    add(0, e, GoClass::Comment);
    state.in_comment = close == std::string_view::npos;
    i = e;
  } else if (state.in_raw_string) {
    const std::size_t close = line.find('`');
    const std::size_t e = close == std::string_view::npos ? line.size() : close + 1;
    add(0, e, GoClass::String);
    state.in_raw_string = close == std::string_view::npos;
    i = e;
  }
  while (i < line.size()) {
    const char c = line[i];
    if (c == '/' && i + 1 < line.size() && line[i + 1] == '/') {
      add(i, line.size(), GoClass::Comment);
      break;
    }
    if (c == '/' && i + 1 < line.size() && line[i + 1] == '*') {
      const std::size_t close = line.find("*/", i + 2);
      const std::size_t e = close == std::string_view::npos ? line.size() : close + 2;
      state.in_comment = close == std::string_view::npos;
      add(i, e, GoClass::Comment);
      i = e;
    } else if (c == '`') {
      const std::size_t close = line.find('`', i + 1);
      const std::size_t e = close == std::string_view::npos ? line.size() : close + 1;
      state.in_raw_string = close == std::string_view::npos;
      add(i, e, GoClass::String);
      i = e;
    } else if (c == '"' || c == '\'') {
      const std::size_t e = quoted_end(line, i);
      add(i, e, GoClass::String);
      i = e;
    } else if (digit(c) || (c == '.' && i + 1 < line.size() && digit(line[i + 1]))) {
      const std::size_t e = number_end(line, i);
      add(i, e, GoClass::Number);
      i = e;
    } else if (ident_start(c)) {
      std::size_t e = i;
      while (e < line.size() && (ident_start(line[e]) || digit(line[e]))) ++e;
      const std::string_view word = line.substr(i, e - i);
      // After a dot a name is a field or method (x.len, atomic.AddInt64), never the predeclared one.
      const bool selector = i > 0 && line[i - 1] == '.';
      GoClass cls = GoClass::Plain;
      if (std::find(kKeywords.begin(), kKeywords.end(), word) != kKeywords.end()) {
        cls = GoClass::Keyword;
      } else if (!selector && std::find(kBuiltins.begin(), kBuiltins.end(), word) != kBuiltins.end()) {
        cls = GoClass::Builtin;
      }
      add(i, e, cls);
      i = e;
    } else {
      add(i, i + 1, GoClass::Plain);
      ++i;
    }
  }
  return runs;
}

}  // namespace gb::ui
