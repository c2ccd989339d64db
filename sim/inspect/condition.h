// The condition language (DESIGN.md, "Step granularities and conditions"): a condition written as text
// ("line 17 by G7", "bus BusRdX on balance", "mutex mu starving") parsed to plain data, printed back as
// canonical text, and evaluated by the inspection layer (condition_eval.h) for lesson files, `gopherbus-cli
// run --until`, the Session's condition steps and conditional breakpoints.
//
// Grammar (keywords lower case; bus operations and line states in any case; G7 and P1 in either case):
//   condition := or
//   or        := and { "or" and }
//   and       := unary { "and" unary }
//   unary     := "not" unary | "(" condition ")" | leaf
//   leaf      := one row of kConditionKinds below, its modifiers in any order, each at most once:
//                by Gn (a goroutine), on VAR (a Go variable's bytes), in core N (or core N), from Pn / by Pn
//                (Ps)
//   VAR       := a package variable of package main and a path into it: balance, main.balance,
//                acct.balance, accounts[2].balance
//   STRING    := "..." with \" \\ \n \t escapes
//
// Semantics. A condition is evaluated over one instruction at a time, as the Session's boundaries are: at
// position q, over the state before (S[q-1]) and after (S[q]) the instruction that took the run from q-1 to q
// (with the scheduling work before it).
//   An EVENT (line, park, chan, bus, steal, handoff, publish, lost update) holds at q when instruction q made
//   it happen.
//   A STATE (state, mutex, output, stderr, exit, cycle, instructions) has a value in each state; a state
//   condition fires at q on its rising edge: false in S[q-1], true in S[q].
//   Combining: `not`, `and` and `or` of states are states (their values combine in each state, and the
//   combination fires on its own rising edge). When an event takes part the result is an event:
//     E1 and E2   both happen at q          E and S   E happens at q while S holds after it (a guard)
//     E1 or E2    either happens at q       E or S    E happens, or S becomes true (its rising edge), at q
//     not E       E does not happen at q (an event at nearly every instruction: useful under `and`)
// A condition fires at q: an event when it happens, a state on its rising edge. `--until` stops at the first
// position where it fires; a Session step at the next (or, back, the previous) one.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "coherence/bus_op.h"
#include "coherence/line_state.h"
#include "scheduler/g_status.h"

