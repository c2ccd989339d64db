// The G/P scheduling rules as Go 1.19 shows them: runnext order, Gosched through the global queue, the
// schedtick%61 fairness check, stealing, and "a G is in exactly one place" after every step.
#include <string>

#include <catch2/catch.hpp>

#include "scheduler/scheduler.h"

using namespace gb;

namespace {

// Runs the next G on P `p` and checks the invariants.
Found schedule(Scheduler& s, int p) {
  auto f = s.find_runnable(p);
  REQUIRE(f);
  s.execute(p, *f);
  const auto bad = s.check_invariants();
  if (bad) FAIL(*bad);
  return *f;
}

// What runtime.main does before the user's main runs (Go 1.19, GOMAXPROCS 1): runtime init starts
// forcegchelper; gcenable starts bgsweep and bgscavenge and receives twice from a channel each of them sends on
// before parking. Afterwards schedtick is 2 and the next goid is 5, which the tests below rely on like real Go.
GId start_like_runtime_main(Scheduler& s) {
  const GId main = s.start_main();
  schedule(s, 0);
  s.go(0);                           // forcegchelper
  const GId bgsweep = s.go(0);       // runnext; forcegchelper moves to the ring
  const GId bgscavenge = s.go(0);    // runnext; bgsweep moves to the ring
  s.park(0, "chan receive");         // <-c
  CHECK(schedule(s, 0).g == bgscavenge);
  s.ready(main, 0);                  // c <- 1 hands the value to main
  s.park(0, "GC scavenge wait");
  CHECK(schedule(s, 0).g == main);
  s.park(0, "chan receive");         // the second <-c
  schedule(s, 0);                    // forcegchelper
  s.park(0, "force gc (idle)");
  CHECK(schedule(s, 0).g == bgsweep);
  s.ready(main, 0);
  s.park(0, "GC sweep wait");
  CHECK(schedule(s, 0).g == main);
  CHECK(s.p(0).schedtick == 2);
  CHECK(s.live_goroutines() == 4);
  return main;
}

}  // namespace

TEST_CASE("GOMAXPROCS(1): ten goroutines then wg.Wait run as 9 0 1 2 3 4 5 6 7 8", "[sched]") {
  FirstChooser chooser;
  Scheduler s(1, chooser);
  const GId main = start_like_runtime_main(s);
  std::vector<GId> workers;
  for (int i = 0; i < 10; ++i) workers.push_back(s.go(0));
  s.park(0, "semacquire");  // wg.Wait
  REQUIRE_FALSE(s.check_invariants());
  std::string order;
  for (int i = 0; i < 10; ++i) {
    const Found f = schedule(s, 0);
    order += std::to_string(f.g - workers.front());
    order += ' ';
    if (i == 0) CHECK(f.source == Source::Runnext);
    s.exit(0);
  }
  CHECK(order == "9 0 1 2 3 4 5 6 7 8 ");
  CHECK(workers.front() == 5);  // the first user goroutine is goroutine 5
  s.ready(main, 0);  // the last Done wakes main
  CHECK(schedule(s, 0).g == main);
  CHECK(s.live_goroutines() == 4);  // main and the three runtime helpers
}

TEST_CASE("GOMAXPROCS(1): a Gosched ping-pong prints m0 g0 m1 g1 m2 g2", "[sched]") {
  FirstChooser chooser;
  Scheduler s(1, chooser);
  const GId main = start_like_runtime_main(s);
  const GId g = s.go(0);
  std::string out;
  for (int i = 0; i < 3; ++i) {
    out += 'm';
    out += std::to_string(i);
    out += ' ';
    s.gosched(0);
    CHECK(schedule(s, 0).g == g);
    out += 'g';
    out += std::to_string(i);
    out += ' ';
    s.gosched(0);
    const Found f = schedule(s, 0);
    CHECK(f.g == main);
  }
  CHECK(out == "m0 g0 m1 g1 m2 g2 ");
}

TEST_CASE("every 61st schedule looks at the global queue before a busy local queue", "[sched][fairness]") {
  FirstChooser chooser;
  Scheduler s(1, chooser);
  const GId main = start_like_runtime_main(s);
  for (int i = 0; i < 100; ++i) s.go(0);
  s.gosched(0);  // main waits in the global queue behind 100 local goroutines
  int workers_before_main = 0;
  for (;;) {
    const Found f = schedule(s, 0);
    if (f.g == main) {
      CHECK(f.source == Source::GlobalFairness);
      break;
    }
    ++workers_before_main;
    s.exit(0);
    REQUIRE(workers_before_main < 100);
  }
  // schedtick was 2: the runnext G inherits (no tick), then ring Gs tick 2 -> 61; at 61 the global queue wins.
  CHECK(workers_before_main == 1 + (61 - 2));
  CHECK(static_cast<int>(s.p(0).runq.size()) == 100 - workers_before_main);
}

