// The Go runtime under the interpreter, on hand-built programs: goroutines and channels, deadlock reports,
// select, timers and Sleep on the simulated clock, defer/panic/recover with named results, maps, interfaces.
#include <catch2/catch.hpp>

#include "tests/vm/vm_builder.h"

using namespace gb::vm;
using namespace gb::vm::test;

namespace {

void store_global(Fn& f, std::uint32_t global, std::uint32_t v, std::uint32_t tmp) {
  f.op(Op::LoadImm, tmp, 0, 0, static_cast<std::int32_t>(global));
  f.op(Op::Store, tmp, v, 0, 1);
}

constexpr std::int32_t kMs = 1'000'000;

}  // namespace

TEST_CASE("vm: a goroutine hands values to main over an unbuffered channel", "[vm][chan]") {
  Builder b;
  Fn w("main.worker", 1, 0, 4);  // 0 ch, 1 i, 2 limit
  w.op(Op::LoadImm, 1, 0, 0, 1);
  w.op(Op::LoadImm, 2, 0, 0, 4);
  const std::int32_t loop = w.here();
  w.op(Op::Send, 0, 1, kInt);
  w.op(Op::AddImm, 1, 1, 0, 1);
  w.op(Op::JumpLt, 1, 2, 0, loop);
  w.op(Op::Return);
  const std::int32_t worker = b.add(w);
  Fn m("main.main", 0, 0, 10);
  m.op(Op::LoadImm, 1, 0, 0, 0);
  m.op(Op::MakeChan, 0, 1, 0, kInt);
  m.op(Op::LoadFunc, 2, 0, 0, worker);
  m.op(Op::Move, 3, 0, 0, 1);
  m.op(Op::Go, 3, 2, 0, 1);
  m.op(Op::LoadImm, 4, 0, 0, 0);
  m.op(Op::LoadImm, 6, 0, 0, 0);
  m.op(Op::LoadImm, 7, 0, 0, 3);
  const std::int32_t rl = m.here();
  m.op(Op::Recv, 5, 0, kInt, 0);
  m.op(Op::Add, 4, 4, 5);
  m.op(Op::AddImm, 6, 6, 0, 1);
  m.op(Op::JumpLt, 6, 7, 0, rl);
  store_global(m, 1, 4, 9);
  m.op(Op::Return);
  Vm vm = run(b.build(b.add(m), 1));
  REQUIRE(vm.finished());
  CHECK(vm.exit_code() == 0);
  CHECK(vm.memory().peek(1) == 6);
  // runtime.main's helpers are goroutines 2-4, so the first user goroutine is 5 (no package os here).
  CHECK(vm.scheduler().goroutine_count() == 5);
  REQUIRE_FALSE(vm.scheduler().check_invariants());
}

TEST_CASE("vm: buffered channel, close, and receive with ok", "[vm][chan]") {
  Builder b;
  Fn m("main.main", 0, 0, 10);
  m.op(Op::LoadImm, 1, 0, 0, 2);
  m.op(Op::MakeChan, 0, 1, 0, kInt);
  m.op(Op::LoadImm, 2, 0, 0, 10);
  m.op(Op::Send, 0, 2, kInt);
  m.op(Op::LoadImm, 2, 0, 0, 20);
  m.op(Op::Send, 0, 2, kInt);
  m.op(Op::ChanLen, 3, 0);
  store_global(m, 1, 3, 9);
  m.op(Op::Close, 0);
  m.op(Op::Recv, 4, 0, kInt, 1);  // 10, ok
  m.op(Op::Recv, 6, 0, kInt, 1);  // 20, ok
  m.op(Op::Recv, 2, 0, kInt, 1);  // 0, !ok
  m.op(Op::Add, 4, 4, 6);
  store_global(m, 2, 4, 9);
  store_global(m, 3, 3, 9);       // ok of the third receive (slot 3)
  m.op(Op::Return);
  Vm vm = run(b.build(b.add(m), 3));
  CHECK(vm.exit_code() == 0);
  CHECK(vm.memory().peek(1) == 2);
  CHECK(vm.memory().peek(2) == 30);
  CHECK(vm.memory().peek(3) == 0);
}

