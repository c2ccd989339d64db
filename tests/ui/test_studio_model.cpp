// The studio model on the built-in mutex example and on a channel program: its views agree with the Machine's
// scheduler and caches, every granularity moves the machine, breakpoints stop on their line, bad programs
// never crash it.
#include <algorithm>
#include <set>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "ui/examples.h"
#include "ui/studio_example.h"
#include "ui/studio_model.h"

using namespace gb;
using namespace gb::ui;

namespace {

const char* kChannels = R"(package main

import "fmt"

func producer(ch chan int, n int) {
	for i := 0; i < n; i++ {
		ch <- i
	}
	close(ch)
}

func main() {
	ch := make(chan int)
	done := make(chan bool)
	go producer(ch, 20)
	go func() {
		sum := 0
		for v := range ch {
			sum += v
		}
		fmt.Println("sum", sum)
		done <- true
	}()
	<-done
}
)";

StudioModel example() {
  return StudioModel(std::string(kExampleFile), std::string(example_program()));
}

// The model's rows and queues say what the scheduler says, and every runnable G is in exactly one queue slot.
void check_agrees_with_scheduler(const StudioModel& m) {
  REQUIRE(m.loaded());
  const Scheduler& s = m.machine()->runtime().scheduler();
  const std::vector<GRow> rows = m.goroutines();
  std::size_t created = 0;  // goroutine_count() also covers ids reserved in the Ps' goid caches (status Idle)
  for (GId id = 1; id <= static_cast<GId>(s.goroutine_count()); ++id) created += s.g(id).status != GStatus::Idle;
  REQUIRE(rows.size() == created);
  for (const GRow& r : rows) {
    CHECK(r.status == s.g(r.id).status);
    if (r.status == GStatus::Running) CHECK(s.p(r.p).current == r.id);
  }
  const std::vector<PView> ps = m.processors();
  REQUIRE(static_cast<int>(ps.size()) == s.gomaxprocs());
  std::multiset<GId> queued;
  for (const PView& p : ps) {
    CHECK(p.runq == s.p(p.id).runq.entries());
    CHECK(p.runnext == s.p(p.id).runq.runnext());
    CHECK(p.current == s.p(p.id).current);
    queued.insert(p.runq.begin(), p.runq.end());
    if (p.runnext != kNoG) queued.insert(p.runnext);
  }
  const std::vector<GId> global = m.global_queue();
  CHECK(global.size() == s.global_queue().size());
  queued.insert(global.begin(), global.end());
  for (const GRow& r : rows) CHECK(queued.count(r.id) == (r.status == GStatus::Runnable ? 1u : 0u));
}

}  // namespace

