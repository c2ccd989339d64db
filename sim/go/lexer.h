// The Go scanner: bytes to tokens, with automatic semicolons and gc's lexical error messages.
#pragma once

#include <cstdint>
#include <string>

#include "sim/go/diagnostics.h"
#include "sim/go/source.h"
#include "sim/go/token.h"

namespace gb::go {

// Produces one token per next() call and never fails: a bad character or literal is reported to the
// Diagnostics (without the "syntax error:" prefix, as gc's scanner does) and scanning goes on, so the
// parser sees a plausible token stream and can report what follows.
class Lexer {
 public:
  Lexer(const SourceFile& file, Diagnostics& diags);

  Token next();

 private:
  void nextch();
  Pos pos_at(std::size_t offset) const { return file_.pos_of(offset); }
  void error_here(const std::string& msg);
  void error_at(std::size_t offset, const std::string& msg);

  void scan_ident(Token& t);
  void scan_number(Token& t, bool seen_point);
  int scan_digits(int base, std::int64_t& invalid);
  void scan_rune(Token& t);
  void scan_string(Token& t);
  void scan_raw_string(Token& t);
  // Decodes one escape after the backslash into `out` (bytes for \x and octal, UTF-8 otherwise);
  // false (after reporting) if it is malformed.
  bool scan_escape(char32_t quote, std::string& out, std::uint32_t* rune_out);
  bool skip_general_comment();  // false if it ran to EOF

  const SourceFile& file_;
  Diagnostics& diags_;
  const std::string& src_;
  std::int32_t ch_ = -1;   // current code point, -1 at EOF
  std::size_t off_ = 0;    // offset of ch_
  std::size_t width_ = 0;  // byte length of ch_
  bool nlsemi_ = false;    // a newline or EOF now would end a statement
};

// Formats a code point as Go's %#U does: U+0040 '@'.
std::string format_unicode(std::uint32_t r);
// Appends the UTF-8 encoding of r.
void append_utf8(std::string& out, std::uint32_t r);
// Decodes one UTF-8 sequence at s[i]; returns the code point and sets `size`, or -1 (size 1) if invalid.
std::int32_t decode_utf8(const std::string& s, std::size_t i, std::size_t& size);

}  // namespace gb::go
