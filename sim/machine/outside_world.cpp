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

std::optional<WorldFault> parse_fault(std::string_view text, std::string& error) {
  const auto at = text.rfind('@');
  std::vector<std::string> parts;
  std::string cur;
  for (const char c : text.substr(0, at == std::string_view::npos ? text.size() : at)) {
    if (c == ':') {
      parts.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  parts.push_back(cur);
  auto number = [](const std::string& s, std::int64_t& out) {
    if (s.empty()) return false;
    std::int64_t v = 0;
    for (const char c : s) {
      if (c < '0' || c > '9' || v > (INT64_MAX - 9) / 10) return false;
      v = v * 10 + (c - '0');
    }
    out = v;
    return true;
  };
  WorldFault f;
  std::int64_t ms = 0;
  bool ok = at != std::string_view::npos && number(std::string(text.substr(at + 1)), ms);
  std::int64_t extra_ms = 0;
  if (ok && parts[0] == "kill-consumer" && parts.size() == 2) {
    f.kind = WorldFault::Kind::KillConsumer;
    ok = number(parts[1], f.consumer);
  } else if (ok && parts[0] == "duplicate" && parts.size() == 3) {
    f.kind = WorldFault::Kind::DuplicateDelivery;
    f.group = parts[1];
    ok = !f.group.empty() && number(parts[2], f.partition);
  } else if (ok && parts[0] == "slow-partition" && parts.size() == 4) {
    f.kind = WorldFault::Kind::SlowPartition;
    f.topic = parts[1];
    ok = !f.topic.empty() && number(parts[2], f.partition) && number(parts[3], extra_ms);
    f.extra_ns = extra_ms * 1'000'000;
  } else {
    ok = false;
  }
  if (!ok) {
    error = "bad fault \"";
    error += text;
    error += "\": expected kill-consumer:ID@MS, duplicate:GROUP:PARTITION@MS or slow-partition:TOPIC:PARTITION:EXTRA_MS@MS";
    return std::nullopt;
  }
  f.at_ns = ms * 1'000'000;
  return f;
}

void OutsideWorld::apply_faults(std::int64_t now) {
  while (next_fault_ < config_.faults.size() && config_.faults[next_fault_].at_ns <= now) {
    const WorldFault& f = config_.faults[next_fault_++];
    switch (f.kind) {
      case WorldFault::Kind::KillConsumer:
        broker_.kill(static_cast<ConsumerId>(f.consumer), now);
        doomed_.push_back(f.consumer);
        break;
      case WorldFault::Kind::DuplicateDelivery: {
        const GroupId g = broker_.find_group(f.group);
        if (g != kNoId) broker_.duplicate_next_delivery(g, static_cast<PartitionId>(f.partition), now);
        break;
      }
      case WorldFault::Kind::SlowPartition: {
        const TopicId t = broker_.find_topic(f.topic);
        if (t != kNoId) broker_.slow_partition(t, static_cast<PartitionId>(f.partition), f.extra_ns, now);
        break;
      }
    }
  }
}

vm::WorldReply OutsideWorld::call(vm::WorldCall call, const vm::WorldArgs& a, std::int64_t now) {
  vm::WorldReply r = answer(call, a, now);
  // The killed consumer's goroutine dies at its next call to the broker: a poll it was waiting in, or the commit
  // of a message it applied (so the message is delivered again to another consumer).
  if (call == vm::WorldCall::MqPoll || call == vm::WorldCall::MqCommit) {
    const auto it = std::find(doomed_.begin(), doomed_.end(), a.ints[0]);
    if (it != doomed_.end()) {
      doomed_.erase(it);
      r.kill_caller = true;
    }
  }
  for (const WorldEvent& e : broker_.drain_events()) {
    ++counts_[static_cast<std::size_t>(e.kind) % counts_.size()];
    if (e.kind == WorldEventKind::Publish) last_publish_ = Published{e.topic, e.partition};
  }
  return r;
}

vm::WorldReply OutsideWorld::answer(vm::WorldCall call, const vm::WorldArgs& a, std::int64_t now) {
  apply_faults(now);
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
      // A killed consumer's session is gone: its polls find nothing (its partitions went to the others), and
      // whatever it had fetched and not committed is delivered again elsewhere.
      const bool unknown =
          a.ints[0] < 0 || static_cast<std::size_t>(a.ints[0]) >= broker_.state().consumers.size();
      if (!p.error.empty() && unknown) r.error = "mq: " + p.error;
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
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (const std::uint64_t v : {broker_.state_hash(), clients_.state_hash(), ledger_.state_hash(), sent_,
                                static_cast<std::uint64_t>(cents_sent_), std::uint64_t{next_fault_}})
    h = (h ^ v) * 0x100000001b3ull;
  for (const std::int64_t c : doomed_) h = (h ^ static_cast<std::uint64_t>(c)) * 0x100000001b3ull;
  return h;
}

}  // namespace gb
