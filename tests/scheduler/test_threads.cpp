// The Ms of proc.go: wakep wakes one spinning M at a time, the spinning M that finds work wakes the next, a
// spinning M that finds nothing gives its P back and parks, handoffp gives a retaken P an M when it has work, and
// exitsyscall without an idle P parks the M. The thread invariants are checked after every step.
#include <catch2/catch.hpp>

#include "scheduler/scheduler.h"

using namespace gb;

namespace {

void check(const Scheduler& s) {
  const auto bad = s.check_invariants();
  if (bad) FAIL(*bad);
}

Found run_on(Scheduler& s, int p) {
  auto f = s.find_runnable(p);
  if (f && f->sleep_first) f = s.find_runnable(p);  // runqgrab's usleep(3) passed: look again
  REQUIRE(f);
  s.execute(p, *f);
  check(s);
  return *f;
}

// GOMAXPROCS 4 with main running on P0 held by M0, the other Ps idle.
GId start(Scheduler& s) {
  const GId main = s.start_main();
  run_on(s, 0);
  s.enable_threads();
  check(s);
  return main;
}

}  // namespace

SCENARIO("wakep brings Ms up one spinning M at a time", "[sched][threads]") {
  SeededChooser chooser(7);
  Scheduler s(4, chooser);
  start(s);
  REQUIRE(s.ms().size() == 1);
  REQUIRE(s.idle_ps() == 3);
  GIVEN("main starts three goroutines") {
    const GId a = s.go(0);
    check(s);
    THEN("the first go wakes one spinning M on the idle P that comes out first (P1)") {
      REQUIRE(s.ms().size() == 2);
      CHECK(s.m(1).status == MStatus::Spinning);
      CHECK(s.m(1).p == 1);
      CHECK(s.p(1).m == 1);
      CHECK(s.spinning_ms() == 1);
    }
    s.go(0);
    s.go(0);
    check(s);
    THEN("while one M spins, further go statements wake nobody") {
      CHECK(s.ms().size() == 2);
      CHECK(s.spinning_ms() == 1);
    }
    WHEN("the spinning M steals work") {
      const Found f = run_on(s, 1);
      THEN("it stops spinning and wakes the next M, spinning on P2") {
        CHECK(f.source == Source::Stolen);
        CHECK(f.g == a);  // the ring held two (the third go is in runnext): half, rounded up, is one
        CHECK(s.m(1).status == MStatus::Running);
        REQUIRE(s.ms().size() == 3);
        CHECK(s.m(2).status == MStatus::Spinning);
        CHECK(s.m(2).p == 2);
        CHECK(s.spinning_ms() == 1);
      }
    }
  }
}

SCENARIO("a spinning M that finds nothing gives its P back and parks, the next wakep reuses it", "[sched][threads]") {
  SeededChooser chooser(3);
  Scheduler s(2, chooser);
  start(s);
  const GId g = s.go(0);  // wakes M1 spinning on P1
  REQUIRE(s.m(1).status == MStatus::Spinning);
  WHEN("main blocks, g runs on P0, and then P1's M looks") {
    s.park(0, "chan receive");
    CHECK(run_on(s, 0).g == g);  // nothing is left to steal
    CHECK_FALSE(s.find_runnable(1));
    check(s);
    THEN("P1 is idle again and M1 is on the idle list") {
      CHECK(s.p(1).status == PStatus::Idle);
      CHECK(s.m(1).status == MStatus::Idle);
      CHECK(s.idle_m_list() == std::vector<int>{1});
      CHECK(s.spinning_ms() == 0);
    }
    AND_WHEN("new work arrives") {
      s.go(0);
      check(s);
      THEN("the parked M is woken (mget), not a new thread") {
        CHECK(s.ms().size() == 2);
        CHECK(s.m(1).status == MStatus::Spinning);
        CHECK(s.idle_m_list().empty());
      }
    }
  }
}

