// OutsideWorld: system calls answered by the broker, the load generator and the ledger model.
#include "sim/machine/outside_world.h"

#include <algorithm>

namespace gb {

OutsideWorld::OutsideWorld(const OutsideWorldConfig& config)
    : config_(config), broker_(config.broker), clients_(config.clients), ledger_(config.ledger) {}

TopicId OutsideWorld::topic(std::string_view name, std::int64_t now) {
  const TopicId t = broker_.find_topic(name);
  if (t != kNoId) return t;
  return broker_.create_topic(std::string(name), config_.partitions, now);
}

vm::WorldReply OutsideWorld::call(vm::WorldCall call, const vm::WorldArgs& a, std::int64_t now) {
  vm::WorldReply r;
  r.done_ns = now;
  switch (call) {
    case vm::WorldCall::MqPublish: {
      const TopicId t = topic(a.text[0], now);
      PublishResult p = broker_.publish(t, std::string(a.text[1]), std::string(a.text[2]), now);
      r.error = p.error.empty() ? "" : "mq: " + p.error;
      r.ints[0] = p.partition;
      r.ints[1] = p.offset;
      r.done_ns = p.done_ns;
      break;
    }
    case vm::WorldCall::MqSubscribe: {
      topic(a.text[1], now);
      const ConsumerId c = broker_.subscribe(a.text[0], a.text[1], now);
      if (c == kNoId) {
        r.error = "mq: cannot subscribe group ";
        r.error += a.text[0];
        r.error += " to topic ";
        r.error += a.text[1];
      }
      r.ints[0] = c;
      r.done_ns = now + config_.broker.commit_latency_ns;  // a join round trip
      break;
    }
    case vm::WorldCall::MqPoll: {
      PollResult p = broker_.poll(static_cast<ConsumerId>(a.ints[0]), 1, now);
      if (!p.error.empty()) r.error = "mq: " + p.error;
      r.ok = !p.messages.empty();
      if (r.ok) {
        Delivery& d = p.messages.front();
        r.text[0] = std::move(d.key);
        r.text[1] = std::move(d.value);
        r.ints[0] = d.partition;
        r.ints[1] = d.offset;
      }
      r.done_ns = p.ready_ns;
      break;
    }
    case vm::WorldCall::MqCommit: {
      const CommitResult c = broker_.commit(static_cast<ConsumerId>(a.ints[0]), static_cast<PartitionId>(a.ints[1]),
                                            a.ints[2], now);
      // A commit the broker refuses (the partition moved to another consumer) is not the program's error: the
      // message will be delivered again, which is what at-least-once means.
      r.ok = c.error.empty();
      r.done_ns = c.done_ns;
      break;
    }
    case vm::WorldCall::ClientNext: {
      if (sent_ >= config_.payments) {
        r.ok = false;
        break;
      }
      const PaymentRequest p = clients_.take();
      ++sent_;
      if (!p.retry) cents_sent_ += p.amount;
      r.ints[0] = static_cast<std::int64_t>(p.id);
      r.ints[1] = p.from;
      r.ints[2] = p.to;
      r.ints[3] = p.amount;
      r.text[0] = p.idempotency_key;
      r.done_ns = std::max(now, p.created_at);  // the server's accept returns when the request arrives
      break;
    }
    case vm::WorldCall::DbExec:
      r.done_ns = ledger_.write(static_cast<AccountId>(a.ints[0]), now).done_ns;
      break;
  }
  r.done_ns = std::max(r.done_ns, now);
  return r;
}

std::uint64_t OutsideWorld::state_hash() const {
  std::uint64_t h = broker_.state_hash() * 31 + clients_.state_hash();
  return h * 31 + sent_;
}

}  // namespace gb
