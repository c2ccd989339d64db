// The interpreter's core on hand-built programs: arithmetic and wrap-around, calls, deep recursion on the
// explicit stack, closures, output, runtime panics with Go's texts and exit codes.
#include <catch2/catch.hpp>

#include "tests/vm/vm_builder.h"

using namespace gb::vm;
using namespace gb::vm::test;

namespace {

// Stores slots[v] into package variable number `global` (address global), using slot `tmp`.
void store_global(Fn& f, std::uint32_t global, std::uint32_t v, std::uint32_t tmp) {
  f.op(Op::LoadImm, tmp, 0, 0, static_cast<std::int32_t>(global));
  f.op(Op::Store, tmp, v, 0, 1);
}

}  // namespace

TEST_CASE("vm: integer arithmetic wraps like Go", "[vm][arith]") {
  Builder b;
  Fn m("main.main", 0, 0, 8);
  m.op(Op::LoadConst, 0, 0, 0, b.constant(static_cast<Word>(INT64_MAX)));
  m.op(Op::LoadImm, 1, 0, 0, 1);
  m.op(Op::Add, 2, 0, 1);  // MaxInt64 + 1 wraps to MinInt64
  store_global(m, 1, 2, 7);
  m.op(Op::LoadImm, 3, 0, 0, 127);
  m.op(Op::Add, 4, 3, 1);
  m.op(Op::Wrap, 4, 4, 0, static_cast<std::int32_t>(Kind::Int8));  // int8(127)+1 = -128
  store_global(m, 2, 4, 7);
  m.op(Op::LoadImm, 3, 0, 0, -7);
  m.op(Op::LoadImm, 5, 0, 0, 2);
  m.op(Op::Div, 4, 3, 5);  // -7/2 = -3 (truncated)
  store_global(m, 3, 4, 7);
  m.op(Op::Rem, 4, 3, 5);  // -7%2 = -1
  store_global(m, 4, 4, 7);
  m.op(Op::LoadConst, 0, 0, 0, b.constant(static_cast<Word>(INT64_MIN)));
  m.op(Op::LoadImm, 1, 0, 0, -1);
  m.op(Op::Div, 4, 0, 1);  // MinInt64 / -1 = MinInt64 in Go
  store_global(m, 5, 4, 7);
  m.op(Op::LoadImm, 3, 0, 0, 200);
  m.op(Op::Shl, 4, 5, 3);  // 2 << 200 = 0
  store_global(m, 6, 4, 7);
  m.op(Op::LoadImm, 3, 0, 0, -8);
  m.op(Op::LoadImm, 5, 0, 0, 1);
  m.op(Op::Shr, 4, 3, 5);  // -8 >> 1 = -4
  store_global(m, 7, 4, 7);
  m.op(Op::LoadImm, 3, 0, 0, 300);
  m.op(Op::Wrap, 4, 3, 0, static_cast<std::int32_t>(Kind::Uint8));  // uint8(300) = 44
  store_global(m, 8, 4, 7);
  m.op(Op::Return);
  const std::int32_t main = b.add(m);
  Vm vm = run(b.build(main, 8));
  REQUIRE(vm.finished());
  CHECK(vm.exit_code() == 0);
  const Memory& mem = vm.memory();
  CHECK(static_cast<std::int64_t>(mem.peek(1)) == INT64_MIN);
  CHECK(static_cast<std::int64_t>(mem.peek(2)) == -128);
  CHECK(static_cast<std::int64_t>(mem.peek(3)) == -3);
  CHECK(static_cast<std::int64_t>(mem.peek(4)) == -1);
  CHECK(static_cast<std::int64_t>(mem.peek(5)) == INT64_MIN);
  CHECK(mem.peek(6) == 0);
  CHECK(static_cast<std::int64_t>(mem.peek(7)) == -4);
  CHECK(mem.peek(8) == 44);
}

TEST_CASE("vm: recursive calls compute fib(20)", "[vm][calls]") {
  Builder b;
  const std::int32_t fib = b.reserve();
  Fn f("main.fib", 1, 1, 6);  // slot 0 n, 1 result, 2.. temps
  f.op(Op::LoadImm, 2, 0, 0, 2);
  const std::size_t rec = f.jump(Op::JumpLe, 2, 0);  // if 2 <= n goto rec
  f.op(Op::Move, 1, 0, 0, 1);
  f.op(Op::Return);
  f.bind(rec);
  f.op(Op::AddImm, 3, 0, 0, -1);
  f.op(Op::Call, 3, 0, 0, fib);
  f.op(Op::AddImm, 4, 0, 0, -2);
  f.op(Op::Call, 4, 0, 0, fib);
  f.op(Op::Add, 1, 3, 4);
  f.op(Op::Return);
  b.set(fib, f);
  Fn m("main.main", 0, 0, 4);
  m.op(Op::LoadImm, 0, 0, 0, 20);
  m.op(Op::Call, 0, 0, 0, fib);
  store_global(m, 1, 0, 3);
  m.op(Op::Return);
  Vm vm = run(b.build(b.add(m), 1));
  REQUIRE(vm.finished());
  CHECK(vm.memory().peek(1) == 6765);
}

