// A consumer group and its consumers as plain data: who is in it, who owns which partition, what is
// committed.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "world_ids.h"

namespace gb {

enum class ConsumerStatus : std::uint8_t { Active, Left, Dead };

struct Consumer {
  ConsumerId id = kNoId;
  GroupId group = kNoId;
  ConsumerStatus status = ConsumerStatus::Active;
  // Per partition of the group's topic: the next offset this consumer will fetch, or -1 when it does not own
  // the partition. It runs ahead of the group's committed offset by what was fetched and not yet committed;
  // that gap is exactly what is redelivered if the consumer dies.
  std::vector<std::int64_t> position;
  PartitionId cursor = 0;  // where the next poll starts, so a small `max` still reaches every owned partition
};

struct ConsumerGroup {
  GroupId id = kNoId;
  std::string name;
  TopicId topic =
      kNoId;  // one topic per group: enough for the lessons, and RangeAssignor is per topic anyway
  std::int64_t generation = 0;      // bumped by every rebalance, as Kafka's generation id
  std::vector<ConsumerId> members;  // the Active consumers, in join order
  std::vector<ConsumerId> owner;    // per partition: the member that owns it, or kNoId
  std::vector<std::int64_t>
      committed;  // per partition: the next offset to read after a restart (Kafka's sense)
  std::vector<std::int64_t>
      delivered_end;  // per partition: 1 + the highest offset ever delivered to the group
  std::vector<std::uint8_t> duplicate_armed;  // per partition: the duplicate-delivery fault is waiting (0/1)
  std::uint64_t deliveries = 0;               // first deliveries
  std::uint64_t redeliveries = 0;             // deliveries of an offset the group had already been given
  std::uint64_t duplicates = 0;               // copies planted by the duplicate fault
  std::uint64_t rebalances = 0;
};

}  // namespace gb