TEST_CASE("vm: all goroutines asleep is reported with goroutine 1's wait reason", "[vm][deadlock]") {
  SECTION("chan receive") {
    Builder b;
    Fn m("main.main", 0, 0, 4);
    m.op(Op::LoadImm, 1, 0, 0, 0);
    m.op(Op::MakeChan, 0, 1, 0, kInt);
    m.op(Op::Recv, 2, 0, kInt);
    m.op(Op::Return);
    Vm vm = run(b.build(b.add(m)));
    CHECK(vm.exit_code() == 2);
    CHECK(vm.stderr_text().rfind("fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan receive]:\n", 0) == 0);
  }
  SECTION("nil channel send") {
    Builder b;
    Fn m("main.main", 0, 0, 4);
    m.op(Op::LoadImm, 0, 0, 0, 0);
    m.op(Op::Send, 0, 1, kInt);
    m.op(Op::Return);
    Vm vm = run(b.build(b.add(m)));
    CHECK(vm.stderr_text().rfind("fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan send (nil chan)]:\n", 0) == 0);
  }
  SECTION("select with no cases") {
    Builder b;
    const std::int32_t sel = b.select(SelectTable{});
    Fn m("main.main", 0, 0, 4);
    m.op(Op::Select, 0, 0, 0, sel);
    m.op(Op::Return);
    Vm vm = run(b.build(b.add(m)));
    CHECK(vm.stderr_text().rfind("fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [select (no cases)]:\n", 0) == 0);
  }
}

TEST_CASE("vm: closing a closed channel and sending on a closed channel panic", "[vm][chan][panic]") {
  Builder b;
  Fn m("main.main", 0, 0, 4);
  m.op(Op::LoadImm, 1, 0, 0, 1);
  m.op(Op::MakeChan, 0, 1, 0, kInt);
  m.op(Op::Close, 0);
  m.op(Op::Send, 0, 1, kInt);
  m.op(Op::Return);
  Vm vm = run(b.build(b.add(m)));
  CHECK(vm.exit_code() == 2);
  CHECK(vm.stderr_text().rfind("panic: send on closed channel\n\ngoroutine 1 [running]:\n", 0) == 0);
}

TEST_CASE("vm: select takes a ready case, else the default", "[vm][select]") {
  Builder b;
  SelectTable t;
  t.cases.push_back(SelectCase{false, 0, 4, 5, kInt});
  t.cases.push_back(SelectCase{false, 1, 4, 5, kInt});
  const std::int32_t blocking = b.select(t);
  t.has_default = true;
  const std::int32_t with_default = b.select(t);
  Fn m("main.main", 0, 0, 12);
  m.op(Op::LoadImm, 2, 0, 0, 1);
  m.op(Op::MakeChan, 0, 2, 0, kInt);
  m.op(Op::MakeChan, 1, 2, 0, kInt);
  m.op(Op::LoadImm, 3, 0, 0, 77);
  m.op(Op::Send, 1, 3, kInt);
  m.op(Op::Select, 6, 0, 0, blocking);  // only case 1 is ready
  store_global(m, 1, 6, 11);
  store_global(m, 2, 4, 11);
  store_global(m, 3, 5, 11);
  m.op(Op::Select, 6, 0, 0, with_default);  // nothing ready: default
  store_global(m, 4, 6, 11);
  m.op(Op::Return);
  Vm vm = run(b.build(b.add(m), 4));
  CHECK(vm.exit_code() == 0);
  CHECK(vm.memory().peek(1) == 1);
  CHECK(vm.memory().peek(2) == 77);
  CHECK(vm.memory().peek(3) == 1);
  CHECK(static_cast<std::int64_t>(vm.memory().peek(4)) == -1);
}

