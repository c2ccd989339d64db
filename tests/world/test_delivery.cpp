// At-least-once delivery: poll from fetch positions, commits, redelivery after a member dies before
// committing.
#include <vector>

#include <catch2/catch.hpp>

#include "world_helpers.h"

using namespace gb;
using namespace gb::test;
using Offsets = std::vector<std::int64_t>;

namespace {

// Two partitions, consumers c0 (owns p0) and c1 (owns p1), five messages on p0 published at t = 0.
struct TwoConsumers {
  Broker b;
  TopicId t = b.create_topic("payments", 2, 0);
  GroupId g = b.create_group("ledger-writers", t, 0);
  ConsumerId c0 = b.join(g, 0);
  ConsumerId c1 = b.join(g, 0);
  TwoConsumers() {
    for (int i = 0; i < 5; ++i) b.publish(t, key_for(0, 2, i), cat({"payment ", std::to_string(i)}), 0);
    b.drain_events();
  }
};

}  // namespace

TEST_CASE("a message is not fetched before its publish completes, and the reply takes the poll latency",
          "[delivery]") {
  TwoConsumers w;
  REQUIRE(w.b.assigned_partitions(w.c0) == std::vector<PartitionId>{0});
  const PollResult early = w.b.poll(w.c0, 10, 1 * kMs);  // publish latency is 2 ms
  CHECK(early.error.empty());
  CHECK(early.messages.empty());
  CHECK(early.ready_ns == 1 * kMs + w.b.state().config.poll_latency_ns);
  const PollResult r = w.b.poll(w.c0, 10, 10 * kMs);
  CHECK(offsets(r, 0) == Offsets{0, 1, 2, 3, 4});
  CHECK(r.messages[2].value == "payment 2");
  CHECK(r.ready_ns == 11 * kMs);
  for (const Delivery& d : r.messages) CHECK_FALSE(d.redelivery);
  // Fetched messages are not handed out twice to the same live owner, committed or not.
  CHECK(w.b.poll(w.c0, 10, 20 * kMs).messages.empty());
  CHECK(w.b.check_invariants().empty());
}

TEST_CASE("poll honours max and reaches every owned partition in turn", "[delivery]") {
  Broker b;
  const TopicId t = b.create_topic("t", 2, 0);
  const GroupId g = b.create_group("g", t, 0);
  const ConsumerId c = b.join(g, 0);
  for (int i = 0; i < 5; ++i) {
    b.publish(t, key_for(0, 2, i), "", 0);
    b.publish(t, key_for(1, 2, i), "", 0);
  }
  Offsets p0, p1;
  for (int round = 0; round < 4; ++round) {
    const PollResult r = b.poll(c, 3, 10 * kMs);
    CHECK(r.messages.size() <= 3);
    for (const std::int64_t o : offsets(r, 0)) p0.push_back(o);
    for (const std::int64_t o : offsets(r, 1)) p1.push_back(o);
    if (round == 0) CHECK(offsets(r, 0) == Offsets{0, 1, 2});
    if (round == 1) CHECK(offsets(r, 1) == Offsets{0, 1, 2});  // p1 is not starved behind p0's backlog
  }
  CHECK(p0 == Offsets{0, 1, 2, 3, 4});
  CHECK(p1 == Offsets{0, 1, 2, 3, 4});
  CHECK(b.poll(c, 0, 10 * kMs).messages.empty());
}

