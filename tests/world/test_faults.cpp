// Fault injection: duplicate delivery and slow partitions, each visible as an event and in the timing.
#include <vector>

#include <catch2/catch.hpp>

#include "world_helpers.h"

using namespace gb;
using namespace gb::test;

TEST_CASE("the duplicate fault delivers the next message of a partition twice, once", "[faults]") {
  Broker b;
  const TopicId t = b.create_topic("t", 2, 0);
  const GroupId g = b.create_group("g", t, 0);
  const ConsumerId c = b.join(g, 0);
  for (int i = 0; i < 3; ++i) b.publish(t, key_for(1, 2, i), cat({"v", std::to_string(i)}), 0);
  b.drain_events();
  REQUIRE(b.duplicate_next_delivery(g, 1, 5 * kMs));
  const PollResult r = b.poll(c, 2, 10 * kMs);
  REQUIRE(r.messages.size() == 3);  // two messages plus the planted copy, which does not count against max
  CHECK(r.messages[0].offset == 0);
  CHECK_FALSE(r.messages[0].duplicate);
  CHECK(r.messages[1].offset == 0);
  CHECK(r.messages[1].duplicate);
  CHECK(r.messages[1].value == "v0");
  CHECK(r.messages[2].offset == 1);
  CHECK_FALSE(r.messages[2].duplicate);
  // Only once: the next poll is clean.
  const PollResult next = b.poll(c, 10, 11 * kMs);
  REQUIRE(next.messages.size() == 1);
  CHECK(next.messages[0].offset == 2);
  CHECK_FALSE(next.messages[0].duplicate);
  CHECK(b.state().groups[0].duplicates == 1);
  const std::vector<WorldEvent> ev = b.drain_events();
  CHECK(count(ev, WorldEventKind::DuplicateArmed) == 1);
  CHECK(count(ev, WorldEventKind::DuplicateDeliver) == 1);
  CHECK(count(ev, WorldEventKind::Deliver) == 3);
  CHECK(b.check_invariants().empty());
}

TEST_CASE("the duplicate fault waits for a message if the partition is empty", "[faults]") {
  Broker b;
  const TopicId t = b.create_topic("t", 1, 0);
  const GroupId g = b.create_group("g", t, 0);
  const ConsumerId c = b.join(g, 0);
  REQUIRE(b.duplicate_next_delivery(g, 0, 0));
  CHECK(b.poll(c, 10, kMs).messages.empty());
  b.publish(t, "k", "v", 2 * kMs);
  CHECK(b.poll(c, 10, 10 * kMs).messages.size() == 2);
}

TEST_CASE("a slow partition delays publishes to it and polls that read it, and only those", "[faults]") {
  BrokerConfig cfg;
  cfg.publish_latency_ns = 2 * kMs;
  cfg.poll_latency_ns = 1 * kMs;
  Broker b(cfg);
  const TopicId t = b.create_topic("t", 2, 0);
  const GroupId g = b.create_group("g", t, 0);
  const ConsumerId c0 = b.join(g, 0);
  const ConsumerId c1 = b.join(g, 0);
  REQUIRE(b.slow_partition(t, 0, 50 * kMs, 0));

  const PublishResult slow = b.publish(t, key_for(0, 2), "v", 100 * kMs);
  const PublishResult fast = b.publish(t, key_for(1, 2), "v", 100 * kMs);
  CHECK(slow.done_ns == 152 * kMs);
  CHECK(fast.done_ns == 102 * kMs);

  // The slow message is not visible until its publish completes.
  CHECK(b.poll(c0, 10, 120 * kMs).messages.empty());
  const PollResult r0 = b.poll(c0, 10, 200 * kMs);
  const PollResult r1 = b.poll(c1, 10, 200 * kMs);
  REQUIRE(r0.messages.size() == 1);
  REQUIRE(r1.messages.size() == 1);
  CHECK(r0.ready_ns == 251 * kMs);
  CHECK(r1.ready_ns == 201 * kMs);

  // Healing restores the base latency.
  REQUIRE(b.slow_partition(t, 0, 0, 300 * kMs));
  CHECK(b.publish(t, key_for(0, 2), "v", 300 * kMs).done_ns == 302 * kMs);
  const std::vector<WorldEvent> ev = b.drain_events();
  CHECK(count(ev, WorldEventKind::SlowPartition) == 2);
  CHECK(b.check_invariants().empty());
}
