// The Machine: one value that owns a compiled Go program's runtime and goroutines on simulated cores and caches
// (scheduler/vm's machine mode) and the outside world its system calls reach (outside_world.h). It steps at the
// granularities of DESIGN.md, each step reporting what it produced, hashes its whole state, and copying it is a
// snapshot (the copy's runtime is re-aimed at the copy's world).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "scheduler/vm/vm.h"
#include "sim/machine/outside_world.h"

namespace gb {

struct MachineConfig {
  std::uint64_t seed = 1;
  int gomaxprocs = 1;
  double time_scale = 1.0;     // see vm::VmOptions::time_scale
  vm::MachineOptions machine;  // cores, protocol, cache geometry, latencies, OS slice
  OutsideWorldConfig world;
  // Keep the records steps report (bus transactions, run slices, wakes): on for the studio and the CLI's
  // stepping; the explorer, which runs thousands of schedules and reads none of them, turns it off.
  bool record = true;
  // A recorded schedule to replay (vm::VmOptions::schedule; sim/explore/schedule_file.h).
  std::shared_ptr<const std::vector<std::uint32_t>> schedule;
  bool race = false;  // the race detector (vm::VmOptions::race)
};

enum class StepKind : std::uint8_t {
  Instruction,     // one bytecode instruction
  Statement,       // step into: until the goroutine that ran last begins a statement of package main (at any
                   // call depth), or blocks or ends (statement_steps.h)
  BusTransaction,  // until the bus carries one more transaction
  SchedulerEvent,  // until a goroutine stops running on a core (parks, yields, is preempted, exits) or one is
                   // made runnable (a wake-up): one event a step
  Line,            // until a goroutine is about to run an instruction of `line` in package main (a breakpoint)
  MemoryAccess,    // until a goroutine makes one more load or store of simulated memory
  MachineCycle,    // until the machine's time (the earliest running core's clock) moves on
  BusOp,           // until the bus carries a transaction of kind `line` (a BusOp value): a breakpoint on an event
  StatementOver,   // step over: as Statement, but calls made meanwhile run to their end
  StatementOut,    // step out: as Statement, once the function the step began in has returned
  Continue,        // a debugger's continue: until a goroutine arrives at a breakpoint (Session only; the
                   // Machine has no breakpoints, so there it runs to the end or the limit)
};

// What a step produced: the instructions it ran, and the ranges of the run's records it added (bus_log() and
// run_slices() of the runtime), so a UI or CLI can show exactly the step's events.
struct StepReport {
  std::uint64_t instructions = 0;
  std::size_t bus_from = 0, bus_to = 0;
  std::size_t slices_from = 0, slices_to = 0;
  std::size_t wakes_from = 0, wakes_to = 0;  // the runtime's wakes() (when recording)
  std::size_t silent_from = 0, silent_to = 0;  // the memory's silent_log() (when recording)
  GId last_g = kNoG;      // the goroutine that ran the step's last instruction
  bool finished = false;  // the program has ended
  // Why the step ended where it did (Session::forward): at its own kind's boundary, at a breakpoint a goroutine
  // arrived at (its line and the goroutine; both can hold at once), or at the step limit.
  bool at_boundary = false;
  std::uint32_t breakpoint_line = 0;
  GId breakpoint_g = kNoG;
  // A conditional breakpoint that stopped it (Session::set_condition_breakpoints: its index; -1 none).
  std::int32_t condition_breakpoint = -1;
  bool hit_limit = false;
};

class Machine {
 public:
  // Compiles `text` (named `file` in messages) and builds the machine; null with `diagnostics` filled on error.
  static std::unique_ptr<Machine> load(const std::string& file, const std::string& text, const MachineConfig& config,
                                       std::string& diagnostics);
  Machine(std::shared_ptr<const vm::Program> program, const MachineConfig& config);
  Machine(const Machine& other);
  Machine& operator=(const Machine& other);

  // Steps forward once at `kind` (Line: to the next instruction of source line `line`; BusOp: to the next
  // transaction whose BusOp is `line`); a finished program does not move. `limit` bounds the instructions one
  // step may take. Every kind moves by whole instructions, so any mix of steps stays on the one timeline that
  // run() follows.
  StepReport step(StepKind kind, std::uint32_t line = 0, std::uint64_t limit = 100'000'000);
  // Runs to the end (or `max_instructions`).
  StepReport run(std::uint64_t max_instructions = UINT64_MAX);

  // Core `core` takes every step until this is called again with -1 (vm::Vm::force_core; the Session's
  // forward_on drives it, sim/machine/scheduler_choice.h).
  void force_core(int core) { vm_.force_core(core); }
  // A controlled run's explorer (vm::Vm::set_explorer): not copied with the machine.
  void set_explorer(Chooser* explorer) { vm_.set_explorer(explorer); }
  void close_step() { vm_.close_step(); }

  std::uint64_t state_hash() const;
  const vm::Vm& runtime() const { return vm_; }
  const OutsideWorld& world() const { return world_; }
  const MachineConfig& config() const { return config_; }
  // The source line the goroutine running on P `p` will execute next (0 when none runs there).
  std::uint32_t line_on(int p) const;

 private:
  StepReport report_since(std::size_t bus0, std::size_t slices0, std::size_t wakes0, std::size_t silent0,
                          std::uint64_t instr0) const;

  MachineConfig config_;
  OutsideWorld world_;
  vm::Vm vm_;
};

}  // namespace gb
