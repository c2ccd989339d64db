// gopherbus-cli run as a user runs it: output and exit status of Go programs, compile errors, limits, bad input.
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "cli_runner.h"

namespace {

// Writes `text` to a fresh .go file and returns its path.
std::string go_file(const std::string& text) {
  static int counter = 0;
  std::string path = "/tmp/gb_run_cli_";
  path += std::to_string(getpid());
  path += "_";
  path += std::to_string(counter++);
  path += ".go";
  std::ofstream(path) << text;
  return path;
}

}  // namespace

TEST_CASE("run prints a program's output and exits 0", "[cli][run]") {
  const std::string f = go_file(
      "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tch := make(chan int)\n\tgo func() { ch <- 41 }()\n"
      "\tfmt.Println(\"got\", <-ch+1)\n}\n");
  const auto r = gb::test::run_cli("run " + f);
  CHECK(r.status == 0);
  CHECK(r.out == "got 42\n");
  CHECK(r.err.empty());
  std::remove(f.c_str());
}

TEST_CASE("run reports every compile error as gc does and exits 2", "[cli][run]") {
  const std::string f = go_file(
      "package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n\nfunc main() {\n\tx := 1\n\tfmt.Println(y)\n}\n");
  const auto r = gb::test::run_cli("run " + f);
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  CHECK(r.err.find(":5:2: imported and not used: \"os\"") != std::string::npos);
  CHECK(r.err.find(":9:2: x declared but not used") != std::string::npos);
  CHECK(r.err.find(":10:14: undefined: y") != std::string::npos);
  std::remove(f.c_str());
}

TEST_CASE("run: an unrecovered panic prints Go's message and exits 2", "[cli][run]") {
  const std::string f = go_file(
      "package main\n\nfunc main() {\n\ts := []int{1, 2, 3}\n\ti := 5\n\t_ = s[i]\n}\n");
  const auto r = gb::test::run_cli("run " + f);
  CHECK(r.status == 2);
  CHECK(r.err.rfind("panic: runtime error: index out of range [5] with length 3\n\ngoroutine 1 [running]:\n", 0) ==
        0);
  std::remove(f.c_str());
}

TEST_CASE("run: os.Exit's status and a deadlock's fatal error", "[cli][run]") {
  const std::string exit3 = go_file("package main\n\nimport \"os\"\n\nfunc main() {\n\tos.Exit(3)\n}\n");
  CHECK(gb::test::run_cli("run " + exit3).status == 3);
  const std::string dead = go_file("package main\n\nfunc main() {\n\tc := make(chan int)\n\t<-c\n}\n");
  const auto r = gb::test::run_cli("run " + dead);
  CHECK(r.status == 2);
  CHECK(r.err.rfind("fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan receive]:\n", 0) == 0);
  std::remove(exit3.c_str());
  std::remove(dead.c_str());
}

TEST_CASE("run --max-instructions stops a program that does not end", "[cli][run]") {
  const std::string f = go_file("package main\n\nfunc main() {\n\tfor {\n\t}\n}\n");
  const auto r = gb::test::run_cli("run --max-instructions 100000 " + f);
  CHECK(r.status == 124);
  CHECK(r.err.find("stopped after") != std::string::npos);
  std::remove(f.c_str());
}

TEST_CASE("run --disasm lists the bytecode of main.main", "[cli][run]") {
  const std::string f = go_file("package main\n\nfunc main() {\n\tx := 2\n\tprintln(x * 3)\n}\n");
  const auto r = gb::test::run_cli("run --disasm " + f);
  CHECK(r.status == 0);
  CHECK(r.out.find("main.main") != std::string::npos);
  CHECK(r.out.find("Mul") != std::string::npos);
  std::remove(f.c_str());
}

TEST_CASE("run: a missing file and a bad option are clear errors", "[cli][run]") {
  const auto missing = gb::test::run_cli("run /tmp/gb_no_such_program.go");
  CHECK(missing.status == 2);
  CHECK(missing.err.find("cannot open /tmp/gb_no_such_program.go") != std::string::npos);
  const auto bad = gb::test::run_cli("run --gomaxprocs 0 /tmp/x.go");
  CHECK(bad.status == 2);
  CHECK_FALSE(bad.err.empty());
}

