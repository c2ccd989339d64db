// strings, strconv and unicode/utf8 natives: results and edge cases (empty separators, invalid UTF-8,
// n limits, bases and bit sizes, range clamping, quoting) checked against real Go 1.19 running the same
// calls.
#include <catch2/catch.hpp>

#include <climits>
#include <cstdint>
#include <initializer_list>

#include "scheduler/vm/natives/float_format.h"
#include "scheduler/vm/natives/unicode_text.h"
#include "tests/vm/fake_host.h"

using namespace gb::vm;
using gb::vm::testing::NativesFixture;
using gb::vm::testing::words;

namespace {

// A string literal with its full length (literals here may hold NUL bytes).
struct Lit {
  std::string s;
  template <std::size_t N>
  Lit(const char (&a)[N]) : s(a, N - 1) {}  // NOLINT: implicit on purpose
};

std::string bool_str(bool b) {
  return b ? "true" : "false";
}

// Joins pieces with += (g++ 12 reports false -Wrestrict overlaps for chains of operator+).
std::string cat(std::initializer_list<std::string_view> parts) {
  std::string s;
  for (std::string_view p : parts) s += p;
  return s;
}

struct TextFixture : NativesFixture {
  std::string slice_q(std::size_t at) {
    std::string out = "[";
    bool first = true;
    for (const std::string& s : string_slice_at(at)) {
      if (!first) out += " ";
      first = false;
      out += natives::quote(s, false);
    }
    return out + "]";
  }
  std::int64_t ss_i(std::string_view fn, const Lit& a, const Lit& b) {
    call(fn, words({str_words(a.s), str_words(b.s)}), 1);
    return static_cast<std::int64_t>(host.frame_words[4]);
  }
  bool ss_b(std::string_view fn, const Lit& a, const Lit& b) {
    call(fn, words({str_words(a.s), str_words(b.s)}), 1);
    return host.frame_words[4] != 0;
  }
  std::string s_s(std::string_view fn, const Lit& a) {
    call(fn, str_words(a.s), 2);
    return host.string_at(2);
  }
  std::string ss_s(std::string_view fn, const Lit& a, const Lit& b) {
    call(fn, words({str_words(a.s), str_words(b.s)}), 2);
    return host.string_at(4);
  }
  std::string ss_list(std::string_view fn, const Lit& a, const Lit& b) {
    call(fn, words({str_words(a.s), str_words(b.s)}), 3);
    return slice_q(4);
  }
  std::string ssn_list(std::string_view fn, const Lit& a, const Lit& b, std::int64_t n) {
    call(fn, words({str_words(a.s), str_words(b.s), {static_cast<Word>(n)}}), 3);
    return cat({slice_q(5), host.frame_words[5] == 0 ? " true" : " false"});
  }
  std::string s_list(std::string_view fn, const Lit& a) {
    call(fn, str_words(a.s), 3);
    return slice_q(2);
  }
  std::string repeat(const Lit& a, std::int64_t n) {
    call("strings.Repeat", words({str_words(a.s), {static_cast<Word>(n)}}), 2);
    return host.string_at(3);
  }
  std::string replace(const Lit& s, const Lit& o, const Lit& n, std::int64_t count) {
    call("strings.Replace",
         words({str_words(s.s), str_words(o.s), str_words(n.s), {static_cast<Word>(count)}}), 2);
    return host.string_at(7);
  }
  std::string index_bytes(const Lit& s, char c) {
    call("strings.IndexByte", words({str_words(s.s), {static_cast<Word>(c)}}), 1);
    const auto first = static_cast<std::int64_t>(host.frame_words[3]);
    call("strings.LastIndexByte", words({str_words(s.s), {static_cast<Word>(c)}}), 1);
    const auto last = static_cast<std::int64_t>(host.frame_words[3]);
    return cat({std::to_string(first), " ", std::to_string(last)});
  }
  std::int64_t si_i(std::string_view fn, const Lit& s, std::int64_t r) {
    call(fn, words({str_words(s.s), {static_cast<Word>(r)}}), 1);
    return static_cast<std::int64_t>(host.frame_words[3]);
  }
  std::string parse_int(const Lit& s, std::int64_t base, std::int64_t bits) {
    call("strconv.parseInt", words({str_words(s.s), {static_cast<Word>(base), static_cast<Word>(bits)}}), 2);
    return cat({std::to_string(static_cast<std::int64_t>(host.frame_words[4])), " ",
                std::to_string(host.frame_words[5])});
  }
  std::string parse_uint(const Lit& s, std::int64_t base, std::int64_t bits) {
    call("strconv.parseUint", words({str_words(s.s), {static_cast<Word>(base), static_cast<Word>(bits)}}), 2);
    return cat({std::to_string(host.frame_words[4]), " ", std::to_string(host.frame_words[5])});
  }
  std::string parse_float(const Lit& s, std::int64_t bits) {
    call("strconv.parseFloat", words({str_words(s.s), {static_cast<Word>(bits)}}), 2);
    return cat({natives::format_float(std::bit_cast<double>(host.frame_words[3]), 'g', -1, 64), " ",
                std::to_string(host.frame_words[4])});
  }
  std::string format_int(std::int64_t v, std::int64_t base) {
    call("strconv.FormatInt", {static_cast<Word>(v), static_cast<Word>(base)}, 2);
    return host.string_at(2);
  }
  std::string format_uint(std::uint64_t v, std::int64_t base) {
    call("strconv.FormatUint", {v, static_cast<Word>(base)}, 2);
    return host.string_at(2);
  }
  std::string format_float(double v, char f, std::int64_t prec, std::int64_t bits) {
    call("strconv.FormatFloat",
         {std::bit_cast<Word>(v), static_cast<Word>(f), static_cast<Word>(prec), static_cast<Word>(bits)}, 2);
    return host.string_at(4);
  }
  std::string quote_rune(std::string_view fn, std::int64_t r) {
    call(fn, {static_cast<Word>(r)}, 2);
    return host.string_at(1);
  }
  std::string unquote(const Lit& s) {
    call("strconv.unquote", str_words(s.s), 3);
    return cat({host.string_at(2), host.frame_words[4] != 0 ? " true" : " false"});
  }
  std::string utf8_info(const Lit& s) {
    call("utf8.RuneCountInString", str_words(s.s), 1);
    std::string out = std::to_string(host.frame_words[2]);
    call("utf8.ValidString", str_words(s.s), 1);
    out += " ";
    out += bool_str(host.frame_words[2] != 0);
    call("utf8.FullRuneInString", str_words(s.s), 1);
    out += " ";
    out += bool_str(host.frame_words[2] != 0);
    return out;
  }
  std::string decode(const Lit& s) {
    call("utf8.DecodeRuneInString", str_words(s.s), 2);
    std::string out = cat({std::to_string(host.frame_words[2]), " ", std::to_string(host.frame_words[3])});
    call("utf8.DecodeLastRuneInString", str_words(s.s), 2);
    return cat({out, " ", std::to_string(host.frame_words[2]), " ", std::to_string(host.frame_words[3])});
  }
};

}  // namespace

