// UTF-8 decoding and encoding exactly as Go's unicode/utf8 does it, the few Unicode properties the library
// needs (white space, printability, simple case mapping), and Go's string and rune quoting (strconv.Quote).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace gb::vm::natives {

inline constexpr char32_t kRuneError = 0xFFFD;
inline constexpr char32_t kMaxRune = 0x10FFFF;

struct Decoded {
  char32_t rune = kRuneError;
  int size = 0;
};

// The rune at the start of s: (RuneError, 0) for empty input, (RuneError, 1) for an invalid encoding
// (overlong forms, surrogates and values past U+10FFFF are invalid).
Decoded decode_rune(std::string_view s);
// The rune that ends s, as utf8.DecodeLastRuneInString.
Decoded decode_last_rune(std::string_view s);
// Appends the encoding of r (RuneError's for a surrogate, a negative value or one past U+10FFFF).
void encode_rune(std::string& out, std::int64_t r);
std::int64_t rune_count(std::string_view s);
bool valid_utf8(std::string_view s);
bool full_rune(std::string_view s);
bool valid_rune(std::int64_t r);

// unicode.IsSpace.
bool is_space(char32_t r);
// strconv.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space (Go 1.19's tables).
bool is_print(char32_t r);

// The unicode.Is* classes (Go 1.19's tables; Print is is_print, Space is is_space).
enum class RuneClass { Letter, Digit, Number, Upper, Lower, Punct, Graphic, Mark, Symbol, Title };
bool rune_in(RuneClass c, char32_t r);
// unicode.ToTitle.
char32_t to_title(char32_t r);
// unicode.ToUpper / ToLower (Go 1.19's tables).
char32_t to_upper(char32_t r);
char32_t to_lower(char32_t r);
// unicode.SimpleFold-based equality of two runes for EqualFold (same coverage as the case mapping).
bool fold_equal(char32_t a, char32_t b);

// strconv.Quote (ascii_only: QuoteToASCII) and QuoteRune (QuoteRuneToASCII).
std::string quote(std::string_view s, bool ascii_only);
std::string quote_rune(std::int64_t r, bool ascii_only);
// strconv.CanBackquote.
bool can_backquote(std::string_view s);
// strconv.Unquote; false on a malformed literal.
bool unquote(std::string_view s, std::string& out);

}  // namespace gb::vm::natives
