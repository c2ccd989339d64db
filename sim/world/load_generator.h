// The payment clients: a seeded stream of payment requests at a configured rate, with bursts and hot
// accounts.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "payment_request.h"
#include "splitmix64.h"
#include "world_ids.h"

namespace gb {

enum class Arrival : std::uint8_t {
  Fixed,    // evenly spaced: easy to reason about in a lesson
  Poisson,  // exponential gaps: what many independent clients look like
};

enum class AccountChoice : std::uint8_t {
  Uniform,     // every account equally likely
  HotAccount,  // one account takes part in a given share of payments: the contention lesson
};

struct LoadConfig {
  std::uint64_t seed = 1;
  double rate_per_sec = 1000.0;  // mean requests per simulated second outside bursts
  Arrival arrival = Arrival::Poisson;
  // Bursts: in the first `burst_duration_ns` of every `burst_period_ns` (counted from start_ns) the rate is
  // multiplied by `burst_factor`. Period 0 means no bursts.
  double burst_factor = 1.0;
  Nanos burst_period_ns = 0;
  Nanos burst_duration_ns = 0;
  Nanos start_ns = 0;
  std::uint32_t accounts = 100;  // accounts 0 .. accounts-1; at least 2, since from != to
  AccountChoice choice = AccountChoice::Uniform;
  AccountId hot_account = 0;
  double hot_probability = 0.5;   // HotAccount: the chance that a payment involves the hot account
  std::int64_t amount_min = 100;  // cents, inclusive
  std::int64_t amount_max = 10'000;
  double retry_probability = 0.0;  // the chance that a request is a client retry of the previous one
};

// "" when the configuration is usable, else what is wrong with it.
std::string validate(const LoadConfig& c);

class LoadGenerator {
 public:
  // Throws std::invalid_argument with validate()'s message on a bad configuration.
  explicit LoadGenerator(LoadConfig config);

  Nanos next_arrival() const { return next_.created_at; }
  const PaymentRequest& peek() const { return next_; }
  PaymentRequest take();  // the next request, whatever its time
  // Every request created at or before `now`, in order.
  std::vector<PaymentRequest> take_until(Nanos now);

  bool in_burst(Nanos t) const;
  double rate_at(Nanos t) const;  // requests per second at simulated time t
  const LoadConfig& config() const { return cfg_; }
  std::uint64_t taken() const { return next_id_ - 1; }  // requests handed out so far
  std::uint64_t state_hash() const;

 private:
  Nanos arrival_after(Nanos t);
  void generate();
  AccountId pick_account();
  AccountId pick_other(AccountId from);

  LoadConfig cfg_;
  SplitMix64 rng_;
  PaymentRequest next_;  // generated one ahead, so next_arrival() is a plain read
  Nanos clock_ = 0;      // the time of the last arrival generated
  std::uint64_t next_id_ = 0;
  std::uint64_t payments_ = 0;  // distinct payments (idempotency keys) so far
};

}  // namespace gb