TEST_CASE("vm: a select waiting on two channels is woken by either and leaves the other queue", "[vm][select]") {
  Builder b;
  Fn w("main.sender", 1, 0, 4);  // sends 5 on ch after a Gosched
  w.op(Op::Yield);
  w.op(Op::LoadImm, 1, 0, 0, 5);
  w.op(Op::Send, 0, 1, kInt);
  w.op(Op::Return);
  const std::int32_t sender = b.add(w);
  SelectTable t;
  t.cases.push_back(SelectCase{false, 0, 4, UINT32_MAX, kInt});
  t.cases.push_back(SelectCase{false, 1, 4, UINT32_MAX, kInt});
  const std::int32_t sel = b.select(t);
  Fn m("main.main", 0, 0, 12);
  m.op(Op::LoadImm, 2, 0, 0, 0);
  m.op(Op::MakeChan, 0, 2, 0, kInt);
  m.op(Op::MakeChan, 1, 2, 0, kInt);
  m.op(Op::LoadFunc, 3, 0, 0, sender);
  m.op(Op::Move, 7, 1, 0, 1);
  m.op(Op::Go, 7, 3, 0, 1);
  m.op(Op::Select, 6, 0, 0, sel);  // parks on both; the sender completes case 1
  store_global(m, 1, 6, 11);
  store_global(m, 2, 4, 11);
  m.op(Op::Return);
  Vm vm = run(b.build(b.add(m), 2));
  CHECK(vm.exit_code() == 0);
  CHECK(vm.memory().peek(1) == 1);
  CHECK(vm.memory().peek(2) == 5);
}

TEST_CASE("vm: sleeping goroutines wake in timer order on the simulated clock", "[vm][timers]") {
  Builder b;
  const std::int32_t sleep = b.native("time.Sleep", 1, 0);
  Fn w("main.sleeper", 3, 0, 6);  // ch, id, duration
  w.op(Op::Move, 4, 2, 0, 1);
  w.op(Op::Call, 4, 0, 0, sleep);
  w.op(Op::Send, 0, 1, kInt);
  w.op(Op::Return);
  const std::int32_t sleeper = b.add(w);
  Fn m("main.main", 0, 0, 12);
  m.op(Op::LoadImm, 1, 0, 0, 0);
  m.op(Op::MakeChan, 0, 1, 0, kInt);
  m.op(Op::LoadFunc, 2, 0, 0, sleeper);
  m.op(Op::Move, 3, 0, 0, 1);
  m.op(Op::LoadImm, 4, 0, 0, 1);
  m.op(Op::LoadImm, 5, 0, 0, 20 * kMs);
  m.op(Op::Go, 3, 2, 0, 3);
  m.op(Op::LoadImm, 4, 0, 0, 2);
  m.op(Op::LoadImm, 5, 0, 0, 10 * kMs);
  m.op(Op::Go, 3, 2, 0, 3);
  m.op(Op::Recv, 6, 0, kInt);
  m.op(Op::Recv, 7, 0, kInt);
  store_global(m, 1, 6, 11);
  store_global(m, 2, 7, 11);
  m.op(Op::Return);
  Vm vm = run(b.build(b.add(m), 2));
  CHECK(vm.exit_code() == 0);
  CHECK(vm.memory().peek(1) == 2);
  CHECK(vm.memory().peek(2) == 1);
  CHECK(vm.now() >= 20 * kMs);
  CHECK(vm.now() < 21 * kMs);
}

TEST_CASE("vm: a pending timer is not a deadlock", "[vm][timers][deadlock]") {
  Builder b;
  const std::int32_t sleep = b.native("time.Sleep", 1, 0);
  Fn m("main.main", 0, 0, 4);
  m.op(Op::LoadImm, 0, 0, 0, 5 * kMs);
  m.op(Op::Call, 0, 0, 0, sleep);
  m.op(Op::Return);
  Vm vm = run(b.build(b.add(m)));
  CHECK(vm.exit_code() == 0);
  CHECK(vm.stderr_text().empty());
  CHECK(vm.now() >= 5 * kMs);
}

