// gopherbus-cli explore, litmus and bugs as a user runs them.
#include <catch2/catch.hpp>

#include "cli_runner.h"

using gb::test::run_cli;

TEST_CASE("explore prints the MESI one-block state counts and catches a planted bug", "[cli][explore]") {
  const auto r = run_cli("explore --protocol mesi --caches 2 3 4 5 6");
  REQUIRE(r.status == 0);
  for (const char* line : {"MESI N=2: 20 states, 120 transitions, invariants hold",
                           "MESI N=3: 34 states", "MESI N=4: 56 states", "MESI N=5: 94 states",
                           "MESI N=6: 164 states, 2952 transitions"})
    CHECK(r.out.find(line) != std::string::npos);
  const auto bug = run_cli("explore --protocol mesi --caches 2 --inject-bug read-miss-always-e");
  CHECK(bug.status == 1);
  CHECK(bug.out.find("path: c0 load; c1 load;") != std::string::npos);
  CHECK(run_cli("explore --caches 0").status == 2);
  CHECK(run_cli("explore --protocol x").status == 2);
}

TEST_CASE("litmus shows SB's forbidden outcome only under TSO", "[cli][litmus]") {
  const auto r = run_cli("litmus --test sb --model both --protocol mesi");
  REQUIRE(r.status == 0);
  CHECK(r.out.find("SB under SC: r1=0 r2=0 not observed") != std::string::npos);
  CHECK(r.out.find("SB under TSO: r1=0 r2=0 OBSERVED (allowed by TSO)") != std::string::npos);
  const auto mp = run_cli("litmus --test mp --model tso --protocol dragon");
  REQUIRE(mp.status == 0);
  CHECK(mp.out.find("r1=1 r2=0 not observed") != std::string::npos);
  CHECK(run_cli("litmus --test nope").status == 2);
}

TEST_CASE("bugs lists every planted bug with the protocols it applies to", "[cli][bugs]") {
  const auto r = run_cli("bugs");
  REQUIRE(r.status == 0);
  CHECK(r.out.find("m-evict-no-writeback") != std::string::npos);
  CHECK(r.out.find("[MSI, MESI, MOESI, Dragon]") != std::string::npos);
  CHECK(r.out.find("sc-ignores-busupd") != std::string::npos);
}
