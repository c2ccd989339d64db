// The message-queue broker in the manner of Kafka: partitioned topics, consumer groups, at-least-once
// delivery.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "broker_state.h"
#include "world_event.h"
#include "world_ids.h"

namespace gb {

struct PublishResult {
  std::string error;  // empty on success
  PartitionId partition = kNoId;
  std::int64_t offset = -1;
  Nanos done_ns = 0;  // when the producer's ack arrives
};

struct Delivery {
  PartitionId partition = 0;
  std::int64_t offset = 0;
  std::string key;
  std::string value;
  bool redelivery = false;  // the group had already been given this offset
  bool duplicate = false;   // the extra copy planted by the duplicate fault
  bool operator==(const Delivery&) const = default;
};

struct PollResult {
  std::string error;
  std::vector<Delivery> messages;
  Nanos ready_ns = 0;  // when the reply reaches the consumer
};

struct CommitResult {
  std::string error;  // e.g. the consumer no longer owns the partition
  Nanos done_ns = 0;
};

class Broker {
 public:
  explicit Broker(BrokerConfig config = {});

  // The partition a key goes to: FNV-1a 64 of the key's bytes, modulo the partition count (the empty key
  // too).
  static PartitionId partition_for(std::string_view key, int partitions);

  // [SECTION] setup. Invalid arguments return kNoId rather than throwing: bad input never crashes the
  // simulator.
  TopicId create_topic(std::string name, int partitions, Nanos now);
  // A group with this name already on this topic is returned as is; on another topic, kNoId.
  GroupId create_group(std::string name, TopicId topic, Nanos now);
  TopicId find_topic(std::string_view name) const;
  GroupId find_group(std::string_view name) const;

  // [SECTION] producers and consumers
  PublishResult publish(TopicId topic, std::string key, std::string value, Nanos now);
  // What mq.Subscribe needs: the group of that name (created on first use) on the named topic, and a new
  // consumer in it. kNoId when the topic does not exist or the group is already on another topic.
  ConsumerId subscribe(std::string_view group, std::string_view topic, Nanos now);
  ConsumerId join(GroupId group, Nanos now);   // a new consumer; the group rebalances
  bool leave(ConsumerId consumer, Nanos now);  // a clean exit (without committing); the group rebalances
  // Up to `max` messages from the consumer's partitions, from its fetch positions, that are visible at `now`.
  PollResult poll(ConsumerId consumer, int max, Nanos now);
  // `next_offset` is Kafka's: the offset of the next message to read, i.e. last processed + 1.
  CommitResult commit(ConsumerId consumer, PartitionId partition, std::int64_t next_offset, Nanos now);

  // [SECTION] faults
  bool kill(ConsumerId consumer, Nanos now);  // dies at once; its uncommitted messages go to the others
  bool duplicate_next_delivery(GroupId group, PartitionId partition, Nanos now);
  bool slow_partition(TopicId topic, PartitionId partition, Nanos extra_ns, Nanos now);  // 0 heals it

  // [SECTION] reading the state
  const BrokerState& state() const { return s_; }
  std::vector<PartitionId> assigned_partitions(ConsumerId consumer) const;
  std::int64_t committed(GroupId group, PartitionId partition) const;
  std::int64_t log_end(TopicId topic, PartitionId partition) const;
  // Hands the events recorded since the last drain to the caller and forgets them.
  std::vector<WorldEvent> drain_events();
  std::string check_invariants() const;  // empty when every invariant holds
  std::uint64_t state_hash() const;

 private:
  WorldEvent& emit(WorldEventKind kind, Nanos now);
  void rebalance(GroupId group, Nanos now, const char* cause);
  // leave and kill: the member stops being active, the event is recorded and the group rebalances.
  bool remove_member(ConsumerId consumer, ConsumerStatus becomes, WorldEventKind kind, const char* cause, Nanos now);
  bool valid_topic(TopicId t) const { return t >= 0 && static_cast<std::size_t>(t) < s_.topics.size(); }
  bool valid_group(GroupId g) const { return g >= 0 && static_cast<std::size_t>(g) < s_.groups.size(); }
  bool valid_consumer(ConsumerId c) const {
    return c >= 0 && static_cast<std::size_t>(c) < s_.consumers.size();
  }

  BrokerState s_;
};

}  // namespace gb
