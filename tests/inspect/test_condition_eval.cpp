// Conditions evaluated on Go programs run on the machine (sim/inspect/condition_eval.h): each kind fires where
// Go's semantics (or the protocol's) say it must, as many times as the program does the thing; names bind or
// fail with a clear message; events and states combine as condition.h says.
#include <fstream>
#include <functional>
#include <map>
#include <sstream>

#include <fmt/format.h>

#include <catch2/catch.hpp>

#include "program_run.h"
#include "tests/go_programs.h"
#include "sim/inspect/condition_eval.h"
#include "sim/inspect/line_contents.h"
#include "sim/inspect/sync_state.h"
#include "sim/inspect/variables.h"

using namespace gb;
using namespace gb::inspect;
using gb::test::ProgramRun;
using gb::test::RunConfig;

namespace {

BoundCondition bound(const ProgramRun& run, const std::string& text) {
  std::string error;
  auto c = BoundCondition::bind(text, *run.machine(), &run.lines(), error);
  INFO(text << ": " << error);
  REQUIRE(c);
  return *c;
}

std::string bind_error(const ProgramRun& run, const std::string& text) {
  std::string error;
  const auto c = BoundCondition::bind(text, *run.machine(), &run.lines(), error);
  INFO(text);
  REQUIRE_FALSE(c);
  return error;
}

// Runs to the end one instruction at a time; at every position where condition i fires, calls at(i). Returns
// the positions at which each fired.
std::vector<std::vector<std::uint64_t>> watch(ProgramRun& run, const std::vector<BoundCondition>& conditions,
                                              const std::function<void(std::size_t)>& at = {},
                                              std::uint64_t limit = 50'000'000) {
  std::vector<std::vector<std::uint64_t>> fired(conditions.size());
  std::vector<Observation> before(conditions.size()), after(conditions.size());
  for (std::size_t i = 0; i < conditions.size(); ++i) conditions[i].observe(*run.machine(), before[i], nullptr);
  const vm::Vm& vm = run.machine()->runtime();
  while (!run.finished() && vm.instructions() < limit) {
    run.step(StepKind::Instruction);
    for (std::size_t i = 0; i < conditions.size(); ++i) {
      conditions[i].observe(*run.machine(), after[i], &before[i]);
      if (conditions[i].fires(*run.machine(), before[i], after[i])) {
        fired[i].push_back(vm.instructions());
        if (at) at(i);
      }
      std::swap(before[i], after[i]);
    }
  }
  REQUIRE(run.finished());
  return fired;
}

// The goroutines whose entry function is `func` (bottom frame), in id order.
std::vector<GId> goroutines_running(const vm::Vm& vm, const std::string& func) {
  std::vector<GId> out;
  for (GId g = 1; g <= static_cast<GId>(vm.scheduler().goroutine_count()); ++g) {
    const auto& frames = vm.goroutine(g).frames;
    if (!frames.empty() && vm.program().functions[frames.front().func].name == func) out.push_back(g);
  }
  return out;
}

// A machine of `cores` cores with GOMAXPROCS = cores.
RunConfig on(int cores, double time_scale = 1.0) {
  RunConfig c;
  c.cores = cores;
  c.gomaxprocs = cores;
  c.time_scale = time_scale;
  return c;
}

const char* kJobs = R"(package main

import "fmt"

func main() {
	jobs := make(chan int, 2)
	done := make(chan bool)
	go func() {
		for j := range jobs {
			fmt.Println("job", j)
		}
		done <- true
	}()
	for i := 1; i <= 3; i++ {
		jobs <- i
	}
	close(jobs)
	<-done
}
)";

}  // namespace

// [SECTION] Lines, goroutines, exits, output