TEST_CASE("run: the same seed gives the same output with GOMAXPROCS 4", "[cli][run]") {
  const std::string f = go_file(
      "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\nfunc main() {\n\tvar mu sync.Mutex\n\tvar wg sync.WaitGroup\n"
      "\torder := []int{}\n\tfor i := 0; i < 8; i++ {\n\t\twg.Add(1)\n\t\tgo func(id int) {\n\t\t\tdefer wg.Done()\n"
      "\t\t\tmu.Lock()\n\t\t\torder = append(order, id)\n\t\t\tmu.Unlock()\n\t\t}(i)\n\t}\n\twg.Wait()\n"
      "\tfmt.Println(len(order), order)\n}\n");
  const auto a = gb::test::run_cli("run --gomaxprocs 4 --seed 7 " + f);
  const auto b = gb::test::run_cli("run --gomaxprocs 4 --seed 7 " + f);
  CHECK(a.status == 0);
  CHECK(a.out.rfind("8 [", 0) == 0);
  CHECK(a.out == b.out);
  std::remove(f.c_str());
}

TEST_CASE("run --cores --protocol --stats=json: the program on simulated caches, with per-core traffic",
          "[cli][run][machine]") {
  const std::string f = go_file(
      "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n\t\"sync/atomic\"\n)\n\nvar n int64\n\nfunc main() {\n"
      "\tvar wg sync.WaitGroup\n\tfor i := 0; i < 2; i++ {\n\t\twg.Add(1)\n\t\tgo func() {\n"
      "\t\t\tdefer wg.Done()\n\t\t\tfor j := 0; j < 100; j++ {\n\t\t\t\tatomic.AddInt64(&n, 1)\n\t\t\t}\n"
      "\t\t}()\n\t}\n\twg.Wait()\n\tfmt.Println(atomic.LoadInt64(&n))\n}\n");
  const auto r = gb::test::run_cli("run " + f + " --cores 2 --gomaxprocs 2 --protocol MSI --stats=json");
  CHECK(r.status == 0);
  CHECK(r.out == "200\n");
  CHECK(r.err.find("\"protocol\": \"MSI\"") != std::string::npos);
  CHECK(r.err.find("\"bus_rdx\"") != std::string::npos);
  CHECK(r.err.find("\"per_core\"") != std::string::npos);

  const auto bad = gb::test::run_cli("run " + f + " --protocol MOSI");
  CHECK(bad.status == 2);
  CHECK(bad.err.find("unknown protocol MOSI") != std::string::npos);
  std::remove(f.c_str());
}

TEST_CASE("run --env gives the program an environment (os.Getenv, LookupEnv, Environ), as env(1) would",
          "[cli][run]") {
  const std::string f = go_file(
      "package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n\nfunc main() {\n"
      "\tv, ok := os.LookupEnv(\"GREETING\")\n\tfmt.Println(v, ok, os.Getenv(\"NOPE\") == \"\", len(os.Environ()))\n"
      "\t_, ok = os.LookupEnv(\"GREET\")\n\tfmt.Println(ok, os.Getenv(\"EMPTY\") == \"\")\n"
      "\tfmt.Println(os.Environ())\n}\n");
  // Real Go's output under `env -i GREETING=hello=world EMPTY= GREETING=second`.
  const auto r = gb::test::run_cli("run --env GREETING=hello=world --env EMPTY= --env GREETING=second " + f);
  CHECK(r.status == 0);
  CHECK(r.out == "second true true 2\nfalse true\n[GREETING=second EMPTY=]\n");
  const auto args = gb::test::run_cli("run --env GREETING=hi " + f + " a b");  // the file and its arguments follow
  CHECK(args.out.rfind("hi true true 1\n", 0) == 0);
  const auto none = gb::test::run_cli("run " + f);
  CHECK(none.out == " false true 0\nfalse true\n[]\n");
  const auto bad = gb::test::run_cli("run --env NOVALUE " + f);
  CHECK(bad.status == 2);
  CHECK(bad.err.find("--env expects KEY=value, got 'NOVALUE'") != std::string::npos);
  std::remove(f.c_str());
}