TEST_CASE("studio model: the example opens on two cores with MESI and runs to its output") {
  StudioModel m = example();
  REQUIRE(m.loaded());
  CHECK(m.diagnostics().empty());
  CHECK(m.config().cores == 2);
  CHECK(m.config().gomaxprocs == 2);
  CHECK(m.config().protocol == ProtocolKind::MESI);
  CHECK(m.cores().size() == 2);
  CHECK(m.processors().size() == 2);
  CHECK(m.lines().size() > 20);
  CHECK(m.status_line() == "ready");
  check_agrees_with_scheduler(m);

  const std::uint64_t h0 = m.machine()->state_hash();
  m.step(StepKind::Instruction);
  CHECK(m.instructions() == 1);
  CHECK(m.machine()->state_hash() != h0);

  // Until both workers exist and run.
  for (int i = 0; i < 400 && m.markers().size() < 3; ++i) m.step(StepKind::Statement);
  // A worker inside sync.Mutex's code is shown at its line in main, and where it really is.
  bool inside_sync = false;
  for (int i = 0; i < 2000 && !inside_sync; ++i) {
    m.step(StepKind::Instruction);
    for (const GRow& r : m.goroutines())
      inside_sync = inside_sync || (r.function == "main.worker" && r.inside.rfind("sync.", 0) == 0);
  }
  CHECK(inside_sync);
  check_agrees_with_scheduler(m);
  const std::vector<SourceMarker> marks = m.markers();
  std::set<GId> marked;
  for (const SourceMarker& k : marks) {
    marked.insert(k.g);
    CHECK(k.line >= 1);
    CHECK(k.line <= m.lines().size());
  }
  CHECK(marked.size() >= 3);  // main and both workers, each on a line of the file
  bool worker_row = false;
  for (const GRow& r : m.goroutines()) {
    if (r.function == "main.worker") worker_row = true;
    if (r.id == 1) CHECK(r.function == "main.main");
  }
  CHECK(worker_row);

  m.step(StepKind::BusTransaction);
  REQUIRE(m.last_step());
  CHECK(m.last_step()->report.bus_to == m.last_step()->report.bus_from + 1);
  // The caches panel's headline: the transaction this step made, and the line it moved.
  const std::optional<BusView> bus = m.last_bus();
  REQUIRE(bus);
  CHECK(bus->in_last_step);
  CHECK(bus->line_address % 64 == 0);
  CHECK(bus->record.addr - bus->line_address < 64);
  const std::string said = describe_bus(bus->record);
  CHECK(said.rfind("core " + std::to_string(bus->record.core) + " Bus", 0) == 0);
  m.step(StepKind::Instruction);
  if (m.last_step()->report.bus_to == m.last_step()->report.bus_from) CHECK_FALSE(m.last_bus()->in_last_step);
  m.step(StepKind::SchedulerEvent);
  check_agrees_with_scheduler(m);

  // The second worker's M spins up before it runs on core 1 (wakep, then stealing): step until both cores
  // have touched memory.
  for (int i = 0; i < 2000 && (m.cache_lines(0).empty() || m.cache_lines(1).empty()); ++i)
    m.step(StepKind::Instruction);
  // Each core's listed lines are valid, in set order, with the line's words.
  bool dirty = false;
  for (int c = 0; c < 2; ++c) {
    const std::vector<LineView> lines = m.cache_lines(c);
    CHECK_FALSE(lines.empty());
    for (std::size_t i = 0; i < lines.size(); ++i) {
      CHECK(lines[i].state != LineState::I);
      CHECK(lines[i].words.size() == 8);
      CHECK(lines[i].address % 64 == 0);
      if (i > 0) CHECK(lines[i - 1].set <= lines[i].set);
      dirty = dirty || lines[i].state == LineState::M;
    }
  }
  CHECK(dirty);

  for (int i = 0; i < 100000 && !m.finished(); ++i) m.step(StepKind::SchedulerEvent);
  REQUIRE(m.finished());
  CHECK(m.stdout_text() == "counter = 2000\n");
  CHECK(m.exit_code() == 0);
  CHECK(m.status_line() == "exited with status 0");
  const std::uint64_t end = m.machine()->state_hash();
  m.step(StepKind::Instruction);  // a finished program does not move
  CHECK(m.machine()->state_hash() == end);
  CHECK(m.markers().empty());

  m.restart();
  CHECK(m.instructions() == 0);
  CHECK(m.machine()->state_hash() == h0);
  CHECK(m.stdout_text().empty());
}

TEST_CASE("studio model: a channel program shows Gs waiting on the channel, as Go names it") {
  StudioModel m("chans.go", kChannels);
  REQUIRE(m.loaded());
  std::set<std::string> reasons;
  for (int i = 0; i < 3000 && !m.finished(); ++i) {
    m.step(StepKind::Statement);
    if (i % 50 == 0) check_agrees_with_scheduler(m);
    for (const GRow& r : m.goroutines())
      if (!r.wait_reason.empty()) reasons.insert(std::string(r.wait_reason));
  }
  CHECK(reasons.count("chan receive") == 1);
  REQUIRE(m.finished());
  CHECK(m.stdout_text() == "sum 190\n");
}

