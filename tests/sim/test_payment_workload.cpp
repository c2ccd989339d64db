// The payment workload of lessons/payment (issue 4 §5) on the machine: every synchronised variant keeps its
// invariants (money conserved, each accepted payment applied exactly once, no negative balance) across 200 seeds;
// the unsynchronised one is shown to break conservation under some seed; the scheduler's invariants hold after
// every instruction while goroutines go in and out of system calls.
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "sim/go/run_program.h"
#include "sim/machine/outside_world.h"

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr std::uint64_t kSeeds = 20;  // the sanitizer pass runs ~10x slower; the Release pass does all 200
#else
constexpr std::uint64_t kSeeds = 200;
#endif

std::string workload(const std::string& variant) {
  std::ifstream in(std::string(GB_REPO_DIR) + "/lessons/payment/payment.go");
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  const std::string from = "const variant = \"global\"";
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), "const variant = \"" + variant + "\"");
  return text;
}

std::shared_ptr<const gb::vm::Program> compile(const std::string& variant) {
  std::string diags;
  auto p = gb::go::compile_go("payment.go", workload(variant), diags);
  INFO(diags);
  REQUIRE(p);
  return p;
}

struct Outcome {
  int exit_code = 0;
  std::string out;
  std::uint64_t handoffs = 0;
  std::uint64_t kills = 0, redeliveries = 0, duplicates = 0, rejected_commits = 0;
  std::uint64_t killed_goroutines = 0;
};

Outcome run(const std::shared_ptr<const gb::vm::Program>& prog, std::uint64_t seed, int cores, std::uint64_t payments,
            bool check_scheduler = false, const std::vector<std::string>& faults = {}) {
  gb::OutsideWorldConfig wc;
  for (const std::string& f : faults) {
    std::string error;
    const auto fault = gb::parse_fault(f, error);
    INFO(error);
    REQUIRE(fault);
    wc.faults.push_back(*fault);
  }
  wc.payments = payments;
  wc.clients.seed = seed;
  wc.clients.rate_per_sec = 5000;
  wc.clients.accounts = 64;
  wc.ledger.seed = seed;
  gb::OutsideWorld world(wc);
  gb::vm::VmOptions o;
  o.seed = seed;
  o.gomaxprocs = cores;
  gb::vm::MachineOptions mo;
  mo.memory.cores = cores;
  o.machine = mo;
  gb::vm::Vm vm(prog, o);
  vm.set_world(&world);
  if (check_scheduler) {
    while (vm.step()) {
      const auto bad = vm.scheduler().check_invariants();
      INFO("after instruction " << vm.instructions());
      REQUIRE_FALSE(bad.has_value());
    }
  } else {
    vm.run(200'000'000);
  }
  REQUIRE(vm.finished());
  using K = gb::WorldEventKind;
  return Outcome{vm.exit_code(),           vm.stdout_text(),
                 vm.handoffs(),            world.events(K::Kill),
                 world.events(K::Redeliver), world.events(K::DuplicateDeliver),
                 world.events(K::CommitRejected), vm.killed_goroutines()};
}

}  // namespace

TEST_CASE("payment workload: every synchronised variant keeps its invariants across the seeds", "[payment]") {
  for (const char* variant : {"global", "peraccount", "atomic", "partitioned"}) {
    const auto prog = compile(variant);
    int failures = 0;
    for (std::uint64_t seed = 1; seed <= kSeeds; ++seed) {
      const Outcome o = run(prog, seed, 4, 100);
      if (o.exit_code != 0 || o.out.find("invariants hold") == std::string::npos) {
        ++failures;
        UNSCOPED_INFO(variant << " seed " << seed << ":\n" << o.out);
      }
    }
    INFO(variant);
    CHECK(failures == 0);
  }
}

TEST_CASE("payment workload: without synchronisation some seed loses money", "[payment]") {
  const auto prog = compile("nolock");
  std::uint64_t broken_seed = 0;
  for (std::uint64_t seed = 1; seed <= 50 && broken_seed == 0; ++seed) {
    const Outcome o = run(prog, seed, 4, 200);
    if (o.out.find("INVARIANT BROKEN: money not conserved") != std::string::npos) {
      CHECK(o.exit_code == 1);
      broken_seed = seed;
    }
  }
  WARN("the unsynchronised ledger first breaks conservation with seed " << broken_seed);
  CHECK(broken_seed != 0);
}

TEST_CASE("payment workload: scheduler invariants hold after every instruction, through syscalls and handoffs",
          "[payment]") {
  const auto prog = compile("peraccount");
  const Outcome o = run(prog, 3, 2, 30, true);
  CHECK(o.exit_code == 0);
  CHECK(o.handoffs > 0);  // sysmon took Ps from Ms blocked in the broker's and the database's calls
  CHECK(o.out.find("invariants hold") != std::string::npos);
}

TEST_CASE("payment workload: a consumer killed mid-run, a duplicated delivery and a slow partition change nothing",
          "[payment]") {
  const auto prog = compile("peraccount");
  std::uint64_t again = 0;
  for (std::uint64_t seed = 1; seed <= 5; ++seed) {
    const Outcome o = run(prog, seed, 4, 300, false,
                          {"slow-partition:payments:2:5@10", "duplicate:ledger:0@20", "kill-consumer:1@30"});
    INFO("seed " << seed << ":\n" << o.out);
    CHECK(o.exit_code == 0);
    CHECK(o.out.find("invariants hold") != std::string::npos);
    CHECK(o.kills == 1);
    CHECK(o.killed_goroutines == 1);  // the consumer's goroutine died at its next poll or commit (Goexit)
    CHECK(o.duplicates == 1);
    again += o.redeliveries + o.rejected_commits;
  }
  // Some seed kills the consumer while it holds uncommitted messages: they are delivered again, and the
  // idempotency keys keep the payments applied once.
  CHECK(again > 0);
  std::string error;
  CHECK_FALSE(gb::parse_fault("kill-consumer:x@3", error).has_value());
  CHECK(error.find("kill-consumer:ID@MS") != std::string::npos);
  CHECK_FALSE(gb::parse_fault("duplicate:ledger:0", error).has_value());
}
