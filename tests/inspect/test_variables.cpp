// The variables view on Go programs run on the machine: call stacks, parameters and locals with fmt's %v and %#v
// (expected strings are real Go 1.19's Printf output for the same values), the named-results puzzle before and
// after the deferred closure runs (real Go prints 1 for test() and 0 for testi()), captured variables seen from
// the closure's frame, an escaped variable's address and cache line, scopes, the current statement's loads and
// stores, and that looking changes nothing.
#include <algorithm>

#include <catch2/catch.hpp>

#include "sim/inspect/variables.h"
#include "tests/inspect/program_run.h"

using namespace gb;
using namespace gb::inspect;
using gb::test::ProgramRun;
using gb::test::RunConfig;

namespace {

const VariableView* find_var(const std::vector<VariableView>& vars, const std::string& name) {
  for (const VariableView& v : vars) {
    if (v.name == name) return &v;
  }
  return nullptr;
}

std::vector<std::string> names(const std::vector<VariableView>& vars) {
  std::vector<std::string> out;
  for (const VariableView& v : vars) out.push_back(v.name);
  return out;
}

// Goroutine g's innermost frame is `function` and its next instruction returns from it.
bool about_to_return(const vm::Vm& vm, GId g, const std::string& function) {
  const auto& frames = vm.goroutine(g).frames;
  if (frames.empty()) return false;
  const vm::Function& fn = vm.program().functions[frames.back().func];
  return fn.name == function && frames.back().pc < fn.code.size() && fn.code[frames.back().pc].op == vm::Op::Return;
}

// Steps single instructions until `done` holds (at most `limit` of them).
template <typename F>
bool step_until(ProgramRun& run, F done, int limit = 100000) {
  return done() || run.step_until(StepKind::Instruction, limit, [&](const StepReport&) { return done(); });
}

const char* kValues = R"(package main

import (
	"errors"
	"fmt"
)

type T struct {
	Name string
	N    int
}

func add(a, b int) int {
	sum := a + b
	return sum
}

func main() {
	xs := []int{1, 2, 3}
	m := map[string]int{"a": 1, "b": 2}
	t := &T{"x", 2}
	var e error = fmt.Errorf("boom")
	e2 := errors.New("bad")
	f := 2.5
	s := "hi"
	var p *T
	var none error
	r := add(len(xs), m["a"])
	fmt.Println(r, t.Name, e, e2, f, s, p, none)
}
)";

}  // namespace

TEST_CASE("variables: a frame's parameters, results and locals with %v and %#v as real Go prints them",
          "[inspect][variables]") {
  ProgramRun run("values.go", kValues);
  run.step(StepKind::Line, 15);  // return sum, inside add
  const vm::Vm& vm = run.machine()->runtime();
  const GId g = vm.current_goroutine();
  REQUIRE(g == 1);

  const auto stack = call_stack(vm, g);
  REQUIRE(stack.size() >= 3);
  CHECK(stack[0].function == "main.add");
  CHECK(stack[0].line == 15);
  CHECK(stack[0].file == "values.go");
  CHECK(stack[0].user);
  CHECK(stack[1].function == "main.main");
  CHECK(stack[1].line == 28);  // the call it waits on
  CHECK(stack.back().function == "runtime.main");
  CHECK_FALSE(stack.back().user);
  CHECK(first_user_frame(stack) == 0);

  const auto inner = frame_variables(vm, g, 0);
  CHECK(names(inner) == std::vector<std::string>{"a", "b", "~r0", "sum"});
  CHECK(find_var(inner, "a")->value == "3");
  CHECK(find_var(inner, "a")->kind == vm::VarInfo::Kind::Param);
  CHECK(find_var(inner, "b")->value == "1");
  CHECK(find_var(inner, "~r0")->kind == vm::VarInfo::Kind::Result);
  CHECK(find_var(inner, "sum")->value == "4");
  CHECK(find_var(inner, "sum")->type == "int");
  CHECK_FALSE(find_var(inner, "sum")->in_memory);

  const auto outer = frame_variables(vm, g, 1);
  // r is declared by the statement still running (r := add(...)): not in scope yet.
  CHECK(names(outer) == std::vector<std::string>{"xs", "m", "t", "e", "e2", "f", "s", "p", "none"});
  auto check = [&](const char* name, const char* type, const char* v, const char* sharp) {
    INFO(name);
    const VariableView* var = find_var(outer, name);
    REQUIRE(var);
    CHECK(var->type == type);
    CHECK(var->value == v);
    CHECK(var->go_syntax == sharp);
  };
  check("xs", "[]int", "[1 2 3]", "[]int{1, 2, 3}");
  check("m", "map[string]int", "map[a:1 b:2]", "map[string]int{\"a\":1, \"b\":2}");
  check("e", "error", "boom", "&errors.errorString{s:\"boom\"}");
  check("e2", "error", "bad", "&errors.errorString{s:\"bad\"}");
  check("f", "float64", "2.5", "2.5");
  check("s", "string", "hi", "\"hi\"");
  check("p", "*main.T", "<nil>", "(*main.T)(nil)");
  check("none", "error", "<nil>", "<nil>");
  const VariableView* t = find_var(outer, "t");
  REQUIRE(t);
  CHECK(t->type == "*main.T");
  CHECK(t->value.rfind("&{x 2}", 0) == 0);
  CHECK(t->go_syntax == "&main.T{Name:\"x\", N:2}");
}

