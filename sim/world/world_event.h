// The typed record of one thing the outside world did (a broker action or an injected fault), and its
// one-line text.
#pragma once

#include <cstdint>
#include <string>

#include "world_ids.h"

namespace gb {

enum class WorldEventKind : std::uint8_t {
  TopicCreated,
  // A message appended to a partition's log.
  Publish,
  // A message handed to a consumer by poll for the first time in its group.
  Deliver,
  // A message the group was already given, handed out again (after a rebalance).
  Redeliver,
  // The extra copy planted by the duplicate-delivery fault.
  DuplicateDeliver,
  Commit,
  // A commit from a consumer that no longer owns the partition (a zombie), or out of range.
  CommitRejected,
  Join,
  Leave,
  // Fault: a consumer dies without committing or saying goodbye.
  Kill,
  // The group's partitions were reassigned; `note` holds the new assignment.
  Rebalance,
  // Fault: the next delivery from a partition will be delivered twice.
  DuplicateArmed,
  // Fault: a partition's extra latency changed; `number` holds it.
  SlowPartition,
  // A ledger read or write: `note` says which accounts, `number` how long it queued on them.
  LedgerCall,
};

const char* to_string(WorldEventKind k);

struct WorldEvent {
  WorldEventKind kind = WorldEventKind::Publish;
  // Position in its source's history (the broker's, or the ledger's), so drained batches can be merged in
  // order.
  std::uint64_t seq = 0;
  // When the source acted: the caller's `now`.
  Nanos time_ns = 0;
  // When the caller sees the result (publish ack, poll reply, commit ack, ledger answer); else time_ns.
  Nanos done_ns = 0;
  TopicId topic = kNoId;
  PartitionId partition = kNoId;
  std::int64_t offset = -1;
  GroupId group = kNoId;
  ConsumerId consumer = kNoId;
  // Kind-specific: generation (Rebalance), extra latency (SlowPartition), partitions (TopicCreated), time
  // queued (LedgerCall).
  std::int64_t number = 0;
  // The message key (Publish and deliveries).
  std::string key;
  // The assignment (Rebalance), the reason (CommitRejected), the name (TopicCreated), the call (LedgerCall).
  std::string note;

  std::string describe() const;
  bool operator==(const WorldEvent&) const = default;
};

// "12.000345ms": simulated nanoseconds as milliseconds with every digit kept.
std::string format_nanos(Nanos ns);

}  // namespace gb
