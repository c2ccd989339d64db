// Arrival times (fixed or Poisson, thinned for bursts), account and amount choice, retries.
#include "load_generator.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <stdexcept>
#include <utility>

#include "world_hash.h"
#include "world_text.h"

namespace gb {

namespace {

constexpr double kNanosPerSec = 1e9;

}  // namespace

std::string validate(const LoadConfig& c) {
  if (!(c.rate_per_sec > 0.0) || !std::isfinite(c.rate_per_sec)) return "rate_per_sec must be positive";
  if (!(c.burst_factor > 0.0) || !std::isfinite(c.burst_factor)) return "burst_factor must be positive";
  if (c.burst_period_ns < 0 || c.burst_duration_ns < 0)
    return "burst period and duration must not be negative";
  if (c.burst_period_ns > 0 && c.burst_duration_ns > c.burst_period_ns)
    return "burst_duration_ns must not exceed burst_period_ns";
  if (c.accounts < 2) return "need at least 2 accounts (a payment goes from one account to another)";
  if (c.choice == AccountChoice::HotAccount && c.hot_account >= c.accounts)
    return "hot_account is not an account";
  if (!(c.hot_probability >= 0.0 && c.hot_probability <= 1.0)) return "hot_probability must be in [0, 1]";
  if (!(c.retry_probability >= 0.0 && c.retry_probability < 1.0))
    return "retry_probability must be in [0, 1)";
  if (c.amount_min > c.amount_max) return "amount_min exceeds amount_max";
  return "";
}

LoadGenerator::LoadGenerator(LoadConfig config) : cfg_(std::move(config)) {
  if (std::string e = validate(cfg_); !e.empty()) throw std::invalid_argument(cat({"load generator: ", e}));
  rng_.state = cfg_.seed;
  clock_ = cfg_.start_ns;
  generate();
}

bool LoadGenerator::in_burst(Nanos t) const {
  if (cfg_.burst_period_ns <= 0 || t < cfg_.start_ns) return false;
  return (t - cfg_.start_ns) % cfg_.burst_period_ns < cfg_.burst_duration_ns;
}

double LoadGenerator::rate_at(Nanos t) const {
  return cfg_.rate_per_sec * (in_burst(t) ? cfg_.burst_factor : 1.0);
}

Nanos LoadGenerator::arrival_after(Nanos t) {
  if (cfg_.arrival == Arrival::Fixed) {
    // The gap is set by the rate where we stand; the rounding error is below a nanosecond per request.
    return t + std::max<Nanos>(1, std::llround(kNanosPerSec / rate_at(t)));
  }
  // A Poisson process whose rate changes with time, by thinning (Lewis and Shedler): propose arrivals at the
  // highest rate and keep each with probability rate(t) / highest.
  const double top = cfg_.rate_per_sec * std::max(1.0, cfg_.burst_factor);
  double x = static_cast<double>(t);
  for (;;) {
    x += rng_.exponential(kNanosPerSec / top);
    const auto candidate = static_cast<Nanos>(std::llround(x));
    if (rng_.unit() * top < rate_at(candidate)) return candidate;
  }
}

AccountId LoadGenerator::pick_account() {
  if (cfg_.choice == AccountChoice::HotAccount && rng_.unit() < cfg_.hot_probability) return cfg_.hot_account;
  return static_cast<AccountId>(rng_.below(cfg_.accounts));
}

AccountId LoadGenerator::pick_other(AccountId from) {
  // Uniform over the other accounts: draw from accounts-1 and skip over `from`.
  const auto a = static_cast<AccountId>(rng_.below(cfg_.accounts - 1));
  return a >= from ? a + 1 : a;
}

void LoadGenerator::generate() {
  const PaymentRequest previous = next_;
  clock_ = arrival_after(clock_);
  PaymentRequest r;
  r.id = next_id_++;
  r.created_at = clock_;
  if (r.id > 0 && cfg_.retry_probability > 0.0 && rng_.unit() < cfg_.retry_probability) {
    r.idempotency_key = previous.idempotency_key;
    r.from = previous.from;
    r.to = previous.to;
    r.amount = previous.amount;
    r.retry = true;
  } else {
    r.idempotency_key = cat({"pay-", std::to_string(cfg_.seed), "-", std::to_string(payments_++)});
    // A hot account is as likely to pay as to be paid, so it is put on either side with equal chance.
    const AccountId a = pick_account();
    const AccountId b = pick_other(a);
    const bool swap = rng_.below(2) == 1;
    r.from = swap ? b : a;
    r.to = swap ? a : b;
    r.amount = rng_.between(cfg_.amount_min, cfg_.amount_max);
  }
  next_ = std::move(r);
}

PaymentRequest LoadGenerator::take() {
  PaymentRequest r = next_;
  generate();
  return r;
}

std::vector<PaymentRequest> LoadGenerator::take_until(Nanos now) {
  std::vector<PaymentRequest> out;
  while (next_.created_at <= now) out.push_back(take());
  return out;
}

std::uint64_t LoadGenerator::state_hash() const {
  WorldHasher h;
  h.add(cfg_.seed);
  h.add(std::bit_cast<std::uint64_t>(cfg_.rate_per_sec));
  h.add(static_cast<std::uint64_t>(cfg_.arrival));
  h.add(std::bit_cast<std::uint64_t>(cfg_.burst_factor));
  h.add_signed(cfg_.burst_period_ns);
  h.add_signed(cfg_.burst_duration_ns);
  h.add_signed(cfg_.start_ns);
  h.add(cfg_.accounts);
  h.add(static_cast<std::uint64_t>(cfg_.choice));
  h.add(cfg_.hot_account);
  h.add(std::bit_cast<std::uint64_t>(cfg_.hot_probability));
  h.add_signed(cfg_.amount_min);
  h.add_signed(cfg_.amount_max);
  h.add(std::bit_cast<std::uint64_t>(cfg_.retry_probability));
  h.add(rng_.state);
  h.add(next_.id);
  h.add(next_.idempotency_key);
  h.add(next_.from);
  h.add(next_.to);
  h.add_signed(next_.amount);
  h.add_signed(next_.created_at);
  h.add(static_cast<std::uint64_t>(next_.retry));
  h.add_signed(clock_);
  h.add(next_id_);
  h.add(payments_);
  return h.value();
}

}  // namespace gb