namespace gb::inspect {

// [SECTION] The kinds: one table for the parser, the printer, the evaluator, --help and the README.
// X(id, keyword, event, syntax, meaning)
#define GB_CONDITION_KINDS(X)                                                                                   \
  X(Line, "line", true, "line N [by Gn]",                                                                       \
    "a goroutine arrives at line N of package main, as a breakpoint there counts it: about to begin a statement") \
  X(Park, "park", true, "park \"REASON\" [by Gn]",                                                              \
    "a goroutine parks with Go's wait reason (\"chan receive\", \"semacquire\", \"sleep\", ...)")               \
  X(Chan, "chan", true, "chan send|recv|close NAME [by Gn]",                                                    \
    "a goroutine sends on, receives from or closes the channel named NAME (its variable)")                      \
  X(Bus, "bus", true, "bus [OP] [on VAR] [in core N] [by Gn]",                                                  \
    "a bus transaction (BusRd, BusRdX, BusUpgr, BusUpd, Flush, FlushOpt) on a line holding VAR's bytes")        \
  X(State, "state", false, "state VAR STATE [in core N]",                                                       \
    "the line holding VAR's first byte is in STATE (M, O, E, S, I, Sc, Sm) in core N's cache (any core)")       \
  X(Mutex, "mutex", false, "mutex VAR starving|locked",                                                         \
    "the sync.Mutex VAR is in starvation mode / locked")                                                        \
  X(Steal, "steal", true, "steal [from Pn] [by Pn]", "a P steals goroutines from another P's run queue")      \
  X(Handoff, "handoff", true, "handoff [from Pn]",                                                              \
    "sysmon hands a P blocked in a system call to another M (retake)")                                         \
  X(Publish, "publish", true, "publish [topic NAME] [partition N]",                                            \
    "a message is published to the outside world's broker")                                                     \
  X(Output, "output", false, "output \"TEXT\"", "the program's standard output contains TEXT")                 \
  X(Stderr, "stderr", false, "stderr \"TEXT\"", "the program's standard error contains TEXT")                  \
  X(Exit, "exit", false, "exit [CODE]", "the program has ended (with exit status CODE)")                      \
  X(Cycle, "cycle", false, "cycle >= N", "the machine's time is at least N cycles (ns at 1 GHz); also > <= < == !=") \
  X(Instructions, "instructions", false, "instructions >= N", "N bytecode instructions have run (as cycle)")   \
  X(LostUpdate, "lost update", true, "lost update [on VAR] [by Gn]",                                           \
    "a goroutine's store overwrites another's update it never loaded (lost_updates.h)")

enum class ConditionKind : std::uint8_t {
#define GB_CONDITION_ENUM(id, keyword, event, syntax, meaning) id,
  GB_CONDITION_KINDS(GB_CONDITION_ENUM)
#undef GB_CONDITION_ENUM
  And,
  Or,
  Not,
};

struct ConditionKindInfo {
  ConditionKind kind;
  std::string_view keyword;  // "lost update" is two words
  bool event;
  std::string_view syntax;
  std::string_view meaning;
};
inline constexpr ConditionKindInfo kConditionKinds[] = {
#define GB_CONDITION_INFO(id, keyword, event, syntax, meaning) \
  ConditionKindInfo{ConditionKind::id, keyword, event, syntax, meaning},
    GB_CONDITION_KINDS(GB_CONDITION_INFO)
#undef GB_CONDITION_INFO
};
// The row of a leaf kind (not And, Or, Not).
const ConditionKindInfo& info(ConditionKind kind);

// A channel operation, a mutex property, a comparison.
enum class ChanOpKind : std::uint8_t { Send, Recv, Close };
enum class MutexProperty : std::uint8_t { Starving, Locked };
enum class Compare : std::uint8_t { Ge, Gt, Le, Lt, Eq, Ne };
std::string_view name(ChanOpKind op);     // "send", "recv", "close"
std::string_view name(MutexProperty p);   // "starving", "locked"
std::string_view name(Compare c);         // ">=", ...
bool compare(Compare c, std::uint64_t value, std::uint64_t bound);

// [SECTION] The tree

// One node: a leaf with the fields its kind uses (the others keep their defaults), or And/Or (lhs, rhs) and
// Not (lhs). Plain data.
struct ConditionNode {
  ConditionKind kind = ConditionKind::Line;
  std::uint32_t lhs = 0, rhs = 0;  // children's indices in Condition::nodes
  std::uint32_t line = 0;          // Line
  std::string text;                // Park: the wait reason; Chan: the channel's name; Output, Stderr: the text;
                                   // Publish: the topic ("" any)
  std::string var;                 // Bus, LostUpdate: "on VAR" ("" any); State, Mutex: the variable
  GId g = kNoG;                    // "by Gn" (kNoG: any goroutine)
  int core = -1;                   // "in core N" (-1: any core)
  int from_p = -1, by_p = -1;      // Steal: from (victim) and by (thief); Handoff: from (-1: any)
  std::int64_t partition = -1;     // Publish (-1: any)
  std::optional<int> exit_code;    // Exit
  ChanOpKind chan_op = ChanOpKind::Send;
  BusOp bus_op = BusOp::None;      // None: any transaction
  LineState state = LineState::I;
  MutexProperty mutex = MutexProperty::Starving;
  Compare cmp = Compare::Ge;       // Cycle, Instructions
  std::uint64_t bound = 0;
  bool operator==(const ConditionNode&) const = default;
};

// A parsed condition: a tree in a vector (children before their parent), the root last. Copyable, comparable,
// printable back to canonical text: parse(c.text()) == c.
struct Condition {
  std::vector<ConditionNode> nodes;
  std::uint32_t root = 0;

  const ConditionNode& at(std::uint32_t i) const { return nodes[i]; }
  // Whether node i (default: the root) is an event (else a state); see the header's semantics.
  bool is_event(std::optional<std::uint32_t> node = std::nullopt) const;
  // Canonical text: keywords lower case, modifiers in the syntax's order, strings quoted, parentheses only
  // where `or` sits under `and` or either under `not`.
  std::string text() const;
  bool operator==(const Condition&) const = default;
};

// [SECTION] Parsing

struct ConditionError {
  std::uint32_t line = 1, column = 1;  // 1-based, of the offending token (or of the end of the text)
  std::string message;
  // "condition:1:7: unknown condition kind 'prk'; expected one of: line, park, ..." (`source` replaces
  // "condition": a lesson file's name, with `line_offset` added to the line).
  std::string text(std::string_view source = "condition", std::uint32_t line_offset = 0) const;
};

// The condition in `text`, or the first error (with its column).
struct ParsedCondition {
  std::optional<Condition> condition;
  ConditionError error;
  explicit operator bool() const { return condition.has_value(); }
};
ParsedCondition parse_condition(std::string_view text);

// The grammar in a few lines for --help and the README: one line per kind, "  line N [by Gn]    a goroutine...".
std::string condition_help(std::size_t indent = 2);

}  // namespace gb::inspect
