// A goroutine as a debugger shows it: its call stack, a frame's parameters, locals, named results and captured
// variables (from the compiler's debug info, Function::vars) with their values as fmt's %v and %#v print them,
// where a variable in simulated memory lives and its line's state in every cache, and what the current statement
// has loaded and stored so far. Read only: no cache traffic, no statistics, no Go code run. No ImGui.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "coherence/line_state.h"
#include "scheduler/vm/vm.h"

namespace gb::inspect {

// [SECTION] Values

// A value of `type` given as its interpreter words, as fmt prints it with %v and %#v: fmt's own printer over a
// read-only view of the machine (memory through Memory::peek, maps without touching caches). Simplified: a
// String or Error method written in Go is not run (an inspector runs no Go code), so such a value prints as its
// fields would; the standard library's errors (errors.New, fmt.Errorf) print their message.
struct FormattedValue {
  std::string v;        // %v
  std::string sharp_v;  // %#v
};
FormattedValue format_go(const vm::Vm& vm, vm::TypeId type, const Word* words);
std::string format_go(const vm::Vm& vm, vm::TypeId type, const Word* words, bool sharp);

// [SECTION] Call stacks

struct StackFrame {
  std::uint32_t depth = 0;         // 0: the innermost frame (the one running), then its callers
  std::uint32_t func = UINT32_MAX; // index in Program::functions
  std::string function;            // "main.main", "main.test.func1", "sync.(*Mutex).Lock"
  std::string file;                // the source file ("prog.go", "sync.go")
  std::uint32_t line = 0;          // the line it is at (callers: the line of the call they wait on)
  std::uint32_t pc = 0;            // the instruction it runs next (innermost) or the call it waits on
  bool user = false;               // package main (the user's code), else the standard library or runtime
  bool deferred = false;           // a deferred call run by a return or a panic
};

// Goroutine g's frames, innermost first (empty for a goroutine that has not started or has exited).
std::vector<StackFrame> call_stack(const vm::Vm& vm, GId g);
// The innermost frame of package main (the one a student wants to see), or 0 when there is none.
std::uint32_t first_user_frame(const std::vector<StackFrame>& stack);

// [SECTION] Variables

// Per core, the state of the variable's first line in that core's cache.
struct VariableView {
  std::string name;
  vm::VarInfo::Kind kind = vm::VarInfo::Kind::Local;
  vm::TypeId type_id = vm::kNoType;
  std::string type;        // Go's spelling: "int", "[]int", "map[string]int", "*main.T"
  std::string value;       // %v (at most about 1 KiB: a longer one is cut and ends in " …")
  std::string go_syntax;   // %#v (likewise)
  bool available = true;   // false while its heap cell is not made yet (the function's prologue)
  // A variable in a heap cell (escaped, captured, an array, a named result a deferred closure may change) lives
  // in memory: its first word, and in machine mode its byte address, line and the line's state per core.
  bool in_memory = false;
  Word word_addr = 0;
  std::uint64_t byte_addr = 0;
  std::uint64_t line_addr = 0;
  std::vector<LineState> line_states;  // index = core
  std::uint32_t decl_line = 0;
  bool package_level = false;  // a package variable (package_variables), named with its package: "main.balance"
};

// The variables of goroutine g's frame at `depth` that are in scope at its pc: parameters, then results, then
// captured variables, then locals in declaration order (an inner block's variable shadowing an outer one comes
// after it, as in the source).
std::vector<VariableView> frame_variables(const vm::Vm& vm, GId g, std::uint32_t depth);

// Package main's variables (every package's with `all_packages`), in address order, as frame_variables shows a
// frame's: the shared state a student watches (`balance` of the lost update) with its address and line states.
std::vector<VariableView> package_variables(const vm::Vm& vm, bool all_packages = false);

// A variable named as a student writes it: a package variable (`balance`, `main.balance`) or, failing that, a
// variable in scope in goroutine g's innermost frame of package main, followed by fields and array indices
// (`acct.balance`, `tight[1]`, `spaced[1].n`; parts only of a variable in memory). Its view as
// package_variables shows one (the part's value, type, address and line states), or the reason it names none.
struct FoundVariable {
  std::optional<VariableView> view;
  std::string error;  // "no variable named 'balanse' (package main has: balance, mu)"
};
FoundVariable find_variable(const vm::Vm& vm, std::string_view path, GId g = kNoG);

const char* kind_name(vm::VarInfo::Kind kind);  // "param", "local", "named result", "result", "captured"

// "running", "runnable", or Go's wait reason ("chan receive", "semacquire", ...), as goroutine dumps print it.
std::string goroutine_state(const vm::Vm& vm, GId g);
// Goroutines that exist now (not dead), in id order.
std::vector<GId> live_goroutines(const vm::Vm& vm);

// [SECTION] The current statement's memory accesses

// One variable (or word of memory) the current statement touched: the values it loaded, in order, then the
// value it stored, or is about to store when its next instruction is that store.
struct StatementAccessView {
  std::string what;                 // "main.balance", "x" (a local in a cell), "*0xc000010008"
  std::vector<std::string> loaded;  // as %v of the variable's type when the access is a whole variable
  std::optional<std::string> stored;
  bool storing = false;             // `stored` is the next instruction's store, not done yet
  bool atomic = false;              // by a sync/atomic operation (a locked read-modify-write, or atomic Load)
  std::string text() const;         // "main.balance: loaded 120 → storing 121", "main.n: loaded 4 → stored 5 (atomic)"
};
struct StatementView {
  std::uint32_t func = UINT32_MAX;
  std::uint32_t line = 0;
  // The goroutine is at the start of a statement (where statement steps stop), so nothing of it has run yet:
  // the accesses are those of the last statement of this frame that touched memory, on `line`, now finished.
  bool finished = false;
  std::vector<StatementAccessView> accesses;  // in the order first touched
  std::string text() const;                   // the accesses' texts joined by "; " (empty when none)
};
// Goroutine g's current statement (in its innermost frame) and what it has loaded and stored so far, or at a
// statement's start the last finished one's (machine mode: from the Vm's recent accesses, Vm::recent_accesses;
// a statement that made more than a few accesses shows its last ones).
StatementView current_statement(const vm::Vm& vm, GId g);

}  // namespace gb::inspect
