// The condition language's text (sim/inspect/condition.h): canonical texts round-trip, other spellings print
// canonically, events and states are told apart, and every error names its line and column.
#include <catch2/catch.hpp>

#include "sim/inspect/condition.h"

using namespace gb;
using namespace gb::inspect;

namespace {

Condition parsed(const std::string& text) {
  const ParsedCondition p = parse_condition(text);
  INFO(text << " -> " << p.error.text());
  REQUIRE(p);
  return *p.condition;
}

// The error's "condition:L:C: message".
std::string error_of(const std::string& text) {
  const ParsedCondition p = parse_condition(text);
  INFO(text);
  REQUIRE_FALSE(p);
  return p.error.text();
}

}  // namespace

TEST_CASE("condition: canonical texts parse and print back unchanged", "[condition]") {
  const char* texts[] = {
      "line 17",
      "line 17 by G7",
      "park \"chan receive\"",
      "park \"semacquire\" by G7",
      "chan send jobs",
      "chan recv jobs by G3",
      "chan close c.done",
      "bus",
      "bus BusRdX",
      "bus BusRdX on balance",
      "bus BusUpgr on acct.balance in core 1 by G6",
      "bus FlushOpt in core 0",
      "state balance M in core 1",
      "state accounts[2].balance Sm",
      "mutex mu starving",
      "mutex main.ledger.mu locked",
      "steal",
      "steal from P1 by P0",
      "steal by P2",
      "handoff",
      "handoff from P1",
      "publish",
      "publish topic payments partition 2",
      "publish topic \"pay-ments\"",
      "output \"balance =\"",
      "output \"say \\\"hi\\\"\\n\"",
      "stderr \"panic: \"",
      "exit",
      "exit 2",
      "cycle >= 1000000",
      "cycle < 5",
      "instructions == 500",
      "instructions != 1",
      "lost update",
      "lost update on balance by G7",
      "line 17 and not exit",
      "(line 17 or line 18) and cycle > 100",
      "not (exit or cycle >= 5)",
      "line 1 or line 2 or line 3",
      "line 1 or (line 2 or line 3)",
      "line 1 and (line 2 and line 3)",
      "line 1 or line 2 and line 3",
      "not not exit",
  };
  for (const char* t : texts) {
    const Condition c = parsed(t);
    CHECK(c.text() == t);
    CHECK(parsed(c.text()) == c);
  }
}

TEST_CASE("condition: other spellings print canonically", "[condition]") {
  const std::pair<const char*, const char*> cases[] = {
      {"  bus   busrdx on balance ", "bus BusRdX on balance"},
      {"steal by p0 from p1", "steal from P1 by P0"},
      {"state balance m in core 1", "state balance M in core 1"},
      {"state x sc", "state x Sc"},
      {"state balance M core 1", "state balance M in core 1"},
      {"bus BusRd core 0 on x", "bus BusRd on x in core 0"},
      {"lost update by g7 on balance", "lost update on balance by G7"},
      {"bus by G2 in core 1 on x", "bus on x in core 1 by G2"},
      {"publish partition 3 topic t", "publish topic t partition 3"},
      {"publish topic \"plain\"", "publish topic plain"},
      {"cycle>=5", "cycle >= 5"},
      {"cycle >= 1_000_000", "cycle >= 1000000"},
      {"((exit))", "exit"},
      {"(line 1 and line 2) and line 3", "line 1 and line 2 and line 3"},
      {"line 1 or (line 2 and line 3)", "line 1 or line 2 and line 3"},
      {"line\n17\tby G7", "line 17 by G7"},
  };
  for (const auto& [in, out] : cases) {
    INFO(in);
    CHECK(parsed(in).text() == out);
  }
}

TEST_CASE("condition: precedence is not, then and, then or", "[condition]") {
  const Condition c = parsed("not exit and line 1 or line 2");
  const ConditionNode& root = c.at(c.root);
  REQUIRE(root.kind == ConditionKind::Or);
  const ConditionNode& lhs = c.at(root.lhs);
  REQUIRE(lhs.kind == ConditionKind::And);
  CHECK(c.at(lhs.lhs).kind == ConditionKind::Not);
  CHECK(c.at(c.at(lhs.lhs).lhs).kind == ConditionKind::Exit);
  CHECK(c.at(lhs.rhs).line == 1);
  CHECK(c.at(root.rhs).line == 2);
}