SCENARIO("syscalls: the P stays with the blocked M until retaken, handoffp and exitsyscall", "[sched][threads]") {
  SeededChooser chooser(1);
  Scheduler s(2, chooser);
  const GId main = start(s);
  GIVEN("main enters a blocking syscall on P0") {
    s.enter_syscall(0);
    check(s);
    CHECK(s.m(0).status == MStatus::Syscall);
    CHECK(s.m(0).oldp == 0);
    CHECK(s.p(0).status == PStatus::Syscall);
    CHECK(s.p(0).m == -1);
    WHEN("the call returns before sysmon retakes the P") {
      CHECK(s.exit_syscall(main, 0, false) == 0);
      check(s);
      THEN("M0 holds P0 again and main runs on") {
        CHECK(s.m(0).status == MStatus::Running);
        CHECK(s.p(0).current == main);
      }
    }
    WHEN("sysmon retakes P0 while it has work queued") {
      // the finalizer-like helper: a G made ready on P0's queue while main is in the kernel
      s.spawn(0, main);  // wakep: M1 spins on P1
      check(s);
      s.retake_syscall(0);
      check(s);
      THEN("handoffp gives P0 a new M, not spinning, since P0 has work") {
        REQUIRE(s.ms().size() == 3);
        CHECK(s.m(2).p == 0);
        CHECK(s.m(2).status == MStatus::Running);
      }
      AND_WHEN("the call returns and no P is idle") {
        CHECK(s.exit_syscall(main, 0, true) == -1);
        check(s);
        THEN("main waits in the global queue and M0 parks") {
          CHECK(s.global_queue().size() == 1);
          CHECK(s.m(0).status == MStatus::Idle);
        }
      }
    }
    WHEN("sysmon retakes P0 with nothing queued and P1 idle") {
      s.retake_syscall(0);
      check(s);
      THEN("P0 just goes idle") {
        CHECK(s.p(0).status == PStatus::Idle);
        CHECK(s.idle_ps() == 2);
        CHECK(s.ms().size() == 1);
      }
      AND_WHEN("the call returns") {
        const int p = s.exit_syscall(main, 0, true);
        check(s);
        THEN("M0 takes an idle P (the last one put back: P0) and main is queued there") {
          CHECK(p == 0);
          CHECK(s.m(0).p == 0);
          CHECK(s.m(0).status == MStatus::Running);
          CHECK(s.p(0).runq.entries() == std::vector<GId>{main});
        }
      }
    }
  }
}

TEST_CASE("runtime.GOMAXPROCS with Ms: the caller keeps its M, the other Ms park", "[sched][threads]") {
  SeededChooser chooser(2);
  Scheduler s(4, chooser);
  start(s);
  s.go(0);
  run_on(s, 1);  // M1 runs it on P1 and wakes M2 spinning on P2
  REQUIRE(s.ms().size() == 3);
  const int p = s.resize(2, 0);
  check(s);
  CHECK(p == 0);
  CHECK(s.m(0).p == 0);
  // P1's G went to the global queue with the world stopped; wakep sends one spinning M after it.
  CHECK(s.global_queue().size() == 1);
  REQUIRE(s.p(1).m >= 0);
  CHECK(s.m(s.p(1).m).status == MStatus::Spinning);
  CHECK(s.spinning_ms() == 1);
  CHECK(s.idle_m_list().size() == 1);
}

TEST_CASE("stealWork's last pass runs a victim's due timers for the thief, which takes what they readied",
          "[sched][threads][timers]") {
  SeededChooser chooser(4);
  Scheduler s(2, chooser);
  const GId main = start(s);
  const GId sleeper = s.go(0);  // M1 spins on P1
  s.park(0, "chan receive");    // main waits
  CHECK(run_on(s, 0).g == sleeper);
  s.park(0, "sleep");           // its timer is on P0's heap
  REQUIRE(s.m(1).status == MStatus::Spinning);
  std::vector<std::pair<int, int>> calls;
  auto steal_timers = [&](int victim, int thief) {
    calls.emplace_back(victim, thief);
    s.ready(sleeper, thief);  // the timer fired: goready on the thief's P
    return true;
  };
  // P0 still has its M (in schedule, nothing local); P1's M steals the timer on its last pass.
  const auto f = s.find_runnable(1, steal_timers);
  REQUIRE(f);
  CHECK(f->g == sleeper);
  CHECK(calls == std::vector<std::pair<int, int>>{{0, 1}});  // only on the last of the four passes
  s.execute(1, *f);
  check(s);
  CHECK(s.m(1).status == MStatus::Running);
  (void)main;
}

TEST_CASE("a spinning M sleeps (runqgrab's usleep(3)) before it steals a running P's runnext, and finds it gone if "
          "that P took it meanwhile", "[sched][threads][steal]") {
  SeededChooser chooser(2);
  Scheduler s(2, chooser);
  start(s);
  const GId g = s.go(0);  // P0's runnext; wakep starts a spinning M on P1
  REQUIRE(s.p(1).m >= 0);
  auto f = s.find_runnable(1);
  REQUIRE(f);
  CHECK(f->sleep_first);
  CHECK(f->g == kNoG);
  CHECK(f->victim == 0);
  CHECK(s.m(s.p(1).m).status == MStatus::Spinning);  // still looking, with its P
  check(s);
  // After the sleep the runnext is still there: taken (the CAS succeeds).
  f = s.find_runnable(1);
  REQUIRE(f);
  CHECK_FALSE(f->sleep_first);
  CHECK(f->g == g);
  CHECK(f->source == Source::Stolen);

  // Again, but P0 schedules its runnext during the sleep: the thief finds nothing and its M stops.
  SeededChooser chooser2(2);
  Scheduler t(2, chooser2);
  start(t);
  const GId h = t.go(0);
  REQUIRE(t.find_runnable(1)->sleep_first);
  t.park(0, "chan receive");  // main blocks; P0 runs h from its runnext
  const auto mine = t.find_runnable(0);
  REQUIRE(mine);
  CHECK(mine->g == h);
  t.execute(0, *mine);
  CHECK_FALSE(t.find_runnable(1));
  check(t);
}