namespace {

// The named-results puzzle (Go spec, "Defer statements"): test's deferred closure increments the result itself,
// testi's increments a local after `return i` copied it into the unnamed result.
const char* kNamedResults = R"(package main

import "fmt"

func test() (i int) {
	defer func() {
		i++
	}()
	return 0
}

func testi() int {
	i := 0
	defer func() {
		i++
	}()
	return i
}

func main() {
	fmt.Println(test())
	fmt.Println(testi())
}
)";

}  // namespace

TEST_CASE("variables: the named-results puzzle, before and after the deferred closure runs", "[inspect][variables]") {
  ProgramRun run("named.go", kNamedResults);
  const vm::Vm& vm = run.machine()->runtime();

  // test(): the closure is about to run i++ on the named result.
  run.step(StepKind::Line, 7);
  const GId g = vm.current_goroutine();
  auto stack = call_stack(vm, g);
  REQUIRE(stack.size() >= 3);
  CHECK(stack[0].function == "main.test.func1");
  CHECK(stack[0].deferred);
  CHECK(stack[1].function == "main.test");
  CHECK(stack[1].line == 9);  // return 0, running its deferred calls
  // The closure's prologue loaded its captured cell's address: no statement of it has run, none to show.
  CHECK(current_statement(vm, g).text().empty());
  CHECK_FALSE(current_statement(vm, g).finished);
  auto closure = frame_variables(vm, g, 0);
  REQUIRE(names(closure) == std::vector<std::string>{"i"});
  CHECK(closure[0].kind == vm::VarInfo::Kind::Captured);
  CHECK(closure[0].value == "0");
  auto test_vars = frame_variables(vm, g, 1);
  REQUIRE(names(test_vars) == std::vector<std::string>{"i"});
  CHECK(test_vars[0].kind == vm::VarInfo::Kind::NamedResult);
  CHECK(test_vars[0].value == "0");  // return 0 set it
  CHECK(test_vars[0].in_memory);
  CHECK(closure[0].word_addr == test_vars[0].word_addr);  // the closure shares the result's cell

  // Run the closure to its return (the next instruction returns from it, and test's frame with it): the named
  // result is now 1, which is what test() returns.
  REQUIRE(step_until(run, [&] { return about_to_return(vm, g, "main.test.func1"); }));
  test_vars = frame_variables(vm, g, 1);
  REQUIRE(names(test_vars) == std::vector<std::string>{"i"});
  CHECK(test_vars[0].value == "1");
  CHECK(frame_variables(vm, g, 0)[0].value == "1");

  // testi(): the closure changes the local i, but `return i` already copied 0 into the result.
  run.step(StepKind::Line, 15);
  stack = call_stack(vm, g);
  REQUIRE(stack.size() >= 2);
  CHECK(stack[0].function.rfind("main.testi.func", 0) == 0);
  CHECK(stack[1].function == "main.testi");
  auto testi_vars = frame_variables(vm, g, 1);
  REQUIRE(names(testi_vars) == std::vector<std::string>{"~r0", "i"});
  CHECK(find_var(testi_vars, "~r0")->value == "0");
  CHECK(find_var(testi_vars, "i")->value == "0");
  CHECK(find_var(testi_vars, "i")->kind == vm::VarInfo::Kind::Local);
  CHECK(frame_variables(vm, g, 0)[0].kind == vm::VarInfo::Kind::Captured);
  const std::string testi_closure = stack[0].function;
  REQUIRE(step_until(run, [&] { return about_to_return(vm, g, testi_closure); }));
  testi_vars = frame_variables(vm, g, 1);
  CHECK(find_var(testi_vars, "i")->value == "1");
  CHECK(find_var(testi_vars, "~r0")->value == "0");  // what testi() returns

  run.step(StepKind::Line, 9999);  // to the end
  REQUIRE(run.finished());
  CHECK(vm.stdout_text() == "1\n0\n");  // real Go 1.19's output
}