TEST_CASE("run --stats=json counts the collector's cycles and pauses, as MemStats does, and the pauses take time",
          "[cli][run][gc]") {
  const std::string f = go_file(
      "package main\n\nimport (\n\t\"fmt\"\n\t\"runtime\"\n\t\"runtime/debug\"\n)\n\nvar sink []int\n\n"
      "func main() {\n\tdebug.SetGCPercent(5)\n\tfor i := 0; i < 20000; i++ {\n\t\tsink = make([]int, 64)\n\t}\n"
      "\tvar m runtime.MemStats\n\truntime.ReadMemStats(&m)\n\tfmt.Println(m.NumGC, m.PauseTotalNs)\n}\n");
  for (const std::string cores : {"", " --cores 2 --gomaxprocs 2"}) {
    INFO("options:" << cores);
    const auto r = gb::test::run_cli("run " + f + cores + " --stats=json");
    REQUIRE(r.status == 0);
    unsigned long long cycles = 0, pause = 0;
    REQUIRE(std::sscanf(r.out.c_str(), "%llu %llu", &cycles, &pause) == 2);
    CHECK(cycles > 3);
    CHECK(r.err.find(fmt::format("\"cycles\": {},", cycles)) != std::string::npos);
    CHECK(r.err.find(fmt::format("\"pause_total_ns\": {},", pause)) != std::string::npos);
    CHECK(r.err.find("\"marked_by_assists_words\"") != std::string::npos);
    // Every pause is simulated time in which nothing else ran: the run lasts longer than its pauses.
    const auto at = r.err.find("\"simulated_ns\": ");
    REQUIRE(at != std::string::npos);
    CHECK(std::stoull(r.err.substr(at + 16)) > pause);
  }
  std::remove(f.c_str());
}

TEST_CASE("run --trace-out writes Chrome trace JSON with P, core and bus rows, --schedtrace prints SCHED lines",
          "[cli][run][machine]") {
  const std::string f = go_file(
      "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc main() {\n\tch := make(chan int)\n"
      "\tgo func() {\n\t\ttime.Sleep(3 * time.Millisecond)\n\t\tch <- 1\n\t}()\n\tfmt.Println(<-ch)\n}\n");
  const std::string json = f + ".json";
  const auto r = gb::test::run_cli("run " + f + " --gomaxprocs 2 --trace-out " + json + " --schedtrace 1");
  CHECK(r.status == 0);
  CHECK(r.out == "1\n");
  // At 0 ms only M0 (running main) and sysmon's M exist; the go statement then wakes a spinning M, which parks
  // when it finds nothing: three threads, two idle (the parked M and main's, asleep with every P idle).
  CHECK(r.err.find("SCHED 0ms: gomaxprocs=2 idleprocs=1 threads=2 spinningthreads=0 idlethreads=0") !=
        std::string::npos);
  CHECK(r.err.find("SCHED 1ms: gomaxprocs=2 idleprocs=2 threads=3 spinningthreads=0 idlethreads=2") !=
        std::string::npos);
  CHECK(r.err.find("SCHED 2ms: gomaxprocs=2 idleprocs=2") != std::string::npos);  // everyone asleep
  std::ifstream in(json);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(text.find("\"traceEvents\"") != std::string::npos);
  CHECK(text.find("\"Proc 1\"") != std::string::npos);
  CHECK(text.find("\"Core 0\"") != std::string::npos);
  CHECK(text.find("G1 runtime.main") != std::string::npos);
  CHECK(text.find("chan receive") != std::string::npos);
  CHECK(text.find("\"name\":\"wake\"") != std::string::npos);   // the sender woke main: a flow arrow
  CHECK(text.find("\"name\":\"timer\"") != std::string::npos);  // the timer woke the sleeper
  CHECK(text.find("\"Goroutines runnable\"") != std::string::npos);  // counters
  // scheddetail=1: a line per P, per M (sysmon's first, holding two locks) and per goroutine.
  const auto detail = gb::test::run_cli("run " + f + " --gomaxprocs 2 --cores 2 --schedtrace 1 --scheddetail");
  CHECK(detail.status == 0);
  CHECK(detail.err.find("  P0: status=1 schedtick=2 syscalltick=0 m=0 runqsize=1") != std::string::npos);
  CHECK(detail.err.find("  M1: p=-1 curg=-1 mallocing=0 throwing=0 preemptoff= locks=2 dying=0") !=
        std::string::npos);  // sysmon's M at 0 ms
  CHECK(detail.err.find("  M0: p=0 curg=1 ") != std::string::npos);
  CHECK(detail.err.find("  G1: status=2() m=0 lockedm=-1") != std::string::npos);
  CHECK(detail.err.find("  G1: status=4(chan receive) m=-1") != std::string::npos);
  CHECK(detail.err.find("status=4(sleep)") != std::string::npos);
  CHECK(detail.err.find("spinning=false blocked=true") != std::string::npos);  // a parked M
  const auto unwritable = gb::test::run_cli("run " + f + " --trace-out /nonexistent-dir/x.json");
  CHECK(unwritable.status == 2);
  CHECK(unwritable.err.find("/nonexistent-dir/x.json") != std::string::npos);
  std::remove(f.c_str());
  std::remove(json.c_str());
}