TEST_CASE("vm: a tight loop is preempted after 10 ms so a sleeper runs", "[vm][preempt]") {
  Builder b;
  const std::int32_t sleep = b.native("time.Sleep", 1, 0);
  Fn spin("main.spin", 0, 0, 2);
  const std::int32_t top = spin.here();
  spin.op(Op::AddImm, 0, 0, 0, 1);
  spin.op(Op::Jump, 0, 0, 0, top);
  const std::int32_t spinner = b.add(spin);
  Fn m("main.main", 0, 0, 4);
  m.op(Op::LoadFunc, 1, 0, 0, spinner);
  m.op(Op::Go, 2, 1, 0, 0);
  m.op(Op::LoadImm, 0, 0, 0, 30 * kMs);
  m.op(Op::Call, 0, 0, 0, sleep);
  m.op(Op::Return);
  Vm vm = run(b.build(b.add(m)), {}, 500'000'000);
  CHECK(vm.finished());
  CHECK(vm.exit_code() == 0);
  CHECK(vm.now() >= 30 * kMs);
  CHECK(vm.now() <= 41 * kMs);
}

TEST_CASE("vm: recover in a deferred call stops the panic and the function returns", "[vm][defer]") {
  Builder b;
  Fn d("main.f.func1", 0, 0, 4);
  d.op(Op::Recover, 0);
  store_global(d, 1, 1, 3);  // the recovered value's data word
  d.op(Op::Return);
  const std::int32_t deferred = b.add(d);
  Fn f("main.f", 0, 0, 6);
  f.op(Op::LoadFunc, 0, 0, 0, deferred);
  f.op(Op::Defer, 1, 0, 0, 0);
  f.op(Op::LoadImm, 2, 0, 0, 42);
  f.op(Op::MakeIface, 3, 2, 0, kInt);
  f.op(Op::Panic, 3);
  f.op(Op::Return);
  const std::int32_t ff = b.add(f);
  Fn m("main.main", 0, 0, 4);
  m.op(Op::Call, 0, 0, 0, ff);
  m.op(Op::LoadImm, 0, 0, 0, 7);
  store_global(m, 2, 0, 3);
  m.op(Op::Return);
  Vm vm = run(b.build(b.add(m), 2));
  CHECK(vm.exit_code() == 0);
  CHECK(vm.memory().peek(1) == 42);
  CHECK(vm.memory().peek(2) == 7);
}

TEST_CASE("vm: deferred calls see and change heap-cell named results, also after a recovery", "[vm][defer]") {
  // func f(fail bool) (r int) { defer func(p *int) { if recover() != nil { *p = -1 } else { *p *= 3 } }(&r); ...
  Builder b;
  Fn d("main.f.func1", 1, 0, 6);  // p
  d.op(Op::Recover, 1);
  const std::size_t none = d.jump(Op::JumpIfNot, 1);
  d.op(Op::LoadImm, 3, 0, 0, -1);
  d.op(Op::Store, 0, 3, 0, 1);
  d.op(Op::Return);
  d.bind(none);
  d.op(Op::Load, 3, 0, 0, 1);
  d.op(Op::LoadImm, 4, 0, 0, 3);
  d.op(Op::Mul, 3, 3, 4);
  d.op(Op::Store, 0, 3, 0, 1);
  d.op(Op::Return);
  const std::int32_t deferred = b.add(d);
  Fn f("main.f", 1, 1, 8);  // 0 fail, 1 result, 2 cell
  f.result_cell(2, 0, 1);
  f.op(Op::New, 2, 0, 0, 1);
  f.op(Op::LoadFunc, 3, 0, 0, deferred);
  f.op(Op::Move, 4, 2, 0, 1);
  f.op(Op::Defer, 4, 3, 0, 1);
  f.op(Op::LoadImm, 5, 0, 0, 5);
  f.op(Op::Store, 2, 5, 0, 1);  // r = 5
  const std::size_t ok = f.jump(Op::JumpIfNot, 0);
  f.op(Op::LoadImm, 5, 0, 0, 1);
  f.op(Op::LoadImm, 6, 0, 0, 0);
  f.op(Op::Div, 5, 5, 6);  // integer divide by zero
  f.bind(ok);
  f.op(Op::Return);
  const std::int32_t ff = b.add(f);
  Fn m("main.main", 0, 0, 4);
  m.op(Op::LoadImm, 0, 0, 0, 0);
  m.op(Op::Call, 0, 0, 0, ff);
  store_global(m, 1, 0, 3);
  m.op(Op::LoadImm, 0, 0, 0, 1);
  m.op(Op::Call, 0, 0, 0, ff);
  store_global(m, 2, 0, 3);
  m.op(Op::Return);
  Vm vm = run(b.build(b.add(m), 2));
  CHECK(vm.exit_code() == 0);
  CHECK(vm.memory().peek(1) == 15);
  CHECK(static_cast<std::int64_t>(vm.memory().peek(2)) == -1);
}