namespace {

const char* kScopes = R"(package main

import "fmt"

func main() {
	a := 1
	{
		b := 2
		fmt.Println(a, b)
	}
	c := 3
	for i := 0; i < 1; i++ {
		d := i + c
		fmt.Println(d)
	}
	fmt.Println(a, c)
}
)";

}  // namespace

TEST_CASE("variables: a variable shows from the end of its declaration to the end of its block",
          "[inspect][variables]") {
  ProgramRun run("scopes.go", kScopes);
  const vm::Vm& vm = run.machine()->runtime();
  run.step(StepKind::Line, 6);
  CHECK(names(frame_variables(vm, 1, 0)).empty());  // a := 1 has not run
  run.step(StepKind::Line, 9);
  CHECK(names(frame_variables(vm, 1, 0)) == std::vector<std::string>{"a", "b"});
  run.step(StepKind::Line, 11);
  CHECK(names(frame_variables(vm, 1, 0)) == std::vector<std::string>{"a"});  // b's block ended, c not yet
  run.step(StepKind::Line, 14);
  CHECK(names(frame_variables(vm, 1, 0)) == std::vector<std::string>{"a", "c", "i", "d"});
  CHECK(find_var(frame_variables(vm, 1, 0), "d")->value == "3");
  run.step(StepKind::Line, 16);
  CHECK(names(frame_variables(vm, 1, 0)) == std::vector<std::string>{"a", "c"});
}

namespace {

const char* kEscaped = R"(package main

import "fmt"

func main() {
	x := 41
	p := &x
	*p = 42
	fmt.Println(x)
}
)";

}  // namespace

TEST_CASE("variables: an escaped variable shows its byte address and its line's state in each cache",
          "[inspect][variables]") {
  ProgramRun run("escaped.go", kEscaped, RunConfig{2, 2, 1.0, 1});
  const vm::Vm& vm = run.machine()->runtime();
  run.step(StepKind::Line, 9);
  const auto vars = frame_variables(vm, 1, 0);
  const VariableView* x = find_var(vars, "x");
  REQUIRE(x);
  CHECK(x->value == "42");
  CHECK(x->in_memory);
  CHECK(x->byte_addr >= vm::Memory::kFirstByteAddress);
  CHECK(x->byte_addr == vm.memory().byte_address(x->word_addr));
  CHECK(x->line_addr == (x->byte_addr & ~std::uint64_t{63}));
  REQUIRE(x->line_states.size() == 2);
  // G1 wrote x on its core: that cache owns the line (M), the other has no copy.
  const int core = std::count(x->line_states.begin(), x->line_states.end(), LineState::M);
  CHECK(core == 1);
  CHECK(std::count(x->line_states.begin(), x->line_states.end(), LineState::I) == 1);
  const VariableView* p = find_var(vars, "p");
  REQUIRE(p);
  CHECK(p->type == "*int");
  CHECK_FALSE(p->in_memory);
}

namespace {

const char* kBalance = R"(package main

import "fmt"

var balance = 120

func main() {
	balance += 1
	fmt.Println(balance)
}
)";

}  // namespace