TEST_CASE("run --events prints the run's events in time order, --check catches a planted protocol bug",
          "[cli][run][machine]") {
  const std::string f = go_file(
      "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\nvar n int\n\nfunc main() {\n"
      "\tvar wg sync.WaitGroup\n\tfor i := 0; i < 2; i++ {\n\t\twg.Add(1)\n\t\tgo func() {\n"
      "\t\t\tdefer wg.Done()\n\t\t\tfor j := 0; j < 3000; j++ {\n\t\t\t\tn++\n\t\t\t}\n\t\t}()\n"
      "\t}\n\twg.Wait()\n\tfmt.Println(n > 0)\n}\n");
  // 3000 increments each (about 25 us), so the two goroutines overlap on the two cores whatever the timing
  // noise: with 300 (2.5 us) the second M's wake-up and spin can come after both have run on core 0.
  const auto ev = gb::test::run_cli("run " + f + " --gomaxprocs 2 --events");
  CHECK(ev.status == 0);
  CHECK(ev.out == "true\n");
  CHECK(ev.err.find("ns  G1 runtime.main ran on P0 (M0, core 0) for") != std::string::npos);
  CHECK(ev.err.find("BusUpgr 0x") != std::string::npos);
  CHECK(ev.err.find("S->I") != std::string::npos);  // the other core's copy invalidated
  CHECK(ev.err.find(" woke G1") != std::string::npos);
  // Times never go backwards down the list.
  long long last = -1;
  bool ordered = true;
  std::istringstream lines(ev.err);
  for (std::string l; std::getline(lines, l);) {
    const long long t = std::stoll(l.substr(0, l.find(" ns")));
    ordered = ordered && t >= last;
    last = t;
  }
  CHECK(ordered);

  const auto clean = gb::test::run_cli("run " + f + " --gomaxprocs 2 --check");
  CHECK(clean.status == 0);
  const auto caught = gb::test::run_cli("run " + f + " --gomaxprocs 2 --check --bug s-ignores-busupgr");
  CHECK(caught.status == 1);
  CHECK(caught.err.find("invariant violated after instruction") != std::string::npos);
  CHECK(caught.err.find("SWMR") != std::string::npos);
  const auto unknown = gb::test::run_cli("run " + f + " --bug no-such-bug");
  CHECK(unknown.status == 2);
  CHECK(unknown.err.find("unknown bug 'no-such-bug'") != std::string::npos);
  std::remove(f.c_str());
}

