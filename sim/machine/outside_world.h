// The world outside the Go process that a machine-mode program reaches by system calls (scheduler/vm/
// world_host.h): the message-queue broker, the payment clients and the ledger database's latency (sim/world/).
// Topics are created on first use, as Kafka's auto.create.topics.enable does. Plain data: copying it is a
// snapshot (a copied Vm must be re-aimed at the copy with Vm::set_world).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scheduler/vm/world_host.h"
#include "sim/world/broker.h"
#include "sim/world/ledger_latency.h"
#include "sim/world/load_generator.h"

namespace gb {

// A fault planted at a simulated time (applied before the first call at or after it).
struct WorldFault {
  enum class Kind : std::uint8_t { KillConsumer, DuplicateDelivery, SlowPartition };
  Kind kind = Kind::KillConsumer;
  std::int64_t at_ns = 0;
  std::int64_t consumer = 0;        // KillConsumer
  std::string group, topic;         // DuplicateDelivery: group; SlowPartition: topic
  std::int64_t partition = 0;
  std::int64_t extra_ns = 0;        // SlowPartition
};

// Parses "kill-consumer:ID@MS", "duplicate:GROUP:PARTITION@MS" or "slow-partition:TOPIC:PARTITION:EXTRA_MS@MS";
// on failure returns nullopt and says why in `error`.
std::optional<WorldFault> parse_fault(std::string_view text, std::string& error);

struct OutsideWorldConfig {
  BrokerConfig broker;
  int partitions = 8;             // of a topic created on first use
  LoadConfig clients;
  std::uint64_t payments = 0;     // requests the clients send in all; then clients.Next says no more
  LedgerConfig ledger;
  std::vector<WorldFault> faults;  // in time order
};

class OutsideWorld final : public vm::WorldHost {
 public:
  explicit OutsideWorld(const OutsideWorldConfig& config);
  vm::WorldReply call(vm::WorldCall call, const vm::WorldArgs& args, std::int64_t now_ns) override;

  const Broker& broker() const { return broker_; }
  Broker& broker() { return broker_; }
  const LoadGenerator& clients() const { return clients_; }
  const LedgerLatency& ledger() const { return ledger_; }
  std::uint64_t payments_sent() const { return sent_; }
  std::int64_t payments_cents_sent() const { return cents_sent_; }
  std::uint64_t state_hash() const;
  // Broker events so far, by kind (the events themselves are drained after every call to keep memory flat).
  std::uint64_t events(WorldEventKind kind) const { return counts_[static_cast<std::size_t>(kind)]; }
  // The last message published (its topic and partition): with events(WorldEventKind::Publish), what a
  // condition on publishing looks for (sim/inspect/condition.h). Not part of the state hash.
  struct Published {
    TopicId topic = kNoId;
    PartitionId partition = kNoId;
  };
  const Published& last_publish() const { return last_publish_; }

 private:
  void apply_faults(std::int64_t now);
  vm::WorldReply answer(vm::WorldCall call, const vm::WorldArgs& args, std::int64_t now_ns);

  TopicId topic(std::string_view name, std::int64_t now);

  OutsideWorldConfig config_;
  Broker broker_;
  LoadGenerator clients_;
  LedgerLatency ledger_;
  std::uint64_t sent_ = 0;
  std::int64_t cents_sent_ = 0;
  std::size_t next_fault_ = 0;
  std::vector<std::int64_t> doomed_;  // killed consumers whose goroutine dies at its next mq call
  std::array<std::uint64_t, 32> counts_{};
  Published last_publish_;
};

}  // namespace gb
