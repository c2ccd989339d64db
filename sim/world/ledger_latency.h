// The database behind the ledger, as a latency model: when a read or write of some accounts completes, given
// now.
#pragma once

#include <cstdint>
#include <map>
#include <vector>

#include "splitmix64.h"
#include "world_event.h"
#include "world_ids.h"

namespace gb {

enum class LedgerOp : std::uint8_t { Read, Write };

struct LedgerConfig {
  std::uint64_t seed = 1;
  Nanos read_base_ns = 200'000;     // an indexed read on a local database
  Nanos write_base_ns = 1'000'000;  // a committed write (fsync of the log)
  Nanos jitter_ns = 200'000;        // each call adds a uniform draw from [0, jitter_ns]
  // On: calls touching the same account run one after another (as row locks make them), so a hot account
  // queues.
  bool contention = true;
};

struct LedgerTiming {
  Nanos start_ns = 0;   // when the call got its accounts (now, unless it queued behind another call)
  Nanos done_ns = 0;    // when the caller gets the answer
  Nanos waited_ns = 0;  // start_ns - now: time spent queued on the accounts
  bool operator==(const LedgerTiming&) const = default;
};

class LedgerLatency {
 public:
  explicit LedgerLatency(LedgerConfig config = {});

  // A call that touches `accounts` (a transfer touches two; duplicates are allowed and count once).
  LedgerTiming call(LedgerOp op, const std::vector<AccountId>& accounts, Nanos now);
  LedgerTiming read(AccountId account, Nanos now) { return call(LedgerOp::Read, {account}, now); }
  LedgerTiming write(AccountId account, Nanos now) { return call(LedgerOp::Write, {account}, now); }
  LedgerTiming transfer(AccountId from, AccountId to, Nanos now) {
    return call(LedgerOp::Write, {from, to}, now);
  }

  // When the account is next free (now or earlier means free); 0 for an account never touched.
  Nanos busy_until(AccountId account) const;
  const LedgerConfig& config() const { return cfg_; }
  std::uint64_t calls() const { return calls_; }
  Nanos total_wait_ns() const { return total_wait_ns_; }
  // Hands the LedgerCall events recorded since the last drain to the caller (their seq counts ledger calls
  // only).
  std::vector<WorldEvent> drain_events();
  std::uint64_t state_hash() const;

 private:
  LedgerConfig cfg_;
  SplitMix64 rng_;
  // An ordered map, so the hash walks accounts in one order; it holds only accounts ever touched.
  std::map<AccountId, Nanos> busy_until_;
  std::uint64_t calls_ = 0;
  Nanos total_wait_ns_ = 0;
  std::vector<WorldEvent> events_;
};

}  // namespace gb