TEST_CASE("studio model: knobs restart the run with the same program") {
  StudioModel m = example();
  for (int i = 0; i < 50; ++i) m.step(StepKind::Statement);
  StudioConfig c = m.config();
  c.cores = 4;
  c.gomaxprocs = 4;
  c.protocol = ProtocolKind::MOESI;
  c.seed = 9;
  m.set_config(c);
  CHECK(m.instructions() == 0);
  CHECK(m.cores().size() == 4);
  CHECK(m.processors().size() == 4);
  CHECK(m.machine()->config().machine.memory.protocol == ProtocolKind::MOESI);
  c.cores = 99;  // clamped, never a crash
  m.set_config(c);
  CHECK(m.cores().size() == static_cast<std::size_t>(StudioModel::kMaxCores));
}

TEST_CASE("studio model: breakpoints stop on their line, continuing leaves it first") {
  StudioModel m = example();
  CHECK_FALSE(m.run_to_breakpoint());  // none set
  // The example's `counter++`.
  std::uint32_t line = 0;
  for (std::size_t i = 0; i < m.lines().size(); ++i)
    if (m.lines()[i].find("counter++") != std::string::npos) line = static_cast<std::uint32_t>(i + 1);
  REQUIRE(line != 0);
  m.toggle_breakpoint(line);
  CHECK(m.breakpoints().count(line) == 1);
  REQUIRE(m.run_to_breakpoint());
  CHECK(m.current_line() == line);
  const std::uint64_t first = m.instructions();
  REQUIRE(m.run_to_breakpoint());
  CHECK(m.current_line() == line);
  CHECK(m.instructions() > first);
  REQUIRE(m.last_step());
  CHECK(m.last_step()->kind == StepKind::Continue);
  CHECK(m.last_step()->note ==
        fmt::format("G{} at the breakpoint on line {}", m.last_step()->report.breakpoint_g, line));
  CHECK(m.current_g() == m.last_step()->report.breakpoint_g);

  // Two breakpoints: the nearer one wins (Unlock comes right after counter++).
  m.toggle_breakpoint(line + 1);
  REQUIRE(m.run_to_breakpoint());
  CHECK(m.current_line() == line + 1);
  m.toggle_breakpoint(line);
  m.toggle_breakpoint(line + 1);
  CHECK(m.breakpoints().empty());
}

TEST_CASE("studio model: play takes speed x seconds steps and stops at the end or a breakpoint") {
  StudioModel m = example();
  m.set_play_kind(StepKind::Instruction);
  m.set_speed(100);
  CHECK(m.tick(1.0) == 0);  // paused
  m.set_playing(true);
  CHECK(m.playing());
  CHECK(m.tick(0.5) == 50);
  CHECK(m.instructions() == 50);
  CHECK(m.tick(0.005) == 0);  // half a step is owed, not lost
  CHECK(m.tick(0.005) == 1);
  int calls = 0;
  CHECK(m.tick(1.0, [&] { return ++calls > 3; }) == 3);  // the app's frame budget cuts a tick short

  m.set_play_kind(StepKind::SchedulerEvent);
  m.set_speed(100000);
  for (int i = 0; i < 1000 && m.playing(); ++i) m.tick(1.0);
  CHECK(m.finished());
  CHECK_FALSE(m.playing());
  m.set_playing(true);
  CHECK_FALSE(m.playing());  // nothing left to play

  m.restart();
  std::uint32_t line = 0;
  for (std::size_t i = 0; i < m.lines().size(); ++i)
    if (m.lines()[i].find("mu.Unlock()") != std::string::npos) line = static_cast<std::uint32_t>(i + 1);
  m.toggle_breakpoint(line);
  m.set_play_kind(StepKind::Statement);
  m.set_playing(true);
  for (int i = 0; i < 100 && m.playing(); ++i) m.tick(0.1);
  CHECK_FALSE(m.playing());
  INFO("finished " << m.finished() << " instr " << m.instructions() << " note " << (m.last_step() ? m.last_step()->note : std::string()));
  CHECK(m.current_line() == line);
}

