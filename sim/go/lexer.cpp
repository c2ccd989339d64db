// The Go scanner: automatic semicolons, literals with escapes, comments, and gc-worded lexical errors.
//
// Sections, in order:
//   UTF-8 and character classes
//   Reading characters
//   Tokens
//   Numbers
//   Runes and strings
#include "sim/go/lexer.h"

#include <fmt/format.h>

namespace gb::go {

// [SECTION] UTF-8 and character classes

std::int32_t decode_utf8(const std::string& s, std::size_t i, std::size_t& size) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  size = 1;
  if (b0 < 0x80) return b0;
  int need = 0;
  std::uint32_t cp = 0;
  std::uint32_t min = 0;
  if ((b0 & 0xE0) == 0xC0) {
    need = 1, cp = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    need = 2, cp = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    need = 3, cp = b0 & 0x07, min = 0x10000;
  } else {
    return -1;
  }
  if (i + static_cast<std::size_t>(need) >= s.size()) return -1;
  for (int k = 1; k <= need; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return -1;
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp < 0xE000)) return -1;
  size = static_cast<std::size_t>(need) + 1;
  return static_cast<std::int32_t>(cp);
}

void append_utf8(std::string& out, std::uint32_t r) {
  if (r > 0x10FFFF || (r >= 0xD800 && r < 0xE000)) r = 0xFFFD;  // as Go's string(rune) does
  if (r < 0x80) {
    out += static_cast<char>(r);
  } else if (r < 0x800) {
    out += static_cast<char>(0xC0 | (r >> 6));
    out += static_cast<char>(0x80 | (r & 0x3F));
  } else if (r < 0x10000) {
    out += static_cast<char>(0xE0 | (r >> 12));
    out += static_cast<char>(0x80 | ((r >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (r & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (r >> 18));
    out += static_cast<char>(0x80 | ((r >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((r >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (r & 0x3F));
  }
}

std::string format_unicode(std::uint32_t r) {
  std::string s = fmt::format("U+{:04X}", r);
  // %#U adds the character itself when it is printable.
  const bool printable = (r >= 0x20 && r < 0x7F) || (r >= 0xA0 && r != 0xAD && r <= 0x10FFFF &&
                                                     !(r >= 0xD800 && r < 0xE000) && r != 0xFEFF);
  if (printable) {
    s += " '";
    append_utf8(s, r);
    s += "'";
  }
  return s;
}

namespace {

bool is_ascii_letter(std::int32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool is_decimal(std::int32_t c) {
  return c >= '0' && c <= '9';
}
bool is_hex(std::int32_t c) {
  return is_decimal(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
std::int32_t lower(std::int32_t c) {
  return c | 0x20;
}

// Simplification: Go uses the full Unicode letter tables; we accept the scripts a Go program is likely
// to use in identifiers (Latin, Greek, Cyrillic, Hebrew/Arabic, Indic, CJK, kana, Hangul) and treat other
// non-ASCII code points as invalid identifier characters.
bool is_unicode_letter(std::int32_t c) {
  if (c < 0x80) return is_ascii_letter(c);
  if (c == 0xAA || c == 0xB5 || c == 0xBA) return true;
  if (c >= 0xC0 && c <= 0x24F) return c != 0xD7 && c != 0xF7;
  return (c >= 0x370 && c <= 0x3FF && c != 0x37E && c != 0x387) || (c >= 0x400 && c <= 0x52F) ||
         (c >= 0x5D0 && c <= 0x5EA) || (c >= 0x620 && c <= 0x64A) || (c >= 0x904 && c <= 0x939) ||
         (c >= 0x1E00 && c <= 0x1FFF) || (c >= 0x3041 && c <= 0x3096) || (c >= 0x30A1 && c <= 0x30FA) ||
         (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7A3) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FA1F);
}

std::string_view base_name(int base) {
  switch (base) {
    case 2:
      return "binary";
    case 8:
      return "octal";
    case 10:
      return "decimal";
    default:
      return "hexadecimal";
  }
}

// Go's %q of a rune, enough for the characters that reach lexical error messages.
std::string quote_rune(std::int32_t c) {
  if (c == '\'') return "'\\''";
  if (c == '\\') return "'\\\\'";
  if (c == '\n') return "'\\n'";
  if (c == '\t') return "'\\t'";
  if (c < 0) return "'\\x00'";
  if (c < 0x20 || c == 0x7F) return fmt::format("'\\x{:02x}'", c);
  std::string s = "'";
  append_utf8(s, static_cast<std::uint32_t>(c));
  return s + "'";
}

// Index of the first '_' in a number literal that does not sit between two digits (a base prefix such
// as 0x counts as a digit), or -1.
std::int64_t invalid_separator(const std::string& x) {
  bool hex = false;
  char prev_class = '.';  // '0' digit, '_' separator, '.' anything else
  std::size_t i = 0;
  if (x.size() >= 2 && x[0] == '0') {
    const char p = static_cast<char>(lower(x[1]));
    if (p == 'x' || p == 'o' || p == 'b') {
      hex = p == 'x';
      prev_class = '0';
      i = 2;
    }
  }
  for (; i < x.size(); ++i) {
    const char c = x[i];
    char cls;
    if (c == '_') {
      if (prev_class != '0') return static_cast<std::int64_t>(i);
      cls = '_';
    } else if (is_decimal(c) || (hex && is_hex(c))) {
      cls = '0';
    } else {
      if (prev_class == '_') return static_cast<std::int64_t>(i) - 1;
      cls = '.';
    }
    prev_class = cls;
  }
  return prev_class == '_' ? static_cast<std::int64_t>(x.size()) - 1 : -1;
}

bool is_unicode_digit(std::int32_t c) {
  return (c >= 0x660 && c <= 0x669) || (c >= 0x6F0 && c <= 0x6F9) || (c >= 0x966 && c <= 0x96F) ||
         (c >= 0xFF10 && c <= 0xFF19);
}

}  // namespace

// [SECTION] Reading characters

Lexer::Lexer(const SourceFile& file, Diagnostics& diags) : file_(file), diags_(diags), src_(file.text()) {
  // A byte order mark is allowed only as the very first character; nextch() then starts after it.
  if (src_.size() >= 3 && src_.compare(0, 3, "\xEF\xBB\xBF") == 0) width_ = 3;
  nextch();
}

void Lexer::nextch() {
  // A loop rather than recursion: a run of stray BOMs is skipped without growing the stack.
  for (;;) {
    off_ += width_;
    if (off_ >= src_.size()) {
      off_ = src_.size();
      width_ = 0;
      ch_ = -1;
      return;
    }
    const auto b = static_cast<unsigned char>(src_[off_]);
    if (b < 0x80) {
      width_ = 1;
      ch_ = b;
      if (b == 0) error_here("invalid NUL character");
      return;
    }
    std::size_t size = 1;
    const std::int32_t cp = decode_utf8(src_, off_, size);
    width_ = size;
    if (cp < 0) {
      error_here("invalid UTF-8 encoding");
      ch_ = 0xFFFD;
      return;
    }
    ch_ = cp;
    if (cp != 0xFEFF) return;
    // Reported and then skipped, as gc's source reader does, so it never reaches a token.
    error_here("invalid BOM in the middle of the file");
  }
}

void Lexer::error_here(const std::string& msg) {
  diags_.error(pos_at(off_), msg);
}
void Lexer::error_at(std::size_t offset, const std::string& msg) {
  diags_.error(pos_at(offset), msg);
}

// [SECTION] Tokens

Token Lexer::next() {
  const bool nlsemi = nlsemi_;
  nlsemi_ = false;
  Token t;

  for (;;) {
    while (ch_ == ' ' || ch_ == '\t' || ch_ == '\r' || (ch_ == '\n' && !nlsemi)) nextch();
    t.offset = static_cast<std::uint32_t>(off_);
    t.pos = pos_at(off_);

    if (ch_ == 0xFFFD) {  // an invalid encoding, already reported by nextch()
      nextch();
      continue;
    }
    // As in gc, any other non-ASCII character starts an identifier; scan_ident reports the ones that
    // are not letters, and the parser then sees a name rather than losing the token.
    if (is_ascii_letter(ch_) || ch_ >= 0x80) {
      scan_ident(t);
      return t;
    }

    const std::int32_t c = ch_;
    switch (c) {
      case -1:
        if (nlsemi) {
          t.kind = Tok::Semicolon;
          t.text = "EOF";
        } else {
          t.kind = Tok::Eof;
          t.text = "EOF";
        }
        return t;
      case '\n':
        nextch();
        t.kind = Tok::Semicolon;
        t.text = "newline";
        return t;
      case '0':
      case '1':
      case '2':
      case '3':
      case '4':
      case '5':
      case '6':
      case '7':
      case '8':
      case '9':
        scan_number(t, false);
        return t;
      case '"':
        scan_string(t);
        return t;
      case '`':
        scan_raw_string(t);
        return t;
      case '\'':
        scan_rune(t);
        return t;
      case '(':
        nextch();
        t.kind = Tok::LParen;
        return t;
      case '[':
        nextch();
        t.kind = Tok::LBrack;
        return t;
      case '{':
        nextch();
        t.kind = Tok::LBrace;
        return t;
      case ',':
        nextch();
        t.kind = Tok::Comma;
        return t;
      case ';':
        nextch();
        t.kind = Tok::Semicolon;
        t.text = "semicolon";
        return t;
      case ')':
        nextch();
        t.kind = Tok::RParen;
        nlsemi_ = true;
        return t;
      case ']':
        nextch();
        t.kind = Tok::RBrack;
        nlsemi_ = true;
        return t;
      case '}':
        nextch();
        t.kind = Tok::RBrace;
        nlsemi_ = true;
        return t;
      case ':':
        nextch();
        t.kind = Tok::Colon;
        if (ch_ == '=') nextch(), t.kind = Tok::Define;
        return t;
      case '.':
        if (off_ + 1 < src_.size() && is_decimal(src_[off_ + 1])) {
          scan_number(t, true);
          return t;
        }
        if (off_ + 2 < src_.size() && src_[off_ + 1] == '.' && src_[off_ + 2] == '.') {
          nextch(), nextch(), nextch();
          t.kind = Tok::Ellipsis;
          return t;
        }
        nextch();
        t.kind = Tok::Period;
        return t;
      case '+':
        nextch();
        t.kind = Tok::Add;
        if (ch_ == '+')
          nextch(), t.kind = Tok::Inc, nlsemi_ = true;
        else if (ch_ == '=')
          nextch(), t.kind = Tok::AddAssign;
        return t;
      case '-':
        nextch();
        t.kind = Tok::Sub;
        if (ch_ == '-')
          nextch(), t.kind = Tok::Dec, nlsemi_ = true;
        else if (ch_ == '=')
          nextch(), t.kind = Tok::SubAssign;
        return t;
      case '*':
        nextch();
        t.kind = Tok::Mul;
        if (ch_ == '=') nextch(), t.kind = Tok::MulAssign;
        return t;
      case '/':
        nextch();
        if (ch_ == '/') {
          // Line comment: stop before the newline so it still ends the statement.
          while (ch_ != '\n' && ch_ >= 0) nextch();
          continue;
        }
        if (ch_ == '*') {
          nextch();
          const std::uint32_t start_line = t.pos.line;
          if (!skip_general_comment()) error_at(t.offset, "comment not terminated");
          // A comment that spans lines acts like a newline.
          if (nlsemi && pos_at(off_).line != start_line) {
            t.kind = Tok::Semicolon;
            t.text = "newline";
            return t;
          }
          continue;
        }
        t.kind = Tok::Quo;
        if (ch_ == '=') nextch(), t.kind = Tok::QuoAssign;
        return t;
      case '%':
        nextch();
        t.kind = Tok::Rem;
        if (ch_ == '=') nextch(), t.kind = Tok::RemAssign;
        return t;
      case '&':
        nextch();
        t.kind = Tok::And;
        if (ch_ == '&') {
          nextch(), t.kind = Tok::LAnd;
        } else if (ch_ == '^') {
          nextch(), t.kind = Tok::AndNot;
          if (ch_ == '=') nextch(), t.kind = Tok::AndNotAssign;
        } else if (ch_ == '=') {
          nextch(), t.kind = Tok::AndAssign;
        }
        return t;
      case '|':
        nextch();
        t.kind = Tok::Or;
        if (ch_ == '|')
          nextch(), t.kind = Tok::LOr;
        else if (ch_ == '=')
          nextch(), t.kind = Tok::OrAssign;
        return t;
      case '^':
        nextch();
        t.kind = Tok::Xor;
        if (ch_ == '=') nextch(), t.kind = Tok::XorAssign;
        return t;
      case '<':
        nextch();
        t.kind = Tok::Lss;
        if (ch_ == '=') {
          nextch(), t.kind = Tok::Leq;
        } else if (ch_ == '<') {
          nextch(), t.kind = Tok::Shl;
          if (ch_ == '=') nextch(), t.kind = Tok::ShlAssign;
        } else if (ch_ == '-') {
          nextch(), t.kind = Tok::Arrow;
        }
        return t;
      case '>':
        nextch();
        t.kind = Tok::Gtr;
        if (ch_ == '=') {
          nextch(), t.kind = Tok::Geq;
        } else if (ch_ == '>') {
          nextch(), t.kind = Tok::Shr;
          if (ch_ == '=') nextch(), t.kind = Tok::ShrAssign;
        }
        return t;
      case '=':
        nextch();
        t.kind = Tok::Assign;
        if (ch_ == '=') nextch(), t.kind = Tok::Eql;
        return t;
      case '!':
        nextch();
        t.kind = Tok::Not;
        if (ch_ == '=') nextch(), t.kind = Tok::Neq;
        return t;
      case '~':
        nextch();
        t.kind = Tok::Tilde;
        return t;
      default:
        error_here("invalid character " + format_unicode(static_cast<std::uint32_t>(c)));
        nextch();
        continue;
    }
  }
}

bool Lexer::skip_general_comment() {
  while (ch_ >= 0) {
    if (ch_ == '*') {
      nextch();
      if (ch_ == '/') {
        nextch();
        return true;
      }
      continue;
    }
    nextch();
  }
  return false;
}

void Lexer::scan_ident(Token& t) {
  if (is_unicode_digit(ch_)) {
    error_here("identifier cannot begin with digit " + format_unicode(static_cast<std::uint32_t>(ch_)));
    nextch();
  }
  while (ch_ >= 0 && (is_ascii_letter(ch_) || is_decimal(ch_) || (ch_ >= 0x80 && ch_ != 0xFFFD))) {
    if (ch_ >= 0x80 && !is_unicode_letter(ch_) && !is_unicode_digit(ch_)) {
      error_here("invalid character " + format_unicode(static_cast<std::uint32_t>(ch_)) + " in identifier");
    }
    nextch();
  }
  t.text = src_.substr(t.offset, off_ - t.offset);
  t.kind = lookup_keyword(t.text);
  if (t.kind == Tok::Ident) {
    nlsemi_ = true;
  } else {
    nlsemi_ = t.kind == Tok::Break || t.kind == Tok::Continue || t.kind == Tok::Fallthrough ||
              t.kind == Tok::Return;
    t.text.clear();
  }
}

// [SECTION] Numbers

// Consumes digits and '_' separators of `base` (decimal digits are always consumed so a bad one like 9
// in an octal literal is reported once, by the caller). Returns 1 if any digit was seen; records the
// offset of the first digit not valid in `base`.
int Lexer::scan_digits(int base, std::int64_t& invalid) {
  int seen = 0;
  if (base <= 10) {
    while (is_decimal(ch_) || ch_ == '_') {
      if (ch_ != '_') {
        seen = 1;
        if (ch_ - '0' >= base && invalid < 0) invalid = static_cast<std::int64_t>(off_);
      }
      nextch();
    }
  } else {
    while (is_hex(ch_) || ch_ == '_') {
      if (ch_ != '_') seen = 1;
      nextch();
    }
  }
  return seen;
}

void Lexer::scan_number(Token& t, bool seen_point) {
  nlsemi_ = true;
  t.kind = Tok::Int;
  int base = 10;
  char prefix = 0;
  int digits = 0;
  std::int64_t invalid = -1;
  bool ok = true;

  if (!seen_point) {
    if (ch_ == '0') {
      nextch();
      switch (lower(ch_)) {
        case 'x':
          nextch(), base = 16, prefix = 'x';
          break;
        case 'o':
          nextch(), base = 8, prefix = 'o';
          break;
        case 'b':
          nextch(), base = 2, prefix = 'b';
          break;
        default:
          base = 8, prefix = '0', digits = 1;  // the leading 0 counts as a digit
      }
    }
    digits |= scan_digits(base, invalid);
    if (ch_ == '.') {
      if (prefix == 'o' || prefix == 'b') {
        error_here(fmt::format("invalid radix point in {} literal", base_name(base)));
        ok = false;
      }
      nextch();
      seen_point = true;
    }
  } else {
    nextch();  // the '.'
  }
  if (seen_point) {
    t.kind = Tok::Float;
    digits |= scan_digits(base == 16 ? 16 : 10, invalid);
  }
  if (digits == 0 && ok) {
    error_here(fmt::format("{} literal has no digits", base_name(base)));
    ok = false;
  }
  const std::int32_t e = lower(ch_);
  if (e == 'e' || e == 'p') {
    if (ok && e == 'e' && prefix != 0 && prefix != '0') {
      error_here(fmt::format("{} exponent requires decimal mantissa", quote_rune(ch_)));
      ok = false;
    } else if (ok && e == 'p' && prefix != 'x') {
      error_here(fmt::format("{} exponent requires hexadecimal mantissa", quote_rune(ch_)));
      ok = false;
    }
    nextch();
    t.kind = Tok::Float;
    if (ch_ == '+' || ch_ == '-') nextch();
    std::int64_t unused = -1;
    if (scan_digits(10, unused) == 0 && ok) {
      error_here("exponent has no digits");
      ok = false;
    }
  } else if (prefix == 'x' && t.kind == Tok::Float && ok) {
    error_here("hexadecimal mantissa requires a 'p' exponent");
    ok = false;
  }
  if (ch_ == 'i') {
    t.kind = Tok::Imag;
    nextch();
  }
  t.text = src_.substr(t.offset, off_ - t.offset);
  if (ok && t.text.find('_') != std::string::npos) {
    const std::int64_t bad_sep = invalid_separator(t.text);
    if (bad_sep >= 0) {
      error_at(t.offset + static_cast<std::size_t>(bad_sep), "'_' must separate successive digits");
      ok = false;
    }
  }
  // A leading-0 literal is octal only if it stays an integer (0129.5 is a valid float).
  if (ok && invalid >= 0 && t.kind == Tok::Int) {
    const char bad = src_[static_cast<std::size_t>(invalid)];
    error_at(static_cast<std::size_t>(invalid),
             fmt::format("invalid digit {} in {} literal", quote_rune(bad), base_name(base)));
    ok = false;
  }
  t.bad = !ok;
}

// [SECTION] Runes and strings

bool Lexer::scan_escape(char32_t quote, std::string& out, std::uint32_t* rune_out) {
  int n = 0;
  std::uint32_t base = 0;
  std::uint32_t max = 0;
  auto simple = [&](char v) {
    nextch();
    out += v;
    if (rune_out) *rune_out = static_cast<unsigned char>(v);
    return true;
  };
  switch (ch_) {
    case 'a':
      return simple('\a');
    case 'b':
      return simple('\b');
    case 'f':
      return simple('\f');
    case 'n':
      return simple('\n');
    case 'r':
      return simple('\r');
    case 't':
      return simple('\t');
    case 'v':
      return simple('\v');
    case '\\':
      return simple('\\');
    case '0':
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7':
      n = 3, base = 8, max = 255;
      break;
    case 'x':
      nextch(), n = 2, base = 16, max = 255;
      break;
    case 'u':
      nextch(), n = 4, base = 16, max = 0x10FFFF;
      break;
    case 'U':
      nextch(), n = 8, base = 16, max = 0x10FFFF;
      break;
    default:
      if (ch_ == static_cast<std::int32_t>(quote)) return simple(static_cast<char>(quote));
      if (ch_ < 0) return true;  // the caller reports the unterminated literal
      error_here("unknown escape");
      return false;
  }
  std::uint32_t x = 0;
  for (int i = n; i > 0; --i) {
    if (ch_ < 0) return true;
    std::uint32_t d = base;
    if (is_decimal(ch_)) {
      d = static_cast<std::uint32_t>(ch_ - '0');
    } else if (lower(ch_) >= 'a' && lower(ch_) <= 'f') {
      d = static_cast<std::uint32_t>(lower(ch_) - 'a' + 10);
    }
    if (d >= base) {
      error_here(fmt::format("invalid character {} in {} escape", quote_rune(ch_),
                             base_name(static_cast<int>(base))));
      return false;
    }
    x = x * base + d;
    nextch();
  }
  if (x > max && base == 8) {
    error_here(fmt::format("octal escape value {} > 255", x));
    return false;
  }
  if (x > max || (x >= 0xD800 && x < 0xE000)) {
    error_here("escape is invalid Unicode code point " + format_unicode(x));
    return false;
  }
  if (rune_out) *rune_out = x;
  // \x and octal escapes denote single bytes in a string; \u and \U denote code points.
  if (max == 255) {
    out += static_cast<char>(x);
  } else {
    append_utf8(out, x);
  }
  return true;
}

void Lexer::scan_rune(Token& t) {
  nlsemi_ = true;
  t.kind = Tok::Char;
  bool ok = true;
  nextch();
  int n = 0;
  std::string scratch;
  for (;; ++n) {
    if (ch_ == '\'') {
      if (ok) {
        if (n == 0) {
          error_here("empty rune literal or unescaped '");
          ok = false;
        } else if (n != 1) {
          error_at(t.offset, "more than one character in rune literal");
          ok = false;
        }
      }
      nextch();
      break;
    }
    if (ch_ == '\\') {
      nextch();
      std::uint32_t r = 0;
      if (!scan_escape('\'', scratch, &r)) ok = false;
      if (n == 0) t.rune = r;
      continue;
    }
    if (ch_ == '\n') {
      if (ok) error_here("newline in rune literal");
      ok = false;
      break;
    }
    if (ch_ < 0) {
      if (ok) error_at(t.offset, "rune literal not terminated");
      ok = false;
      break;
    }
    if (n == 0) t.rune = static_cast<std::uint32_t>(ch_);
    nextch();
  }
  t.text = src_.substr(t.offset, off_ - t.offset);
  t.bad = !ok;
}

void Lexer::scan_string(Token& t) {
  nlsemi_ = true;
  t.kind = Tok::String;
  bool ok = true;
  nextch();
  for (;;) {
    if (ch_ == '"') {
      nextch();
      break;
    }
    if (ch_ == '\\') {
      nextch();
      if (!scan_escape('"', t.value, nullptr)) ok = false;
      continue;
    }
    if (ch_ == '\n') {
      error_here("newline in string");
      ok = false;
      break;
    }
    if (ch_ < 0) {
      error_at(t.offset, "string not terminated");
      ok = false;
      break;
    }
    t.value.append(src_, off_, width_);
    nextch();
  }
  t.text = src_.substr(t.offset, off_ - t.offset);
  t.bad = !ok;
}

void Lexer::scan_raw_string(Token& t) {
  nlsemi_ = true;
  t.kind = Tok::String;
  bool ok = true;
  nextch();
  for (;;) {
    if (ch_ == '`') {
      nextch();
      break;
    }
    if (ch_ < 0) {
      error_at(t.offset, "string not terminated");
      ok = false;
      break;
    }
    // Carriage returns are discarded from raw string values (spec: String literals).
    if (ch_ != '\r') t.value.append(src_, off_, width_);
    nextch();
  }
  t.text = src_.substr(t.offset, off_ - t.offset);
  t.bad = !ok;
}

}  // namespace gb::go
