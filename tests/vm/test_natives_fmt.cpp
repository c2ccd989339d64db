// fmt natives: verbs, flags, widths and precisions, argument errors, values of every kind, Stringer and
// error dispatch. Every expected string was produced by real Go 1.19 running the same Sprintf call.
#include <catch2/catch.hpp>
#include <cmath>

#include "tests/vm/fake_host.h"

using namespace gb::vm;
using gb::vm::testing::NativesFixture;

TEST_CASE("fmt natives format as Go 1.19 does", "[natives][fmt]") {
  NativesFixture fx;
  CHECK(fx.sprintf("%d", {fx.i(42)}) == "42");
  CHECK(fx.sprintf("%5d|%-5d|%05d", {fx.i(42), fx.i(42), fx.i(-42)}) == "   42|42   |-0042");
  CHECK(fx.sprintf("%+d % d %x %X %o %O %b", {fx.i(7), fx.i(7), fx.i(255), fx.i(255), fx.i(8), fx.i(8),
                                              fx.i(5)}) == "+7  7 ff FF 10 0o10 101");
  CHECK(fx.sprintf("%#x %#o %#b %#X", {fx.i(255), fx.i(8), fx.i(5), fx.i(255)}) == "0xff 010 0b101 0XFF");
  CHECK(fx.sprintf("%.3d|%8.3d|%-8.3d|%.0d|%5.0d|", {fx.i(7), fx.i(-7), fx.i(7), fx.i(0), fx.i(0)}) ==
        "007|    -007|007     ||     |");
  CHECK(fx.sprintf("%x %X", {fx.i(-255), fx.typed(kInt64, -1)}) == "-ff -1");
  CHECK(fx.sprintf("%d %d %d", {fx.typed(kInt8, -128), fx.typed(kUint8, 200),
                                fx.typed(kUint64, 18446744073709551615ull)}) ==
        "-128 200 18446744073709551615");
  CHECK(fx.sprintf("%c %c %q %U %#U", {fx.i(65), fx.i(19990), fx.i(19990), fx.i(19990), fx.i(19990)}) ==
        "A \xe4\xb8\x96 '\xe4\xb8\x96' U+4E16 U+4E16 '\xe4\xb8\x96'");
  CHECK(fx.sprintf("%q %+q %#q %q",
                   {fx.s("h\xc3\xa9llo\x0a"), fx.s("h\xc3\xa9llo"), fx.s("back`tick"), fx.s("raw")}) ==
        "\"h\xc3\xa9llo\\n\" \"h\\u00e9llo\" \"back`tick\" \"raw\"");
  CHECK(fx.sprintf("%s|%10s|%-10s|%.2s|%5.1s|",
                   {fx.s("abc"), fx.s("abc"), fx.s("abc"), fx.s("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e"),
                    fx.s("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e")}) ==
        "abc|       abc|abc       |\xe6\x97\xa5\xe6\x9c\xac|    \xe6\x97\xa5|");
  CHECK(fx.sprintf("%x %X % x %#x", {fx.s("hi"), fx.s("hi"), fx.s("hi!"), fx.s("hi")}) ==
        "6869 6869 68 69 21 0x6869");
  CHECK(fx.sprintf("%t %v %5t", {fx.b(true), fx.b(false), fx.b(true)}) == "true false  true");
  CHECK(fx.sprintf("%v %v %v %v %v %v",
                   {fx.f(3.14), fx.f(1000000.0), fx.f(1e+21), fx.f(100000.0), fx.f(0.0001), fx.f(1e-05)}) ==
        "3.14 1e+06 1e+21 100000 0.0001 1e-05");
  CHECK(fx.sprintf("%v %v %v %v", {fx.f(1.0), fx.f(-0.0), fx.f(2.5e-10), fx.f(123456789.0)}) ==
        "1 -0 2.5e-10 1.23456789e+08");
  CHECK(fx.sprintf("%f %.2f %8.3f %-8.2f| %e %E %.3e %g %G %.3g",
                   {fx.f(3.14159), fx.f(3.14159), fx.f(-3.14159), fx.f(2.5), fx.f(123456.789), fx.f(0.000123),
                    fx.f(1.0), fx.f(1e-07), fx.f(1e+21), fx.f(1234.5678)}) ==
        "3.141590 3.14   -3.142 2.50    | 1.234568e+05 1.230000E-04 1.000e+00 1e-07 1E+21 1.23e+03");
  CHECK(fx.sprintf("%+.2f % .2f %08.3f %+08.2f", {fx.f(1.5), fx.f(1.5), fx.f(-3.14159), fx.f(3.0)}) ==
        "+1.50  1.50 -003.142 +0003.00");
  CHECK(fx.sprintf("%.0f %.0f %.0f %.1f", {fx.f(0.5), fx.f(1.5), fx.f(2.5), fx.f(0.25)}) == "0 2 2 0.2");
  CHECK(fx.sprintf("%#g %#.3g %#v %#e", {fx.f(1.0), fx.f(2.0), fx.f(3.0), fx.f(1.0)}) ==
        "1.00000 2.00 3 1.000000e+00");
  CHECK(fx.sprintf("%v %.2f %v", {fx.f32(0.1), fx.f32(2.5), fx.f32(16777216.0)}) == "0.1 2.50 1.6777216e+07");
  CHECK(fx.sprintf("%v %v %v", {fx.f(INFINITY), fx.f(-INFINITY), fx.f(NAN)}) == "+Inf -Inf NaN");
  CHECK(fx.sprintf("%5.1f|%-6v|%06v|%+v", {fx.f(INFINITY), fx.f(NAN), fx.f(-INFINITY), fx.f(NAN)}) ==
        " +Inf|NaN   |  -Inf|NaN");
  CHECK(fx.sprintf("%v %+v %#v %T", {fx.t(1, 2), fx.t(1, 2), fx.t(1, 2), fx.t(1, 2)}) ==
        "{1 2} {X:1 Y:2} main.T{X:1, Y:2} main.T");
  CHECK(fx.sprintf("%v %+v %#v %T", {fx.pt(1, 2), fx.pt(1, 2), fx.pt(1, 2), fx.pt(1, 2)}) ==
        "&{1 2} &{X:1 Y:2} &main.T{X:1, Y:2} *main.T");
  CHECK(fx.sprintf("%v %#v %T %d %x", {fx.ints({1, 2, 3}), fx.ints({1, 2, 3}), fx.ints({1, 2, 3}),
                                       fx.ints({1, 2, 3}), fx.ints({1, 2, 3})}) ==
        "[1 2 3] []int{1, 2, 3} []int [1 2 3] [1 2 3]");
  CHECK(fx.sprintf("%v %#v %s %q", {fx.strs({"a", "b c"}), fx.strs({"a", "b c"}), fx.strs({"a", "b c"}),
                                    fx.strs({"a", "b c"})}) ==
        "[a b c] []string{\"a\", \"b c\"} [a b c] [\"a\" \"b c\"]");
  CHECK(fx.sprintf("%v %s %x %X %q %#v %5v", {fx.bytes("hi"), fx.bytes("hi"), fx.bytes("hi"), fx.bytes("hi"),
                                              fx.bytes("hi"), fx.bytes("hi"), fx.bytes("hi")}) ==
        "[104 105] hi 6869 6869 \"hi\" []byte{0x68, 0x69} [  104   105]");
  CHECK(fx.sprintf("%#v %v %s|", {fx.nil_bytes(), fx.nil_bytes(), fx.nil_bytes()}) == "[]byte(nil) [] |");
  CHECK(fx.sprintf("%v %#v %T",
                   {fx.smap({{"b", 2}, {"a", 1}, {"c", 3}}), fx.smap({{"b", 2}, {"a", 1}, {"c", 3}}),
                    fx.smap({{"b", 2}, {"a", 1}, {"c", 3}})}) ==
        "map[a:1 b:2 c:3] map[string]int{\"a\":1, \"b\":2, \"c\":3} map[string]int");
  CHECK(fx.sprintf("%v", {fx.imap({{3, "c"}, {-1, "z"}, {2, "b"}})}) == "map[-1:z 2:b 3:c]");
  CHECK(fx.sprintf("%v %d %s %T", {fx.nil(), fx.nil(), fx.nil(), fx.nil()}) ==
        "<nil> %!d(<nil>) %!s(<nil>) <nil>");
  CHECK(fx.sprintf("%v %#v %v %#v", {fx.nil_ints(), fx.nil_ints(), fx.nil_smap(), fx.nil_smap()}) ==
        "[] []int(nil) map[] map[string]int(nil)");
  CHECK(fx.sprintf("%v %#v", {fx.nil_pt(), fx.nil_pt()}) == "<nil> (*main.T)(nil)");
  CHECK(fx.sprintf("%d", {fx.s("hi")}) == "%!d(string=hi)");
  CHECK(fx.sprintf("%d %s", {fx.i(1)}) == "1 %!s(MISSING)");
  CHECK(fx.sprintf("%d", {fx.i(1), fx.i(2), fx.s("x")}) == "1%!(EXTRA int=2, string=x)");
  CHECK(fx.sprintf("%!", {}) == "%!!(MISSING)");
  CHECK(fx.sprintf("%", {}) == "%!(NOVERB)");
  CHECK(fx.sprintf("100%%", {}) == "100%");
  CHECK(fx.sprintf("%z %t", {fx.i(3), fx.i(4)}) == "%!z(int=3) %!t(int=4)");
  CHECK(fx.sprintf("%[2]d %[1]d", {fx.i(1), fx.i(2)}) == "2 1");
  CHECK(fx.sprintf("%[3]d", {fx.i(1)}) == "%!d(BADINDEX)");
  CHECK(fx.sprintf("%[2]*[1]d|", {fx.i(12), fx.i(5)}) == "   12|");
  CHECK(fx.sprintf("%*d|%-*d|%.*f", {fx.i(5), fx.i(42), fx.i(5), fx.i(42), fx.i(2), fx.f(3.14159)}) ==
        "   42|42   |3.14");
  CHECK(fx.sprintf("%*d", {fx.s("x"), fx.i(4)}) == "%!(BADWIDTH)4");
  CHECK(fx.sprintf("%.*d", {fx.i(-1), fx.i(4)}) == "%!(BADPREC)4");
  CHECK(fx.sprintf("%v|%s|%d|%q|%x",
                   {fx.name("bob"), fx.name("bob"), fx.name("bob"), fx.name("bob"), fx.name("bob")}) ==
        "Name(bob)|Name(bob)|%!d(main.Name=bob)|\"Name(bob)\"|4e616d6528626f6229");
  CHECK(fx.sprintf("%v %+v %#v", {fx.named("ann", "kid"), fx.named("ann", "kid"), fx.named("ann", "kid")}) ==
        "{Name(ann) kid} {N:Name(ann) age:kid} main.Named{N:\"ann\", age:\"kid\"}");
  CHECK(fx.sprintf("%v %s %v", {fx.myerr(7), fx.myerr(8), fx.myerr_value(9)}) == "code 7 code 8 {9}");
  CHECK(fx.sprintf("%v", {fx.anys()}) == "[1 a <nil> 2.5 true]");
  CHECK(fx.sprintf("%v %+v", {fx.wrap_nil(), fx.wrap_nil()}) == "{<nil> <nil>} {E:<nil> P:<nil>}");
  CHECK(fx.sprintf("%v %d", {fx.arr3(1, 2, 3), fx.arr3(1, 2, 3)}) == "[1 2 3] [1 2 3]");
  CHECK(
      fx.sprintf("%6.2v|%-8q|%08d|%-08d|%+q", {fx.f(3.14159), fx.s("a"), fx.i(-42), fx.i(42), fx.i(19990)}) ==
      "   3.1|\"a\"     |-0000042|42      |'\\u4e16'");
  CHECK(fx.sprintf("%v %v", {fx.typed(kInt32, 120), fx.typed(kUint8, 120)}) == "120 120");
  CHECK(fx.sprintf("%c|%5c|%-3c|", {fx.i(128512), fx.i(97), fx.i(98)}) == "\xf0\x9f\x98\x80|    a|b  |");
  CHECK(fx.sprintf("%U %#U %08.5U", {fx.i(128512), fx.i(10), fx.i(65)}) == "U+1F600 U+000A  U+00041");
  CHECK(fx.sprintf("%t", {fx.i(1)}) == "%!t(int=1)");
  CHECK(fx.sprintf("%s", {fx.t(1, 2)}) == "{%!s(int=1) %!s(int=2)}");
  CHECK(fx.sprintf("%d", {fx.myerr(7)}) == "&{7}");
  CHECK(fx.sprintf("%e %g %g %g", {fx.f(0.0), fx.f(0.0), fx.f(1e-05), fx.f(123456.0)}) ==
        "0.000000e+00 0 1e-05 123456");
  CHECK(fx.sprintf("%g %g %.10g %.1g %.2e",
                   {fx.f(1234567.0), fx.f(1e+20), fx.f(0.3333333333333333), fx.f(0.05), fx.f(9.999)}) ==
        "1.234567e+06 1e+20 0.3333333333 0.05 1.00e+01");
  CHECK(fx.sprintf("%x %X %.3x %b %#x %8.2x|",
                   {fx.f(1.5), fx.f(-247.6), fx.f(173.449249), fx.f(1.0), fx.f(0.0), fx.f(-3.0)}) ==
        "0x1.8p+00 -0X1.EF33333333333P+07 0x1.5aep+07 4503599627370496p-52 0x0.0000p+00 -0x1.80p+01|");
  CHECK(fx.sprintf("%x %b", {fx.f32(52.1), fx.f32(52.1)}) == "0x1.a0ccccp+05 13657702p-18");
  CHECK(fx.sprintf("%q %q %+q %q", {fx.i(494540), fx.s("\xcc\x81x\xc3\xa9"), fx.s("\xcc\x81x"),
                                    fx.s("\xc2\xa0\xe2\x80\xa8")}) ==
        "'\\U00078bcc' \"\xcc\x81x\xc3\xa9\" \"\\u0301x\" \"\\u00a0\\u2028\"");
  CHECK(fx.sprint({fx.i(1), fx.i(2), fx.s("a"), fx.s("b"), fx.i(3), fx.f(4.5), fx.s("c"), fx.nil(),
                   fx.i(5)}) == "1 2ab3 4.5c<nil> 5");
  CHECK(fx.sprint({fx.t(1, 2), fx.name("x"), fx.s("s"), fx.myerr(1)}) == "{1 2}Name(x)scode 1");
  CHECK(fx.sprintln({fx.i(1), fx.s("a"), fx.nil(), fx.f(2.0), fx.ints({1, 2, 3}), fx.b(true)}) ==
        "1 a <nil> 2 [1 2 3] true\x0a");
  CHECK(fx.sprintln({}) == "\x0a");
}