TEST_CASE("variables: the current statement's loads and stores so far", "[inspect][variables]") {
  ProgramRun run("balance.go", kBalance);
  const vm::Vm& vm = run.machine()->runtime();
  run.step(StepKind::Line, 8);
  CHECK(current_statement(vm, 1).line == 8);
  CHECK(current_statement(vm, 1).text().empty());  // nothing loaded yet
  CHECK_FALSE(current_statement(vm, 1).finished);
  REQUIRE(step_until(run, [&] { return !current_statement(vm, 1).accesses.empty(); }, 50));
  CHECK(current_statement(vm, 1).text() == "main.balance: loaded 120");
  REQUIRE(step_until(run, [&] { return current_statement(vm, 1).text().find("storing") != std::string::npos; }, 50));
  CHECK(current_statement(vm, 1).text() == "main.balance: loaded 120 → storing 121");
  CHECK_FALSE(current_statement(vm, 1).finished);
  // The store was the statement's last instruction: G1 is at line 9's start, and line 8 shows as finished.
  run.step(StepKind::Instruction);
  // The package variable itself: 121 in memory, in G1's core's cache in M.
  const auto globals = package_variables(vm);
  REQUIRE(globals.size() == 1);
  CHECK(globals[0].name == "main.balance");
  CHECK(globals[0].type == "int");
  CHECK(globals[0].value == "121");
  CHECK(globals[0].package_level);
  CHECK(globals[0].byte_addr == vm.memory().byte_address(globals[0].word_addr));
  CHECK(std::count(globals[0].line_states.begin(), globals[0].line_states.end(), LineState::M) == 1);
  const StatementView after = current_statement(vm, 1);
  CHECK(after.text() == "main.balance: loaded 120 → stored 121");
  CHECK(after.finished);
  CHECK(after.line == 8);
  // Line 9 loads balance for Println: its own accesses replace line 8's.
  REQUIRE(step_until(run, [&] { return !current_statement(vm, 1).finished; }, 50));
  CHECK(current_statement(vm, 1).line == 9);
  CHECK(current_statement(vm, 1).text() == "main.balance: loaded 121");
}

TEST_CASE("variables: inspecting changes nothing (no cache traffic, no statistics, same state hash)",
          "[inspect][variables]") {
  ProgramRun run("values.go", kValues);
  run.step(StepKind::Line, 15);
  const vm::Vm& vm = run.machine()->runtime();
  const std::uint64_t hash = run.machine()->state_hash();
  const std::uint64_t accesses = vm.memory().accesses();
  const std::size_t bus = vm.memory().bus_log().size();
  for (GId g : live_goroutines(vm)) {
    for (const StackFrame& f : call_stack(vm, g)) (void)frame_variables(vm, g, f.depth);
    (void)current_statement(vm, g);
  }
  CHECK(run.machine()->state_hash() == hash);
  CHECK(vm.memory().accesses() == accesses);
  CHECK(vm.memory().bus_log().size() == bus);
}

namespace {

const char* kParked = R"(package main

import "fmt"

func main() {
	ch := make(chan int)
	go func() {
		v := 5
		ch <- v
	}()
	v := <-ch
	fmt.Println(v)
}
)";

}  // namespace

TEST_CASE("variables: a parked goroutine shows the line it waits on, with that line's variables",
          "[inspect][variables]") {
  ProgramRun run("parked.go", kParked);
  const vm::Vm& vm = run.machine()->runtime();
  run.step(StepKind::Line, 9);  // G6 is about to send; G1 waits in `v := <-ch`
  REQUIRE(vm.current_goroutine() == 6);
  CHECK(goroutine_state(vm, 1) == "chan receive");
  const auto stack = call_stack(vm, 1);
  REQUIRE_FALSE(stack.empty());
  CHECK(stack[0].function == "main.main");
  CHECK(stack[0].line == 11);
  const auto vars = frame_variables(vm, 1, 0);
  CHECK(names(vars) == std::vector<std::string>{"ch"});  // v is declared by the statement still waiting
  const VariableView* ch = find_var(vars, "ch");
  REQUIRE(ch);
  CHECK(ch->type == "chan int");
  CHECK(ch->value.rfind("0xc000", 0) == 0);
  CHECK(ch->go_syntax == "(chan int)(" + ch->value + ")");
  // G6's closure sees ch as a captured variable and its own v.
  const auto inner = frame_variables(vm, 6, 0);
  CHECK(names(inner) == std::vector<std::string>{"ch", "v"});
  CHECK(find_var(inner, "ch")->kind == vm::VarInfo::Kind::Captured);
  CHECK(find_var(inner, "v")->value == "5");
  CHECK(live_goroutines(vm) == std::vector<GId>{1, 6});
}