TEST_CASE("condition eval: each deposit goroutine arrives at `balance += 1` once per iteration", "[condition]") {
  ProgramRun run("lost_update.go", test::example_text("lost_update.go"), on(2));
  const std::vector<BoundCondition> cs = {bound(run, "line 17"), bound(run, "line 15"), bound(run, "line 27"),
                                          bound(run, "exit 0"), bound(run, "exit 1"),
                                          bound(run, "output \"balance =\"")};
  const vm::Vm& vm = run.machine()->runtime();
  std::map<GId, int> by_goroutine;
  std::uint64_t printed_at = 0;
  const auto fired = watch(run, cs, [&](std::size_t i) {
    if (i == 0) {
      const GId g = vm.current_goroutine();
      ++by_goroutine[g];
      // Arrived: about to begin the statement on line 17, in main.deposit.
      CHECK(vm.next_location(g).line == 17);
      CHECK(vm.program().functions[vm.next_location(g).func].name == "main.deposit");
    }
    if (i == 5) printed_at = vm.instructions();
  });
  // Go: two goroutines run `for i := 0; i < 1000; i++ { balance += 1 }`.
  CHECK(fired[0].size() == 2000);
  REQUIRE(by_goroutine.size() == 2);
  for (const auto& [g, n] : by_goroutine) CHECK(n == 1000);
  // Each goroutine begins deposit's first statement once; main prints once; the program exits 0, once, at its
  // last instruction.
  CHECK(fired[1].size() == 2);
  CHECK(fired[2].size() == 1);
  REQUIRE(fired[3].size() == 1);
  CHECK(fired[3][0] == vm.instructions());
  CHECK(fired[4].empty());
  REQUIRE(fired[5].size() == 1);
  CHECK(printed_at == fired[5][0]);
  CHECK(fired[5][0] > fired[2][0]);  // the print is line 27's
}

TEST_CASE("condition eval: `line N by G` follows one goroutine, and `and` / `not` / `or` combine events",
          "[condition]") {
  ProgramRun probe("lost_update.go", test::example_text("lost_update.go"), on(2));
  probe.run(300);  // both deposits have started
  const std::vector<GId> deposits = goroutines_running(probe.machine()->runtime(), "main.deposit");
  REQUIRE(deposits.size() == 2);
  const GId a = deposits[0], b = deposits[1];
  ProgramRun run("lost_update.go", test::example_text("lost_update.go"), on(2));
  const std::vector<BoundCondition> cs = {
      bound(run, fmt::format("line 17 by G{}", a)), bound(run, fmt::format("line 17 by G{}", b)),
      bound(run, fmt::format("line 17 and not line 17 by G{}", a)), bound(run, "line 17 or line 27"),
      bound(run, "line 17 and line 27"), bound(run, "line 17 and exit"), bound(run, "line 27 or exit"),
      bound(run, "line 17")};
  const auto fired = watch(run, cs);
  CHECK(fired[0].size() == 1000);
  CHECK(fired[1].size() == 1000);
  CHECK(fired[2] == fired[1]);           // the other goroutine's arrivals
  CHECK(fired[3].size() == 2001);        // either line
  CHECK(fired[4].empty());               // one goroutine, one line at a time
  CHECK(fired[5].empty());               // the program has not exited while depositing
  REQUIRE(fired[6].size() == 2);         // line 27, then the exit's rising edge
  CHECK(fired[6][1] == run.machine()->runtime().instructions());
  // `line 17 and instructions > P` is the next arrival after P.
  ProgramRun again("lost_update.go", test::example_text("lost_update.go"), on(2));
  const auto second = watch(again, {bound(again, fmt::format("line 17 and instructions > {}", fired[7][0]))});
  REQUIRE(second[0].size() == 1999);
  CHECK(second[0][0] == fired[7][1]);
}

TEST_CASE("condition eval: instructions and cycles fire once, on their rising edge", "[condition]") {
  ProgramRun run("lost_update.go", test::example_text("lost_update.go"), on(2));
  const vm::Vm& vm = run.machine()->runtime();
  const std::vector<BoundCondition> cs = {bound(run, "instructions >= 1000"), bound(run, "cycle >= 20000"),
                                          bound(run, "instructions < 10")};
  std::int64_t time_at = -1;
  const auto fired = watch(run, cs, [&](std::size_t i) {
    if (i == 1) time_at = vm.machine_time();
  });
  REQUIRE(fired[0].size() == 1);
  CHECK(fired[0][0] == 1000);
  REQUIRE(fired[1].size() == 1);
  CHECK(time_at >= 20000);
  CHECK(fired[2].empty());  // true from the start: no rising edge
  // One instruction earlier the clock had not reached it.
  ProgramRun replay("lost_update.go", test::example_text("lost_update.go"), on(2));
  replay.run(fired[1][0] - 1);
  CHECK(replay.machine()->runtime().machine_time() < 20000);
}

// [SECTION] Channels and parking

