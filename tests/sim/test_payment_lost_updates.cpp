// Lost updates (scheduler/vm/lost_updates.h) on the payment workload: the unsynchronised ledger reports them
// whenever it breaks conservation, and the synchronised variants (one mutex, per-account mutexes, atomics,
// partitioning) never report one.
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "sim/go/run_program.h"
#include "sim/machine/outside_world.h"

namespace {

std::shared_ptr<const gb::vm::Program> compile_variant(const std::string& variant) {
  std::ifstream in(std::string(GB_REPO_DIR) + "/lessons/payment/payment.go");
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  const std::string from = "const variant = \"global\"";
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), "const variant = \"" + variant + "\"");
  std::string diags;
  auto p = gb::go::compile_go("payment.go", text, diags);
  INFO(diags);
  REQUIRE(p);
  return p;
}

struct Outcome {
  bool conserved = false;
  std::size_t lost = 0;
};

Outcome run(const std::shared_ptr<const gb::vm::Program>& prog, std::uint64_t seed) {
  gb::OutsideWorldConfig wc;
  wc.payments = 300;
  wc.clients.seed = seed;
  wc.clients.rate_per_sec = 5000;
  wc.clients.accounts = 64;
  wc.ledger.seed = seed;
  gb::OutsideWorld world(wc);
  gb::vm::VmOptions o;
  o.seed = seed;
  o.gomaxprocs = 4;
  gb::vm::MachineOptions mo;
  mo.memory.cores = 4;
  mo.detect_lost_updates = true;
  o.machine = mo;
  gb::vm::Vm vm(prog, o);
  vm.set_world(&world);
  vm.run(200'000'000);
  REQUIRE(vm.finished());
  return {vm.stdout_text().find("invariants hold") != std::string::npos, vm.memory().lost_updates().size()};
}

}  // namespace

TEST_CASE("payment workload: lost updates are reported exactly by the unsynchronised ledger", "[payment][slow]") {
  for (const char* variant : {"nolock", "global", "peraccount", "atomic", "partitioned"}) {
    const auto prog = compile_variant(variant);
    std::size_t reported = 0;
    for (std::uint64_t seed = 1; seed <= 10; ++seed) {
      const Outcome o = run(prog, seed);
      INFO(variant << " seed " << seed << ": " << o.lost << " lost updates, conserved " << o.conserved);
      if (std::string(variant) == "nolock") {
        if (!o.conserved) CHECK(o.lost > 0);  // money went missing: the detector saw how
        reported += o.lost;
      } else {
        CHECK(o.lost == 0);
      }
    }
    if (std::string(variant) == "nolock") CHECK(reported > 0);
  }
}
