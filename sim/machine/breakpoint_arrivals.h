// When a goroutine arrives at a statement, as a debugger means it: one definition for the Session's breakpoints
// (every forward step stops at an arrival at a breakpoint line, StepKind::Continue only there, and goes back to
// the previous one), the CLI's `run --break FILE:LINE:HIT` (which counts them) and the condition `line N`
// (sim/inspect/condition.h).
//
// An arrival is decided over one instruction q alone (the states before and after it), like every boundary of
// the Session, so forward and back, and observers begun at any two positions, see the same arrivals. After q,
// the goroutine g that ran it arrives at the statement S its innermost frame is in (the last statement start at
// or before its pc; S of package main, beginning on a line L that g's pc is still on) when
//   - g is about to run S's first instruction (its pc is S's beginning), whether it came there from the
//     statement before, by a jump, a call or a return; or
//   - q was g's first instruction and S's first: a goroutine made at S is seen one instruction into it, because
//     a position is the state after an instruction and the scheduler picks the next G inside the next one.
// Progress inside S, a return from a call into S's middle, resuming there after parking or preemption, and a
// jump into S's middle (a loop's back edge compiled on S's line, a `for` statement's check reached from its
// init) are no arrival. Where g was before q is Vm::burst_origin(): the Vm must be a recording machine (as
// Machine's is) stepped one instruction at a time.
#pragma once

#include <cstdint>
#include <vector>

#include "scheduler/vm/vm.h"

namespace gb {

struct BreakpointArrival {
  GId g = kNoG;
  std::uint32_t line = 0;  // the statement's line (0: no arrival)
  std::uint32_t func = 0;
  std::uint32_t begin = 0;  // the pc where the statement begins
};

// The arrival the instruction just run made, at any line of package main (line 0: none).
BreakpointArrival arrival_after_instruction(const vm::Vm& vm);

class BreakpointArrivals {
 public:
  // `lines`: breakpoint lines of package main. (Arrivals need no history: `vm` is not read.)
  BreakpointArrivals(const vm::Vm& vm, std::vector<std::uint32_t> lines);
  // After one more instruction of `vm`: the arrival it made at a breakpoint line, if any (line 0: none).
  BreakpointArrival after_instruction(const vm::Vm& vm) const;
  bool empty() const { return lines_.empty(); }

 private:
  std::vector<std::uint32_t> lines_;
};

}  // namespace gb
