// The Session: one Machine's run as a timeline that can be walked forward and back at every step granularity,
// with unbounded history (DESIGN.md principle 2: checkpoints are Machine copies; going back restores the
// nearest earlier checkpoint and replays forward, so forward -> back -> forward lands on the same state
// hash).
//
// A position is the number of bytecode instructions the runtime has executed (vm::Vm::instructions()). The
// machine engine is split-invariant (the state after N instructions does not depend on how the run was
// chunked), so a position names one state, and the Session replays to a known position in Machine::run
// bursts.
//
// Boundaries. Stepping forward or back at a kind stops on that kind's boundaries. Position q is a boundary
// when the single instruction that took the run from q-1 to q satisfies the kind's predicate over the states
// before (S[q-1]) and after (S[q]): the conditions Machine::step tests, made local to one instruction.
//   Instruction     every position.
//   BusTransaction  the bus log grew: bus_log(S[q]) is longer than bus_log(S[q-1]).
//   Line (line L)   the goroutine that ran instruction q will next execute an instruction of line L of a
//                   function of package main (a breakpoint on L).
//   SchedulerEvent  instruction q was run by another goroutine than instruction q-1, or the goroutine that
//                   ran it is no longer Running after it (it parked, yielded, entered a system call, exited),
//                   or it made a goroutine runnable (a wake-up: a send's handoff, an unlock, a timer).
//   MemoryAccess    instruction q made a load or store of simulated memory (the access count grew).
//   MachineCycle    the machine's time (the earliest running core's clock, which never goes back) moved on.
//   BusOp (op K)    the bus log grew by a transaction whose BusOp is K (`line` carries K): a breakpoint on
//                   an event.
//   Statement       step into, over (StatementOver) and out (StatementOut), as statement_steps.h defines
//   and its kin     them: follows one goroutine F; instruction q was run by F and F is about to begin a
//                   statement of package main (any code when just_my_code is off) at any depth / at most the
//                   depth the step began at / less than it, or F is no longer Running or Runnable (blocked,
//                   in a system call, dead). F is the goroutine that ran the last instruction when the step
//                   (forward or back) begins, as a debugger's "next" follows the current thread, and the
//                   depth is F's then. With no such goroutine (none has run yet, or it has exited) every
//                   position is a boundary, as Machine::step treats it.
//   Continue        none of its own: forward runs until a goroutine arrives at a breakpoint (below) or the end;
//                   back goes to the previous arrival.
// Breakpoints stop a forward step of any kind at the first arrival of a goroutine at one, as
// breakpoint_arrivals.h defines it (the report says which; it can coincide with the kind's own boundary).
// Conditions (sim/inspect/condition.h) are step kinds too: position q is a boundary of condition C when C fires
// at the instruction q (an event happens, or a state becomes true), evaluated over S[q-1] and S[q] as above.
// A conditional breakpoint stops a forward step of any kind where it holds, and is a stop of Continue.
// The session's start position counts as a boundary of every kind, so back() from anywhere after it lands
// at least there. Where these differ from Machine::step (tested): Machine::step(SchedulerEvent) does not stop
// on the first instruction of a step merely because that instruction switched goroutine, and
// Machine::step(Statement) stops after one instruction when F is blocked at the start (and then follows
// whoever ran it). The Session keeps to the predicates above so that forward and back mirror each other:
// forward from a boundary lands on the next one and back on the previous one, so forward -> back -> forward
// returns to the same state. (One exception: a Statement step begun right after F's exit follows nobody and
// takes one instruction, so the position it reaches need not be a boundary of the goroutine that ran it.)
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "sim/inspect/condition_eval.h"
#include "sim/machine/machine.h"
#include "sim/machine/scheduler_choice.h"
#include "sim/machine/statement_steps.h"