TEST_CASE("condition: the fields a leaf carries", "[condition]") {
  const ConditionNode bus = parsed("bus BusUpgr on acct.balance in core 1 by G6").nodes.back();
  CHECK(bus.kind == ConditionKind::Bus);
  CHECK(bus.bus_op == BusOp::BusUpgr);
  CHECK(bus.var == "acct.balance");
  CHECK(bus.core == 1);
  CHECK(bus.g == 6);
  const ConditionNode steal = parsed("steal from P1 by P0").nodes.back();
  CHECK(steal.from_p == 1);
  CHECK(steal.by_p == 0);
  const ConditionNode out = parsed("output \"a\\tb\\\\\"").nodes.back();
  CHECK(out.text == "a\tb\\");
  const ConditionNode exit = parsed("exit 3").nodes.back();
  REQUIRE(exit.exit_code);
  CHECK(*exit.exit_code == 3);
  CHECK_FALSE(parsed("exit").nodes.back().exit_code);
  const ConditionNode cyc = parsed("cycle > 42").nodes.back();
  CHECK(cyc.cmp == Compare::Gt);
  CHECK(cyc.bound == 42);
  CHECK(parsed("chan close done").nodes.back().chan_op == ChanOpKind::Close);
  CHECK(parsed("mutex mu locked").nodes.back().mutex == MutexProperty::Locked);
}

TEST_CASE("condition: events and states, and how they combine", "[condition]") {
  for (const char* e : {"line 1", "park \"sleep\"", "chan send c", "bus", "steal", "handoff", "publish",
                        "lost update", "line 1 and exit", "exit and line 1", "line 1 or exit", "not line 1",
                        "line 1 and line 2"}) {
    INFO(e);
    CHECK(parsed(e).is_event());
  }
  for (const char* s : {"state x M", "mutex mu starving", "output \"x\"", "stderr \"x\"", "exit", "cycle >= 1",
                        "instructions >= 1", "exit and cycle >= 1", "not exit", "exit or output \"x\""}) {
    INFO(s);
    CHECK_FALSE(parsed(s).is_event());
  }
}

