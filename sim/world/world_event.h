// The typed record of one thing the outside world did (a broker action or an injected fault), and its
// one-line text.
#pragma once

#include <cstdint>
#include <string>

#include "world_ids.h"

namespace gb {

enum class WorldEventKind : std::uint8_t {
  TopicCreated,
  Publish,           // a message appended to a partition's log
  Deliver,           // a message handed to a consumer by poll for the first time in its group
  Redeliver,         // a message the group was already given, handed out again (after a rebalance)
  DuplicateDeliver,  // the extra copy planted by the duplicate-delivery fault
  Commit,
  CommitRejected,  // a commit from a consumer that no longer owns the partition (a zombie) or out of range
  Join,
  Leave,
  Kill,            // fault: a consumer dies without committing or saying goodbye
  Rebalance,       // the group's partitions were reassigned; `note` holds the new assignment
  DuplicateArmed,  // fault: the next delivery from a partition will be delivered twice
  SlowPartition,   // fault: a partition's extra latency changed; `number` holds it
};

const char* to_string(WorldEventKind k);

struct WorldEvent {
  WorldEventKind kind = WorldEventKind::Publish;
  std::uint64_t seq = 0;  // position in the broker's history, so drained batches can be merged and ordered
  Nanos time_ns = 0;      // when the broker acted: the caller's `now`
  Nanos done_ns = 0;  // when the caller sees the result (publish ack, poll reply, commit ack); else = time_ns
  TopicId topic = kNoId;
  PartitionId partition = kNoId;
  std::int64_t offset = -1;
  GroupId group = kNoId;
  ConsumerId consumer = kNoId;
  std::int64_t number =
      0;             // kind-specific: generation (Rebalance), extra latency (SlowPartition), partitions
  std::string key;   // the message key (Publish and deliveries)
  std::string note;  // the assignment (Rebalance), the reason (CommitRejected), the name (TopicCreated)

  std::string describe() const;
  bool operator==(const WorldEvent&) const = default;
};

// "12.000345ms": simulated nanoseconds as milliseconds with every digit kept.
std::string format_nanos(Nanos ns);

}  // namespace gb
