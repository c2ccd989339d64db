// The schedule explorer (sim/explore): it finds the lost update and the opposite-order deadlock that no seed shows,
// within the budget, replays what it found exactly, and explores correct programs to the end. The programs
// are in tests/explore; real Go prints 6 and "110 90" for them under its own scheduler (the bugs need a rarer
// interleaving), and the Go memory model allows the lost update and the deadlock.
#include <catch2/catch.hpp>

#include <filesystem>
#include <set>

#include "cli_runner.h"
#include "sim/explore/schedule_explorer.h"
#include "sim/explore/schedule_file.h"
#include "sim/go/run_program.h"

namespace {

const std::string kDir = std::string(GB_REPO_DIR) + "/tests/explore/";

std::shared_ptr<const gb::vm::Program> compile(const std::string& name, std::string* text_out = nullptr) {
  const std::string text = gb::test::slurp(kDir + name);
  REQUIRE(!text.empty());
  std::string diags;
  auto p = gb::go::compile_go(name, text, diags);
  INFO(diags);
  REQUIRE(p);
  if (text_out) *text_out = text;
  return p;
}

gb::explore::ExploreOptions two_cores(int bound) {
  gb::explore::ExploreOptions o;
  o.config.gomaxprocs = 2;
  o.config.machine.memory.cores = 2;
  o.preemption_bound = bound;
  return o;
}

// Replays a schedule as `run --schedule` does: the controlled machine, the choices from the list.
gb::go::GoRunResult replay(const std::string& name, const std::vector<std::uint32_t>& choices) {
  gb::go::GoRunOptions o;
  o.gomaxprocs = 2;
  gb::vm::MachineOptions mo;
  mo.memory.cores = 2;
  mo.controlled = true;
  o.machine = mo;
  o.schedule = std::make_shared<const std::vector<std::uint32_t>>(choices);
  return gb::go::run_go(name, gb::test::slurp(kDir + name), o);
}

}  // namespace

TEST_CASE("explore: the lost update is found within 100 schedules at preemption bound 1, and replays exactly",
          "[explore]") {
  const auto r = gb::explore::explore_schedules(compile("lost_update.go"), two_cores(1));
  REQUIRE(r.error.empty());
  REQUIRE(r.found);
  CHECK(r.schedules <= 100);
  CHECK(r.found->bound == 1);
  CHECK(r.found->preemptions == 1);
  CHECK(r.found->exit_code == 2);
  CHECK(r.found->what.find("panic: lost update") != std::string::npos);
  CHECK(r.found->stdout_text != "6\n");
  const gb::go::GoRunResult again = replay("lost_update.go", r.found->choices);
  CHECK(again.exit_code == r.found->exit_code);
  CHECK(again.out == r.found->stdout_text);
  CHECK(again.err == r.found->stderr_text);
}

TEST_CASE("explore: the transfers that lock in opposite order deadlock within 100 schedules at bound 1",
          "[explore]") {
  const auto r = gb::explore::explore_schedules(compile("transfer_deadlock.go"), two_cores(1));
  REQUIRE(r.found);
  CHECK(r.schedules <= 100);
  CHECK(r.found->what == "exit status 2: fatal error: all goroutines are asleep - deadlock!");
  const gb::go::GoRunResult again = replay("transfer_deadlock.go", r.found->choices);
  CHECK(again.exit_code == 2);
  CHECK(again.err == r.found->stderr_text);
}

TEST_CASE("explore: no seed shows the lost update that the explorer finds", "[explore]") {
  // The observation, kept true: seeds 1-8 on 2 cores all print 6.
  for (std::uint64_t seed = 1; seed <= 8; ++seed) {
    gb::go::GoRunOptions o;
    o.seed = seed;
    o.gomaxprocs = 2;
    gb::vm::MachineOptions mo;
    mo.memory.cores = 2;
    o.machine = mo;
    const auto r = gb::go::run_go("lost_update.go", gb::test::slurp(kDir + "lost_update.go"), o);
    CHECK(r.out == "6\n");
  }
}

TEST_CASE("explore: correct programs are explored to the end, with fewer schedules under reduction", "[explore]") {
  for (const char* name : {"lost_update_mutex.go", "transfer_ordered.go"}) {
    INFO(name);
    const auto program = compile(name);
    auto opts = two_cores(2);
    opts.all_outputs = true;
    const auto reduced = gb::explore::explore_schedules(program, opts);
    opts.reduction = false;
    const auto full = gb::explore::explore_schedules(program, opts);
    CHECK(reduced.complete);
    CHECK(full.complete);
    CHECK_FALSE(reduced.found);
    CHECK_FALSE(full.found);
    // Every schedule prints the one correct answer.
    REQUIRE(reduced.outputs.size() == 1);
    REQUIRE(full.outputs.size() == 1);
    CHECK(reduced.outputs[0].stdout_text == full.outputs[0].stdout_text);
    CHECK(reduced.outputs[0].exit_code == 0);
    CHECK(reduced.schedules < full.schedules);
    CHECK(reduced.schedules_per_bound.size() == 3);
  }
}

TEST_CASE("explore: every output of the lost update under bound 2 is a count the increments allow", "[explore]") {
  auto opts = two_cores(2);
  opts.all_outputs = true;
  const auto r = gb::explore::explore_schedules(compile("lost_update.go"), opts);
  REQUIRE(r.complete);
  std::set<std::string> firsts;
  for (const auto& o : r.outputs) firsts.insert(o.stdout_text.substr(0, o.stdout_text.find('\n')));
  CHECK(firsts.count("6") == 1);
  CHECK(firsts.size() >= 3);  // more than one lost update needs two preemptions: 6, 3 and at least one between
  for (const std::string& f : firsts) {
    const int v = std::stoi(f);
    CHECK(v >= 2);
    CHECK(v <= 6);
  }
}

