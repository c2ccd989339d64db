// The exhaustive one-block explorer reproduces the model checker's reachable-state counts.
#include <catch2/catch.hpp>

#include "coherence/bugs.h"
#include "coherence/explorer.h"

using namespace gb;

TEST_CASE("MESI one-block model reaches exactly 2^(N+1)+6N states for N = 2..6", "[explorer]") {
  const Protocol mesi = make_mesi();
  for (int n = 2; n <= 6; ++n) {
    const ExplorerResult r = explore_one_block(mesi, n);
    INFO("N = " << n);
    CHECK_FALSE(r.violation);
    CHECK(r.states == (1u << (n + 1)) + 6u * static_cast<unsigned>(n));
    CHECK(r.transitions == 3u * static_cast<unsigned>(n) * r.states);  // 3 rules per cache in every state
  }
}

TEST_CASE("the explorer finds the seeded read-miss-always-E bug after two loads", "[explorer][bugs]") {
  Protocol p = make_mesi();
  REQUIRE_FALSE(inject_bug(p, "read-miss-always-e"));
  const ExplorerResult r = explore_one_block(p, 2);
  REQUIRE(r.violation);
  CHECK(r.violation->invariant == "SWMR");
  CHECK(r.path == std::vector<std::string>{"c0 load", "c1 load"});
}

TEST_CASE("every protocol's one-block state space holds its invariants", "[explorer]") {
  for (Protocol p : {make_msi(), make_mesi(), make_moesi(), make_dragon()}) {
    for (int n = 2; n <= 4; ++n) {
      const ExplorerResult r = explore_one_block(p, n);
      INFO(p.name << " N = " << n);
      CHECK_FALSE(r.violation);
      CHECK(r.states > 0);
    }
  }
}