TEST_CASE("condition: every error names its line and column", "[condition]") {
  const std::pair<const char*, const char*> cases[] = {
      {"", "condition:1:1: empty condition; expected one of: line, park, chan, bus, state, mutex, steal, handoff, "
           "publish, output, stderr, exit, cycle, instructions, lost update, not, ("},
      {"prk \"x\"", "condition:1:1: unknown condition kind 'prk'; expected one of: line, park,"},
      {"line 17 and prk", "condition:1:13: unknown condition kind 'prk'"},
      {"line", "condition:1:5: expected a line number (a number), not the end"},
      {"line x", "condition:1:6: expected a line number (a number), not 'x'"},
      {"line 0", "condition:1:6: lines are numbered from 1"},
      {"line 99999999999", "condition:1:6: a line number 99999999999 is too large"},
      {"line 17 by 7", "condition:1:12: expected a goroutine as GN (G7), not '7'"},
      {"line 17 by G0", "condition:1:12: goroutines are numbered from G1"},
      {"line 17 on balance", "condition:1:9: unexpected 'on' after line; expected by, and, or, ')' or the end"},
      {"line 17 by G1 by G2", "condition:1:15: 'by' given twice"},
      {"state x M in core 1 core 2", "condition:1:21: 'core' given twice"},
      {"line 17 core 1", "condition:1:9: unexpected 'core' after line; expected by, and"},
      {"park chan", "condition:1:6: expected a wait reason in double quotes, not 'chan'"},
      {"park \"sync.Mutex.Lock\"",
       "condition:1:6: unknown wait reason \"sync.Mutex.Lock\" (Go 1.19 parks sync's waiters as \"semacquire\"); "
       "expected one of: \"chan receive\", \"chan send\""},
      {"park \"chan receive", "condition:1:6: unterminated string"},
      {"chan snd jobs", "condition:1:6: expected send, recv or close after chan, not 'snd'"},
      {"chan send", "condition:1:10: expected a channel's name"},
      {"chan send 3x", "condition:1:11: expected a channel's name"},
      {"bus BusX", "condition:1:5: unknown bus transaction 'BusX'; expected one of: BusRd, BusRdX, BusUpgr, BusUpd, "
                   "Flush, FlushOpt"},
      {"bus on", "condition:1:7: expected a variable"},
      {"bus on a..b", "condition:1:8: expected a variable (a package variable such as balance"},
      {"bus on a[x]", "condition:1:8: expected a variable"},
      {"bus in 1", "condition:1:8: expected 'core' after 'in', not '1'"},
      {"bus in core 5000", "condition:1:13: a core number 5000 is too large (at most 1023)"},
      {"bus from P1", "condition:1:5: unexpected 'from' after bus; expected on, in core, by, and, or"},
      {"state balance X", "condition:1:15: expected a line state (M, O, E, S, I, Sc or Sm) after state balance"},
      {"state 5x M", "condition:1:7: expected a variable"},
      {"mutex mu open", "condition:1:10: expected starving or locked after mutex mu, not 'open'"},
      {"steal from 1", "condition:1:12: expected a P as PN (P1), not '1'"},
      {"handoff by P1", "condition:1:9: unexpected 'by' after handoff; expected from, and"},
      {"publish partition x", "condition:1:19: expected a partition number"},
      {"publish topic", "condition:1:14: expected a topic's name, not the end"},
      {"output balance", "condition:1:8: expected the text to look for in double quotes, not 'balance'"},
      {"output \"\"", "condition:1:8: the text to look for is empty"},
      {"output \"a\\q\"", "condition:1:10: unknown escape '\\q' in a string"},
      {"exit 300", "condition:1:6: an exit status 300 is too large (at most 255)"},
      {"cycle 5", "condition:1:7: expected a comparison (>=, >, <=, <, == or !=) after cycle, not '5'"},
      {"cycle = 5", "condition:1:7: unknown comparison '='"},
      {"cycle >=", "condition:1:9: expected a cycle count (a number), not the end"},
      {"instructions >= 99999999999999999999999", "condition:1:17: an instruction count"},
      {"lost", "condition:1:5: expected 'update' after 'lost', not the end"},
      {"line 1 and", "condition:1:11: expected a condition, not the end"},
      {"not", "condition:1:4: expected a condition, not the end"},
      {"(line 1", "condition:1:8: expected ')' to close the '(' at column 1, not the end"},
      {"line 1)", "condition:1:7: unexpected ')' with no '(' to close"},
      {"line 1 line 2", "condition:1:8: unexpected 'line' after line; expected by, and, or, ')' or the end"},
      {"(exit) exit", "condition:1:8: unexpected 'exit' after a whole condition; expected and, or or the end"},
      {"exit # x", "condition:1:6: unexpected character '#'"},
      {"line 1 and\n  prk", "condition:2:3: unknown condition kind 'prk'"},
  };
  for (const auto& [text, want] : cases) {
    const std::string got = error_of(text);
    INFO(text << "\n  got:  " << got << "\n  want: " << want);
    CHECK(got.rfind(want, 0) == 0);
  }
}

TEST_CASE("condition: an error's text can name the file it came from", "[condition]") {
  const ParsedCondition p = parse_condition("line x");
  REQUIRE_FALSE(p);
  CHECK(p.error.text("lessons/race/lesson.md", 11) == "lessons/race/lesson.md:12:6: expected a line number (a number), "
                                                        "not 'x'");
}

TEST_CASE("condition: the help lists every kind once, from the one table", "[condition]") {
  const std::string help = condition_help();
  for (const ConditionKindInfo& k : kConditionKinds) {
    INFO(k.syntax);
    CHECK(help.find(std::string(k.syntax)) != std::string::npos);
    CHECK(help.find(std::string(k.meaning)) != std::string::npos);
  }
  CHECK(help.find("A and B, A or B, not A, (A)") != std::string::npos);
}