TEST_CASE("vm: a panic in a deferred call chains, a re-panic prints [recovered]", "[vm][panic]") {
  for (const bool recover_first : {false, true}) {
    Builder b;
    Fn d("main.main.func1", 0, 0, 6);
    if (recover_first) {
      d.op(Op::Recover, 0);
      d.op(Op::Panic, 0);  // panic(r)
    } else {
      d.op(Op::LoadString, 2, 0, 0, b.str("second"));
      d.op(Op::MakeIface, 0, 2, 0, kString);
      d.op(Op::Panic, 0);
    }
    d.op(Op::Return);
    const std::int32_t deferred = b.add(d);
    Fn m("main.main", 0, 0, 6);
    m.op(Op::LoadFunc, 0, 0, 0, deferred);
    m.op(Op::Defer, 1, 0, 0, 0);
    m.op(Op::LoadString, 2, 0, 0, b.str(recover_first ? "boom" : "first"));
    m.op(Op::MakeIface, 4, 2, 0, kString);
    m.op(Op::Panic, 4);
    m.op(Op::Return);
    Vm vm = run(b.build(b.add(m)));
    CHECK(vm.exit_code() == 2);
    if (recover_first)
      CHECK(vm.stderr_text().rfind("panic: boom [recovered]\n\tpanic: boom\n\ngoroutine 1 [running]:\n", 0) == 0);
    else
      CHECK(vm.stderr_text().rfind("panic: first\n\tpanic: second\n\ngoroutine 1 [running]:\n", 0) == 0);
  }
}

TEST_CASE("vm: recover outside a panic-run deferred call returns nil", "[vm][defer]") {
  Builder b;
  Fn m("main.main", 0, 0, 4);
  m.op(Op::Recover, 0);
  store_global(m, 1, 0, 3);
  m.op(Op::Return);
  Vm vm = run(b.build(b.add(m), 1));
  CHECK(vm.exit_code() == 0);
  CHECK(vm.memory().peek(1) == 0);
}

TEST_CASE("vm: maps keyed by string contents", "[vm][maps]") {
  Builder b;
  const TypeId mt = b.program().types.map_of(kString, kInt);
  Fn m("main.main", 0, 0, 20);
  m.op(Op::MakeMap, 0, 0, 0, static_cast<std::int32_t>(mt));
  m.op(Op::LoadString, 1, 0, 0, b.str("apple"));
  m.op(Op::LoadImm, 3, 0, 0, 1);
  m.op(Op::MapSet, 0, 1, 3, static_cast<std::int32_t>(mt));
  m.op(Op::LoadString, 1, 0, 0, b.str("pear"));
  m.op(Op::LoadImm, 3, 0, 0, 2);
  m.op(Op::MapSet, 0, 1, 3, static_cast<std::int32_t>(mt));
  // Look "apple" up with a string built at run time: keys are compared by content.
  m.op(Op::LoadString, 4, 0, 0, b.str("app"));
  m.op(Op::LoadString, 6, 0, 0, b.str("le"));
  m.op(Op::Concat, 8, 4, 6);
  m.op(Op::MapGet, 10, 0, 8, static_cast<std::int32_t>(mt));  // value 10, ok 11
  store_global(m, 1, 10, 19);
  store_global(m, 2, 11, 19);
  m.op(Op::MapDelete, 0, 8, 0, static_cast<std::int32_t>(mt));
  m.op(Op::MapGet, 10, 0, 8, static_cast<std::int32_t>(mt));
  store_global(m, 3, 11, 19);
  m.op(Op::MapLen, 12, 0);
  store_global(m, 4, 12, 19);
  // for k, v := range m { sum += v }
  m.op(Op::LoadImm, 13, 0, 0, 0);
  m.op(Op::MapIter, 14, 0);
  const std::int32_t loop = m.here();
  m.op(Op::MapNext, 15, 14, 16);  // key 16..17, value 18
  const std::size_t done = m.jump(Op::JumpIfNot, 15);
  m.op(Op::Add, 13, 13, 18);
  m.op(Op::Jump, 0, 0, 0, loop);
  m.bind(done);
  store_global(m, 5, 13, 19);
  // A nil map reads as empty and panics on assignment.
  m.op(Op::LoadImm, 0, 0, 0, 0);
  m.op(Op::MapSet, 0, 1, 3, static_cast<std::int32_t>(mt));
  m.op(Op::Return);
  Vm vm = run(b.build(b.add(m), 5));
  CHECK(vm.memory().peek(1) == 1);
  CHECK(vm.memory().peek(2) == 1);
  CHECK(vm.memory().peek(3) == 0);
  CHECK(vm.memory().peek(4) == 1);
  CHECK(vm.memory().peek(5) == 2);
  CHECK(vm.exit_code() == 2);
  CHECK(vm.stderr_text().rfind("panic: assignment to entry in nil map\n", 0) == 0);
}

