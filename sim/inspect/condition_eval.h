// A condition (condition.h) bound to one program on the machine and evaluated over one instruction at a time:
// its names (variables, channels, mutexes, lines) are resolved once, when it is bound, with clear errors, so
// evaluating it after every instruction costs a few comparisons. The Session's condition steps, `gopherbus-cli
// run --until` and the lessons evaluate it the same way:
//
//   Observation before = c.observe(machine);
//   machine.step(StepKind::Instruction);
//   Observation after = c.observe(machine, &before);
//   if (c.fires(machine, before, after)) ...   // instruction q = the one just run (condition.h's semantics)
//
// The machine must record (Machine does): the records it reads are the runtime's counters and last records
// (Vm::chan_ops, steals, handoffs, burst_origin), the bus and lost-update logs, the outside world's publishes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/inspect/condition.h"
#include "sim/machine/machine.h"

namespace gb::inspect {

// What a condition reads from one state: per node, a count of its events or its value (two words a node).
struct Observation {
  std::uint64_t instructions = 0;
  std::vector<std::uint64_t> values;
};

class BoundCondition {
 public:
  // Binds `condition` to the program `machine` runs. `source`: the program's lines (names a channel after the
  // variable its make assigns to, as the channels panel does); without it only package variables name
  // channels. Null with `error` ("no variable named 'balanse' (package main has: balance)") when a name does not resolve.
  static std::optional<BoundCondition> bind(const Condition& condition, const Machine& machine,
                                            const std::vector<std::string>* source, std::string& error);
  // Parses and binds in one go; `error` is the parse error's text (with its column) or the binding's.
  static std::optional<BoundCondition> bind(std::string_view text, const Machine& machine,
                                            const std::vector<std::string>* source, std::string& error);

  const Condition& condition() const { return condition_; }
  std::string text() const { return condition_.text(); }
  bool is_event() const { return condition_.is_event(); }

  // What the condition needs from the machine's present state. `previous`: the observation of an earlier state
  // of the same run (the one before the last instruction), which makes watching the output incremental.
  Observation observe(const Machine& machine, const Observation* previous = nullptr) const;
  void observe(const Machine& machine, Observation& out, const Observation* previous) const;
  // Whether the condition fires at the instruction that took the run from the state `before` observed to the
  // machine's present state (observed as `after`).
  bool fires(const Machine& machine, const Observation& before, const Observation& after) const;
  // The value of a state condition in the observed state (false for an event).
  bool holds(const Observation& observed) const;

 private:
  // Per node, what binding resolved.
  struct Bound {
    std::uint64_t first_byte = 0, end_byte = 0;  // a variable's bytes ("on VAR", state)
    Word word = 0;                               // a mutex's state word
    std::vector<std::uint32_t> make_lines;       // Chan: lines of main whose make(chan) assigns to the name
    Word chan_var = 0;                           // Chan: a package variable of channel type with the name
  };

  bool happens(const Machine& m, std::uint32_t node, const Observation& before, const Observation& after) const;
  bool value(std::uint32_t node, const Observation& o) const;
  bool rising(std::uint32_t node, const Observation& before, const Observation& after) const {
    return !value(node, before) && value(node, after);
  }
  bool leaf_happens(const Machine& m, const ConditionNode& n, const Bound& b, const Observation& before,
                    const Observation& after, std::uint32_t node) const;

  Condition condition_;
  std::vector<Bound> bound_;  // per node
};

}  // namespace gb::inspect
