// Machine mode's timing noise (MachineOptions::jitter, issue 12 item 6): different seeds give different
// interleavings and different numbers of lost updates, one seed gives one run bit for bit, jitter 0 is the fully
// regular timing every seed shared before, and the run still does not depend on how it is cut into calls.
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <catch2/catch.hpp>

#include "scheduler/vm/vm.h"
#include "sim/go/run_program.h"

namespace {

using gb::vm::MachineOptions;
using gb::vm::Vm;
using gb::vm::VmOptions;

std::shared_ptr<const gb::vm::Program> compile_file(const std::string& path) {
  std::ifstream in(std::string(GB_REPO_DIR) + "/" + path);
  REQUIRE(in);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string diags;
  auto p = gb::go::compile_go(path, ss.str(), diags);
  INFO(diags);
  REQUIRE(p);
  return p;
}

// The studio's lost-update example: `balance += 1`, 1000 times in each of two goroutines, no lock.
std::shared_ptr<const gb::vm::Program> lost_update() {
  static const auto p = compile_file("ui/examples/lost_update.go");
  return p;
}

// The program issue 12's student wrote: `balance += 1`, 1000 times in each of two goroutines.
std::shared_ptr<const gb::vm::Program> issue_program() {
  static const auto p = [] {
    std::string diags;
    auto prog = gb::go::compile_go("lost.go", R"(package main

import (
	"fmt"
	"sync"
)

var balance int

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 1000; j++ {
				balance += 1
			}
		}()
	}
	wg.Wait()
	fmt.Println("balance =", balance)
}
)",
                                   diags);
    INFO(diags);
    REQUIRE(prog);
    return prog;
  }();
  return p;
}

VmOptions on_cores(int cores, std::uint64_t seed, double jitter, bool record = false) {
  VmOptions o;
  o.seed = seed;
  o.gomaxprocs = cores;
  MachineOptions mo;
  mo.memory.cores = cores;
  mo.jitter = jitter;
  mo.record = record;
  o.machine = mo;
  return o;
}

struct Outcome {
  std::string out;
  std::uint64_t hash = 0;
};

Outcome run_to_end(int cores, std::uint64_t seed, double jitter,
                   const std::shared_ptr<const gb::vm::Program>& prog = lost_update()) {
  Vm v(prog, on_cores(cores, seed, jitter));
  v.run();
  REQUIRE(v.finished());
  REQUIRE(v.exit_code() == 0);
  return {v.stdout_text(), v.state_hash()};
}

}  // namespace

TEST_CASE("jitter: over 40 seeds the lost update on 2 cores ends with several balances, each seed reproducible",
          "[machine][jitter]") {
  std::set<std::string> balances;
  for (std::uint64_t seed = 1; seed <= 40; ++seed) {
    const Outcome first = run_to_end(2, seed, 1.0);
    const Outcome again = run_to_end(2, seed, 1.0);
    INFO("seed " << seed);
    CHECK(again.out == first.out);
    CHECK(again.hash == first.hash);
    CHECK(first.out.rfind("balance = ", 0) == 0);
    balances.insert(first.out);
  }
  INFO("distinct outputs: " << balances.size());
  CHECK(balances.size() >= 3);
  // Every one of them lost updates: on 2 cores the two loops overlap whatever the noise.
  CHECK(balances.count("balance = 2000 (2000 expected)\n") == 0);
}

// What issue 12 saw before the noise existed, and what a lesson that wants regular timing still gets: the same
// run under every seed (seeds 1 to 12 on 2 cores and 1 to 6 on 4 cores, as the issue reports). The balance itself
// depends on where the heap puts the goroutines' objects (the issue saw 1120 with the bump allocator); the
// property is that every seed gives the same one, with updates lost.
TEST_CASE("jitter: 0 is the fully regular timing, the same run under every seed", "[machine][jitter]") {
  for (const auto& [cores, seeds] : {std::pair{2, 12}, std::pair{4, 6}}) {
    std::set<std::uint64_t> hashes;
    std::set<std::string> outputs;
    for (std::uint64_t seed = 1; seed <= static_cast<std::uint64_t>(seeds); ++seed) {
      const Outcome o = run_to_end(cores, seed, 0.0, issue_program());
      INFO("cores " << cores << " seed " << seed << ": " << o.out);
      CHECK(o.out.rfind("balance = ", 0) == 0);
      CHECK(o.out != "balance = 2000\n");
      outputs.insert(o.out);
      hashes.insert(o.hash);
    }
    CHECK(outputs.size() == 1);
    // Not only the balance: the whole final state is the same (no tie was ever left to the seed).
    CHECK(hashes.size() == 1);
  }
  // And with the noise on, the same program under the same seeds no longer agrees.
  std::set<std::string> noisy;
  for (std::uint64_t seed = 1; seed <= 12; ++seed) noisy.insert(run_to_end(2, seed, 1.0, issue_program()).out);
  CHECK(noisy.size() >= 3);
}

