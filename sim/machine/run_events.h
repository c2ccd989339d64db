// The run's records in words, for the CLI's --events and the studio: bus transactions with the state changes
// they caused, goroutines' stretches on cores and why they ended, and who woke whom — one list in time order.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "scheduler/vm/vm.h"

namespace gb {

// "core 0 BusRdX 0xc000000018, core 0 I->M, core 1 S->I"
std::string describe(const vm::BusRecord& b);
// "G6 ran on P1 (M1, core 1) for 1200 ns, then: semacquire"
std::string describe(const vm::RunSlice& s, const vm::Program& program);
// "G6 woke G7" or "a timer woke G7"
std::string describe(const vm::WakeRecord& w);

struct RunEvent {
  std::int64_t ns = 0;
  std::string text;
  bool lost_update = false;
};
// Whether a run stretch is an event yet: it has ended (or the program has, which ends it). It is listed at
// its end: its words say how it ended.
bool stretch_listed(const vm::Vm& vm, const vm::RunSlice& s);
// Every recorded event of a machine-mode run (MachineOptions::record), ordered by time (ties: wake, bus, the
// stretch that ended, lost update); a stretch at its end_ns, once stretch_listed. A bus transaction ends with
// its cause after " <- " ("... core 1 M->I <- G6 main.deposit:17 store main.balance", sim/inspect/causes.h); a
// lost update reads "lost update on main.balance: G7 stored 121 over G6's 121, lines 17/17". `source` (the
// program's lines) names local channels after their make.
std::vector<RunEvent> run_events(const vm::Vm& vm, const std::vector<std::string>* source = nullptr);

}  // namespace gb
