// The run-queue rules of runtime/proc.go: runnext kick-out, overflow to the global queue, stealing half,
// globrunqget's batch size.
#include <numeric>

#include <catch2/catch.hpp>

#include "scheduler/run_queues.h"

using namespace gb;

TEST_CASE("runqput with next takes runnext and pushes the previous occupant to the tail", "[runq]") {
  LocalRunQueue q;
  GlobalRunQueue global;
  q.put(1, true, global);
  q.put(2, true, global);
  q.put(3, true, global);
  CHECK(q.runnext() == 3);
  CHECK(q.entries() == std::vector<GId>{1, 2});
  // runqget: runnext first, inheriting the time slice; then the ring in FIFO order.
  auto a = q.get();
  REQUIRE(a);
  CHECK(a->g == 3);
  CHECK(a->inherit_time);
  auto b = q.get();
  CHECK(b->g == 1);
  CHECK_FALSE(b->inherit_time);
  CHECK(q.get()->g == 2);
  CHECK_FALSE(q.get());
  CHECK(q.empty());
}

TEST_CASE("ten go statements under GOMAXPROCS(1) run as 9 0 1 2 ... 8", "[runq]") {
  // reference/go-runtime.md 1.2: each new G takes runnext, kicking the previous one to the tail. Goroutine ids
  // start at 1 (main); the ten workers are G2..G11, printing i = id - 2.
  LocalRunQueue q;
  GlobalRunQueue global;
  for (GId g = 2; g < 12; ++g) q.put(g, true, global);
  std::vector<GId> order;
  while (auto d = q.get()) order.push_back(d->g - 2);
  CHECK(order == std::vector<GId>{9, 0, 1, 2, 3, 4, 5, 6, 7, 8});
}

TEST_CASE("a full ring sends its older half plus the new G to the global queue", "[runq]") {
  LocalRunQueue q;
  GlobalRunQueue global;
  for (GId g = 1; g <= 256; ++g) q.put(g, false, global);
  CHECK(q.size() == 256);
  CHECK(global.empty());
  q.put(257, false, global);
  CHECK(q.size() == 128);
  REQUIRE(global.size() == 129);
  CHECK(global.entries().front() == 1);
  CHECK(global.entries()[127] == 128);
  CHECK(global.entries().back() == 257);
  CHECK(q.entries().front() == 129);
}

TEST_CASE("stealing takes half of the victim's ring, rounded up, and runs the last one", "[runq][steal]") {
  LocalRunQueue thief, victim;
  GlobalRunQueue global;
  for (GId g = 1; g <= 5; ++g) victim.put(g, false, global);
  const auto got = thief.steal_from(victim, false);
  REQUIRE(got);
  CHECK(*got == 3);                                  // 5 - 5/2 = 3 taken: 1, 2 queued here, 3 runs now
  CHECK(thief.entries() == std::vector<GId>{1, 2});
  CHECK(victim.entries() == std::vector<GId>{4, 5});
}

TEST_CASE("runnext is stolen only on request and only from an empty ring", "[runq][steal]") {
  LocalRunQueue thief, victim;
  GlobalRunQueue global;
  victim.put(7, true, global);
  CHECK_FALSE(thief.steal_from(victim, false));
  const auto got = thief.steal_from(victim, true);
  REQUIRE(got);
  CHECK(*got == 7);
  CHECK(victim.empty());
}

TEST_CASE("globrunqget takes size/gomaxprocs + 1, capped by max and by 128", "[runq][global]") {
  GlobalRunQueue global;
  for (GId g = 1; g <= 10; ++g) global.put(g);
  LocalRunQueue local;
  // 10/4 + 1 = 3: G1 runs, G2 and G3 move to the local queue.
  CHECK(global.get(local, 4, 0) == GId{1});
  CHECK(local.entries() == std::vector<GId>{2, 3});
  CHECK(global.size() == 7);
  // The schedtick%61 fairness check asks for just one.
  LocalRunQueue other;
  CHECK(global.get(other, 1, 1) == GId{4});
  CHECK(other.size() == 0);

  GlobalRunQueue big;
  for (GId g = 1; g <= 1000; ++g) big.put(g);
  LocalRunQueue l2;
  CHECK(big.get(l2, 1, 0) == GId{1});
  CHECK(l2.size() == 127);  // capped at half a ring: 128 in all
}
