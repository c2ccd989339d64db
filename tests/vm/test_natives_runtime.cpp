// Natives of sync/atomic, runtime's print helpers, errors and context (run-time type checks), and Errorf's
// %w bookkeeping. Expected print and Errorf outputs were produced by real Go 1.19.
#include <catch2/catch.hpp>

#include <bit>
#include <cmath>
#include <initializer_list>

#include "tests/vm/fake_host.h"

using namespace gb::vm;
using gb::vm::testing::IfaceWords;
using gb::vm::testing::NativesFixture;
using gb::vm::testing::words;

TEST_CASE("atomic natives read-modify-write the word and wrap to the type's width", "[natives][atomic]") {
  NativesFixture fx;
  const Word cell = fx.host.put({0});

  SECTION("AddInt32 wraps at 32 bits and keeps the word sign-extended") {
    fx.host.memory[cell] = 0x7FFFFFFF;
    fx.call("atomic.AddInt32", {cell, 1}, 1);
    CHECK(static_cast<std::int64_t>(fx.host.frame_words[2]) == -2147483648LL);
    CHECK(fx.host.memory[cell] == fx.host.frame_words[2]);
  }
  SECTION("AddUint32 with ^uint32(0) decrements, and wraps below zero") {
    fx.host.memory[cell] = 1;
    fx.call("atomic.AddUint32", {cell, 0xFFFFFFFFu}, 1);
    CHECK(fx.host.frame_words[2] == 0);
    fx.call("atomic.AddUint32", {cell, 0xFFFFFFFFu}, 1);
    CHECK(fx.host.frame_words[2] == 0xFFFFFFFFu);
  }
  SECTION("AddInt64 and AddUint64 use the whole word") {
    fx.host.memory[cell] = 0x7FFFFFFFFFFFFFFFull;
    fx.call("atomic.AddInt64", {cell, 1}, 1);
    CHECK(fx.host.frame_words[2] == 0x8000000000000000ull);
    fx.call("atomic.AddUint64", {cell, ~Word{0}}, 1);
    CHECK(fx.host.frame_words[2] == 0x7FFFFFFFFFFFFFFFull);
  }
  SECTION("Load, Store, Swap") {
    fx.call("atomic.StoreInt64", {cell, 42}, 0);
    CHECK(fx.host.memory[cell] == 42);
    fx.call("atomic.LoadInt64", {cell}, 1);
    CHECK(fx.host.frame_words[1] == 42);
    fx.call("atomic.SwapInt64", {cell, 7}, 1);
    CHECK(fx.host.frame_words[2] == 42);
    CHECK(fx.host.memory[cell] == 7);
    fx.call("atomic.StoreUint32", {cell, 5}, 0);
    fx.call("atomic.LoadUint32", {cell}, 1);
    CHECK(fx.host.frame_words[1] == 5);
  }
  SECTION("CompareAndSwap swaps only on a match") {
    fx.host.memory[cell] = 3;
    fx.call("atomic.CompareAndSwapInt32", {cell, 4, 9}, 1);
    CHECK(fx.host.frame_words[3] == 0);
    CHECK(fx.host.memory[cell] == 3);
    fx.call("atomic.CompareAndSwapInt32", {cell, 3, 9}, 1);
    CHECK(fx.host.frame_words[3] == 1);
    CHECK(fx.host.memory[cell] == 9);
    // A negative int32 compares by its 32-bit value.
    fx.host.memory[cell] = static_cast<Word>(-1);
    fx.call("atomic.CompareAndSwapInt32", {cell, static_cast<Word>(-1), 0}, 1);
    CHECK(fx.host.frame_words[3] == 1);
  }
  SECTION("a nil address panics as a nil dereference") {
    fx.call("atomic.AddInt64", {0, 1}, 1);
    CHECK(fx.host.panicked);
    CHECK(fx.host.panic_is_runtime_error);
    CHECK(fx.host.panic_message == "invalid memory address or nil pointer dereference");
  }
}