TEST_CASE("studio model: a compile error is kept as text, never a crash, and a loaded run survives one") {
  StudioModel bad("bad.go", "package main\n\nfunc main() {\n\tx := 1\n\ty = 2\n}\n");
  CHECK_FALSE(bad.loaded());
  CHECK_FALSE(bad.diagnostics().empty());
  CHECK(bad.diagnostics().find("bad.go:5") != std::string::npos);
  CHECK(bad.error_lines() == std::vector<std::uint32_t>{4, 5});
  CHECK(bad.lines().size() == 6);
  CHECK(bad.status_line() == "does not compile");
  // Every command is harmless without a machine.
  bad.step(StepKind::Statement);
  bad.restart();
  bad.set_playing(true);
  CHECK_FALSE(bad.playing());
  CHECK(bad.tick(1.0) == 0);
  CHECK(bad.goroutines().empty());
  CHECK(bad.cache_lines(0).empty());
  CHECK(bad.markers().empty());

  StudioModel m = example();
  for (int i = 0; i < 10; ++i) m.step(StepKind::Statement);
  const std::uint64_t h = m.machine()->state_hash();
  CHECK_FALSE(m.load("bad.go", "package main\nfunc main() { undefined() }\n"));
  CHECK_FALSE(m.diagnostics().empty());
  REQUIRE(m.loaded());
  CHECK(m.machine()->state_hash() == h);
  CHECK(m.file() == kExampleFile);
  // Revert (or Cancel) in the editor: the running program's text is shown again, and the failed edit's red
  // errors go with it (regression: they stayed although the text was valid again).
  m.discard_failed_edit();
  CHECK(m.diagnostics().empty());
  CHECK(m.error_lines().empty());
  bad.discard_failed_edit();  // nothing compiled yet: the errors are about the text shown, and stay
  CHECK_FALSE(bad.diagnostics().empty());
  CHECK(m.load("ok.go", "package main\n\nfunc main() {\n\tprintln(\"hi\")\n}\n"));
  CHECK(m.diagnostics().empty());
  while (!m.finished()) m.step(StepKind::Statement);
  CHECK(m.stderr_text() == "hi\n");
}

TEST_CASE("studio model: step kinds have the names --granularity takes") {
  for (StepKind k :
       {StepKind::Instruction, StepKind::Statement, StepKind::BusTransaction, StepKind::SchedulerEvent,
        StepKind::MemoryAccess, StepKind::MachineCycle})
    CHECK(parse_step_kind(step_kind_name(k)) == k);
  CHECK_FALSE(parse_step_kind("fortnight"));
}

TEST_CASE("studio model: the Ms row agrees with the scheduler and the cores, a spinning M shows up") {
  StudioModel m = example();
  bool saw_spinning = false;
  for (int i = 0; i < 3000 && !m.finished(); ++i) {
    m.step(StepKind::Instruction);
    const std::vector<MView> ms = m.threads();
    REQUIRE(ms.size() == m.machine()->runtime().scheduler().ms().size());
    for (const MView& t : ms) {
      saw_spinning = saw_spinning || t.status == MStatus::Spinning;
      if (t.p >= 0) CHECK(m.processors()[static_cast<std::size_t>(t.p)].m == t.id);
      if (t.core >= 0) CHECK(m.cores()[static_cast<std::size_t>(t.core)].m == t.id);
    }
  }
  CHECK(saw_spinning);  // the second worker's go statement wakes a spinning M first
}

