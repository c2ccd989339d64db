// Statement steps as a debugger takes them (step into, over, out), with "just my code": the conditions the
// Machine and the Session test after each instruction to decide that a statement step is over. One definition
// serves both, so forward and back, and the Machine and the Session, agree.
//
// A statement step follows one goroutine F (the one that ran the last instruction when the step begins; see
// session.h) and stops after an instruction F ran when
//   - F is no longer Running or Runnable (it blocked, entered a system call or exited: "next" over a blocking
//     call waits for nobody), or
//   - F is about to begin a statement (Function::stmt_start) in user code (package main; any code when
//     just_my_code is off) and, for
//       into (StepKind::Statement)     at any call depth;
//       over (StepKind::StatementOver) at the depth the step began at or shallower (calls are run through);
//       out  (StepKind::StatementOut)  shallower than the step began (the current function has returned);
//     over and out begun outside user code (the runtime before main.main, inside sync.Mutex.Lock) stop at the
//     next statement of user code at any depth (follow_depth).
// With no goroutine to follow (none has run yet, or it has exited) every instruction ends the step.
#pragma once

#include <cstdint>

#include "sim/machine/machine.h"

namespace gb {

struct StatementFollow {
  GId g = kNoG;
  std::uint32_t depth = 0;  // F's frames when the step began
  bool just_my_code = true;
};

inline bool is_statement_step(StepKind kind) {
  return kind == StepKind::Statement || kind == StepKind::StatementOver || kind == StepKind::StatementOut;
}

// The goroutine a statement step begun now follows (the one that ran last, none if it has exited) and its depth.
StatementFollow statement_follow(const vm::Vm& vm, bool just_my_code);
// The depth a statement step following g bounds over and out by: its frames, or any depth (UINT32_MAX) when it
// has none or, with `just_my_code`, its top frame is not in package main.
std::uint32_t follow_depth(const vm::Vm& vm, GId g, bool just_my_code);
// Goroutine g's next instruction begins a statement, in package main when `just_my_code`.
bool at_statement_start(const vm::Vm& vm, GId g, bool just_my_code);
// Whether the instruction just run ended a statement step of `kind` following `f` (the header's conditions).
bool statement_step_over(const vm::Vm& vm, StepKind kind, const StatementFollow& f);

}  // namespace gb