TEST_CASE("explore: a schedule file round-trips and bad ones are refused with the line at fault", "[explore]") {
  gb::explore::ScheduleFile s;
  s.program_hash = gb::explore::program_hash("package main\n");
  s.file = "x.go";
  s.cores = 4;
  s.gomaxprocs = 3;
  s.protocol = "moesi";
  s.seed = 9;
  s.found = "exit status 2: panic: boom\nsecond line";
  s.instructions = 1234;
  s.at = 1200;
  for (std::uint32_t i = 0; i < 70; ++i) s.choices.push_back(i % 3);
  std::string error;
  const auto back = gb::explore::parse_schedule(gb::explore::format_schedule(s), error);
  REQUIRE(back);
  CHECK(back->program_hash == s.program_hash);
  CHECK(back->cores == 4);
  CHECK(back->gomaxprocs == 3);
  CHECK(back->protocol == "moesi");
  CHECK(back->seed == 9);
  CHECK(back->found == "exit status 2: panic: boom second line");
  CHECK(back->instructions == 1234);
  CHECK(back->at == 1200);
  CHECK(back->choices == s.choices);

  const std::string ok = "gopherbus-schedule 1\nprogram 0123456789abcdef\nchoices 2\n0 1\n";
  CHECK(gb::explore::parse_schedule(ok, error));
  struct Bad {
    std::string text, message;
  };
  for (const Bad& b : {Bad{"", "empty"}, Bad{"hello\n", "line 1: not a schedule file"},
                       Bad{"gopherbus-schedule 1\nprogram 12\nchoices 0\n", "line 2: program wants"},
                       Bad{"gopherbus-schedule 1\nprogram 0123456789abcdef\nchoices 2\n0\n", "2 choices announced, 1 given"},
                       Bad{"gopherbus-schedule 1\nprogram 0123456789abcdef\nchoices 1\nx\n", "line 4: 'x' is not a choice"},
                       Bad{"gopherbus-schedule 1\nprogram 0123456789abcdef\ncores 0\nchoices 0\n", "line 3: cores wants"},
                       Bad{"gopherbus-schedule 1\nprogram 0123456789abcdef\nwhat 1\nchoices 0\n", "unknown key 'what'"},
                       Bad{"gopherbus-schedule 1\nchoices 0\n", "no program line"}}) {
    INFO(b.text);
    CHECK_FALSE(gb::explore::parse_schedule(b.text, error));
    CHECK(error.find(b.message) != std::string::npos);
  }
}

// Every input that once broke fuzz_schedule_file (fuzz/regressions/fuzz_schedule_file/), through the target's
// property: a parsed file prints to one that parses to the same schedule and prints the same again.
TEST_CASE("explore: the schedule files that once broke the fuzz target print back stably", "[explore]") {
  const auto dir = std::filesystem::path(GB_REPO_DIR) / "fuzz" / "regressions" / "fuzz_schedule_file";
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    INFO(entry.path().string());
    ++files;
    std::string error;
    const auto parsed = gb::explore::parse_schedule(gb::test::slurp(entry.path().string()), error);
    if (!parsed) continue;
    const std::string printed = gb::explore::format_schedule(*parsed);
    const auto again = gb::explore::parse_schedule(printed, error);
    REQUIRE(again);
    CHECK(again->choices == parsed->choices);
    CHECK(gb::explore::format_schedule(*again) == printed);
  }
  CHECK(files >= 1);
  // The first: a "found" of carriage returns and words printed with the spaces its line breaks became.
  gb::explore::ScheduleFile s;
  s.found = "\r\r k!\r";
  s.file = " a\nb.go ";
  std::string error;
  const auto back = gb::explore::parse_schedule(gb::explore::format_schedule(s), error);
  REQUIRE(back);
  CHECK(back->found == "k!");
  CHECK(back->file == "a b.go");
}

TEST_CASE("explore: the CLI writes the schedule it finds, and run --schedule replays it", "[explore][cli]") {
  const std::string out = "/tmp/gb_explore_test_" + std::to_string(getpid()) + ".schedule";
  const auto found = gb::test::run_cli("explore '" + kDir + "transfer_deadlock.go' --preemption-bound 1 --quiet --schedule-out " + out);
  CHECK(found.status == 1);
  CHECK(found.out.find("FOUND after") != std::string::npos);
  CHECK(found.out.find("all goroutines are asleep - deadlock!") != std::string::npos);
  const auto replayed = gb::test::run_cli("run --schedule " + out + " '" + kDir + "transfer_deadlock.go'");
  CHECK(replayed.status == 2);
  CHECK(replayed.err.rfind("fatal error: all goroutines are asleep - deadlock!", 0) == 0);
  // Another program's text is refused, and so are options that contradict the file.
  const auto other = gb::test::run_cli("run --schedule " + out + " '" + kDir + "lost_update.go'");
  CHECK(other.status == 2);
  CHECK(other.err.find("was made for transfer_deadlock.go") != std::string::npos);
  const auto clash = gb::test::run_cli("run --schedule " + out + " --cores 4 '" + kDir + "transfer_deadlock.go'");
  CHECK(clash.status == 2);
  CHECK(clash.err.find("--cores 4, but the schedule was made with 2") != std::string::npos);
  std::remove(out.c_str());

  const auto fine = gb::test::run_cli("explore '" + kDir + "transfer_ordered.go' --quiet --compare");
  CHECK(fine.status == 0);
  CHECK(fine.out.find("no schedule goes wrong") != std::string::npos);
  CHECK(fine.out.find("without reduction:") != std::string::npos);
  const auto bad = gb::test::run_cli("explore '" + kDir + "transfer_ordered.go' --caches 2");
  CHECK(bad.status == 2);
}