namespace gb {

struct SessionOptions {
  // The dense spacing of checkpoints, in instructions (0: kDefaultCheckpointInterval). Every public call
  // leaves a checkpoint at most two intervals behind where it stops (a quarter interval behind when it has to
  // make one), so the next back() replays at most that much in bursts. Further back the spacing grows: on the
  // way forward with the size of the state (a copy must cost a fraction of the running it saves), and under
  // thinning with the distance from the current position.
  std::uint64_t checkpoint_interval = 0;
  // Checkpoints kept (the start included); beyond it the ones far from the current position are thinned, so
  // their spacing grows with their distance (dense where the user is, sparse in old history).
  std::size_t max_checkpoints = 48;
  // And at most about this many bytes of them (CheckpointStats::bytes): a copy carries the run's records (bus
  // log, run slices), which grow with the run, so on long runs this bound binds first.
  std::size_t max_bytes = std::size_t{1} << 30;
  // The most instructions one forward() may take (a breakpoint that is never reached ends there).
  std::uint64_t step_limit = 100'000'000;
};

// Chosen from bench_session: two intervals of replay in bursts (~15 M instructions/s with the cache model)
// plus a restore and the single steps of the search stay well under the 100 ms a back() may take (README's
// figures).
inline constexpr std::uint64_t kDefaultCheckpointInterval = 200'000;

struct CheckpointStats {
  std::size_t count = 0;
  std::size_t bytes = 0;       // an estimate: the records the copies carry plus their simulated memory
  std::uint64_t interval = 0;  // the dense spacing
  std::uint64_t oldest = 0, newest = 0;  // positions of the first and last checkpoint
  std::uint64_t restores = 0;  // checkpoints restored so far (a back() restores one or two, a seek back one)
  std::uint64_t replayed = 0;  // instructions replayed so far to reach earlier positions
};

class Session {
 public:
  explicit Session(const Machine& start, SessionOptions options = {});

  const Machine& machine() const { return live_; }
  std::uint64_t position() const { return live_.runtime().instructions(); }
  std::uint64_t start_position() const { return start_; }

  // Steps forward to the next boundary of `kind` (Line: of source line `line`; BusOp: of bus operation
  // `line`); a finished program does not move. The report's record ranges are those of machine() after the
  // step.
  StepReport forward(StepKind kind, std::uint32_t line = 0);
  // Lines of package main where forward() of any kind also stops: when a goroutine arrives at one
  // (breakpoint_arrivals.h), as a debugger's breakpoints stop whatever is stepping.
  void set_breakpoints(std::vector<std::uint32_t> lines) { breakpoints_ = std::move(lines); }
  // A breakpoint with a condition: with a line, it stops where a goroutine arrives at the line and the
  // condition holds (`line L and C`: an event at the same instruction, a state after it, so `by G7` reads
  // `line 17 by G7`); with line 0, where the condition fires. The line breakpoints above stay as they are.
  struct ConditionBreakpoint {
    std::uint32_t line = 0;
    std::optional<inspect::BoundCondition> condition;
  };
  // Conditional breakpoints: like the line breakpoints they stop forward() of any kind (the report's
  // condition_breakpoint says which) and are stops of Continue, forward and back.
  void set_condition_breakpoints(std::vector<ConditionBreakpoint> breakpoints) {
    condition_breakpoints_ = std::move(breakpoints);
  }
  // A condition as a step kind: forward to the next position where it fires (a breakpoint on the way stops
  // the step first, as any forward step's), back to the previous one (the start at the latest; false, without
  // moving, at the start).
  StepReport forward_until(const inspect::BoundCondition& condition);
  bool back_until(const inspect::BoundCondition& condition);
  // Statement steps stop only in package main ("just my code", the default) or in the standard library too.
  void set_just_my_code(bool on) { just_my_code_ = on; }
  bool just_my_code() const { return just_my_code_; }
  // Goes back to the most recent earlier boundary of `kind` (the start at the latest). False, without moving,
  // at the start position.
  bool back(StepKind kind, std::uint32_t line = 0);
  // Goes to `position` (clamped to the start, and to the end of the program when it ends before).
  void seek(std::uint64_t position);
  // Back to the start; the checkpoints stay (the run ahead is the same run).
  void restart();