TEST_CASE("condition eval: channel operations by name, counted as Go makes them", "[condition]") {
  ProgramRun run("pipeline.go", test::example_text("pipeline.go"), on(2));
  const std::vector<std::string> texts = {"chan send jobs",    "chan recv jobs",   "chan close jobs",
                                          "chan send results", "chan recv results", "chan close results",
                                          "chan send done",    "chan recv done"};
  std::vector<BoundCondition> cs;
  for (const std::string& t : texts) cs.push_back(bound(run, t));
  const auto fired = watch(run, cs);
  // produce sends 200 jobs and closes; three workers receive them all and each one more that sees the close;
  // each job's square is sent to main, which receives 200 and one that sees the close; done carries 3.
  CHECK(fired[0].size() == 200);
  CHECK(fired[1].size() == 203);
  CHECK(fired[2].size() == 1);
  CHECK(fired[3].size() == 200);
  CHECK(fired[4].size() == 201);
  CHECK(fired[5].size() == 1);
  CHECK(fired[6].size() == 3);
  CHECK(fired[7].size() == 3);
  CHECK(run.stdout_text() == "sum of squares = 2686700\n");
}

TEST_CASE("condition eval: with one P, main parks on the full buffer and on done, the worker on the empty buffer",
          "[condition]") {
  ProgramRun run("jobs.go", kJobs, on(1));
  const std::vector<BoundCondition> cs = {
      bound(run, "park \"chan send\" by G1"), bound(run, "park \"chan receive\" by G1"),
      bound(run, "park \"chan receive\""),    bound(run, "park \"semacquire\""),
      bound(run, "chan send jobs by G1"),     bound(run, "chan recv jobs by G1"),
      bound(run, "park \"chan send\" and chan send jobs")};
  const auto fired = watch(run, cs);
  // GOMAXPROCS=1: main fills the buffer (2) and blocks on the third send before the worker runs; the worker
  // drains it and blocks on the empty buffer; main closes and blocks on done; the worker's send hands over.
  CHECK(fired[0].size() == 1);
  CHECK(fired[1].size() == 1);
  CHECK(fired[2].size() == 2);
  CHECK(fired[3].empty());
  CHECK(fired[4].size() == 3);
  CHECK(fired[5].empty());
  REQUIRE(fired[6].size() == 1);  // the third send is the one that blocks
  CHECK(fired[6] == fired[0]);
  CHECK(run.stdout_text() == "job 1\njob 2\njob 3\n");
}

TEST_CASE("condition eval: main waits for the deposits on the WaitGroup's semaphore once", "[condition]") {
  ProgramRun run("lost_update.go", test::example_text("lost_update.go"), on(2));
  const auto fired = watch(run, {bound(run, "park \"semacquire\" by G1"), bound(run, "park \"semacquire\"")});
  CHECK(fired[0].size() == 1);
  CHECK(fired[1].size() == 1);
}

// [SECTION] Caches, the bus, lost updates

TEST_CASE("condition eval: the line of balance in the caches, as MESI allows it", "[condition]") {
  ProgramRun run("lost_update.go", test::example_text("lost_update.go"), on(2));
  const vm::Vm& vm = run.machine()->runtime();
  const VariableView place = *find_variable(vm, "balance").view;
  const MemorySystem& sys = vm.memory().system();
  auto state_in = [&](int core) {
    return sys.state_of(static_cast<CoreId>(core), sys.cache(static_cast<CoreId>(core)).line_of(place.byte_addr));
  };
  const std::vector<BoundCondition> cs = {
      bound(run, "state balance M in core 1"), bound(run, "state balance M in core 0 and state balance M in core 1"),
      bound(run, "bus BusUpgr on balance"), bound(run, "bus BusRd on balance in core 0"),
      bound(run, "lost update on balance"), bound(run, "lost update")};
  std::size_t lost_seen = 0;
  const auto fired = watch(run, cs, [&](std::size_t i) {
    if (i == 0) {
      CHECK(state_in(1) == LineState::M);
      CHECK(state_in(0) == LineState::I);  // SWMR: an M copy is the only valid one
    }
    if (i == 2) {
      // The upgrading core now owns the line and the other copy is gone.
      const auto& log = vm.memory().bus_log();
      std::size_t k = log.size();
      while (k-- > 0 && !(log[k].op == BusOp::BusUpgr && (log[k].addr & ~63u) == (place.byte_addr & ~63u))) {
      }
      REQUIRE(k < log.size());
      const int upgrader = log[k].core;
      CHECK(state_in(upgrader) == LineState::M);
      CHECK(state_in(1 - upgrader) == LineState::I);
    }
    if (i == 3) CHECK((state_in(0) == LineState::S || state_in(0) == LineState::E));  // a read miss fills it
    if (i == 4) {
      const auto& lost = vm.memory().lost_updates();
      REQUIRE(lost.size() > lost_seen);
      CHECK(lost[lost.size() - 1].g == vm.current_goroutine());
      lost_seen = lost.size();
    }
  });
  CHECK_FALSE(fired[0].empty());
  CHECK(fired[1].empty());
  CHECK_FALSE(fired[2].empty());
  CHECK_FALSE(fired[3].empty());
  // An update was lost (the balance printed is short of 2000), and every lost update is on balance.
  CHECK(run.stdout_text() != "balance = 2000 (2000 expected)\n");
  CHECK_FALSE(fired[4].empty());
  CHECK(fired[4] == fired[5]);
  CHECK(fired[4].size() == vm.memory().lost_updates().size());
}

