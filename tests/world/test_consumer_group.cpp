// Range assignment of partitions to live members, and rebalances on join, leave and death.
#include <vector>

#include <catch2/catch.hpp>

#include "sim/world/broker.h"
#include "sim/world/range_assignor.h"

using namespace gb;
using V = std::vector<ConsumerId>;

TEST_CASE("range_assign gives sorted members contiguous ranges, the first ones one extra", "[group]") {
  CHECK(range_assign({}, 3) == V{kNoId, kNoId, kNoId});
  CHECK(range_assign({4}, 3) == V{4, 4, 4});
  CHECK(range_assign({7, 2}, 6) == V{2, 2, 2, 7, 7, 7});
  CHECK(range_assign({3, 1, 2}, 7) == V{1, 1, 1, 2, 2, 3, 3});
  CHECK(range_assign({0, 1, 2, 3}, 6) == V{0, 0, 1, 1, 2, 3});
  // More members than partitions: the last ones idle.
  CHECK(range_assign({5, 6, 7}, 2) == V{5, 6});
}

SCENARIO("a group rebalances as members join and leave", "[group]") {
  GIVEN("a topic with 6 partitions and an empty group") {
    Broker b;
    const TopicId t = b.create_topic("orders", 6, 0);
    const GroupId g = b.create_group("billing", t, 0);
    WHEN("one consumer joins") {
      const ConsumerId c0 = b.join(g, 10);
      THEN("it owns every partition") {
        CHECK(b.assigned_partitions(c0) == std::vector<PartitionId>{0, 1, 2, 3, 4, 5});
        CHECK(b.check_invariants().empty());
      }
      AND_WHEN("two more join") {
        const ConsumerId c1 = b.join(g, 20);
        const ConsumerId c2 = b.join(g, 30);
        THEN("each owns a contiguous pair, in id order, and each join was a rebalance") {
          CHECK(b.assigned_partitions(c0) == std::vector<PartitionId>{0, 1});
          CHECK(b.assigned_partitions(c1) == std::vector<PartitionId>{2, 3});
          CHECK(b.assigned_partitions(c2) == std::vector<PartitionId>{4, 5});
          CHECK(b.state().groups[0].generation == 3);
          int rebalances = 0;
          for (const WorldEvent& e : b.drain_events()) rebalances += e.kind == WorldEventKind::Rebalance;
          CHECK(rebalances == 3);
          CHECK(b.check_invariants().empty());
        }
        AND_WHEN("the middle one leaves") {
          REQUIRE(b.leave(c1, 40));
          THEN("the two left split the partitions 3 and 3") {
            CHECK(b.assigned_partitions(c0) == std::vector<PartitionId>{0, 1, 2});
            CHECK(b.assigned_partitions(c1).empty());
            CHECK(b.assigned_partitions(c2) == std::vector<PartitionId>{3, 4, 5});
            const std::vector<WorldEvent> ev = b.drain_events();
            REQUIRE(ev.size() >= 2);
            CHECK(ev.back().kind == WorldEventKind::Rebalance);
            CHECK(ev.back().note == "after leave: c0:[0-2] c2:[3-5]");
            CHECK(b.check_invariants().empty());
            CHECK_FALSE(b.leave(c1, 50));  // leaving twice is refused, not a crash
          }
        }
        AND_WHEN("one is killed") {
          REQUIRE(b.kill(c2, 40));
          THEN("its partitions move to the live ones") {
            CHECK(b.assigned_partitions(c0) == std::vector<PartitionId>{0, 1, 2});
            CHECK(b.assigned_partitions(c1) == std::vector<PartitionId>{3, 4, 5});
            CHECK(b.check_invariants().empty());
          }
        }
      }
    }
  }
}

TEST_CASE("subscribe joins a group by name, creating it on first use", "[group]") {
  Broker b;
  b.create_topic("orders", 4, 0);
  b.create_topic("refunds", 4, 0);
  const ConsumerId c0 = b.subscribe("billing", "orders", 0);
  const ConsumerId c1 = b.subscribe("billing", "orders", 0);
  REQUIRE(c0 != kNoId);
  REQUIRE(c1 != kNoId);
  CHECK(b.state().groups.size() == 1);
  CHECK(b.assigned_partitions(c1) == std::vector<PartitionId>{2, 3});
  CHECK(b.subscribe("billing", "refunds", 0) == kNoId);  // a group stays on its topic
  CHECK(b.subscribe("audit", "nope", 0) == kNoId);
  CHECK(b.check_invariants().empty());
}

TEST_CASE("bad ids are refused, not crashes", "[group]") {
  Broker b;
  CHECK(b.create_topic("t", 0, 0) == kNoId);
  const TopicId t = b.create_topic("t", 2, 0);
  CHECK(b.create_topic("t", 2, 0) == kNoId);  // names are unique
  CHECK(b.create_group("g", 5, 0) == kNoId);
  const GroupId g = b.create_group("g", t, 0);
  CHECK(b.create_group("g", t, 0) == g);
  CHECK(b.find_group("g") == g);
  CHECK(b.find_topic("t") == t);
  CHECK(b.join(9, 0) == kNoId);
  CHECK_FALSE(b.kill(3, 0));
  CHECK_FALSE(b.poll(3, 10, 0).error.empty());
  CHECK_FALSE(b.commit(3, 0, 0, 0).error.empty());
  CHECK_FALSE(b.publish(7, "k", "v", 0).error.empty());
  CHECK_FALSE(b.slow_partition(t, 2, 5, 0));
  CHECK_FALSE(b.duplicate_next_delivery(g, -1, 0));
  CHECK(b.check_invariants().empty());
}
