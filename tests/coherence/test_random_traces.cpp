// Randomised multi-core traces with the invariant checker after every transaction, and every planted bug caught.
#include <catch2/catch.hpp>

#include "coherence/bugs.h"
#include "coherence/hash.h"
#include "random_trace.h"

using namespace gb;

namespace {
const ProtocolKind kAll[] = {ProtocolKind::MSI, ProtocolKind::MESI, ProtocolKind::MOESI, ProtocolKind::Dragon};
}

TEST_CASE("random traces keep SWMR and data values under every protocol", "[random][invariants]") {
  // 4 protocols x 4 seeds x 80 000 operations = 1.28 million checked operations.
  std::uint64_t total = 0;
  for (ProtocolKind kind : kAll) {
    for (std::uint64_t seed : {1, 2, 3, 4}) {
      MemorySystem m(seed % 2 ? 4 : 3, test::kSmallCache, make_protocol(kind));
      m.set_checking(true);
      const test::RandomRun run = test::run_random(m, seed, 80'000);
      INFO(protocol_name(kind) << " seed " << seed);
      if (run.violation) FAIL(run.violation->message());
      // A final sweep over every line: nothing slipped between the per-transaction checks.
      const auto all = m.checker().check_all(m);
      if (all) FAIL(all->message());
      total += run.operations;
      // The workload really did share: invalidations or updates happened and lines were written back.
      std::uint64_t coherence_actions = 0, writebacks = 0;
      for (int c = 0; c < m.cores(); ++c) {
        coherence_actions += m.stats(c).invalidations + m.stats(c).bus_upd;
        writebacks += m.stats(c).writebacks;
      }
      CHECK(coherence_actions > 1000);
      CHECK(writebacks > 100);
    }
  }
  CHECK(total >= 1'000'000);
}

TEST_CASE("every planted bug is caught by the checker on random traces", "[random][bugs]") {
  int caught = 0;
  for (ProtocolKind kind : kAll) {
    for (const PlantedBug& bug : planted_bugs()) {
      Protocol p = make_protocol(kind);
      if (inject_bug(p, bug.name)) continue;  // does not apply to this protocol
      INFO(protocol_name(kind) << " with " << bug.name);
      MemorySystem m(4, test::kSmallCache, p);
      m.set_checking(true);
      const test::RandomRun run = test::run_random(m, 7, 200'000);
      REQUIRE(run.violation.has_value());
      ++caught;
    }
  }
  // 6 bugs over 4 protocols: 17 combinations apply (see `gopherbus-cli bugs`).
  CHECK(caught == 17);
}

TEST_CASE("the same workload and seed give the same event hash and state hash", "[determinism]") {
  for (ProtocolKind kind : kAll) {
    std::uint64_t hashes[2][2];
    for (int run = 0; run < 2; ++run) {
      MemorySystem m(4, test::kSmallCache, make_protocol(kind));
      EventHasher hasher;
      m.set_sink(&hasher);
      test::run_random(m, 99, 20'000);
      hashes[run][0] = hasher.value();
      hashes[run][1] = m.state_hash();
      CHECK(hasher.count() > 1000);
    }
    CHECK(hashes[0][0] == hashes[1][0]);
    CHECK(hashes[0][1] == hashes[1][1]);
    // A different seed is a different run.
    MemorySystem other(4, test::kSmallCache, make_protocol(kind));
    EventHasher hasher;
    other.set_sink(&hasher);
    test::run_random(other, 100, 20'000);
    CHECK(hasher.value() != hashes[0][0]);
  }
}

TEST_CASE("a copied system is an independent snapshot that replays identically", "[determinism][snapshot]") {
  MemorySystem m(4, test::kSmallCache, make_protocol(ProtocolKind::MESI));
  test::run_random(m, 5, 5'000);
  const MemorySystem snapshot = m;
  test::run_random(m, 6, 5'000);
  MemorySystem replay = snapshot;
  test::run_random(replay, 6, 5'000);
  CHECK(replay.state_hash() == m.state_hash());
  CHECK(snapshot.state_hash() != m.state_hash());
}