TEST_CASE("studio model: stepping back retraces the forward steps, and forward again lands on the same state") {
  StudioModel m = example();
  CHECK_FALSE(m.step_back(StepKind::Instruction));  // at the start
  std::vector<std::uint64_t> positions{m.instructions()};
  std::vector<std::uint64_t> hashes{m.machine()->state_hash()};
  for (int i = 0; i < 12; ++i) {
    m.step(StepKind::BusTransaction);
    positions.push_back(m.instructions());
    hashes.push_back(m.machine()->state_hash());
  }
  for (int i = 11; i >= 0; --i) {
    REQUIRE(m.step_back(StepKind::BusTransaction));
    CHECK(m.instructions() == positions[static_cast<std::size_t>(i)]);
    CHECK(m.machine()->state_hash() == hashes[static_cast<std::size_t>(i)]);
  }
  for (int i = 1; i <= 12; ++i) {
    m.step(StepKind::BusTransaction);
    CHECK(m.machine()->state_hash() == hashes[static_cast<std::size_t>(i)]);
  }
  m.seek(positions[5]);
  CHECK(m.machine()->state_hash() == hashes[5]);
}

TEST_CASE("studio model: a breakpoint stops any step that reaches it, whichever goroutine arrives") {
  StudioModel m = example();
  std::uint32_t line = 0;
  for (std::size_t i = 0; i < m.lines().size(); ++i)
    if (m.lines()[i].find("counter++") != std::string::npos) line = static_cast<std::uint32_t>(i + 1);
  REQUIRE(line != 0);
  m.toggle_breakpoint(line);
  int stops = 0;
  for (int i = 0; i < 50 && !m.finished(); ++i) {
    m.step(StepKind::SchedulerEvent);
    if (m.current_line() == line) ++stops;
  }
  CHECK(stops >= 10);  // scheduler events alone would rarely land there
}

TEST_CASE("studio model: every granularity steps forward and back, and forward again lands on the same state") {
  StudioModel m = example();
  for (int i = 0; i < 400; ++i) m.step(StepKind::Instruction);
  const std::uint32_t busrdx = static_cast<std::uint32_t>(BusOp::BusRdX);
  for (const auto& [kind, arg] : std::vector<std::pair<StepKind, std::uint32_t>>{
           {StepKind::Instruction, 0}, {StepKind::Statement, 0}, {StepKind::MemoryAccess, 0},
           {StepKind::BusTransaction, 0}, {StepKind::BusOp, busrdx}, {StepKind::MachineCycle, 0},
           {StepKind::SchedulerEvent, 0}}) {
    INFO(step_kind_name(kind));
    m.step(kind, arg);  // onto a boundary of this kind: back from the next one returns here
    const std::uint64_t before = m.instructions();
    const std::uint64_t hash_before = m.machine()->state_hash();
    const auto bus_before = m.machine()->runtime().memory().bus_log().size();
    m.step(kind, arg);
    CHECK(m.instructions() > before);
    const std::uint64_t hash_after = m.machine()->state_hash();
    if (kind == StepKind::BusOp) {
      const auto& log = m.machine()->runtime().memory().bus_log();
      REQUIRE(log.size() > bus_before);
      CHECK(log.back().op == BusOp::BusRdX);
    }
    REQUIRE(m.step_back(kind, arg));
    CHECK(m.instructions() == before);
    CHECK(m.machine()->state_hash() == hash_before);
    m.step(kind, arg);
    CHECK(m.machine()->state_hash() == hash_after);
  }
}

