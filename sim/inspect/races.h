// A data race the detector reported (`--race`, scheduler/vm/race_detector.h) in the studio's words: which
// variable, which goroutines, which lines. Shared by the event log, the source panel's spotlight and the CLI.
#pragma once

#include <cstdint>
#include <string>

#include "scheduler/vm/vm.h"
#include "sim/inspect/causes.h"

namespace gb::inspect {

struct RaceSide {
  GId g = kNoG;
  bool write = false;
  bool atomic = false;
  std::uint32_t func = UINT32_MAX;  // the innermost frame of the access with a source line (UINT32_MAX: none)
  std::uint32_t line = 0;
};

struct RaceView {
  RaceSide current, previous;  // the access that found the race, and the earlier one it conflicts with
  std::string variable;        // "main.balance", "heap 0xc000000040", or "map", "channel" for a runtime object
  std::string text;            // "data race on main.balance: G7's read at line 19, G6's write at line 19"
};

// `namer` must be attached to `vm` (or be the namer made for it).
RaceView race_view(const vm::Vm& vm, const vm::Vm::RaceRecord& r, CauseNamer& namer);

}  // namespace gb::inspect