TEST_CASE("condition eval: a bus condition on a variable sees the whole line it shares (false sharing)",
          "[condition]") {
  const char* text = R"(package main

import (
	"fmt"
	"sync"
)

var a, b int

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for i := 0; i < 100; i++ {
			a++
		}
	}()
	go func() {
		defer wg.Done()
		for i := 0; i < 100; i++ {
			b++
		}
	}()
	wg.Wait()
	fmt.Println(a, b)
}
)";
  ProgramRun run("fs.go", text, on(2));
  const vm::Vm& vm = run.machine()->runtime();
  const auto pa = find_variable(vm, "a").view, pb = find_variable(vm, "b").view;
  REQUIRE(pa);
  REQUIRE(pb);
  REQUIRE((pa->byte_addr & ~63u) == (pb->byte_addr & ~63u));  // one 64-byte line holds both
  const auto fired = watch(run, {bound(run, "bus on a"), bound(run, "bus on b"), bound(run, "bus on main.a")});
  CHECK_FALSE(fired[0].empty());
  CHECK(fired[0] == fired[1]);
  CHECK(fired[0] == fired[2]);
  CHECK(run.stdout_text() == "100 100\n");
}

// [SECTION] Mutexes, stealing, system calls, the broker

TEST_CASE("condition eval: a mutex enters starvation mode while locked, as sync/mutex.go sets it", "[condition]") {
  ProgramRun run("starve.go", test::kLongHold, on(2, 0.001));  // the 1 ms starvation threshold becomes 1 us
  const BoundCondition locked = bound(run, "mutex mu locked");
  const vm::Vm& vm = run.machine()->runtime();
  const auto fired = watch(run, {bound(run, "mutex mu starving"), bound(run, "mutex mu locked")}, [&](std::size_t i) {
    if (i != 0) return;
    // lockSlow sets mutexStarving only in a CAS that also keeps the mutex locked.
    CHECK(locked.holds(locked.observe(*run.machine())));
    const auto views = mutex_views(vm);
    REQUIRE(views.size() == 1);
    CHECK(views[0].starving());
  });
  CHECK_FALSE(fired[0].empty());
  CHECK(fired[1].size() == 80);  // each of the 80 Lock calls takes it (the fast path or a handoff)
  CHECK(run.stdout_text() == "24000\n");
}

TEST_CASE("condition eval: an idle P steals from the busy one, never from itself", "[condition]") {
  ProgramRun run("steal.go", test::kStealWork, on(2));
  const vm::Vm& vm = run.machine()->runtime();
  const auto fired = watch(
      run, {bound(run, "steal"), bound(run, "steal from P0 by P1"), bound(run, "steal from P0 by P0"),
            bound(run, "steal from P1 by P1"), bound(run, "steal by P5")},
      [&](std::size_t i) {
        if (i != 0) return;
        // runqsteal hands the thief one G to run at once.
        const vm::Vm::StealRecord& s = vm.last_steal();
        CHECK(s.thief != s.victim);
        CHECK(vm.scheduler().p(s.thief).current == s.g);
      });
  CHECK_FALSE(fired[0].empty());
  CHECK_FALSE(fired[1].empty());
  CHECK(fired[2].empty());
  CHECK(fired[3].empty());
  CHECK(fired[4].empty());
  CHECK(fired[0].size() <= vm.steals());  // two Ps may steal before one instruction runs
}