TEST_CASE("strings, strconv and utf8 natives give Go 1.19's results", "[natives][text]") {
  TextFixture fx;
  CHECK(std::to_string(fx.ss_i("strings.Index", "chicken", "ken")) == "4");
  CHECK(std::to_string(fx.ss_i("strings.LastIndex", "chicken", "ken")) == "4");
  CHECK(std::to_string(fx.ss_i("strings.Count", "chicken", "ken")) == "1");
  CHECK(std::to_string(fx.ss_i("strings.IndexAny", "chicken", "ken")) == "4");
  CHECK(std::to_string(fx.ss_i("strings.Index", "chicken", "dmr")) == "-1");
  CHECK(std::to_string(fx.ss_i("strings.LastIndex", "chicken", "dmr")) == "-1");
  CHECK(std::to_string(fx.ss_i("strings.Count", "chicken", "dmr")) == "0");
  CHECK(std::to_string(fx.ss_i("strings.IndexAny", "chicken", "dmr")) == "-1");
  CHECK(std::to_string(fx.ss_i("strings.Index", "", "")) == "0");
  CHECK(std::to_string(fx.ss_i("strings.LastIndex", "", "")) == "0");
  CHECK(std::to_string(fx.ss_i("strings.Count", "", "")) == "1");
  CHECK(std::to_string(fx.ss_i("strings.IndexAny", "", "")) == "-1");
  CHECK(std::to_string(fx.ss_i("strings.Index", "abc", "")) == "0");
  CHECK(std::to_string(fx.ss_i("strings.LastIndex", "abc", "")) == "3");
  CHECK(std::to_string(fx.ss_i("strings.Count", "abc", "")) == "4");
  CHECK(std::to_string(fx.ss_i("strings.IndexAny", "abc", "")) == "-1");
  CHECK(std::to_string(fx.ss_i("strings.Index",
                               "a\xc3\xa9"
                               "b\xc3\xa9",
                               "\xc3\xa9")) == "1");
  CHECK(std::to_string(fx.ss_i("strings.LastIndex",
                               "a\xc3\xa9"
                               "b\xc3\xa9",
                               "\xc3\xa9")) == "4");
  CHECK(std::to_string(fx.ss_i("strings.Count",
                               "a\xc3\xa9"
                               "b\xc3\xa9",
                               "\xc3\xa9")) == "2");
  CHECK(std::to_string(fx.ss_i("strings.IndexAny",
                               "a\xc3\xa9"
                               "b\xc3\xa9",
                               "\xc3\xa9")) == "1");
  CHECK(bool_str(fx.ss_b("strings.EqualFold", "Go", "GO")) == "true");
  CHECK(bool_str(fx.ss_b("strings.EqualFold", "\xc3\xa9t\xc3\xa9", "\xc3\x89T\xc3\x89")) == "true");
  CHECK(bool_str(fx.ss_b("strings.EqualFold", "a", "ab")) == "false");
  CHECK(bool_str(fx.ss_b("strings.EqualFold", "k", "K")) == "true");
  CHECK(fx.s_s("strings.ToUpper", "Hello, World") == "HELLO, WORLD");
  CHECK(fx.s_s("strings.ToLower", "Hello, World") == "hello, world");
  CHECK(fx.s_s("strings.Title", "Hello, World") == "Hello, World");
  CHECK(fx.s_s("strings.TrimSpace", "Hello, World") == "Hello, World");
  CHECK(fx.s_s("strings.ToUpper", "\xc3\xa9t\xc3\xa9 \xce\xb1\xce\xb2\xce\xb3 \xd0\xb6") ==
        "\xc3\x89T\xc3\x89 \xce\x91\xce\x92\xce\x93 \xd0\x96");
  CHECK(fx.s_s("strings.ToLower", "\xc3\xa9t\xc3\xa9 \xce\xb1\xce\xb2\xce\xb3 \xd0\xb6") ==
        "\xc3\xa9t\xc3\xa9 \xce\xb1\xce\xb2\xce\xb3 \xd0\xb6");
  CHECK(fx.s_s("strings.Title", "\xc3\xa9t\xc3\xa9 \xce\xb1\xce\xb2\xce\xb3 \xd0\xb6") ==
        "\xc3\x89t\xc3\xa9 \xce\x91\xce\xb2\xce\xb3 \xd0\x96");
  CHECK(fx.s_s("strings.TrimSpace", "\xc3\xa9t\xc3\xa9 \xce\xb1\xce\xb2\xce\xb3 \xd0\xb6") ==
        "\xc3\xa9t\xc3\xa9 \xce\xb1\xce\xb2\xce\xb3 \xd0\xb6");
  CHECK(fx.s_s("strings.ToUpper",
               "a\xff"
               "b") ==
        "A\xef\xbf\xbd"
        "B");
  CHECK(fx.s_s("strings.ToLower",
               "a\xff"
               "b") ==
        "a\xef\xbf\xbd"
        "b");
  CHECK(fx.s_s("strings.Title",
               "a\xff"
               "b") ==
        "A\xef\xbf\xbd"
        "b");
  CHECK(fx.s_s("strings.TrimSpace",
               "a\xff"
               "b") ==
        "a\xff"
        "b");
  CHECK(fx.s_s("strings.ToUpper", "hello wORLD_x y-z") == "HELLO WORLD_X Y-Z");
  CHECK(fx.s_s("strings.ToLower", "hello wORLD_x y-z") == "hello world_x y-z");
  CHECK(fx.s_s("strings.Title", "hello wORLD_x y-z") == "Hello WORLD_x Y-Z");
  CHECK(fx.s_s("strings.TrimSpace", "hello wORLD_x y-z") == "hello wORLD_x y-z");
  CHECK(fx.s_s("strings.ToUpper", "  \x09 spaces \x0a\xc2\xa0") == "  \x09 SPACES \x0a\xc2\xa0");
  CHECK(fx.s_s("strings.ToLower", "  \x09 spaces \x0a\xc2\xa0") == "  \x09 spaces \x0a\xc2\xa0");
  CHECK(fx.s_s("strings.Title", "  \x09 spaces \x0a\xc2\xa0") == "  \x09 Spaces \x0a\xc2\xa0");
  CHECK(fx.s_s("strings.TrimSpace", "  \x09 spaces \x0a\xc2\xa0") == "spaces");
  CHECK(fx.s_s("strings.ToUpper", "") == "");
  CHECK(fx.s_s("strings.ToLower", "") == "");
  CHECK(fx.s_s("strings.Title", "") == "");
  CHECK(fx.s_s("strings.TrimSpace", "") == "");
  CHECK(fx.ss_s("strings.Trim", "xxhixx", "x") == "hi");
  CHECK(fx.ss_s("strings.TrimLeft", "xxhixx", "x") == "hixx");
  CHECK(fx.ss_s("strings.TrimRight", "xxhixx", "x") == "xxhi");
  CHECK(fx.ss_s("strings.Trim", "  a b  ", " ") == "a b");
  CHECK(fx.ss_s("strings.TrimLeft", "  a b  ", " ") == "a b  ");
  CHECK(fx.ss_s("strings.TrimRight", "  a b  ", " ") == "  a b");
  CHECK(fx.ss_s("strings.Trim",
                "\xc3\xa9"
                "a\xc3\xa9",
                "\xc3\xa9") == "a");
  CHECK(fx.ss_s("strings.TrimLeft",
                "\xc3\xa9"
                "a\xc3\xa9",
                "\xc3\xa9") == "a\xc3\xa9");
  CHECK(fx.ss_s("strings.TrimRight",
                "\xc3\xa9"
                "a\xc3\xa9",
                "\xc3\xa9") ==
        "\xc3\xa9"
        "a");
  CHECK(fx.ss_s("strings.Trim", "abc", "") == "abc");
  CHECK(fx.ss_s("strings.TrimLeft", "abc", "") == "abc");
  CHECK(fx.ss_s("strings.TrimRight", "abc", "") == "abc");
  CHECK(fx.ss_s("strings.Trim", "aaa", "a") == "");
  CHECK(fx.ss_s("strings.TrimLeft", "aaa", "a") == "");
  CHECK(fx.ss_s("strings.TrimRight", "aaa", "a") == "");
  CHECK(fx.ss_list("strings.Split", "a,b,c", ",") == "[\"a\" \"b\" \"c\"]");
  CHECK(fx.ss_list("strings.SplitAfter", "a,b,c", ",") == "[\"a,\" \"b,\" \"c\"]");
  CHECK(fx.ss_list("strings.Split", "a,b,c", "") == "[\"a\" \",\" \"b\" \",\" \"c\"]");
  CHECK(fx.ss_list("strings.SplitAfter", "a,b,c", "") == "[\"a\" \",\" \"b\" \",\" \"c\"]");
  CHECK(fx.ss_list("strings.Split", "", ",") == "[\"\"]");
  CHECK(fx.ss_list("strings.SplitAfter", "", ",") == "[\"\"]");
  CHECK(fx.ss_list("strings.Split", "abc", "abc") == "[\"\" \"\"]");
  CHECK(fx.ss_list("strings.SplitAfter", "abc", "abc") == "[\"abc\" \"\"]");
  CHECK(fx.ss_list("strings.Split", "a\xc3\xa9\xff", "") == "[\"a\" \"\xc3\xa9\" \"\\xff\"]");
  CHECK(fx.ss_list("strings.SplitAfter", "a\xc3\xa9\xff", "") == "[\"a\" \"\xc3\xa9\" \"\\xff\"]");
  CHECK(fx.ss_list("strings.Split", ",a,,b,", ",") == "[\"\" \"a\" \"\" \"b\" \"\"]");
  CHECK(fx.ss_list("strings.SplitAfter", ",a,,b,", ",") == "[\",\" \"a,\" \",\" \"b,\" \"\"]");
  CHECK(fx.ssn_list("strings.SplitN", "a,b,c,d", ",", 2) == "[\"a\" \"b,c,d\"] false");
  CHECK(fx.ssn_list("strings.SplitN", "a,b,c", ",", 0) == "[] true");
  CHECK(fx.ssn_list("strings.SplitN", "a,b,c", ",", -1) == "[\"a\" \"b\" \"c\"] false");
  CHECK(fx.ssn_list("strings.SplitN", "abc", "", 2) == "[\"a\" \"bc\"] false");
  CHECK(fx.s_list("strings.Fields", "  foo bar  baz   ") == "[\"foo\" \"bar\" \"baz\"]");
  CHECK(fx.s_list("strings.Fields", "") == "[]");
  CHECK(fx.s_list("strings.Fields", "   ") == "[]");
  CHECK(fx.s_list("strings.Fields",
                  "a\xc2\xa0"
                  "b\xe2\x80\x83"
                  "c\xff"
                  "d") == "[\"a\" \"b\" \"c\\xffd\"]");
  CHECK(fx.repeat("ab", 3) == "ababab");
  CHECK(fx.repeat("x", 0) == "");
  CHECK(fx.repeat("", 5) == "");
  CHECK(fx.replace("oink oink oink", "k", "ky", 2) == "oinky oinky oink");
  CHECK(fx.replace("oink oink oink", "oink", "moo", -1) == "moo moo moo");
  CHECK(fx.replace("abc", "", "-", -1) == "-a-b-c-");
  CHECK(fx.replace("abc", "", "-", 2) == "-a-bc");
  CHECK(fx.replace("aaa", "a", "a", -1) == "aaa");
  CHECK(fx.replace("abc", "x", "y", -1) == "abc");
  CHECK(fx.index_bytes("chicken", 'k') == "4 4");
  CHECK(fx.index_bytes("chicken", 'z') == "-1 -1");
  CHECK(std::to_string(fx.si_i("strings.IndexRune", "chicken", 'k')) == "4");
  CHECK(std::to_string(fx.si_i("strings.IndexRune",
                               "a\xc3\xa9"
                               "b",
                               0xe9)) == "1");
  CHECK(std::to_string(fx.si_i("strings.IndexRune",
                               "a\xff"
                               "b",
                               0xFFFD)) == "1");
  CHECK(std::to_string(fx.si_i("strings.IndexRune", "abc", -1)) == "-1");
  CHECK(std::to_string(fx.si_i("strings.IndexRune",
                               "a\xef\xbf\xbd"
                               "b",
                               0xFFFD)) == "1");
  CHECK(fx.parse_int("123", 10, 0) == "123 0");
  CHECK(fx.parse_int("-9223372036854775808", 10, 64) == "-9223372036854775808 0");
  CHECK(fx.parse_int("9223372036854775808", 10, 64) == "9223372036854775807 2");
  CHECK(fx.parse_int("0x1f", 0, 64) == "31 0");
  CHECK(fx.parse_int("1_000", 0, 64) == "1000 0");
  CHECK(fx.parse_int("1__0", 0, 64) == "0 1");
  CHECK(fx.parse_int("_1", 0, 64) == "0 1");
  CHECK(fx.parse_int("300", 10, 8) == "127 2");
  CHECK(fx.parse_int("-129", 10, 8) == "-128 2");
  CHECK(fx.parse_int("12a", 10, 64) == "0 1");
  CHECK(fx.parse_int("", 10, 64) == "0 1");
  CHECK(fx.parse_int("-", 10, 64) == "0 1");
  CHECK(fx.parse_int("11", 1, 64) == "0 3");
  CHECK(fx.parse_int("11", 10, 65) == "0 4");
  CHECK(fx.parse_int("zz", 36, 64) == "1295 0");
  CHECK(fx.parse_int("0755", 0, 64) == "493 0");
  CHECK(fx.parse_int("0b101", 0, 8) == "5 0");
  CHECK(fx.parse_int("99999999999999999999x", 10, 64) == "9223372036854775807 2");
  CHECK(fx.parse_uint("255", 10, 8) == "255 0");
  CHECK(fx.parse_uint("256", 10, 8) == "255 2");
  CHECK(fx.parse_uint("-1", 10, 64) == "0 1");
  CHECK(fx.parse_uint("18446744073709551615", 10, 64) == "18446744073709551615 0");
  CHECK(fx.parse_uint("18446744073709551616", 10, 64) == "18446744073709551615 2");
  CHECK(fx.parse_float("3.25", 64) == "3.25 0");
  CHECK(fx.parse_float("1e400", 64) == "+Inf 2");
  CHECK(fx.parse_float("-1e400", 64) == "-Inf 2");
  CHECK(fx.parse_float("1e-400", 64) == "0 0");
  CHECK(fx.parse_float("inf", 64) == "+Inf 0");
  CHECK(fx.parse_float("-Infinity", 64) == "-Inf 0");
  CHECK(fx.parse_float("NaN", 64) == "NaN 0");
  CHECK(fx.parse_float("1.5e", 64) == "0 1");
  CHECK(fx.parse_float("abc", 64) == "0 1");
  CHECK(fx.parse_float("1_000.5", 64) == "1000.5 0");
  CHECK(fx.parse_float("0x1p-2", 64) == "0.25 0");
  CHECK(fx.parse_float(".5", 64) == "0.5 0");
  CHECK(fx.parse_float("5.", 64) == "5 0");
  CHECK(fx.parse_float("1e39", 32) == "+Inf 2");
  CHECK(fx.parse_float("3.4e38", 32) == "3.3999999521443642e+38 0");
  CHECK(fx.parse_float("0.1", 32) == "0.10000000149011612 0");
  CHECK(fx.parse_float("+7", 64) == "7 0");
  CHECK(fx.parse_float("", 64) == "0 1");
  CHECK(fx.format_int(-255LL, 16) == "-ff");
  CHECK(fx.format_int(0LL, 2) == "0");
  CHECK(fx.format_int(35LL, 36) == "z");
  CHECK(fx.format_int(INT64_MIN, 10) == "-9223372036854775808");
  CHECK(fx.format_int(12345LL, 8) == "30071");
  CHECK(fx.format_uint(18446744073709551615ull, 16) == "ffffffffffffffff");
  CHECK(fx.format_float(3.14159, 'f', 2, 64) == "3.14");
  CHECK(fx.format_float(1e+21, 'g', -1, 64) == "1e+21");
  CHECK(fx.format_float(0.1, 'g', -1, 32) == "0.1");
  CHECK(fx.format_float(123456789.0, 'e', 3, 64) == "1.235e+08");
  CHECK(fx.format_float(2.5, 'f', 0, 64) == "2");
  CHECK(fx.format_float(0.3333333333333333, 'g', 5, 64) == "0.33333");
  CHECK(fx.format_float(-0.0, 'f', -1, 64) == "-0");
  CHECK(fx.format_float(1e-07, 'f', -1, 64) == "0.0000001");
  CHECK(fx.format_float(100.0, 'G', 2, 64) == "1E+02");
  CHECK(fx.format_float(5e-324, 'g', -1, 64) == "5e-324");
  CHECK(fx.format_float(1.7976931348623157e+308, 'e', -1, 64) == "1.7976931348623157e+308");
  CHECK(fx.s_s("strconv.Quote", "hello") == "\"hello\"");
  CHECK(fx.s_s("strconv.QuoteToASCII", "hello") == "\"hello\"");
  CHECK(fx.s_s("strconv.Quote", "tab\x09here") == "\"tab\\there\"");
  CHECK(fx.s_s("strconv.QuoteToASCII", "tab\x09here") == "\"tab\\there\"");
  CHECK(fx.s_s("strconv.Quote", "\xc3\xa9\xe2\x98\xba") == "\"\xc3\xa9\xe2\x98\xba\"");
  CHECK(fx.s_s("strconv.QuoteToASCII", "\xc3\xa9\xe2\x98\xba") == "\"\\u00e9\\u263a\"");
  CHECK(fx.s_s("strconv.Quote", "\xff\x00") == "\"\\xff\\x00\"");
  CHECK(fx.s_s("strconv.QuoteToASCII", "\xff\x00") == "\"\\xff\\x00\"");
  CHECK(fx.s_s("strconv.Quote", "\xe2\x80\xa8\xc2\xa0\xc2\xad") == "\"\\u2028\\u00a0\\u00ad\"");
  CHECK(fx.s_s("strconv.QuoteToASCII", "\xe2\x80\xa8\xc2\xa0\xc2\xad") == "\"\\u2028\\u00a0\\u00ad\"");
  CHECK(fx.s_s("strconv.Quote", "\xf0\x9f\x98\x80") == "\"\xf0\x9f\x98\x80\"");
  CHECK(fx.s_s("strconv.QuoteToASCII", "\xf0\x9f\x98\x80") == "\"\\U0001f600\"");
  CHECK(fx.s_s("strconv.Quote", "quote\"back\\") == "\"quote\\\"back\\\\\"");
  CHECK(fx.s_s("strconv.QuoteToASCII", "quote\"back\\") == "\"quote\\\"back\\\\\"");
  CHECK(fx.s_s("strconv.Quote", "\x7f\x07") == "\"\\x7f\\a\"");
  CHECK(fx.s_s("strconv.QuoteToASCII", "\x7f\x07") == "\"\\x7f\\a\"");
  CHECK(fx.quote_rune("strconv.QuoteRune", 'a') == "'a'");
  CHECK(fx.quote_rune("strconv.QuoteRuneToASCII", 'a') == "'a'");
  CHECK(fx.quote_rune("strconv.QuoteRune", '\'') == "'\\''");
  CHECK(fx.quote_rune("strconv.QuoteRuneToASCII", '\'') == "'\\''");
  CHECK(fx.quote_rune("strconv.QuoteRune", '\n') == "'\\n'");
  CHECK(fx.quote_rune("strconv.QuoteRuneToASCII", '\n') == "'\\n'");
  CHECK(fx.quote_rune("strconv.QuoteRune", 0x263a) == "'\xe2\x98\xba'");
  CHECK(fx.quote_rune("strconv.QuoteRuneToASCII", 0x263a) == "'\\u263a'");
  CHECK(fx.quote_rune("strconv.QuoteRune", 0x1F600) == "'\xf0\x9f\x98\x80'");
  CHECK(fx.quote_rune("strconv.QuoteRuneToASCII", 0x1F600) == "'\\U0001f600'");
  CHECK(fx.quote_rune("strconv.QuoteRune", -1) == "'\xef\xbf\xbd'");
  CHECK(fx.quote_rune("strconv.QuoteRuneToASCII", -1) == "'\\ufffd'");
  CHECK(fx.quote_rune("strconv.QuoteRune", 0xD800) == "'\xef\xbf\xbd'");
  CHECK(fx.quote_rune("strconv.QuoteRuneToASCII", 0xD800) == "'\\ufffd'");
  CHECK(fx.quote_rune("strconv.QuoteRune", 0x110000) == "'\xef\xbf\xbd'");
  CHECK(fx.quote_rune("strconv.QuoteRuneToASCII", 0x110000) == "'\\ufffd'");
  CHECK(fx.quote_rune("strconv.QuoteRune", 0x7f) == "'\\x7f'");
  CHECK(fx.quote_rune("strconv.QuoteRuneToASCII", 0x7f) == "'\\x7f'");
  CHECK(fx.unquote("\"a\\tb\"") ==
        "a\x09"
        "b true");
  CHECK(fx.unquote("`raw\\n`") == "raw\\n true");
  CHECK(fx.unquote("'x'") == "x true");
  CHECK(fx.unquote("\"\\u00e9\\x41\\101\"") ==
        "\xc3\xa9"
        "AA true");
  CHECK(fx.unquote("\"unterminated") == " false");
  CHECK(fx.unquote("'ab'") == " false");
  CHECK(fx.unquote("\"a\"b\"") == " false");
  CHECK(fx.utf8_info("h\xc3\xa9llo, \xe4\xb8\x96\xe7\x95\x8c") == "9 true true");
  CHECK(fx.decode("h\xc3\xa9llo, \xe4\xb8\x96\xe7\x95\x8c") == "104 1 30028 3");
  CHECK(fx.utf8_info("a\xff"
                     "b") == "3 false true");
  CHECK(fx.decode("a\xff"
                  "b") == "97 1 98 1");
  CHECK(fx.utf8_info("") == "0 true false");
  CHECK(fx.decode("") == "65533 0 65533 0");
  CHECK(fx.utf8_info("\xe4\xb8") == "2 false false");
  CHECK(fx.decode("\xe4\xb8") == "65533 1 65533 1");
  CHECK(fx.utf8_info("\xed\xa0\x80") == "3 false true");
  CHECK(fx.decode("\xed\xa0\x80") == "65533 1 65533 1");
  CHECK(fx.utf8_info("\xf4\x90\x80\x80") == "4 false true");
  CHECK(fx.decode("\xf4\x90\x80\x80") == "65533 1 65533 1");
  CHECK(fx.utf8_info("\xc0\xaf") == "2 false true");
  CHECK(fx.decode("\xc0\xaf") == "65533 1 65533 1");
}
