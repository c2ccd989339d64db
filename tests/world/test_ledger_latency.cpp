// The ledger's latency model: base plus seeded jitter, and calls on one account queueing behind each other.
#include <vector>

#include <catch2/catch.hpp>

#include "sim/world/ledger_latency.h"

using namespace gb;

TEST_CASE("a call takes the base latency plus jitter within bounds", "[ledger]") {
  LedgerConfig cfg;
  cfg.read_base_ns = 1000;
  cfg.write_base_ns = 5000;
  cfg.jitter_ns = 100;
  cfg.contention = false;
  LedgerLatency l(cfg);
  bool varied = false;
  Nanos last = -1;
  for (int i = 0; i < 1000; ++i) {
    const LedgerTiming r = l.read(7, 0);
    REQUIRE(r.done_ns >= 1000);
    REQUIRE(r.done_ns <= 1100);
    CHECK(r.waited_ns == 0);
    varied |= last >= 0 && r.done_ns != last;
    last = r.done_ns;
    const LedgerTiming w = l.write(7, 0);
    REQUIRE(w.done_ns >= 5000);
    REQUIRE(w.done_ns <= 5100);
  }
  CHECK(varied);
  CHECK(l.total_wait_ns() == 0);
}

TEST_CASE("with contention, calls on one account serialize and others do not", "[ledger]") {
  LedgerConfig cfg;
  cfg.write_base_ns = 1000;
  cfg.jitter_ns = 0;
  LedgerLatency l(cfg);
  CHECK(l.write(1, 0) == LedgerTiming{0, 1000, 0});
  CHECK(l.write(1, 0) == LedgerTiming{1000, 2000, 1000});
  CHECK(l.write(2, 500) == LedgerTiming{500, 1500, 0});
  // A transfer needs both accounts: it waits for the busier one, then holds both.
  CHECK(l.transfer(1, 2, 600) == LedgerTiming{2000, 3000, 1400});
  CHECK(l.busy_until(2) == 3000);
  CHECK(l.write(3, 2500).done_ns == 3500);
  // Once an account is free again, there is no wait.
  CHECK(l.read(1, 10'000).waited_ns == 0);
  CHECK(l.total_wait_ns() == 2400);
  CHECK(l.calls() == 6);
  // Every call is an event, and the queueing shows in it.
  const std::vector<WorldEvent> ev = l.drain_events();
  REQUIRE(ev.size() == 6);
  CHECK(ev[3].kind == WorldEventKind::LedgerCall);
  CHECK(ev[3].describe() ==
        "[0.000600ms] ledger-call write account 1,2, queued 0.001400ms, done at 0.003000ms");
  CHECK(l.drain_events().empty());
}

TEST_CASE("a hot account's queue grows under load while spread-out calls stay flat", "[ledger]") {
  LedgerConfig cfg;
  cfg.write_base_ns = 1000;
  cfg.jitter_ns = 0;
  LedgerLatency hot(cfg), spread(cfg);
  Nanos hot_last = 0, spread_last = 0;
  for (AccountId i = 0; i < 100; ++i) {
    hot_last = hot.write(0, i * 100).done_ns;  // 10 calls per service time, all on account 0
    spread_last = spread.write(i, i * 100).done_ns;
  }
  CHECK(hot_last == 100 * 1000);
  CHECK(spread_last == 99 * 100 + 1000);
}

TEST_CASE("the ledger model is deterministic for a seed, and a copy is a snapshot", "[ledger][determinism]") {
  LedgerConfig cfg;
  cfg.seed = 17;
  LedgerLatency a(cfg), b(cfg);
  for (AccountId i = 0; i < 50; ++i)
    CHECK(a.transfer(i % 5, (i + 1) % 5, i * 1000) == b.transfer(i % 5, (i + 1) % 5, i * 1000));
  CHECK(a.state_hash() == b.state_hash());
  const std::uint64_t before = a.state_hash();
  LedgerLatency copy = a;
  copy.write(3, 1'000'000);
  CHECK(copy.state_hash() != before);
  CHECK(a.state_hash() == before);
  cfg.seed = 18;
  LedgerLatency c(cfg);
  CHECK(c.state_hash() != LedgerLatency(LedgerConfig{.seed = 17}).state_hash());
}
