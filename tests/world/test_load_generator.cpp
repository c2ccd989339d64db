// The payment clients: rate over a long window, bursts, account choice, amounts, retries, determinism.
#include <set>
#include <stdexcept>
#include <vector>

#include <catch2/catch.hpp>

#include "sim/world/load_generator.h"

using namespace gb;

namespace {

constexpr Nanos kSec = 1'000'000'000;

}  // namespace

TEST_CASE("the mean rate holds over a long window, for fixed and Poisson arrivals", "[load]") {
  for (const Arrival a : {Arrival::Fixed, Arrival::Poisson}) {
    LoadConfig cfg;
    cfg.seed = 42;
    cfg.arrival = a;
    cfg.rate_per_sec = 1000;
    LoadGenerator gen(cfg);
    const std::vector<PaymentRequest> reqs = gen.take_until(100 * kSec);
    INFO("arrival " << static_cast<int>(a));
    if (a == Arrival::Fixed) {
      CHECK(reqs.size() == 100'000);
      CHECK(reqs[1].created_at - reqs[0].created_at == 1'000'000);
    } else {
      // Poisson: the standard deviation of the count is sqrt(100000) ~ 316; 2% is more than 6 of them.
      CHECK(reqs.size() > 98'000);
      CHECK(reqs.size() < 102'000);
      // Gaps are exponential, not constant: about e^-1 of them exceed the mean.
      int long_gaps = 0;
      for (std::size_t i = 1; i < reqs.size(); ++i)
        long_gaps += reqs[i].created_at - reqs[i - 1].created_at > 1'000'000;
      const double share = static_cast<double>(long_gaps) / static_cast<double>(reqs.size() - 1);
      CHECK(share == Approx(0.3679).margin(0.01));
    }
    CHECK(gen.next_arrival() > 100 * kSec);
    CHECK(gen.taken() == reqs.size());
    for (std::size_t i = 1; i < reqs.size(); ++i) REQUIRE(reqs[i].created_at >= reqs[i - 1].created_at);
  }
}

TEST_CASE("bursts raise the rate inside their windows by the burst factor", "[load][bursts]") {
  for (const Arrival a : {Arrival::Fixed, Arrival::Poisson}) {
    LoadConfig cfg;
    cfg.seed = 7;
    cfg.arrival = a;
    cfg.rate_per_sec = 1000;
    cfg.burst_factor = 5;
    cfg.burst_period_ns = kSec;
    cfg.burst_duration_ns = 200'000'000;  // the first 200 ms of every second
    LoadGenerator gen(cfg);
    CHECK(gen.in_burst(100'000'000));
    CHECK_FALSE(gen.in_burst(500'000'000));
    CHECK(gen.rate_at(3 * kSec + 1) == 5000);
    const std::vector<PaymentRequest> reqs = gen.take_until(100 * kSec);
    // Mean: 0.8 s at 1000/s plus 0.2 s at 5000/s = 1800 per second.
    INFO("arrival " << static_cast<int>(a));
    CHECK(static_cast<double>(reqs.size()) == Approx(180'000).epsilon(0.02));
    std::size_t inside = 0;
    for (const PaymentRequest& r : reqs) inside += gen.in_burst(r.created_at);
    const double inside_rate = static_cast<double>(inside) / 20.0;                 // 100 windows of 0.2 s
    const double outside_rate = static_cast<double>(reqs.size() - inside) / 80.0;  // and of 0.8 s
    CHECK(inside_rate == Approx(5000).epsilon(0.03));
    CHECK(outside_rate == Approx(1000).epsilon(0.03));
  }
}

TEST_CASE("accounts, amounts and keys are well formed", "[load]") {
  LoadConfig cfg;
  cfg.seed = 3;
  cfg.accounts = 10;
  cfg.amount_min = 500;
  cfg.amount_max = 600;
  LoadGenerator gen(cfg);
  std::set<AccountId> seen;
  std::set<std::string> keys;
  std::set<std::uint64_t> ids;
  for (int i = 0; i < 5000; ++i) {
    const PaymentRequest r = gen.take();
    REQUIRE(r.from != r.to);
    REQUIRE(r.from < 10);
    REQUIRE(r.to < 10);
    REQUIRE(r.amount >= 500);
    REQUIRE(r.amount <= 600);
    seen.insert(r.from);
    keys.insert(r.idempotency_key);
    ids.insert(r.id);
  }
  CHECK(seen.size() == 10);
  CHECK(keys.size() == 5000);  // no retries configured: one key per request
  CHECK(ids.size() == 5000);
}

TEST_CASE("a hot account takes part in about its configured share of payments", "[load]") {
  auto share_of_account_0 = [](AccountChoice choice) {
    LoadConfig cfg;
    cfg.seed = 11;
    cfg.accounts = 100;
    cfg.choice = choice;
    cfg.hot_account = 0;
    cfg.hot_probability = 0.5;
    LoadGenerator gen(cfg);
    int hits = 0;
    for (int i = 0; i < 20'000; ++i) {
      const PaymentRequest r = gen.take();
      hits += r.from == 0 || r.to == 0;
    }
    return hits / 20'000.0;
  };
  // Hot: 0.5, plus the uniform half picking it on either side (2 in 100).
  CHECK(share_of_account_0(AccountChoice::HotAccount) == Approx(0.51).margin(0.015));
  CHECK(share_of_account_0(AccountChoice::Uniform) == Approx(0.02).margin(0.005));
}

TEST_CASE("retries reuse the idempotency key, accounts and amount of the payment before", "[load]") {
  LoadConfig cfg;
  cfg.seed = 5;
  cfg.retry_probability = 0.2;
  LoadGenerator gen(cfg);
  const std::vector<PaymentRequest> reqs = gen.take_until(10 * kSec);
  std::set<std::string> keys;
  int retries = 0;
  for (std::size_t i = 0; i < reqs.size(); ++i) {
    keys.insert(reqs[i].idempotency_key);
    if (!reqs[i].retry) continue;
    ++retries;
    REQUIRE(i > 0);
    CHECK(reqs[i].idempotency_key == reqs[i - 1].idempotency_key);
    CHECK(reqs[i].amount == reqs[i - 1].amount);
    CHECK(reqs[i].from == reqs[i - 1].from);
    CHECK(reqs[i].id != reqs[i - 1].id);
  }
  CHECK(static_cast<double>(retries) / static_cast<double>(reqs.size()) == Approx(0.2).margin(0.02));
  CHECK(keys.size() == reqs.size() - static_cast<std::size_t>(retries));
}

TEST_CASE("the generator is deterministic for a seed, and a copy is a snapshot", "[load][determinism]") {
  LoadConfig cfg;
  cfg.seed = 99;
  cfg.burst_factor = 3;
  cfg.burst_period_ns = kSec;
  cfg.burst_duration_ns = kSec / 10;
  cfg.choice = AccountChoice::HotAccount;
  LoadGenerator a(cfg), b(cfg);
  CHECK(a.state_hash() == b.state_hash());
  CHECK(a.take_until(5 * kSec) == b.take_until(5 * kSec));
  CHECK(a.state_hash() == b.state_hash());

  const LoadGenerator snapshot = a;
  const std::uint64_t before = a.state_hash();
  LoadGenerator copy = a;
  const std::vector<PaymentRequest> ahead = copy.take_until(8 * kSec);
  CHECK(copy.state_hash() != before);
  CHECK(a.state_hash() == before);         // advancing the copy left the original alone
  CHECK(a.take_until(8 * kSec) == ahead);  // and the original, advanced the same way, does the same
  CHECK(a.state_hash() == copy.state_hash());
  CHECK(snapshot.state_hash() == before);

  cfg.seed = 100;
  LoadGenerator other(cfg);
  CHECK(other.state_hash() != LoadGenerator(LoadConfig{.seed = 99}).state_hash());
  CHECK(other.take_until(kSec) != LoadGenerator([&] {
                                    LoadConfig c = cfg;
                                    c.seed = 99;
                                    return c;
                                  }())
                                      .take_until(kSec));
}

TEST_CASE("a bad configuration is refused with a reason", "[load]") {
  LoadConfig cfg;
  cfg.accounts = 1;
  CHECK_FALSE(validate(cfg).empty());
  CHECK_THROWS_AS(LoadGenerator(cfg), std::invalid_argument);
  cfg = {};
  cfg.rate_per_sec = 0;
  CHECK_FALSE(validate(cfg).empty());
  cfg = {};
  cfg.amount_min = 10;
  cfg.amount_max = 5;
  CHECK_FALSE(validate(cfg).empty());
  cfg = {};
  cfg.burst_period_ns = 10;
  cfg.burst_duration_ns = 20;
  CHECK_FALSE(validate(cfg).empty());
  CHECK(validate(LoadConfig{}).empty());
}
