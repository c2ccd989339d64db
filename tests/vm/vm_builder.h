// A tiny assembler for hand-built Programs in the interpreter's tests: functions as lists of instructions with
// labels, string constants, natives by name and selects.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "scheduler/vm/bytecode.h"
#include "scheduler/vm/vm.h"

namespace gb::vm::test {

class Fn {
 public:
  Fn(std::string name, std::uint32_t params, std::uint32_t results, std::uint32_t frame) {
    f_.name = std::move(name);
    f_.param_words = params;
    f_.result_words = results;
    f_.frame_words = frame;
  }
  Fn& op(Op o, std::uint32_t a = 0, std::uint32_t b = 0, std::uint32_t c = 0, std::int32_t d = 0) {
    f_.code.push_back(Instr{o, static_cast<std::uint16_t>(f_.code.size() + 1), a, b, c, d});
    f_.lines.push_back(static_cast<std::uint32_t>(f_.code.size()));
    return *this;
  }
  // Index of the next instruction (a jump target).
  std::int32_t here() const { return static_cast<std::int32_t>(f_.code.size()); }
  // Emits a jump with a target patched later by bind().
  std::size_t jump(Op o, std::uint32_t a = 0, std::uint32_t b = 0) {
    op(o, a, b, 0, -1);
    return f_.code.size() - 1;
  }
  void bind(std::size_t jump_index) { f_.code[jump_index].d = here(); }
  Fn& closure_slot(std::int32_t slot) {
    f_.closure_slot = slot;
    return *this;
  }
  Fn& result_cell(std::uint32_t cell_slot, std::uint32_t offset, std::uint32_t words) {
    f_.result_cells.push_back(Function::ResultCell{cell_slot, offset, words});
    return *this;
  }
  Function& function() { return f_; }

 private:
  Function f_;
};

class Builder {
 public:
  std::int32_t add(Fn& f) {
    p_.functions.push_back(f.function());
    return static_cast<std::int32_t>(p_.functions.size() - 1);
  }
  // Reserves a function index (for recursion or forward calls); fill it with set().
  std::int32_t reserve() {
    p_.functions.emplace_back();
    return static_cast<std::int32_t>(p_.functions.size() - 1);
  }
  void set(std::int32_t index, Fn& f) { p_.functions[static_cast<std::size_t>(index)] = f.function(); }
  std::int32_t str(std::string s) {
    p_.strings.push_back(std::move(s));
    return static_cast<std::int32_t>(p_.strings.size() - 1);
  }
  std::int32_t constant(Word w) {
    p_.constants.push_back(w);
    return static_cast<std::int32_t>(p_.constants.size() - 1);
  }
  // A native function by Go name, as a Function with no code (callable with Call, LoadFunc, Defer, Go).
  std::int32_t native(const std::string& name, std::uint32_t params, std::uint32_t results) {
    p_.natives.push_back(NativeRef{name});
    Function f;
    f.name = name;
    f.param_words = params;
    f.result_words = results;
    f.frame_words = params + results;
    f.native = static_cast<std::int32_t>(p_.natives.size() - 1);
    p_.functions.push_back(f);
    return static_cast<std::int32_t>(p_.functions.size() - 1);
  }
  std::int32_t select(SelectTable t) {
    p_.selects.push_back(std::move(t));
    return static_cast<std::int32_t>(p_.selects.size() - 1);
  }
  Program& program() { return p_; }
  Program build(std::int32_t main, std::uint32_t globals = 0) {
    p_.main = main;
    p_.globals_words = globals;
    return p_;
  }

 private:
  Program p_;
};

// Runs to the end (or the budget) and returns the VM for inspection.
inline Vm run(Program p, VmOptions o = {}, std::uint64_t budget = 2'000'000'000ull) {
  Vm vm(std::move(p), std::move(o));
  vm.run(budget);
  return vm;
}

}  // namespace gb::vm::test