TEST_CASE("vm: interface method calls on values and pointers, and failed assertions", "[vm][iface]") {
  Builder b;
  TypeTable& tt = b.program().types;
  const TypeId get_sig = tt.func_of({}, {kInt}, false);
  const TypeId T = tt.new_named("T", "main");
  tt.set_underlying(T, tt.struct_of({StructField{"x", kInt, false}, StructField{"y", kInt, false}}));
  const TypeId PT = tt.pointer_to(T);
  const TypeId I = tt.new_named("I", "main");
  tt.set_underlying(I, tt.interface_of({MethodEntry{"Get", get_sig, -1, false}}));
  // func (t T) Get() int { return t.x + t.y }
  Fn get("main.T.Get", 2, 1, 4);
  get.op(Op::Add, 2, 0, 1);
  get.op(Op::Return);
  const std::int32_t get_fn = b.add(get);
  tt.add_method(T, MethodEntry{"Get", get_sig, get_fn, false});
  Fn m("main.main", 0, 0, 16);
  m.op(Op::LoadImm, 0, 0, 0, 3);
  m.op(Op::LoadImm, 1, 0, 0, 4);
  m.op(Op::MakeIface, 2, 0, 0, static_cast<std::int32_t>(T));  // boxed (2 words)
  m.op(Op::CallIface, 4, 2, I, 0);
  store_global(m, 1, 4, 15);
  m.op(Op::New, 5, 0, 0, 2);
  m.op(Op::LoadImm, 6, 0, 0, 10);
  m.op(Op::Store, 5, 6, 0, 1);
  m.op(Op::Store, 5, 6, 1, 1);
  m.op(Op::MakeIface, 7, 5, 0, static_cast<std::int32_t>(PT));  // *T: value method through the pointer
  m.op(Op::CallIface, 9, 7, I, 0);
  store_global(m, 2, 9, 15);
  m.op(Op::AssertTypeOk, 10, 2, I, static_cast<std::int32_t>(T));  // value 10..11, ok 12
  store_global(m, 3, 12, 15);
  m.op(Op::AssertIfaceOk, 10, 7, 0, static_cast<std::int32_t>(I));  // ok at 12
  store_global(m, 4, 12, 15);
  m.op(Op::AssertType, 10, 2, I, kInt);
  m.op(Op::Return);
  Vm vm = run(b.build(b.add(m), 4));
  CHECK(vm.memory().peek(1) == 7);
  CHECK(vm.memory().peek(2) == 20);
  CHECK(vm.memory().peek(3) == 1);
  CHECK(vm.memory().peek(4) == 1);
  CHECK(vm.exit_code() == 2);
  CHECK(vm.stderr_text().rfind("panic: interface conversion: main.I is main.T, not int\n", 0) == 0);
}
