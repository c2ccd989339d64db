// A caption for every change a step made, in words: each bus transaction with the state changes it caused,
// each silent change of a line's state ("core 0 E->M ..., no bus transaction"), each wake-up ("G1 woke G6 into P0's runnext") and how the goroutine that ran last stopped running (parked
// with Go's wait reason, yielded, entered a system call, exited). The studio shows them under the controls,
// so a change of colour on screen always has a sentence beside it.
#pragma once

#include <string>
#include <vector>

#include "sim/machine/machine.h"

namespace gb::inspect {

struct Caption {
  enum class Kind : std::uint8_t { Bus, Silent, Wake, Park, Yield, Syscall, Exit, More };
  Kind kind = Kind::Bus;
  std::string text;
};

// The captions of the step `r` reported, read from the machine after it (its record ranges must still be
// there: call right after the step). At most `limit` bus transactions are captioned one by one (the last
// ones); the rest are counted in one "More" caption.
std::vector<Caption> step_captions(const Machine& machine, const StepReport& r, std::size_t limit = 6);

// One bus transaction in words: "core 0 BusRdX 0xc000000010: core 0 I->M, core 1 M->I".
std::string bus_caption(const vm::BusRecord& b);

}  // namespace gb::inspect
