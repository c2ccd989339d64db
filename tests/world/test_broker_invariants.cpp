// The broker's invariant checker holds through a seeded random workload and catches each planted corruption.
#include <string>

#include <catch2/catch.hpp>

#include "sim/world/broker_invariants.h"
#include "sim/world/splitmix64.h"
#include "world_helpers.h"

using namespace gb;
using namespace gb::test;

namespace {

// A seeded mix of every broker operation and fault; checks the invariants after each step.
struct Workload {
  Broker b;
  SplitMix64 rng{};
  TopicId t = b.create_topic("payments", 4, 0);
  GroupId g = b.create_group("ledger", t, 0);
  Nanos now = 0;
  std::string first_violation;

  explicit Workload(std::uint64_t seed) { rng.state = seed; }

  void step() {
    now += 100'000 + static_cast<Nanos>(rng.below(900'000));
    const auto& consumers = b.state().consumers;
    const auto any_consumer = [&] { return static_cast<ConsumerId>(rng.below(consumers.size())); };
    switch (rng.below(10)) {
      case 0:
        b.join(g, now);
        break;
      case 1:
        if (!consumers.empty() && rng.below(3) == 0) b.kill(any_consumer(), now);
        break;
      case 2:
        if (!consumers.empty() && rng.below(3) == 0) b.leave(any_consumer(), now);
        break;
      case 3:
        b.duplicate_next_delivery(g, static_cast<PartitionId>(rng.below(4)), now);
        break;
      case 4:
        b.slow_partition(t, static_cast<PartitionId>(rng.below(4)), static_cast<Nanos>(rng.below(5)) * kMs,
                         now);
        break;
      case 5:
      case 6:
        b.publish(t, cat({"acct-", std::to_string(rng.below(20))}), "v", now);
        break;
      case 7:
        if (!consumers.empty()) b.poll(any_consumer(), 1 + static_cast<int>(rng.below(5)), now);
        break;
      default:
        if (!consumers.empty()) {
          const ConsumerId c = any_consumer();
          const auto p = static_cast<PartitionId>(rng.below(4));
          const std::int64_t pos =
              consumers[static_cast<std::size_t>(c)].position[static_cast<std::size_t>(p)];
          b.commit(c, p, pos < 0 ? 0 : pos, now);  // commit what was fetched (rejected unless c owns p)
        }
    }
    if (first_violation.empty()) first_violation = b.check_invariants();
  }
};

}  // namespace

TEST_CASE("the invariants hold after every step of a seeded random workload", "[invariants]") {
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    Workload w(seed);
    for (int i = 0; i < 500; ++i) w.step();
    INFO("seed " << seed);
    CHECK(w.first_violation.empty());
    CHECK(w.b.state().groups[0].deliveries > 0);
  }
}

TEST_CASE("the checker catches each kind of corruption", "[invariants]") {
  Broker b;
  const TopicId t = b.create_topic("t", 4, 0);
  const GroupId g = b.create_group("g", t, 0);
  const ConsumerId c0 = b.join(g, 0);
  const ConsumerId c1 = b.join(g, 0);
  const ConsumerId dead = b.join(g, 0);
  b.kill(dead, 0);
  for (int i = 0; i < 20; ++i) b.publish(t, cat({"k", std::to_string(i)}), "v", 0);
  b.poll(c0, 3, kMs * 10);
  b.poll(c1, 3, kMs * 10);
  REQUIRE(b.check_invariants().empty());
  const BrokerState good = b.state();
  REQUIRE(good.topics[0].partitions[0].end() >= 2);
  REQUIRE(good.groups[0].owner[0] == c0);
  REQUIRE(good.groups[0].owner[3] == c1);

  auto caught = [&](auto corrupt, const char* words) {
    BrokerState s = good;
    corrupt(s);
    const std::string e = check_broker_invariants(s);
    INFO(e);
    CHECK(e.find(words) != std::string::npos);
  };
  caught([](BrokerState& s) { s.topics[0].partitions[0].log[1].offset = 7; }, "contiguous");
  caught([](BrokerState& s) { s.topics[0].partitions[0].log.erase(s.topics[0].partitions[0].log.begin()); },
         "contiguous");
  caught([](BrokerState& s) { s.groups[0].committed[0] = 1000; }, "committed offset");
  caught([](BrokerState& s) { s.groups[0].committed[0] = -1; }, "committed offset");
  // Two live members fetching the same partition.
  caught([&](BrokerState& s) { s.consumers[static_cast<std::size_t>(c1)].position[0] = 0; },
         "being fetched by c1");
  // Assigned to a dead consumer.
  caught([&](BrokerState& s) { s.groups[0].owner[0] = dead; }, "not a live member");
  caught([](BrokerState& s) { s.groups[0].owner[0] = kNoId; }, "no owner");
  // The fetch position fell behind the committed offset.
  caught(
      [&](BrokerState& s) {
        s.groups[0].committed[0] = 2;
        s.consumers[static_cast<std::size_t>(c0)].position[0] = 1;
      },
      "fetch position");
  caught([&](BrokerState& s) { s.consumers[static_cast<std::size_t>(c0)].position[0] = 999; },
         "fetch position");
  caught([&](BrokerState& s) { s.consumers[static_cast<std::size_t>(dead)].position[2] = 0; }, "is gone");
  caught([](BrokerState& s) { s.groups[0].delivered_end[1] = 999; }, "delivered mark");
  // And the uncorrupted copy still passes.
  CHECK(check_broker_invariants(good).empty());
}

TEST_CASE("the broker is deterministic, and a copy is a snapshot", "[invariants][determinism]") {
  Workload a(7), b(7), c(8);
  for (int i = 0; i < 300; ++i) {
    a.step();
    b.step();
    c.step();
  }
  CHECK(a.b.state_hash() == b.b.state_hash());
  CHECK(a.b.state_hash() != c.b.state_hash());
  CHECK(a.b.drain_events() == b.b.drain_events());
  CHECK(a.b.state_hash() == b.b.state_hash());

  const std::uint64_t before = a.b.state_hash();
  Workload copy = a;
  CHECK(copy.b.state_hash() == before);
  for (int i = 0; i < 100; ++i) copy.step();
  CHECK(copy.b.state_hash() != before);
  CHECK(a.b.state_hash() == before);  // the original did not move
  for (int i = 0; i < 100; ++i) a.step();
  CHECK(a.b.state_hash() == copy.b.state_hash());  // and replaying it forward lands on the same state

  // The hash sees every part of the state: a one-field change moves it.
  Broker x;
  const TopicId t = x.create_topic("t", 2, 0);
  x.publish(t, "k", "v", 0);
  Broker y = x;
  y.slow_partition(t, 0, 0, 0);
  CHECK(x.state_hash() != y.state_hash());
  x.drain_events();
  y.drain_events();
  CHECK(x.state_hash() != y.state_hash());  // next_seq differs
  Broker z = x;
  CHECK(z.state_hash() == x.state_hash());
  z.publish(t, "k", "w", 0);
  x.publish(t, "k", "v", 0);
  CHECK(z.state_hash() != x.state_hash());
}