TEST_CASE("vm: 100000 nested calls run on the explicit stack", "[vm][calls]") {
  Builder b;
  const std::int32_t sum = b.reserve();
  Fn f("main.sum", 1, 1, 4);
  const std::size_t nz = f.jump(Op::JumpIf, 0);
  f.op(Op::LoadImm, 1, 0, 0, 0);
  f.op(Op::Return);
  f.bind(nz);
  f.op(Op::AddImm, 2, 0, 0, -1);
  f.op(Op::Call, 2, 0, 0, sum);
  f.op(Op::Add, 1, 0, 2);
  f.op(Op::Return);
  b.set(sum, f);
  Fn m("main.main", 0, 0, 4);
  m.op(Op::LoadImm, 0, 0, 0, 100000);
  m.op(Op::Call, 0, 0, 0, sum);
  store_global(m, 1, 0, 3);
  m.op(Op::Return);
  Vm vm = run(b.build(b.add(m), 1));
  REQUIRE(vm.finished());
  CHECK(vm.memory().peek(1) == 5000050000ull);
}

TEST_CASE("vm: closures share captured cells", "[vm][closures]") {
  Builder b;
  // func counter() func() int { n := 0; return func() int { n++; return n } }
  Fn inc("main.counter.func1", 0, 1, 4);
  inc.closure_slot(1);
  inc.op(Op::Load, 2, 1, 1, 1);   // slot2 = cell address (closure word 1)
  inc.op(Op::Load, 3, 2, 0, 1);   // n
  inc.op(Op::AddImm, 3, 3, 0, 1);
  inc.op(Op::Store, 2, 3, 0, 1);
  inc.op(Op::Move, 0, 3, 0, 1);
  inc.op(Op::Return);
  const std::int32_t inc_fn = b.add(inc);
  Fn m("main.main", 0, 0, 8);
  m.op(Op::New, 0, 0, 0, 1);            // cell for n
  m.op(Op::New, 1, 0, 0, 2);            // closure {fn, cell}
  m.op(Op::LoadImm, 2, 0, 0, inc_fn);
  m.op(Op::Store, 1, 2, 0, 1);
  m.op(Op::Store, 1, 0, 1, 1);
  m.op(Op::CallClosure, 3, 1);
  m.op(Op::CallClosure, 3, 1);
  m.op(Op::CallClosure, 3, 1);
  store_global(m, 1, 3, 7);
  m.op(Op::Load, 4, 0, 0, 1);
  store_global(m, 2, 4, 7);
  m.op(Op::Return);
  Vm vm = run(b.build(b.add(m), 2));
  REQUIRE(vm.finished());
  CHECK(vm.memory().peek(1) == 3);
  CHECK(vm.memory().peek(2) == 3);
}

TEST_CASE("vm: builtin println writes to stderr through the natives", "[vm][natives]") {
  Builder b;
  const std::int32_t printint = b.native("runtime.printint", 1, 0);
  const std::int32_t printstring = b.native("runtime.printstring", 2, 0);
  const std::int32_t printnl = b.native("runtime.printnl", 0, 0);
  Fn m("main.main", 0, 0, 4);
  m.op(Op::LoadString, 0, 0, 0, b.str("answer "));
  m.op(Op::Call, 0, 0, 0, printstring);
  m.op(Op::LoadImm, 0, 0, 0, 42);
  m.op(Op::Call, 0, 0, 0, printint);
  m.op(Op::Call, 0, 0, 0, printnl);
  m.op(Op::Return);
  Vm vm = run(b.build(b.add(m)));
  REQUIRE(vm.finished());
  CHECK(vm.stderr_text() == "answer 42\n");
  CHECK(vm.exit_code() == 0);
}

TEST_CASE("vm: integer divide by zero panics with Go's text and exit status 2", "[vm][panic]") {
  Builder b;
  Fn m("main.main", 0, 0, 4);
  m.op(Op::LoadImm, 0, 0, 0, 1);
  m.op(Op::LoadImm, 1, 0, 0, 0);
  m.op(Op::Div, 2, 0, 1);
  m.op(Op::Return);
  Vm vm = run(b.build(b.add(m)));
  REQUIRE(vm.finished());
  CHECK(vm.exit_code() == 2);
  CHECK(vm.stderr_text().rfind("panic: runtime error: integer divide by zero\n\ngoroutine 1 [running]:\n", 0) == 0);
}

TEST_CASE("vm: nil dereference prints the SIGSEGV line", "[vm][panic]") {
  Builder b;
  Fn m("main.main", 0, 0, 4);
  m.op(Op::LoadImm, 0, 0, 0, 0);
  m.op(Op::Load, 1, 0, 0, 1);
  m.op(Op::Return);
  Vm vm = run(b.build(b.add(m)));
  CHECK(vm.exit_code() == 2);
  CHECK(vm.stderr_text().rfind("panic: runtime error: invalid memory address or nil pointer dereference\n"
                               "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]\n\n"
                               "goroutine 1 [running]:\n", 0) == 0);
}

