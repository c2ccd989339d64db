// When a goroutine arrives at a breakpoint, as a debugger means it: one definition for the Session's stepping
// (every forward step stops at an arrival, StepKind::Continue stops only there, and goes back to the previous
// one) and the CLI's `run --break FILE:LINE:HIT` (which counts them).
//
// A breakpoint is a source line of package main; it belongs to the statements that begin on that line. After
// instruction q, the goroutine g that ran it arrives at such a statement S (in its innermost frame, at call
// depth d) when
//   - g is about to run S's first instruction (g's pc is S's beginning), or
//   - g is inside S but was not known to be in S at depth d: a goroutine that starts (or, when the tracker began
//     on a state without it, first runs) inside S's first instruction is seen one instruction into S, because
//     a position is the state after an instruction and the scheduler picks the next G inside the next one.
// A goroutine returning from a call into the middle of S, or resuming there after another ran, has not arrived
// again. The tracker keeps, per goroutine and call depth, the statement it was last known to be in: from each
// frame's current statement for the goroutines alive when it starts, then from each arrival. That record
// depends only on the state, so a tracker started at any earlier position agrees on every later arrival
// (forward and back() see the same ones).
#pragma once

#include <cstdint>
#include <vector>

#include "scheduler/vm/vm.h"

namespace gb {

struct BreakpointArrival {
  GId g = kNoG;
  std::uint32_t line = 0;  // the breakpoint line
  std::uint32_t func = 0;
  std::uint32_t begin = 0;  // the pc where the statement begins
};

class BreakpointArrivals {
 public:
  // `lines`: breakpoint lines of package main. Reads every goroutine's frames in `vm` as they are now.
  BreakpointArrivals(const vm::Vm& vm, std::vector<std::uint32_t> lines);
  // After one more instruction of `vm` (the same run the tracker began on): the arrival it made, if any
  // (line 0: none).
  BreakpointArrival after_instruction(const vm::Vm& vm);
  bool empty() const { return lines_.empty(); }

 private:
  struct Known {
    std::uint32_t func = UINT32_MAX;
    std::uint32_t begin = UINT32_MAX;
    bool operator==(const Known&) const = default;
  };
  bool is_breakpoint(std::uint32_t line) const;

  std::vector<std::uint32_t> lines_;
  std::vector<std::vector<Known>> known_;  // [goroutine][call depth]
};

}  // namespace gb