TEST_CASE("builtin print natives write gc's formats to stderr", "[natives][print]") {
  NativesFixture fx;
  auto f = [](double v) { return std::bit_cast<Word>(v); };
  for (double v : std::initializer_list<double>{1.5, 0.1, -2.5e-10, 1e100, 123456789.0, 0.0, HUGE_VAL,
                                                std::nan(""), 9.9999999}) {
    fx.call("runtime.printfloat", {f(v)}, 0);
    fx.call("runtime.printsp", {}, 0);
  }
  fx.call("runtime.printnl", {}, 0);
  CHECK(fx.host.stderr_text ==
        "+1.500000e+000 +1.000000e-001 -2.500000e-010 +1.000000e+100 +1.234568e+008 +0.000000e+000 +Inf NaN "
        "+1.000000e+001 \n");
  fx.host.stderr_text.clear();
  fx.call("runtime.printbool", {1}, 0);
  fx.call("runtime.printsp", {}, 0);
  fx.call("runtime.printbool", {0}, 0);
  fx.call("runtime.printsp", {}, 0);
  fx.call("runtime.printint", {0x8000000000000000ull}, 0);
  fx.call("runtime.printsp", {}, 0);
  fx.call("runtime.printuint", {~Word{0}}, 0);
  fx.call("runtime.printsp", {}, 0);
  fx.call("runtime.printstring", fx.str_words("h\xc3\xa9"), 0);
  fx.call("runtime.printsp", {}, 0);
  fx.call("runtime.printpointer", {0xc000012345}, 0);
  fx.call("runtime.printsp", {}, 0);
  fx.call("runtime.printiface", {0x4a1f00, 0}, 0);
  fx.call("runtime.printsp", {}, 0);
  fx.call("runtime.printslice", {0, 0, 0}, 0);
  fx.call("runtime.printslice", {0x1f0, 3, 4}, 0);
  CHECK(fx.host.stderr_text ==
        "true false -9223372036854775808 18446744073709551615 h\xc3\xa9 0xc000012345 (0x4a1f00,0x0) "
        "[0/0]0x0[3/4]0x1f0");
  CHECK(fx.host.stdout_text.empty());
}

TEST_CASE("Errorf's formatting reports which operand %w wrapped", "[natives][fmt]") {
  NativesFixture fx;
  auto errorf = [&](std::string_view format, std::vector<IfaceWords> args) {
    auto [a, n] = fx.host.str(format);
    std::vector<Word> sl = fx.host.any_slice(args);
    fx.call("fmt.sprintfWrap", {a, n, sl[0], sl[1], sl[2]}, 3);
    std::string out = fx.host.string_at(5);
    out += " ";
    out += std::to_string(static_cast<std::int64_t>(fx.host.frame_words[7]));
    return out;
  };
  CHECK(errorf("a %w", {fx.myerr(1)}) == "a code 1 0");
  CHECK(errorf("a %w b %w", {fx.myerr(1), fx.myerr(2)}) == "a code 1 b %!w(*main.MyErr=&{2}) -1");
  CHECK(errorf("x %w", {fx.i(3)}) == "x %!w(int=3) -1");
  CHECK(errorf("%v then %w", {fx.myerr(1), fx.myerr(2)}) == "code 1 then code 2 1");
  CHECK(errorf("%[2]w %[1]v", {fx.myerr(1), fx.myerr(2)}) == "code 2 code 1 1");
  CHECK(errorf("%w", {fx.nil()}) == "%!w(<nil>) -1");
  // Sprintf itself never wraps: %w is a bad verb there.
  CHECK(fx.sprintf("%w", {fx.myerr(1)}) == "%!w(*main.MyErr=&{1})");
}

TEST_CASE("errors natives check comparability and assign As targets by run-time type", "[natives][errors]") {
  NativesFixture fx;
  const TypeId ptr_to_pmyerr = fx.types.pointer_to(fx.PMyErr);
  const TypeId ptr_to_error = fx.types.pointer_to(kError);
  const TypeId timeout_sig = fx.types.func_of({}, {kBool}, false);
  const TypeId timeouter = fx.types.interface_of({MethodEntry{"Timeout", timeout_sig, -1, false}});
  const TypeId ptr_to_timeouter = fx.types.pointer_to(timeouter);

  SECTION("isComparable") {
    fx.call("errors.isComparable", {fx.PMyErr, 1}, 1);
    CHECK(fx.host.frame_words[2] == 1);
    fx.call("errors.isComparable", {fx.ints_t, 1}, 1);
    CHECK(fx.host.frame_words[2] == 0);
    fx.call("context.isComparable", {fx.smap_t, 1}, 1);
    CHECK(fx.host.frame_words[2] == 0);
  }
  SECTION("checkAsTarget panics like errors.As") {
    fx.call("errors.checkAsTarget", {fx.PMyErr, 0}, 0);
    CHECK(fx.host.panic_message == "errors: target must be a non-nil pointer");
    fx.host.panicked = false;
    fx.call("errors.checkAsTarget", {fx.types.pointer_to(kInt), fx.host.put({0})}, 0);
    CHECK(fx.host.panic_message == "errors: *target must be interface or implement error");
    fx.host.panicked = false;
    fx.call("errors.checkAsTarget", {ptr_to_pmyerr, fx.host.put({0})}, 0);
    CHECK_FALSE(fx.host.panicked);
    fx.call("errors.checkAsTarget", {ptr_to_timeouter, fx.host.put({0, 0})}, 0);
    CHECK_FALSE(fx.host.panicked);
  }
  SECTION("assignTo stores a matching concrete error") {
    const Word target = fx.host.put({0});
    const IfaceWords e = fx.myerr(7);
    fx.call("errors.assignTo", {e.first, e.second, ptr_to_pmyerr, target}, 1);
    CHECK(fx.host.frame_words[4] == 1);
    CHECK(fx.host.memory[target] == e.second);
  }
  SECTION("assignTo stores into an interface target the error implements") {
    const Word target = fx.host.put({0, 0});
    const IfaceWords e = fx.myerr(7);
    fx.call("errors.assignTo", {e.first, e.second, ptr_to_error, target}, 1);
    CHECK(fx.host.frame_words[4] == 1);
    CHECK(fx.host.memory[target] == e.first);
    CHECK(fx.host.memory[target + 1] == e.second);
    // *MyErr has no Timeout method.
    fx.call("errors.assignTo", {e.first, e.second, ptr_to_timeouter, target}, 1);
    CHECK(fx.host.frame_words[4] == 0);
  }
  SECTION("assignTo refuses a different concrete type") {
    const Word target = fx.host.put({0});
    const IfaceWords e = fx.myerr_value(7);  // MyErr, not *MyErr
    fx.call("errors.assignTo", {e.first, e.second, ptr_to_pmyerr, target}, 1);
    CHECK(fx.host.frame_words[4] == 0);
    CHECK(fx.host.memory[target] == 0);
  }
  SECTION("context.typeString spells the dynamic type as reflect does") {
    const IfaceWords k = fx.name("user");
    fx.call("context.typeString", {k.first, k.second}, 2);
    CHECK(fx.host.string_at(2) == "main.Name");
    fx.call("context.typeString", {0, 0}, 2);
    CHECK(fx.host.string_at(2) == "<nil>");
  }
}