// The session's rewind replays with run(k) what the user reached with single steps, and restores copies: the
// noise must be drawn at the same points however the run is cut, and a copy must draw from its own chooser.
TEST_CASE("jitter: N single steps, run(N), random chunks and a copy reach the same state", "[machine][jitter]") {
  for (const int cores : {2, 4}) {
    for (const double jitter : {1.0, 5.0}) {
      Vm whole(lost_update(), on_cores(cores, 3, jitter));
      Vm stepped = whole;
      Vm chunked = whole;
      std::uint64_t chunk_seed = 99;
      for (int round = 0; round < 5; ++round) {
        const std::uint64_t n = 2'003 + static_cast<std::uint64_t>(round) * 1'009;
        whole.run(n);
        for (std::uint64_t i = 0; i < n; ++i) stepped.step();
        for (std::uint64_t left = n; left > 0;) {
          chunk_seed = chunk_seed * 6364136223846793005ull + 1442695040888963407ull;
          const std::uint64_t k = std::min<std::uint64_t>(left, 1 + (chunk_seed >> 33) % 17);
          chunked.run(k);
          left -= k;
        }
        INFO("cores " << cores << " jitter " << jitter << " round " << round);
        REQUIRE(stepped.instructions() == whole.instructions());
        CHECK(stepped.state_hash() == whole.state_hash());
        CHECK(chunked.state_hash() == whole.state_hash());
      }
      Vm copy = whole;  // a snapshot mid-run replays the same noise
      whole.run();
      stepped.run();
      copy.run();
      CHECK(stepped.state_hash() == whole.state_hash());
      CHECK(copy.state_hash() == whole.state_hash());
      CHECK(copy.stdout_text() == whole.stdout_text());
    }
  }
}

// The noise a bus transaction gets is bounded by what README says: at most kJitterBusNs on a transfer between
// caches or a request, kJitterDramNs on a transaction that reaches memory, and it does vary.
TEST_CASE("jitter: a bus transaction takes its regular latency plus at most the stated noise", "[machine][jitter]") {
  std::map<gb::BusOp, std::set<std::uint32_t>> regular;
  {
    Vm v(lost_update(), on_cores(2, 1, 0.0, true));
    v.run();
    for (std::size_t i = 0; i < v.memory().bus_log().size(); ++i) {
      const gb::vm::BusRecord& b = v.memory().bus_log()[i];
      regular[b.op].insert(b.dur_ns);
    }
  }
  Vm v(lost_update(), on_cores(2, 1, 1.0, true));
  v.run();
  std::set<std::uint32_t> seen;
  for (std::size_t i = 0; i < v.memory().bus_log().size(); ++i) {
    const gb::vm::BusRecord& b = v.memory().bus_log()[i];
    seen.insert(b.dur_ns);
    // Some regular latency of this kind of transaction lies at most the noise's bound below this one.
    bool explained = false;
    for (const std::uint32_t base : regular[b.op]) {
      const std::uint32_t most = base >= 100 ? gb::vm::kJitterDramNs : gb::vm::kJitterBusNs;
      explained = explained || (b.dur_ns >= base && b.dur_ns - base <= most);
    }
    INFO("transaction " << i << " takes " << b.dur_ns << " ns");
    CHECK(explained);
  }
  std::size_t regular_count = 0;
  for (const auto& [op, durations] : regular) regular_count += durations.size();
  CHECK(seen.size() > regular_count);
}
