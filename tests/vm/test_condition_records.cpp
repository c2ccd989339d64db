// The runtime's records for conditions (vm.h: chan_ops, steals, last_handoff, burst_origin) are bookkeeping
// beside the state: a machine keeping them (recording) and one that does not run the same run, state hash for
// state hash at every point, and only the recording one has them.
#include <catch2/catch.hpp>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "scheduler/vm/vm.h"
#include "sim/go/run_program.h"
#include "tests/go_programs.h"

using namespace gb::vm;

namespace {

std::string repo_file(const std::string& path) {
  std::ifstream in(std::string(GB_REPO_DIR) + "/" + path);
  REQUIRE(in);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}


VmOptions on_two_cores(bool record) {
  VmOptions o;
  o.seed = 4;
  o.gomaxprocs = 2;
  MachineOptions mo;
  mo.memory.cores = 2;
  mo.record = record;
  o.machine = mo;
  return o;
}

struct Records {
  std::uint64_t chan_ops = 0, steals = 0;
  bool origin = false;
};

// Runs the program twice, recording and not, in the same uneven chunks and single steps, comparing the state
// hashes after each; returns what the recording run kept (the other one must have kept nothing).
Records run_both(const std::string& text) {
  std::string diags;
  const auto prog = gb::go::compile_go("prog.go", text, diags);
  INFO(diags);
  REQUIRE(prog);
  Vm with(prog, on_two_cores(true)), without(prog, on_two_cores(false));
  std::uint64_t chunk = 1;
  while (!with.finished()) {
    if (chunk % 5 == 0) {
      for (int i = 0; i < 40; ++i) {
        with.step();
        without.step();
      }
    } else {
      with.run(chunk * 37);
      without.run(chunk * 37);
    }
    ++chunk;
    INFO("after " << with.instructions() << " instructions");
    REQUIRE(with.instructions() == without.instructions());
    REQUIRE(with.state_hash() == without.state_hash());
  }
  CHECK(without.finished());
  CHECK(with.stdout_text() == without.stdout_text());
  CHECK(without.chan_ops() == 0);
  CHECK(without.steals() == 0);
  CHECK(without.burst_origin().g == gb::kNoG);
  return Records{with.chan_ops(), with.steals(), with.burst_origin().g != gb::kNoG};
}

}  // namespace

TEST_CASE("condition records: channel operations are counted without changing the run", "[machine]") {
  const Records r = run_both(repo_file("ui/examples/pipeline.go"));
  // produce sends 200 and closes; the workers receive 203; 200 results are sent and 201 received; done: 3 + 3;
  // close(results).
  CHECK(r.chan_ops == 200 + 1 + 203 + 200 + 201 + 3 + 3 + 1);
  CHECK(r.origin);
}

TEST_CASE("condition records: steals are counted without changing the run", "[machine]") {
  const Records r = run_both(gb::test::kStealWork);
  CHECK(r.steals > 0);
}

TEST_CASE("wake records: time.After's timer, not the goroutine that ran last, wakes its receiver", "[machine]") {
  // Go: main blocks in <-time.After(...) until the timer's sendTime sends; nobody else is running.
  const char* text = "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc main() {\n"
                     "\t<-time.After(time.Millisecond)\n\tfmt.Println(\"woke\")\n}\n";
  std::string diags;
  const auto prog = gb::go::compile_go("after.go", text, diags);
  INFO(diags);
  REQUIRE(prog);
  Vm vm(prog, on_two_cores(true));
  vm.run();
  REQUIRE(vm.stdout_text() == "woke\n");
  bool timer_woke_main = false;
  for (const WakeRecord& w : vm.wakes()) {
    if (w.woken == 1) {
      CHECK(w.waker == gb::kNoG);
      timer_woke_main = true;
    }
  }
  CHECK(timer_woke_main);
}