TEST_CASE("condition eval: the payment workload publishes each payment once and sysmon hands off Ps",
          "[condition][slow]") {
  std::ifstream in(std::string(GB_REPO_DIR) + "/lessons/payment/payment.go");
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  const std::string from = "const variant = \"global\"";
  text.replace(text.find(from), from.size(), "const variant = \"peraccount\"");
  MachineConfig mc;
  mc.seed = 3;
  mc.gomaxprocs = 2;
  mc.machine.memory.cores = 2;
  mc.world.payments = 30;
  mc.world.clients.seed = 3;
  mc.world.clients.rate_per_sec = 5000;
  mc.world.clients.accounts = 64;
  mc.world.ledger.seed = 3;
  std::string diagnostics;
  const auto machine = Machine::load("payment.go", text, mc, diagnostics);
  INFO(diagnostics);
  REQUIRE(machine);
  Machine m = *machine;
  std::vector<BoundCondition> cs;
  for (const char* t : {"publish", "publish topic payments partition 2", "publish topic nothing", "handoff"}) {
    std::string error;
    auto c = BoundCondition::bind(t, m, nullptr, error);
    INFO(error);
    REQUIRE(c);
    cs.push_back(*c);
  }
  std::vector<std::size_t> fires(cs.size(), 0);
  std::vector<Observation> before(cs.size()), after(cs.size());
  for (std::size_t i = 0; i < cs.size(); ++i) cs[i].observe(m, before[i], nullptr);
  const vm::Vm& vm = m.runtime();
  while (!vm.finished()) {
    m.step(StepKind::Instruction);
    for (std::size_t i = 0; i < cs.size(); ++i) {
      cs[i].observe(m, after[i], &before[i]);
      if (cs[i].fires(m, before[i], after[i])) {
        ++fires[i];
        // sysmon's retake takes the P out of _Psyscall.
        if (i == 3) CHECK(vm.scheduler().p(vm.last_handoff().p).status != PStatus::Syscall);
      }
      std::swap(before[i], after[i]);
    }
  }
  CHECK(vm.exit_code() == 0);
  const Broker& broker = m.world().broker();
  const TopicId topic = broker.find_topic("payments");
  REQUIRE(topic != kNoId);
  std::int64_t published = 0;
  for (PartitionId p = 0; p < static_cast<PartitionId>(broker.state().topics[static_cast<std::size_t>(topic)].partitions.size()); ++p)
    published += broker.log_end(topic, p);
  CHECK(published > 0);
  CHECK(static_cast<std::int64_t>(fires[0]) == published);
  CHECK(static_cast<std::int64_t>(fires[1]) == broker.log_end(topic, 2));
  CHECK(fires[2] == 0);
  CHECK(fires[3] >= 1);
  CHECK(fires[3] <= vm.handoffs());
}

// [SECTION] Binding

TEST_CASE("condition eval: names are resolved when bound, with clear errors", "[condition]") {
  ProgramRun run("pipeline.go", test::example_text("pipeline.go"), on(2));
  CHECK(bind_error(run, "line 2") == "no statement of package main begins on line 2");
  CHECK(bind_error(run, "state balanse M") == "no variable named 'balanse' (package main has: none)");
  CHECK(bind_error(run, "chan send jbos") ==
        "no channel named 'jbos': no package variable of channel type and no `jbos := make(chan ...)` in main");
  CHECK(bind_error(run, "state x M in core 2") == "core 2 does not exist: the machine has 2 cores");
  CHECK(bind_error(run, "line 17 and (exit or line 99)") == "no statement of package main begins on line 99");
  std::string error;
  CHECK_FALSE(BoundCondition::bind("line x", *run.machine(), nullptr, error));
  CHECK(error == "condition:1:6: expected a line number (a number), not 'x'");
  // Local channels are named by their make lines: without the source, only package variables name channels.
  CHECK_FALSE(BoundCondition::bind("chan send jobs", *run.machine(), nullptr, error));
  CHECK(error.find("(the source was not given)") != std::string::npos);
  bound(run, "chan send jobs");
}