TEST_CASE("an idle P steals half of a busy P's queue, rounded up", "[sched][steal]") {
  SeededChooser chooser(3);
  Scheduler s(2, chooser);
  s.start_main();
  schedule(s, 0);
  std::vector<GId> gs;
  for (int i = 0; i < 5; ++i) gs.push_back(s.go(0));
  // P0: runnext = G of the last go; ring = the first four.
  REQUIRE(s.p(0).runq.size() == 4);
  const Found f = schedule(s, 1);
  CHECK(f.source == Source::Stolen);
  CHECK(f.victim == 0);
  CHECK(f.g == gs[1]);  // took gs[0], gs[1]; runs the last taken
  CHECK(s.p(1).runq.entries() == std::vector<GId>{gs[0]});
  CHECK(s.p(0).runq.size() == 2);
  CHECK(s.p(0).runq.runnext() == gs[4]);
}

TEST_CASE("runnext is stolen only on the last pass, when the ring is empty", "[sched][steal]") {
  SeededChooser chooser(5);
  Scheduler s(2, chooser);
  s.start_main();
  schedule(s, 0);
  const GId g = s.go(0);  // alone in P0's runnext
  const Found f = schedule(s, 1);
  CHECK(f.g == g);
  CHECK(f.source == Source::Stolen);
}

TEST_CASE("goroutine ids come from per-P caches of 16 (newproc1's goidcache, _GoidCacheBatch)", "[sched]") {
  SeededChooser chooser(5);
  Scheduler s(2, chooser);
  const GId main = s.start_main();
  CHECK(main == 1);  // P0 takes ids 1-16
  schedule(s, 0);
  const GId a = s.go(0);
  CHECK(a == 2);
  CHECK(schedule(s, 1).g == a);  // stolen: a runs on P1
  CHECK(s.go(1) == 17);          // P1's first go takes the next batch, 17-32
  CHECK(s.go(1) == 18);
  CHECK(s.go(0) == 3);           // P0 goes on with its own
  for (GId want = 4; want <= 16; ++want) CHECK(s.go(0) == want);
  CHECK(s.go(0) == 33);          // P0's batch is used up: the next one after P1's
  CHECK(s.go(1) == 19);
  // Ids reserved but not given out are no goroutines: NumGoroutine counts the 20 made, and every queue checks.
  CHECK(s.live_goroutines() == 20);
  CHECK(s.goroutine_count() == 33);
  CHECK(s.g(20).status == GStatus::Idle);
  const auto bad = s.check_invariants();
  if (bad) FAIL(*bad);
}

TEST_CASE("a P with nothing to find goes idle, misuse is refused", "[sched]") {
  FirstChooser chooser;
  Scheduler s(2, chooser);
  CHECK_FALSE(s.find_runnable(1));
  CHECK(s.p(1).status == PStatus::Idle);
  CHECK_THROWS(s.gosched(1));
  const GId main = s.start_main();
  CHECK_THROWS(s.ready(main, 0));  // not waiting
  CHECK_THROWS(Scheduler(0, chooser));
}

TEST_CASE("GOMAXPROCS shrinking: removed Ps are destroyed from the lowest up (procresize), each putting its "
          "Gs on the global queue's head in its own order, so the highest P's come first",
          "[sched][gomaxprocs]") {
  FirstChooser chooser;
  Scheduler s(3, chooser);
  const GId main = s.start_main();
  schedule(s, 0);
  std::vector<GId> gs;
  for (int i = 0; i < 4; ++i) gs.push_back(s.go(0));
  // Each new G runs once and parks, so each can be readied onto the P we choose.
  for (int i = 0; i < 4; ++i) {
    s.park(0, "chan receive");
    schedule(s, 0);
  }
  s.park(0, "chan receive");
  for (GId g : gs) REQUIRE(s.g(g).status == GStatus::Waiting);
  s.ready(main, 0);
  schedule(s, 0);  // main runs on P0 again
  s.ready(gs[0], 1);
  s.ready(gs[1], 1);  // P1: runnext gs[1], ring gs[0]
  s.ready(gs[2], 2);
  s.ready(gs[3], 2);  // P2: runnext gs[3], ring gs[2]
  s.resize(1, 0);
  const auto bad = s.check_invariants();
  if (bad) FAIL(*bad);
  // P1.destroy() then P2.destroy(): each pushes its ring from the tail, then its runnext, onto the head.
  const auto& global = s.global_queue().entries();
  CHECK(std::vector<GId>(global.begin(), global.end()) == std::vector<GId>{gs[3], gs[2], gs[1], gs[0]});
}
