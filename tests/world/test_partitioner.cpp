// Key -> partition: FNV-1a against its published vectors, and the same key always lands on the same
// partition.
#include <map>
#include <set>
#include <string>

#include <catch2/catch.hpp>

#include "sim/world/broker.h"
#include "sim/world/world_hash.h"
#include "sim/world/world_text.h"

using namespace gb;

TEST_CASE("fnv1a64 matches the published FNV-1a test vectors", "[partitioner]") {
  CHECK(fnv1a64("") == 0xcbf29ce484222325ULL);
  CHECK(fnv1a64("a") == 0xaf63dc4c8601ec8cULL);
  CHECK(fnv1a64("foobar") == 0x85944171f73967e8ULL);
}

TEST_CASE("a key's partition is FNV-1a mod the partition count, and stable", "[partitioner]") {
  CHECK(Broker::partition_for("a", 8) == static_cast<PartitionId>(0xaf63dc4c8601ec8cULL % 8));
  CHECK(Broker::partition_for("", 5) == static_cast<PartitionId>(0xcbf29ce484222325ULL % 5));
  CHECK(Broker::partition_for("x", 0) == kNoId);

  Broker b;
  const TopicId t = b.create_topic("payments", 6, 0);
  std::map<std::string, PartitionId> first;
  for (int round = 0; round < 3; ++round) {
    for (int i = 0; i < 50; ++i) {
      const std::string key = cat({"acct-", std::to_string(i)});
      const PublishResult r = b.publish(t, key, "v", round * 1000);
      REQUIRE(r.error.empty());
      CHECK(r.partition == Broker::partition_for(key, 6));
      if (round == 0) first[key] = r.partition;
      CHECK(first[key] == r.partition);
    }
  }
  // Offsets count up per partition, from 0, with no gaps.
  std::int64_t total = 0;
  for (PartitionId p = 0; p < 6; ++p) total += b.log_end(t, p);
  CHECK(total == 150);
  CHECK(b.check_invariants().empty());
}

TEST_CASE("keys spread over every partition", "[partitioner]") {
  std::set<PartitionId> seen;
  for (int i = 0; i < 200; ++i) seen.insert(Broker::partition_for(cat({"user-", std::to_string(i)}), 12));
  CHECK(seen.size() == 12);
}
