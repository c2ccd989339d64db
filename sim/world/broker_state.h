// Everything the message-queue broker knows, as one plain value: copying it is a snapshot.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "consumer_group.h"
#include "world_event.h"
#include "world_ids.h"

namespace gb {

// Round-trip times the caller waits for; defaults are a local Kafka's order of magnitude.
struct BrokerConfig {
  Nanos publish_latency_ns = 2'000'000;  // produce request to ack (acks=all on a LAN)
  Nanos poll_latency_ns =
      1'000'000;  // fetch request to reply (no long polling: an empty poll returns at once)
  Nanos commit_latency_ns = 1'000'000;  // offset commit to ack
  bool operator==(const BrokerConfig&) const = default;
};

struct Message {
  std::string key;
  std::string value;  // any bytes
  PartitionId partition = 0;
  std::int64_t offset = 0;
  Nanos published_ns = 0;  // when publish was called
  Nanos visible_ns =
      0;  // when the publish completed: the message is not fetched before then (high watermark)
  bool operator==(const Message&) const = default;
};

struct Partition {
  std::vector<Message> log;    // log[i].offset == i: nothing is ever deleted (no retention in the model)
  Nanos extra_latency_ns = 0;  // the slow-partition fault: added to publishes to it and to polls that read it
  std::int64_t end() const { return static_cast<std::int64_t>(log.size()); }
};

struct Topic {
  std::string name;
  std::vector<Partition> partitions;
};

struct BrokerState {
  BrokerConfig config;
  std::vector<Topic> topics;
  std::vector<ConsumerGroup> groups;
  std::vector<Consumer> consumers;
  std::vector<WorldEvent> events;  // not yet drained by the caller
  std::uint64_t next_seq = 0;      // the seq of the next event
};

}  // namespace gb