TEST_CASE("studio model: playing by machine time moves the clock by the rate, within a frame budget") {
  StudioModel m = example();
  m.set_play_by_time(true);
  m.set_time_rate(200'000.0);  // 200 us of simulated time per second
  m.set_playing(true);
  const std::int64_t t0 = m.now_ns();
  m.tick(0.01);  // 2 us owed
  CHECK(m.now_ns() >= t0 + 2'000);
  CHECK(m.now_ns() < t0 + 2'000 + 10'000);  // overshoot is at most a burst's worth
  // A frame budget that is already spent stops the tick before it moves.
  const std::uint64_t at = m.instructions();
  CHECK(m.tick(1.0, [] { return true; }) == 0);
  CHECK(m.instructions() == at);
  // Played to the end, it stops.
  m.set_time_rate(1e9);
  for (int i = 0; i < 200 && m.playing(); ++i) m.tick(0.1);
  CHECK(m.finished());
  CHECK_FALSE(m.playing());
  CHECK(m.stdout_text() == "counter = 2000\n");
}

TEST_CASE("studio model: store buffers show in the cores view, and a planted bug is caught") {
  StudioModel m = example();
  StudioConfig c = m.config();
  c.store_buffers = 4;
  m.set_config(c);
  bool buffered = false;
  for (int i = 0; i < 3000 && !buffered && !m.finished(); ++i) {
    m.step(StepKind::Instruction);
    for (const CoreView& v : m.cores()) buffered = buffered || !v.buffered.empty();
  }
  CHECK(buffered);
  CHECK(m.stdout_text().empty());

  // MSI has no E: the knob drops a bug that does not apply rather than fail to build the machine.
  c = m.config();
  c.store_buffers = 0;
  c.protocol = ProtocolKind::MSI;
  c.bug = "read-miss-always-e";
  m.set_config(c);
  CHECK(m.config().bug.empty());
  CHECK(m.loaded());

  c.protocol = ProtocolKind::MESI;
  c.bug = "s-ignores-busupgr";
  m.set_config(c);
  REQUIRE(m.config().bug == "s-ignores-busupgr");
  CHECK_FALSE(m.violation());
  m.set_play_by_time(true);
  m.set_time_rate(1e9);
  m.set_playing(true);
  for (int i = 0; i < 200 && m.playing(); ++i) m.tick(0.1);
  // Two cores share the counter's line in S, then a BusUpgr the other ignores: SWMR breaks, play stops.
  const auto v = m.violation();
  REQUIRE(v);
  CHECK_THAT(*v, Catch::StartsWith("coherence: "));
  CHECK_FALSE(m.playing());
}

TEST_CASE("studio model: a goroutine blocked on a channel waits at that operation's line, not the next") {
  // Regression: a parked G's pc is already past the instruction that parked it, so it was listed (and its
  // marker drawn) one line later. Lines: 7 `ch <- i`, 18 `for v := range ch`, 24 `<-done`.
  StudioModel m("chans.go", kChannels);
  REQUIRE(m.loaded());
  std::set<std::pair<std::string, std::uint32_t>> seen;
  for (int i = 0; i < 3000 && !m.finished(); ++i) {
    m.step(StepKind::Instruction);
    for (const GRow& r : m.goroutines()) {
      if (r.status != GStatus::Waiting || !r.in_main) continue;
      seen.insert({std::string(r.wait_reason), r.line});
      const std::vector<SourceMarker> marks = m.markers();
      CHECK(std::any_of(marks.begin(), marks.end(),
                        [&](const SourceMarker& s) { return s.g == r.id && s.line == r.line; }));
    }
  }
  CHECK(seen.count({"chan send", 7}) == 1);
  CHECK(seen.count({"chan receive", 24}) == 1);
  for (const auto& [reason, line] : seen) {
    INFO(reason << " at line " << line);
    CHECK((line == 7 || line == 18 || line == 24));
  }
}

TEST_CASE("studio model: after the program exits no G runs, no P holds one, every M is idle") {
  StudioModel m = example();
  while (!m.finished()) m.step(StepKind::SchedulerEvent);
  REQUIRE(m.exit_code() == 0);
  for (const PView& p : m.processors()) {
    CHECK(p.current == kNoG);
    CHECK(p.m == -1);
    CHECK(p.core == -1);
  }
  for (const MView& t : m.threads()) {
    CHECK(t.status == MStatus::Idle);
    CHECK(t.g == kNoG);
    CHECK(t.core == -1);
  }
  for (const CoreView& c : m.cores()) {
    CHECK(c.m == -1);
    CHECK(c.g == kNoG);
  }
  for (const GRow& r : m.goroutines()) CHECK(r.status != GStatus::Running);
  CHECK(m.status_line() == "exited with status 0");
}

TEST_CASE("studio model: run to end goes to the program's end, or stops at a breakpoint and says so") {
  StudioModel stepped = example();
  while (!stepped.finished()) stepped.step(StepKind::SchedulerEvent);

  StudioModel m = example();
  REQUIRE(m.run_to_end());
  CHECK(m.finished());
  CHECK(m.instructions() == stepped.instructions());
  CHECK(m.stdout_text() == stepped.stdout_text());
  REQUIRE(m.last_step());
  CHECK_THAT(m.last_step()->note, Catch::StartsWith("ran to the end"));
  CHECK(m.last_step()->report.instructions == m.instructions());
  CHECK(m.run_to_end());  // already there: nothing moves
  CHECK(m.instructions() == stepped.instructions());

  StudioModel b = example();
  std::uint32_t line = 0;
  for (std::size_t i = 0; i < b.lines().size(); ++i)
    if (b.lines()[i].find("counter++") != std::string::npos) line = static_cast<std::uint32_t>(i + 1);
  REQUIRE(line != 0);
  b.toggle_breakpoint(line);
  CHECK_FALSE(b.run_to_end());
  CHECK(b.current_line() == line);
  CHECK(b.last_step()->note ==
        fmt::format("stopped before the end: G{} at the breakpoint on line {}", b.current_g(), line));
  b.toggle_breakpoint(line);
  CHECK(b.run_to_end());
  CHECK(b.stdout_text() == stepped.stdout_text());
  // And back from the end, through the Session.
  CHECK(b.step_back(StepKind::Statement));
  CHECK_FALSE(b.finished());
}

TEST_CASE(
    "studio model: a G's tooltip names its function, creator, wait reason and, for the runtime's, its role") {
  StudioModel m = example();
  auto joined = [&](GId g) {
    std::string s;
    for (const std::string& l : m.describe_g(g)) s += l + "\n";
    return s;
  };
  // Before main.main runs: the runtime's goroutines (Go 1.19: runtime's init starts forcegchelper, gcenable
  // bgsweep and bgscavenge; package os's SetFinalizer the finalizer goroutine, which waits in P0's runnext).
  CHECK_THAT(joined(2), Catch::Contains("runtime.forcegchelper") && Catch::Contains("force gc (idle)"));
  CHECK_THAT(joined(3), Catch::Contains("runtime.bgsweep") && Catch::Contains("GC sweep wait"));
  CHECK_THAT(joined(4), Catch::Contains("runtime.bgscavenge") && Catch::Contains("GC scavenge wait"));
  REQUIRE(m.processors().front().runnext == 5);
  CHECK_THAT(joined(5), Catch::Contains("runtime.runfinq") && Catch::Contains("in P0's runnext") &&
                            Catch::Contains("SetFinalizer"));
  CHECK_THAT(joined(1), Catch::Contains("main goroutine"));
  // The example's workers: `go worker(100, &wg)` on lines 26 and 27 of main.main.
  auto alive = [&](GId id) {
    for (const GRow& r : m.goroutines())
      if (r.id == id && r.status != GStatus::Dead && r.status != GStatus::Idle) return true;
    return false;
  };
  for (int i = 0; i < 20000 && !(alive(6) && alive(7)); ++i) m.step(StepKind::Instruction);
  REQUIRE(alive(6));
  const std::string g6 = joined(6);
  CHECK_THAT(g6, Catch::Contains("main.worker") && Catch::Contains("created by G1 in main.main at line 26"));
  CHECK_THAT(joined(7), Catch::Contains("created by G1 in main.main at line 27"));
  for (const GRow& r : m.goroutines())
    if (r.status == GStatus::Waiting) CHECK_THAT(joined(r.id), Catch::Contains(std::string(r.wait_reason)));
  CHECK(m.describe_g(99).empty());
  // After it is gone its creator is still known.
  while (!m.finished()) m.step(StepKind::SchedulerEvent);
  CHECK_THAT(joined(6), Catch::Contains("dead") && Catch::Contains("created by G1 in main.main at line 26"));
}

TEST_CASE("studio model: conditions run forward and back, and break where they fire", "[studio][conditions]") {
  StudioModel m = example();
  std::string error;
  // A name that names nothing is said at once, and nothing is added.
  CHECK_FALSE(m.add_condition_breakpoint(0, "bus BusRdX on countr", error));
  CHECK(error.find("countr") != std::string::npos);
  CHECK(m.condition_breakpoints().empty());
  CHECK_FALSE(m.run_until("bus BusRdX on", error));  // a syntax error, with its column
  CHECK(error.find("condition:1:") == 0);
  CHECK(m.instructions() == 0);

  // Run until the first two transactions that take a line for writing; back returns to the first.
  REQUIRE(m.run_until("bus BusRdX", error));
  const std::uint64_t first = m.instructions();
  CHECK(m.last_step()->note.find("`bus BusRdX` fired") == 0);
  REQUIRE(m.run_until("bus BusRdX", error));
  CHECK(m.instructions() > first);
  REQUIRE(m.back_until("bus BusRdX", error));
  CHECK(m.instructions() == first);

  // A breakpoint with a condition and no line: any step stops where it fires, and C runs to it.
  m.restart();
  REQUIRE(m.add_condition_breakpoint(0, "mutex mu locked", error));
  CHECK(m.has_breakpoints());
  REQUIRE(m.run_to_breakpoint());
  CHECK(m.last_step()->note.find("`mutex mu locked` fired") == 0);
  m.remove_condition_breakpoint(0);
  CHECK_FALSE(m.has_breakpoints());

  // On a line, for one goroutine only: every stop there is that goroutine's.
  std::uint32_t line = 0;
  for (std::size_t i = 0; i < m.lines().size(); ++i)
    if (m.lines()[i].find("counter++") != std::string::npos) line = static_cast<std::uint32_t>(i + 1);
  REQUIRE(line != 0);
  m.restart();
  REQUIRE(m.add_condition_breakpoint(line, fmt::format("line {} by G7", line), error));
  for (int i = 0; i < 3; ++i) {
    REQUIRE(m.run_to_breakpoint());
    CHECK(m.current_g() == 7);
    CHECK(m.current_line() == line);
  }
  // A restart keeps them (the same program), a new program drops them.
  m.restart();
  CHECK(m.condition_breakpoints().size() == 1);
  REQUIRE(m.run_to_breakpoint());
  CHECK(m.current_g() == 7);
}

TEST_CASE("studio model: program knobs switch the program without editing it", "[studio][knobs]") {
  const Example* e = find_example("private_data.go");
  REQUIRE(e != nullptr);
  StudioModel m(std::string(e->file), std::string(e->text));
  REQUIRE(m.knobs().size() == 1);
  CHECK(m.knobs()[0].name == "shared");
  CHECK(m.knobs()[0].value == "false");
  std::string error;
  // Private data: a goroutine's first read gets its line Exclusive (nobody else has it); the write then
  // upgrades it to M without a bus transaction (MESI's point).
  REQUIRE(m.run_until("state own[1].n E", error));
  const std::size_t bus_before = m.bus_transactions();
  REQUIRE(m.run_until("state own[1].n M", error));
  CHECK(m.bus_transactions() == bus_before);
  // Shared: both counters in one line, so the second reader makes it Shared and a write needs the bus.
  m.toggle_breakpoint(30);
  REQUIRE(m.set_knob("shared", "true"));
  CHECK(m.knobs()[0].value == "true");
  CHECK(m.breakpoints().count(30) == 1);  // kept: no line moved
  CHECK(m.text().find("const shared = true // knob:") != std::string::npos);
  CHECK(m.instructions() == 0);           // the run restarted
  REQUIRE(m.run_until("state packed S", error));
  CHECK_FALSE(m.set_knob("nothing", "1"));
  CHECK_FALSE(m.set_knob("shared", "maybe"));  // does not compile: the run stays
  CHECK(m.knobs()[0].value == "true");
  CHECK_FALSE(m.diagnostics().empty());
}