TEST_CASE("fmt finds String and Error through embedded fields and honours method sets", "[natives][fmt]") {
  NativesFixture fx;
  // type Outer struct { Name; N int }: Name's String is promoted to Outer.
  const TypeId outer = fx.types.new_named("Outer", "main");
  fx.types.set_underlying(outer, fx.types.struct_of({{"Name", fx.Name, true}, {"N", kInt, false}}));
  fx.host.methods[{outer, "String"}] = [](const Word*) { return std::string("promoted"); };
  auto [a, n] = fx.host.str("x");
  const IfaceWords v = fx.host.iface(outer, {a, n, 5});
  CHECK(fx.sprintf("%v|%d", {v, v}) == "promoted|{%!d(main.Name=x) 5}");
  // MyErr's Error has a pointer receiver: a MyErr value is not an error, a *MyErr is.
  CHECK(fx.sprint({fx.myerr_value(3), fx.myerr(4)}) == "{3} code 4");
  CHECK(fx.host.method_calls == 2);
}

TEST_CASE("math natives keep Go's special cases", "[natives][math]") {
  NativesFixture fx;
  auto w = [](double v) { return std::bit_cast<Word>(v); };
  auto d = [&](std::size_t i) { return std::bit_cast<double>(fx.host.frame_words[i]); };
  fx.call("math.Modf", {w(HUGE_VAL)}, 2);
  CHECK(d(1) == HUGE_VAL);
  CHECK(std::isnan(d(2)));
  fx.call("math.Modf", {w(-3.25)}, 2);
  CHECK(d(1) == -3.0);
  CHECK(d(2) == -0.25);
  fx.call("math.Frexp", {w(8.0)}, 2);
  CHECK(d(1) == 0.5);
  CHECK(fx.host.frame_words[2] == 4);
  fx.call("math.Frexp", {w(-HUGE_VAL)}, 2);
  CHECK(d(1) == -HUGE_VAL);
  CHECK(fx.host.frame_words[2] == 0);
  fx.call("math.Ldexp", {w(0.5), static_cast<Word>(std::int64_t{1} << 40)}, 1);
  CHECK(d(2) == HUGE_VAL);
  fx.call("math.RoundToEven", {w(2.5)}, 1);
  CHECK(d(1) == 2.0);
  fx.call("math.Round", {w(-2.5)}, 1);
  CHECK(d(1) == -3.0);
  fx.call("math.Float32bits", {w(1.5)}, 1);
  CHECK(fx.host.frame_words[1] == 0x3FC00000u);
  fx.call("math.Float32frombits", {0x3FC00000u}, 1);
  CHECK(d(1) == 1.5);
  fx.call("math.Mod", {w(-7), w(3)}, 1);
  CHECK(d(2) == -1.0);
}

TEST_CASE("sort natives swap whole elements of the slice in an interface", "[natives][sort]") {
  NativesFixture fx;
  // []main.T{{1, 2}, {3, 4}, {5, 6}}: two words per element.
  const TypeId ts = fx.types.slice_of(fx.T);
  const Word data = fx.host.put({1, 2, 3, 4, 5, 6});
  const auto x = fx.host.iface(ts, {data, 3, 3});
  fx.call("sort.sliceLen", {x.first, x.second}, 1);
  CHECK(fx.host.frame_words[2] == 3);
  fx.call("sort.swapElems", {x.first, x.second, 0, 2}, 0);
  CHECK(fx.host.memory[data] == 5);
  CHECK(fx.host.memory[data + 1] == 6);
  CHECK(fx.host.memory[data + 4] == 1);
  CHECK(fx.host.memory[data + 5] == 2);
  fx.call("sort.sliceLen", {kInt, 7}, 1);
  CHECK(fx.host.panic_message == "reflect: call of reflect.Value.Len on int Value");
}
