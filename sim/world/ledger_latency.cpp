// Ledger call timing: base latency, seeded jitter, and per-account serialization.
#include "ledger_latency.h"

#include <algorithm>
#include <utility>

#include "world_hash.h"
#include "world_text.h"

namespace gb {

LedgerLatency::LedgerLatency(LedgerConfig config) : cfg_(config) {
  rng_.state = cfg_.seed;
}

Nanos LedgerLatency::busy_until(AccountId account) const {
  const auto it = busy_until_.find(account);
  return it == busy_until_.end() ? 0 : it->second;
}

LedgerTiming LedgerLatency::call(LedgerOp op, const std::vector<AccountId>& accounts, Nanos now) {
  LedgerTiming t;
  t.start_ns = now;
  // The call waits until every account it touches is free: it takes them all at once (no partial locking, so
  // the model cannot deadlock, which is the database's job to show, not the latency model's).
  if (cfg_.contention)
    for (const AccountId a : accounts) t.start_ns = std::max(t.start_ns, busy_until(a));
  const Nanos base = op == LedgerOp::Read ? cfg_.read_base_ns : cfg_.write_base_ns;
  const Nanos jitter = cfg_.jitter_ns > 0 ? rng_.between(0, cfg_.jitter_ns) : 0;
  t.done_ns = t.start_ns + base + jitter;
  t.waited_ns = t.start_ns - now;
  if (cfg_.contention)
    for (const AccountId a : accounts) busy_until_[a] = t.done_ns;
  WorldEvent e;
  e.kind = WorldEventKind::LedgerCall;
  e.seq = calls_;
  e.time_ns = now;
  e.done_ns = t.done_ns;
  e.number = t.waited_ns;
  e.note = op == LedgerOp::Read ? "read" : "write";
  for (std::size_t i = 0; i < accounts.size(); ++i)
    e.note += cat({i == 0 ? " account " : ",", std::to_string(accounts[i])});
  events_.push_back(std::move(e));
  ++calls_;
  total_wait_ns_ += t.waited_ns;
  return t;
}

std::vector<WorldEvent> LedgerLatency::drain_events() {
  std::vector<WorldEvent> out;
  out.swap(events_);
  return out;
}

std::uint64_t LedgerLatency::state_hash() const {
  WorldHasher h;
  h.add(cfg_.seed);
  h.add_signed(cfg_.read_base_ns);
  h.add_signed(cfg_.write_base_ns);
  h.add_signed(cfg_.jitter_ns);
  h.add(static_cast<std::uint64_t>(cfg_.contention));
  h.add(rng_.state);
  h.add(busy_until_.size());
  for (const auto& [account, until] : busy_until_) {
    h.add(account);
    h.add_signed(until);
  }
  h.add(calls_);
  h.add_signed(total_wait_ns_);
  h.add(events_.size());
  for (const WorldEvent& e : events_) {
    h.add(e.seq);
    h.add_signed(e.time_ns);
    h.add_signed(e.done_ns);
    h.add_signed(e.number);
    h.add(e.note);
  }
  return h.value();
}

}  // namespace gb