TEST_CASE("run --jitter: seeds vary the lost update on the machine, --jitter 0 gives every seed the same run",
          "[cli][run][machine][jitter]") {
  const std::string f = std::string(GB_REPO_DIR) + "/ui/examples/lost_update.go";
  std::set<std::string> noisy, regular;
  for (int seed = 1; seed <= 8; ++seed) {
    const std::string knobs = " --cores 2 --gomaxprocs 2 --seed " + std::to_string(seed);
    const auto a = gb::test::run_cli("run " + f + knobs);
    const auto again = gb::test::run_cli("run " + f + knobs + " --jitter 1");
    REQUIRE(a.status == 0);
    CHECK(again.out == a.out);  // 1 is the default, and one seed is one run
    noisy.insert(a.out);
    const auto r = gb::test::run_cli("run " + f + knobs + " --jitter 0");
    REQUIRE(r.status == 0);
    regular.insert(r.out);
  }
  CHECK(noisy.size() >= 2);
  CHECK(regular.size() == 1);
  // --jitter puts the program on the machine (flat memory has no timing to vary), cores = GOMAXPROCS.
  CHECK(gb::test::run_cli("run " + f + " --gomaxprocs 2 --jitter 0").out == *regular.begin());
  const auto bad = gb::test::run_cli("run " + f + " --jitter -1");
  CHECK(bad.status != 0);
}

namespace {

// A small program for --break/--locals: real Go 1.19 prints "[a b] map[a:1] {3 6}" then "w 7" for it, so those
// are the values %v gives its variables.
const char* kLocalsProgram = R"(package main

import (
	"fmt"
	"time"
)

type point struct {
	X, Y int
}

func scale(p point, k int) (out point) {
	out = point{p.X * k, p.Y * k}
	return out
}

func worker(id int, label string) {
	fmt.Println(label, id)
}

func unused() {
	fmt.Println("never")
}

func main() {
	names := []string{"a", "b"}
	ages := map[string]int{"a": 1}
	go worker(7, "w")
	q := scale(point{1, 2}, 3)
	fmt.Println(names, ages, q)
	time.Sleep(time.Millisecond)
}
)";

}  // namespace

TEST_CASE("run --break FILE:LINE --locals prints every goroutine's frames and variables", "[cli][run][locals]") {
  const std::string f = go_file(kLocalsProgram);
  const auto r = gb::test::run_cli("run --break " + f + ":14 --locals " + f);
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  // At `return out` in scale: G1 (main waits on the call on line 29; q is not declared until it returns) and G6,
  // made by `go worker(7, "w")`, still runnable on GOMAXPROCS 1.
  CHECK(r.out == "breakpoint " + f.substr(f.rfind('/') + 1) + ":14 (hit 1) reached by goroutine 1\n"
                 "\n"
                 "goroutine 1 [running]:\n"
                 "  #0 main.scale at " + f + ":14\n"
                 "      p main.point = {1 2}\n"
                 "      k int = 3\n"
                 "      out main.point = {3 6}\n"
                 "  #1 main.main at " + f + ":29\n"
                 "      names []string = [a b]\n"
                 "      ages map[string]int = map[a:1]\n"
                 "  #2 runtime.main\n"
                 "\n"
                 "goroutine 6 [runnable]:\n"
                 "  #0 main.worker at " + f + ":18\n"
                 "      id int = 7\n"
                 "      label string = w\n");
  // unused() is never called: exit 2, said so; nor does line 18 run twice.
  const auto never = gb::test::run_cli("run --break " + f + ":22 --locals " + f);
  CHECK(never.status == 2);
  CHECK(never.err.find("line 22 was never reached") != std::string::npos);
  const auto once = gb::test::run_cli("run --break " + f + ":18:2 " + f);
  CHECK(once.status == 2);
  CHECK(once.err.find("line 18 was reached 1 time") != std::string::npos);
  const auto blank = gb::test::run_cli("run --break " + f + ":2 --locals " + f);
  CHECK(blank.status == 2);
  CHECK(blank.err.find("no statement of package main begins on line 2") != std::string::npos);
  const auto bad = gb::test::run_cli("run --break " + f + ":x --locals " + f);
  CHECK(bad.status == 2);
  CHECK(bad.err.find("--break wants FILE:LINE") != std::string::npos);
  const auto alone = gb::test::run_cli("run --locals " + f);
  CHECK(alone.status == 2);
  std::remove(f.c_str());
}
