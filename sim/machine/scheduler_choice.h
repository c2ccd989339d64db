// "You are the scheduler" (after The Deadlock Empire): the student picks which core takes the next step. What
// is on offer now (core_choices), and the schedule of the choices taken (ChoiceSchedule), which the Session
// keeps and applies whenever it runs or replays the stretches they cover.
//
// A choice forces a core (vm::Vm::force_core): for every instruction of the step, that core takes the pick; a
// pending burst of another core ends before the next instruction (the forced choice takes effect at
// instruction grain, even inside the `interleave` burst another core was running), and the other running
// cores are held (their clocks raised to at least the forced core's: the OS or an interrupt kept them off
// their cores). A core whose thread leaves it during the step (its M went idle) stops being forced; the step
// then runs on as the machine would have.
//
// Where the choices live: in the Session, not in the Machine. The state at a position does not depend on a
// choice made there (a choice changes only the instructions after it), so every checkpoint at or before the
// choice stays valid while one made after it on the old branch does not. Keeping the schedule in the Session
// lets a choice discard exactly the recorded future (the checkpoints beyond it and the later choices: a new
// branch, like a debugger's "set next statement"), and every replay (seek, back, forward) applies the
// schedule, so forward -> back -> forward after choices gives the same state hashes. The schedule is not in
// Machine::state_hash: a run with choices is a different run, and its states differ (clocks, interleaving)
// wherever the choice mattered.
#pragma once

#include <cstdint>
#include <vector>

#include "sim/machine/machine.h"

namespace gb {

// One alternative: a core whose thread holds a P with a goroutine on it. A core whose M is between goroutines
// (in schedule(), spinning) or idle is not offered.
struct CoreChoice {
  int core = -1;
  int m = -1;
  int p = -1;
  GId g = kNoG;
  // Where g is, as inspect::goroutine_location says (its innermost frame of package main, else its top
  // frame).
  std::uint32_t func = UINT32_MAX;
  std::uint32_t line = 0;
  bool in_main = false;
  // This core's burst is pending: left alone, it runs next.
  bool pending = false;
};

// The alternatives now, in core order (empty when the program has ended or no core runs a goroutine).
std::vector<CoreChoice> core_choices(const Machine& m);

// Instructions from+1 .. to (positions (from, to]) ran with `core` forced.
struct ForcedStretch {
  std::uint64_t from = 0;
  std::uint64_t to = 0;
  int core = -1;
  bool operator==(const ForcedStretch&) const = default;
};

// The choices taken on a run: sorted, disjoint stretches. Adjacent stretches of the same core merge.
class ChoiceSchedule {
 public:
  // The core forced for the instruction that takes the run from `position` to position+1 (-1: none), and
  // `until`: the position up to which that answer holds (the stretch's end, or the next stretch's start;
  // UINT64_MAX when nothing follows).
  int core_at(std::uint64_t position, std::uint64_t& until) const;
  // Forgets every choice beyond `position` (a stretch across it ends there).
  void truncate(std::uint64_t position);
  // Opens a stretch at `from` (the last position of the schedule or later) for `core`, until close().
  void open(std::uint64_t from, int core);
  // Ends the open stretch at `to` (dropped when empty, merged into the one before when adjacent and alike).
  void close(std::uint64_t to);
  const std::vector<ForcedStretch>& stretches() const { return stretches_; }
  bool empty() const { return stretches_.empty(); }

 private:
  std::vector<ForcedStretch> stretches_;
};

}  // namespace gb