  // [You are the scheduler] (scheduler_choice.h)
  // The cores that can take the next step now.
  std::vector<CoreChoice> choices() const { return core_choices(live_); }
  // Steps forward as forward(kind, line) does, with `core` forced for every instruction of the step; a statement
  // step follows the goroutine on that core. The recorded future beyond the current position is discarded first
  // (a new branch), and the step's stretch joins the schedule, so back, seek and forward replay it. Nothing, and
  // no move, when `core` is not among choices().
  std::optional<StepReport> forward_on(int core, StepKind kind, std::uint32_t line = 0);
  // The choices taken so far on this run.
  const ChoiceSchedule& schedule() const { return schedule_; }
  // Back to the machine's own scheduling from here on: the choices beyond the current position (and the recorded
  // future) are discarded. The ones before it stay.
  void drop_choices_ahead() { discard_future(); }

  CheckpointStats checkpoint_stats() const;

 private:
  struct Checkpoint {
    std::uint64_t position = 0;
    std::unique_ptr<Machine> machine;  // behind a pointer: inserting and erasing never copies a Machine
    std::size_t bytes = 0;
  };
  // What the boundary predicates need from the state before an instruction.
  struct Before {
    std::size_t bus = 0;
    std::uint64_t accesses = 0;
    std::int64_t time = 0;
    GId ran_last = kNoG;
    std::uint64_t readies = 0;
  };

  class Stops;  // what ends a step, tested after each instruction (session.cpp)

  Before observe() const;
  StepReport forward_to(Stops& stops);
  // Goes back to the last stop before the current position, searching windows ever further back (the start
  // when there is none).
  bool back_to(Stops& stops, bool statement_step);
  StatementFollow statement_follows() const;
  bool boundary(StepKind kind, std::uint32_t line, const StatementFollow& followed, const Before& before) const;
  // Puts live_ at `target`: from the live state when it is between the nearest checkpoint and target, else
  // from that checkpoint. `settle`: the end of a public call, which leaves a checkpoint shortly before the
  // target.
  void reach(std::uint64_t target, bool settle = false);
  // Runs live_ forward to `target` in bursts that stop at interval multiples, where maybe_checkpoint decides.
  void advance_to(std::uint64_t target);
  void maybe_checkpoint();
  void add_checkpoint();
  void thin();
  static std::size_t estimate_bytes(const Machine& m);
  // The last stop in positions (from, to], or 0 when none; leaves live_ at `to` (or the end).
  std::uint64_t last_stop(std::uint64_t from, std::uint64_t to, Stops& stops);
  std::size_t nearest_at_or_before(std::uint64_t position) const;
  // Forces on live_ the core the schedule names for the next instruction; returns the position up to which
  // that holds.
  std::uint64_t apply_schedule();
  // Forgets everything recorded beyond the current position: later choices and checkpoints.
  void discard_future();

  SessionOptions options_;
  std::uint64_t interval_ = kDefaultCheckpointInterval;
  std::uint64_t start_ = 0;
  Machine live_;
  std::vector<Checkpoint> checkpoints_;  // sorted by position; [0] is the start and is never thinned
  std::size_t bytes_ = 0;                // the sum of the checkpoints' estimates
  // A thinned checkpoint's Machine, kept to be assigned into: assignment reuses its buffers, while a fresh
  // copy of a long run's state spends most of its time faulting in new pages.
  std::unique_ptr<Machine> spare_;
  std::vector<std::uint32_t> breakpoints_;
  std::vector<ConditionBreakpoint> condition_breakpoints_;
  bool just_my_code_ = true;
  ChoiceSchedule schedule_;
  std::uint64_t restores_ = 0, replayed_ = 0;
};

}  // namespace gb