TEST_CASE("condition eval: variables and their parts resolve through the program's types", "[condition]") {
  const char* text = R"(package main

import (
	"fmt"
	"sync"
)

type Account struct {
	id      int
	balance int
	mu      sync.Mutex
}

var accounts [4]Account
var total int
var jobs = make(chan int, 1)

func main() {
	accounts[2].mu.Lock()
	accounts[2].balance = 7
	accounts[2].mu.Unlock()
	jobs <- 1
	total = <-jobs
	fmt.Println(accounts[2].balance, total)
}
)";
  ProgramRun run("accounts.go", text, on(2));
  const vm::Vm& vm = run.machine()->runtime();
  const auto whole = find_variable(vm, "accounts").view;
  const auto part = find_variable(vm, "main.accounts[2].balance").view;
  REQUIRE(whole);
  REQUIRE(part);
  CHECK(part->name == "main.accounts[2].balance");
  CHECK(vm.types().words(part->type_id) == 1);
  CHECK(part->byte_addr > whole->byte_addr);
  CHECK(bind_error(run, "state accounts[4] M") == "index 4 out of range for main.accounts (length 4)");
  CHECK(bind_error(run, "state accounts[2].bal M") == "main.accounts[2] has no field 'bal'");
  CHECK(bind_error(run, "state total.x M") == "main.total is not a struct: it has no field 'x'");
  CHECK(bind_error(run, "state total[0] M") == "main.total is not an array: it cannot be indexed here");
  CHECK(bind_error(run, "state nothing M") == "no variable named 'nothing' (package main has: jobs, accounts, total)");
  CHECK(bind_error(run, "mutex accounts[2].balance locked") == "main.accounts[2].balance is a int, not a sync.Mutex");
  CHECK(bind_error(run, "chan send total") == "main.total is a int, not a channel");
  const auto fired = watch(run, {bound(run, "mutex accounts[2].mu locked"), bound(run, "chan send jobs"),
                                 bound(run, "chan recv main.jobs by G1"), bound(run, "bus on accounts[2].balance"),
                                 bound(run, "bus on accounts")});
  CHECK(fired[0].size() == 1);
  CHECK(fired[1].size() == 1);
  CHECK(fired[2].size() == 1);
  CHECK_FALSE(fired[3].empty());
  CHECK(fired[4].size() >= fired[3].size());
  CHECK(run.stdout_text() == "7 1\n");
}

// [SECTION] Lines: each statement as the program runs it

// A breakpoint's arrivals (sim/machine/breakpoint_arrivals.h): `line N` fires once each time a statement that
// begins on N is about to run, counted here from the programs' own loops. A `for` line holds two statements
// (the init, once, and the post statement, each iteration); a loop's back edge compiled on its body's last line
// is no arrival there.
TEST_CASE("condition eval: `line N` fires once each time a statement of line N runs", "[condition]") {
  const std::vector<std::pair<std::uint32_t, std::size_t>> lost = {
      {15, 2}, {16, 2 * (1 + 1000)}, {17, 2000}, {26, 1}, {27, 1}};
  ProgramRun run("lost_update.go", test::example_text("lost_update.go"), on(2));
  std::vector<BoundCondition> cs;
  for (const auto& [line, times] : lost) cs.push_back(bound(run, fmt::format("line {}", line)));
  auto fired = watch(run, cs);
  for (std::size_t i = 0; i < lost.size(); ++i) {
    INFO("lost_update.go line " << lost[i].first);
    CHECK(fired[i].size() == lost[i].second);
  }
  // maps_range.go: 100 entries, 50 of them odd and deleted (real Go prints 50 left).
  std::ifstream in(std::string(GB_REPO_DIR) + "/tests/go/maps_range.go");
  REQUIRE(in);
  std::stringstream text;
  text << in.rdbuf();
  const std::vector<std::pair<std::uint32_t, std::size_t>> maps = {{7, 1 + 100}, {8, 100}, {12, 100}, {13, 0},
                                                                   {15, 100}, {21, 100}, {25, 100}, {26, 50},
                                                                   {29, 1}};
  ProgramRun mr("maps_range.go", text.str(), on(2));
  cs.clear();
  for (const auto& [line, times] : maps) cs.push_back(bound(mr, fmt::format("line {}", line)));
  fired = watch(mr, cs);
  for (std::size_t i = 0; i < maps.size(); ++i) {
    INFO("maps_range.go line " << maps[i].first);
    CHECK(fired[i].size() == maps[i].second);
  }
  CHECK(mr.stdout_text().find("\n50\n") != std::string::npos);
}