SCENARIO("a consumer dies between processing and committing", "[delivery][at-least-once]") {
  GIVEN("c0 fetched offsets 0..4 of p0 and committed only up to 2") {
    TwoConsumers w;
    REQUIRE(offsets(w.b.poll(w.c0, 10, 10 * kMs), 0) == Offsets{0, 1, 2, 3, 4});
    const CommitResult cr = w.b.commit(w.c0, 0, 2, 11 * kMs);
    REQUIRE(cr.error.empty());
    CHECK(cr.done_ns == 12 * kMs);
    CHECK(w.b.committed(w.g, 0) == 2);
    WHEN("c0 is killed") {
      REQUIRE(w.b.kill(w.c0, 12 * kMs));
      THEN("c1 takes p0 and is given 2, 3 and 4 again, marked as redeliveries") {
        CHECK(w.b.assigned_partitions(w.c1) == std::vector<PartitionId>{0, 1});
        const PollResult r = w.b.poll(w.c1, 10, 13 * kMs);
        CHECK(offsets(r, 0) == Offsets{2, 3, 4});
        for (const Delivery& d : r.messages) CHECK(d.redelivery);
        CHECK(w.b.state().groups[0].redeliveries == 3);
        CHECK(w.b.state().groups[0].deliveries == 5);
        const std::vector<WorldEvent> ev = w.b.drain_events();
        CHECK(count(ev, WorldEventKind::Kill) == 1);
        CHECK(count(ev, WorldEventKind::Rebalance) == 1);
        CHECK(count(ev, WorldEventKind::Redeliver) == 3);
        CHECK(count(ev, WorldEventKind::Deliver) == 5);  // the first poll, before the kill
        CHECK(w.b.check_invariants().empty());
      }
      THEN("the dead consumer can neither poll nor commit (a zombie commit is rejected)") {
        CHECK_FALSE(w.b.poll(w.c0, 10, 13 * kMs).error.empty());
        CHECK_FALSE(w.b.commit(w.c0, 0, 5, 13 * kMs).error.empty());
        CHECK(w.b.committed(w.g, 0) == 2);
        CHECK(count(w.b.drain_events(), WorldEventKind::CommitRejected) == 1);
      }
    }
    WHEN("c0 leaves cleanly without committing the rest") {
      REQUIRE(w.b.leave(w.c0, 12 * kMs));
      THEN("the rest is redelivered too: leaving is not committing") {
        CHECK(offsets(w.b.poll(w.c1, 10, 13 * kMs), 0) == Offsets{2, 3, 4});
      }
    }
  }
  GIVEN("c0 fetched offsets 0..4 of p0 and committed all of them") {
    TwoConsumers w;
    REQUIRE(offsets(w.b.poll(w.c0, 10, 10 * kMs), 0).size() == 5);
    REQUIRE(w.b.commit(w.c0, 0, 5, 11 * kMs).error.empty());
    WHEN("c0 is killed") {
      REQUIRE(w.b.kill(w.c0, 12 * kMs));
      THEN("nothing is redelivered") {
        CHECK(w.b.poll(w.c1, 10, 13 * kMs).messages.empty());
        CHECK(w.b.state().groups[0].redeliveries == 0);
        CHECK(w.b.check_invariants().empty());
      }
    }
  }
}

TEST_CASE("commits are checked: ownership and range", "[delivery]") {
  TwoConsumers w;
  CHECK_FALSE(w.b.commit(w.c1, 0, 1, 1).error.empty());  // c1 does not own p0
  CHECK_FALSE(w.b.commit(w.c0, 0, 6, 1).error.empty());  // past the log end (5)
  CHECK_FALSE(w.b.commit(w.c0, 0, -1, 1).error.empty());
  CHECK_FALSE(w.b.commit(w.c0, 7, 0, 1).error.empty());
  // Committing ahead of the fetch position skips messages (Kafka allows it); the position follows.
  REQUIRE(w.b.commit(w.c0, 0, 3, 1).error.empty());
  CHECK(offsets(w.b.poll(w.c0, 10, 10 * kMs), 0) == Offsets{3, 4});
  CHECK(w.b.check_invariants().empty());
}

TEST_CASE("events describe themselves on one line", "[delivery][events]") {
  TwoConsumers w;
  w.b.poll(w.c0, 1, 10 * kMs);
  const std::vector<WorldEvent> ev = w.b.drain_events();
  REQUIRE(ev.size() == 1);
  CHECK(ev[0].describe() ==
        cat({"[10.000000ms] deliver t0/p0@0 key=\"", key_for(0, 2, 0), "\" to g0/c0, reply at 11.000000ms"}));
  CHECK(w.b.drain_events().empty());
  CHECK(format_nanos(-1'500'000) == "-1.500000ms");
  // Every kind has a text with no newline.
  Broker b;
  const TopicId t = b.create_topic("x", 1, 0);
  const GroupId g = b.create_group("g", t, 0);
  const ConsumerId c = b.join(g, 0);
  b.publish(t, "k", "v", 0);
  b.duplicate_next_delivery(g, 0, 0);
  b.slow_partition(t, 0, kMs, 0);
  b.poll(c, 5, 5 * kMs);
  b.commit(c, 0, 1, 5 * kMs);
  b.commit(c, 0, 9, 5 * kMs);
  b.leave(c, 6 * kMs);
  const ConsumerId d = b.join(g, 7 * kMs);
  b.kill(d, 8 * kMs);
  for (const WorldEvent& e : b.drain_events()) {
    INFO(e.describe());
    CHECK(e.describe().find('\n') == std::string::npos);
    CHECK(e.describe().find(to_string(e.kind)) != std::string::npos);
  }
}
