// The world outside the Go process that a machine-mode program reaches by system calls (scheduler/vm/
// world_host.h): the message-queue broker, the payment clients and the ledger database's latency (sim/world/).
// Topics are created on first use, as Kafka's auto.create.topics.enable does. Plain data: copying it is a
// snapshot (a copied Vm must be re-aimed at the copy with Vm::set_world).
#pragma once

#include <cstdint>

#include "scheduler/vm/world_host.h"
#include "sim/world/broker.h"
#include "sim/world/ledger_latency.h"
#include "sim/world/load_generator.h"

namespace gb {

struct OutsideWorldConfig {
  BrokerConfig broker;
  int partitions = 8;             // of a topic created on first use
  LoadConfig clients;
  std::uint64_t payments = 0;     // requests the clients send in all; then clients.Next says no more
  LedgerConfig ledger;
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

 private:
  TopicId topic(std::string_view name, std::int64_t now);

  OutsideWorldConfig config_;
  Broker broker_;
  LoadGenerator clients_;
  LedgerLatency ledger_;
  std::uint64_t sent_ = 0;
  std::int64_t cents_sent_ = 0;
};

}  // namespace gb
