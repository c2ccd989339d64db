// Where a goroutine is, as a person reading the program means it: the innermost frame of package main (a G
// inside sync.(*Mutex).Lock is "at" the line that called Lock), else its top frame; a blocked G at the line of
// the instruction that blocked it, as Go's tracebacks say. The scheduler board, the G table, the source
// panel's markers and the lessons ask it.
#pragma once

#include <cstdint>

#include "scheduler/vm/vm.h"

namespace gb::inspect {

struct GoroutineLocation {
  std::uint32_t func = UINT32_MAX;      // the frame read: innermost of package main, else the top one
  std::uint32_t line = 0;               // its source line (0: none, e.g. not started or finished)
  bool in_main = false;                 // that frame is in package main
  std::uint32_t top_func = UINT32_MAX;  // the frame that runs next, which may be deeper (the standard library)
};

GoroutineLocation goroutine_location(const vm::Vm& vm, GId id);

}  // namespace gb::inspect