TEST_CASE("vm: index and slice bounds panics", "[vm][panic]") {
  SECTION("index") {
    Builder b;
    Fn m("main.main", 0, 0, 8);
    m.op(Op::LoadImm, 1, 0, 0, 3);
    m.op(Op::LoadImm, 2, 0, 0, 3);
    m.op(Op::MakeSlice, 3, 1, 2, 1);
    m.op(Op::LoadImm, 0, 0, 0, 5);
    m.op(Op::IndexAddr, 6, 3, 0, 1);
    m.op(Op::Return);
    Vm vm = run(b.build(b.add(m)));
    CHECK(vm.stderr_text().rfind("panic: runtime error: index out of range [5] with length 3\n", 0) == 0);
  }
  SECTION("slice") {
    Builder b;
    Fn m("main.main", 0, 0, 12);
    m.op(Op::LoadImm, 1, 0, 0, 3);
    m.op(Op::MakeSlice, 3, 1, 1, 1);
    m.op(Op::LoadImm, 6, 0, 0, 0);
    m.op(Op::LoadImm, 7, 0, 0, 5);
    m.op(Op::LoadImm, 8, 0, 0, 3);
    m.op(Op::SliceSlice, 9, 3, 6, 1);
    m.op(Op::Return);
    Vm vm = run(b.build(b.add(m)));
    CHECK(vm.stderr_text().rfind("panic: runtime error: slice bounds out of range [:5] with capacity 3\n", 0) == 0);
  }
}

TEST_CASE("vm: append grows as growslice and size classes", "[vm][slices]") {
  // Appending one int at a time: caps 1 2 4 8 ... 512 848 (Go 1.19 on []int).
  Builder b;
  Fn m("main.main", 0, 0, 12);
  m.op(Op::LoadImm, 0, 0, 0, 0);       // slice at 0..2 = nil
  m.op(Op::LoadImm, 1, 0, 0, 0);
  m.op(Op::LoadImm, 2, 0, 0, 0);
  m.op(Op::LoadImm, 3, 0, 0, 0);       // i
  m.op(Op::LoadImm, 4, 0, 0, 600);
  m.op(Op::LoadImm, 5, 0, 0, 1);       // address of the last cap seen (global cursor)
  const std::int32_t loop = m.here();
  m.op(Op::Move, 9, 2, 0, 1);          // old cap
  m.op(Op::AppendOne, 0, 0, 3, 1);
  const std::size_t same = m.jump(Op::JumpEq, 9, 2);
  m.op(Op::Store, 5, 2, 0, 1);         // record new cap
  m.op(Op::AddImm, 5, 5, 0, 1);
  m.bind(same);
  m.op(Op::AddImm, 3, 3, 0, 1);
  m.op(Op::JumpLt, 3, 4, 0, loop);
  m.op(Op::Return);
  Vm vm = run(b.build(b.add(m), 16));
  REQUIRE(vm.exit_code() == 0);
  const std::vector<Word> want = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 848};
  for (std::size_t i = 0; i < want.size(); ++i) CHECK(vm.memory().peek(1 + i) == want[i]);
}

TEST_CASE("vm: append of bytes rounds to byte size classes when the element type is given", "[vm][slices]") {
  // var b []byte; b = append(b, 1) -> cap 8 (Go); with d = -uint8 the VM knows the element is one byte.
  Builder b;
  Fn m("main.main", 0, 0, 8);
  m.op(Op::LoadImm, 4, 0, 0, 1);
  m.op(Op::AppendOne, 0, 0, 4, -static_cast<std::int32_t>(kUint8));
  store_global(m, 1, 2, 7);
  m.op(Op::Return);
  Vm vm = run(b.build(b.add(m), 1));
  CHECK(vm.memory().peek(1) == 8);
}

TEST_CASE("vm: invalid bytecode is refused with a message, not run", "[vm][verify]") {
  SECTION("jump out of the function") {
    Builder b;
    Fn m("main.main", 0, 0, 2);
    m.op(Op::Jump, 0, 0, 0, 99);
    Vm vm = run(b.build(b.add(m)));
    CHECK(vm.finished());
    CHECK(vm.exit_code() == 2);
    CHECK(vm.stderr_text().rfind("fatal error: invalid bytecode: operand out of range in main.main at 0 (Jump)", 0) == 0);
  }
  SECTION("code that can run off its end") {
    Builder b;
    Fn m("main.main", 0, 0, 2);
    m.op(Op::LoadImm, 0, 0, 0, 1);
    Vm vm = run(b.build(b.add(m)));
    CHECK(vm.exit_code() == 2);
    CHECK(vm.stderr_text().find("can run past its end") != std::string::npos);
  }
}
