// Queries: questions about a machine's state written as text, answered with a value. Lessons use them for the
// answers of their questions, the computed values of their narrative (`{{value balance}}`) and the terms of
// their claims; anyone can ask them headless. Every number or state a lesson states comes from one.
//
//   value NAME [in GN]      a variable's %v: a package variable (`balance` or `main.balance`, fields as
//                           `acct.balance`), else one in scope in goroutine GN's innermost frame of package main
//                           (without `in`: the goroutine that ran last)
//   state NAME core K       the state letter (M, O, E, S, I) of the line holding NAME in core K's cache
//   bus [OP] [on NAME]      bus transactions so far: all, or of one kind (BusRd, BusRdX, BusUpgr, BusUpd,
//                           Flush, FlushOpt), or on the line holding NAME (`on` needs a recording machine)
//   lost updates            lost updates so far (scheduler/vm/lost_updates.h)
//   output                  what the program has written to stdout;  `output last` its last line
//   exit                    the exit status, or `running`
//   time                    the machine's time in ns (cycles at 1 GHz);  `instructions` the instructions run
//   goroutines              user goroutines alive (runtime.NumGoroutine; 0 once the program has exited)
//   g GN                    goroutine GN's state: running, runnable, Go's wait reason, dead, or exited (the
//                           program has)
//   line GN                 the line of package main goroutine GN is at (0: none)
//   stat PATH               a figure of the run's statistics (`gopherbus-cli run --stats=json`), by a dotted
//                           path: `stat machine.bus_transactions`, `stat machine.per_core.1.read_misses`
//                           (host timings are not deterministic and are refused)
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "sim/machine/machine.h"

namespace gb::inspect {

// A query parsed: its kind and operands. Plain data; text() writes it back in canonical form.
struct Query {
  enum class Kind { Value, State, Bus, LostUpdates, Output, OutputLast, Exit, Time, Instructions, Goroutines,
                    GoroutineState, GoroutineLine, Stat };
  Kind kind = Kind::Value;
  std::string name;  // Value, State, Bus (on NAME; empty: any line); Stat: the path
  GId g = kNoG;      // Value (in GN), GoroutineState, GoroutineLine
  int core = -1;     // State
  BusOp op = BusOp::None;  // Bus (None: every kind)
  std::string text() const;
};

// A parse error: the message and the 1-based column it points at.
struct QueryError {
  std::string message;
  std::size_t column = 1;
};

std::variant<Query, QueryError> parse_query(std::string_view text);

// A query's answer: its text as a student reads it, and the number when it is one (counts, times, integer and
// float variables), for claims' arithmetic.
struct Answer {
  std::string text;
  std::optional<double> number;
};

// Answers `q` on `m` as it is now; an error (no such variable, a core out of range, `bus ... on` without
// recording) is the message.
std::variant<Answer, std::string> answer(const Query& q, const Machine& m);
// Parses and answers; a parse error's message carries its column ("column 7: ...").
std::variant<Answer, std::string> answer(std::string_view query, const Machine& m);

}  // namespace gb::inspect
