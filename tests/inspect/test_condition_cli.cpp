// gopherbus-cli run --until COND as a user runs it: where it stops agrees with --break and with the cycle and
// instruction conditions, it composes with the other options, and bad conditions, unbound names and conditions
// that never fire have their messages and exit statuses.
#include <regex>
#include <string>

#include <catch2/catch.hpp>

#include "../sim/cli_runner.h"

using gb::test::run_cli;

namespace {

const std::string kLost = std::string(GB_REPO_DIR) + "/ui/examples/lost_update.go";
const std::string kMachine = "run --cores 2 --gomaxprocs 2 ";

struct Stop {
  unsigned long long instruction = 0;
  long long time = 0;
  int goroutine = 0;
  std::string place;
};

// "until COND: fired at instruction N (machine time T ns), goroutine G at FILE:LINE (FUNC)".
Stop stop_of(const gb::test::CliResult& r) {
  static const std::regex re(R"(fired at instruction (\d+) \(machine time (\d+) ns\), goroutine (\d+)(.*)\n)");
  std::smatch m;
  INFO(r.err);
  REQUIRE(std::regex_search(r.err, m, re));
  return Stop{std::stoull(m[1]), std::stoll(m[2]), std::stoi(m[3]), m[4]};
}

int break_goroutine(const gb::test::CliResult& r) {
  static const std::regex re(R"(reached by goroutine (\d+))");
  std::smatch m;
  INFO(r.out << r.err);
  REQUIRE(std::regex_search(r.out, m, re));
  return std::stoi(m[1]);
}

}  // namespace

TEST_CASE("run --until: a line condition stops where --break does, and agrees with instructions and cycles",
          "[cli][condition]") {
  const auto first = run_cli(kMachine + "--until 'line 17' " + kLost);
  REQUIRE(first.status == 0);
  const Stop s1 = stop_of(first);
  CHECK(s1.place == " at lost_update.go:17 (main.deposit)");
  CHECK(first.err.rfind("until line 17: fired at instruction ", 0) == 0);
  CHECK(first.out.empty());  // nothing printed yet
  const auto brk = run_cli(kMachine + "--break lost_update.go:17 " + kLost);
  REQUIRE(brk.status == 0);
  CHECK(break_goroutine(brk) == s1.goroutine);
  // The second arrival is --break's second hit.
  const auto second = run_cli(kMachine + "--until 'line 17 and instructions > " + std::to_string(s1.instruction) +
                              "' " + kLost);
  REQUIRE(second.status == 0);
  const Stop s2 = stop_of(second);
  CHECK(s2.instruction > s1.instruction);
  CHECK(s2.time >= s1.time);
  const auto brk2 = run_cli(kMachine + "--break lost_update.go:17:2 " + kLost);
  REQUIRE(brk2.status == 0);
  CHECK(break_goroutine(brk2) == s2.goroutine);
  // The same position by its instruction count, and no later by its machine time (the clock never goes back).
  const auto by_count = run_cli(kMachine + "--until 'instructions >= " + std::to_string(s1.instruction) + "' " + kLost);
  CHECK(stop_of(by_count).instruction == s1.instruction);
  CHECK(stop_of(by_count).time == s1.time);
  const auto by_time = run_cli(kMachine + "--until 'cycle >= " + std::to_string(s1.time) + "' " + kLost);
  CHECK(stop_of(by_time).instruction <= s1.instruction);
  CHECK(stop_of(by_time).time >= s1.time);
  // With a guard already true, the line condition is unchanged; --break and --until together stop at the first.
  const auto guarded = run_cli(kMachine + "--until 'line 17 and cycle >= 0' " + kLost);
  CHECK(stop_of(guarded).instruction == s1.instruction);
  const auto both = run_cli(kMachine + "--break lost_update.go:17:2 --until 'line 17' " + kLost);
  CHECK(stop_of(both).instruction == s1.instruction);
}

TEST_CASE("run --until composes with --locals, --events and --stats", "[cli][condition]") {
  const auto r = run_cli(kMachine + "--until 'line 17' --locals --events --stats " + kLost);
  REQUIRE(r.status == 0);
  CHECK(r.out.find("#0 main.deposit at " + kLost + ":17") != std::string::npos);
  CHECK(r.out.find("      i int = 0") != std::string::npos);
  CHECK(r.err.find("instructions: ") != std::string::npos);  // --stats
  CHECK(r.err.find(" ns  ") != std::string::npos);           // --events: one line per event after its time
  const auto lost = run_cli(kMachine + "--until 'lost update on balance' --events " + kLost);
  REQUIRE(lost.status == 0);
  CHECK(lost.err.find("!! lost update on main.balance") != std::string::npos);
}

TEST_CASE("run --until: a condition that never fires, the instruction limit, and the exit", "[cli][condition]") {
  const auto never = run_cli(kMachine + "--until 'exit 3' " + kLost);
  CHECK(never.status == 1);
  CHECK(never.out.rfind("balance = ", 0) == 0);
  CHECK(never.err.find("gopherbus-cli run: --until exit 3: the program ended (exit status 0) after ") !=
        std::string::npos);
  CHECK(never.err.find("before the condition fired") != std::string::npos);
  const auto limit = run_cli(kMachine + "--max-instructions 100 --until exit " + kLost);
  CHECK(limit.status == 124);
  CHECK(limit.err.find("stopped after 100 instructions (--max-instructions) before the condition fired") !=
        std::string::npos);
  const auto exits = run_cli(kMachine + "--until 'exit 0' " + kLost);
  CHECK(exits.status == 0);
  CHECK(exits.out.rfind("balance = ", 0) == 0);
  CHECK(exits.err.find("until exit 0: fired at instruction") != std::string::npos);
}

TEST_CASE("run --until: bad conditions and unknown names exit 2 with their column or name", "[cli][condition]") {
  const auto bad = run_cli(kMachine + "--until 'line 17 and prk' " + kLost);
  CHECK(bad.status == 2);
  CHECK(bad.err == "gopherbus-cli run: --until: condition:1:13: unknown condition kind 'prk'; expected one of: "
                   "line, park, chan, bus, state, mutex, steal, handoff, publish, output, stderr, exit, cycle, "
                   "instructions, lost update, not, (\n");
  const auto name = run_cli(kMachine + "--until 'bus BusRdX on balanse' " + kLost);
  CHECK(name.status == 2);
  CHECK(name.err == "gopherbus-cli run: --until bus BusRdX on balanse: no variable named 'balanse' (package main has: balance)\n");
  const auto line = run_cli(kMachine + "--until 'line 3' " + kLost);
  CHECK(line.status == 2);
  CHECK(line.err.find("no statement of package main begins on line 3") != std::string::npos);
  const auto locals = run_cli("run --locals " + kLost);
  CHECK(locals.status == 2);
  CHECK(locals.err.find("--locals needs --break FILE:LINE or --until CONDITION") != std::string::npos);
}

TEST_CASE("run --help summarises the condition language", "[cli][condition]") {
  const auto r = run_cli("run --help");
  CHECK(r.status == 0);
  for (const char* s : {"--until", "line N [by Gn]", "bus [OP] [on VAR] [in core N] [by Gn]", "mutex VAR starving|locked",
                        "lost update [on VAR] [by Gn]", "A and B, A or B, not A, (A)"}) {
    INFO(s);
    CHECK(r.out.find(s) != std::string::npos);
  }
}