namespace {

const char* kKinds = R"(package main

import "fmt"

type inner struct {
	A bool
	B float64
}

type outer struct {
	In   inner
	Tags []string
	M    map[int]bool
}

func main() {
	arr := [3]bool{true, false, true}
	o := outer{inner{true, 1.5}, []string{"x"}, map[int]bool{2: true}}
	var any interface{} = inner{false, 0.25}
	var f func(int) int
	var u8 uint8 = 200
	r := 'x'
	fmt.Println(arr, o, any, f == nil, u8, r)
}
)";

}  // namespace

TEST_CASE("variables: arrays, nested structs, maps, interfaces, funcs and small ints as real Go's Printf prints them",
          "[inspect][variables]") {
  ProgramRun run("kinds.go", kKinds);
  run.step(StepKind::Line, 23);
  const auto vars = frame_variables(run.machine()->runtime(), 1, 0);
  auto check = [&](const char* name, const char* type, const char* v, const char* sharp) {
    INFO(name);
    const VariableView* var = find_var(vars, name);
    REQUIRE(var);
    CHECK(var->type == type);
    CHECK(var->value == v);
    CHECK(var->go_syntax == sharp);
  };
  // Expected strings: real Go 1.19's fmt.Printf("%v|%#v") of the same values.
  check("arr", "[3]bool", "[true false true]", "[3]bool{true, false, true}");
  CHECK(find_var(vars, "arr")->in_memory);  // arrays live in cells
  check("o", "main.outer", "{{true 1.5} [x] map[2:true]}",
        "main.outer{In:main.inner{A:true, B:1.5}, Tags:[]string{\"x\"}, M:map[int]bool{2:true}}");
  check("any", "interface {}", "{false 0.25}", "main.inner{A:false, B:0.25}");
  check("f", "func(int) int", "<nil>", "(func(int) int)(nil)");
  check("u8", "uint8", "200", "0xc8");
  check("r", "int32", "120", "120");
}

namespace {

const char* kCallee = R"(package main

import "fmt"

var total = 5

func get() int {
	return total
}

func main() {
	total = get() + total
	fmt.Println(total)
}
)";

}  // namespace

TEST_CASE("variables: a statement's accesses leave out those of the functions it calls", "[inspect][variables]") {
  ProgramRun run("callee.go", kCallee);
  const vm::Vm& vm = run.machine()->runtime();
  run.step(StepKind::Line, 12);
  REQUIRE(step_until(run, [&] { return current_statement(vm, 1).text().find("storing") != std::string::npos; }, 80));
  // get() loaded total too, in its own frame: the statement's own load and its store remain.
  CHECK(current_statement(vm, 1).text() == "main.total: loaded 5 → storing 10");
  run.step(StepKind::Line, 9999);
  CHECK(run.stdout_text() == "10\n");  // real Go 1.19's output
}

namespace {

// Three atomic statements: a function of sync/atomic, a typed atomic's method (a library frame between the
// statement and the native), and a compare-and-swap that fails (a locked read, no store).
const char* kAtomics = R"(package main

import (
	"fmt"
	"sync/atomic"
)

var n int64 = 4
var hits atomic.Int32

func main() {
	atomic.AddInt64(&n, 1)
	hits.Add(2)
	atomic.CompareAndSwapInt64(&n, 7, 8)
	fmt.Println(n, hits.Load())
}
)";

}  // namespace

TEST_CASE("variables: an atomic statement shows what it loaded and stored", "[inspect][variables]") {
  ProgramRun run("atomics.go", kAtomics);
  const vm::Vm& vm = run.machine()->runtime();
  run.step(StepKind::Line, 13);  // the add has run; G1 is at the next statement's start
  StatementView v = current_statement(vm, 1);
  CHECK(v.finished);
  CHECK(v.line == 12);
  CHECK(v.text() == "main.n: loaded 4 → stored 5 (atomic)");
  run.step(StepKind::Line, 14);
  v = current_statement(vm, 1);
  CHECK(v.line == 13);
  CHECK(v.text() == "main.hits: loaded {0} → stored {2} (atomic)");  // %v of atomic.Int32, one word
  run.step(StepKind::Line, 15);
  v = current_statement(vm, 1);
  CHECK(v.line == 14);
  CHECK(v.text() == "main.n: loaded 5 (atomic)");  // 5 is not 7: no store
}
