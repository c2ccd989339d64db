// Property tests of the whole machine (issue 4 §7): every concurrent program of the oracle corpus, on a random
// machine (cores, GOMAXPROCS, protocol, seed), stepped at random granularities: after every step the scheduler's
// invariants (Gs, Ps and Ms) and the coherence checker (SWMR, data value) hold; and forward N, rewind to a
// snapshot, forward N again lands on the same state hash.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "coherence/chooser.h"
#include "sim/machine/machine.h"

namespace fs = std::filesystem;

namespace {

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The corpus programs that start goroutines.
std::vector<fs::path> concurrent_programs() {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(fs::path(GB_REPO_DIR) / "tests" / "go"))
    if (e.path().extension() == ".go" && read(e.path()).find("\tgo ") != std::string::npos) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("machine properties: invariants after every step, and rewind-replay, on random machines",
          "[machine][properties]") {
  const std::vector<fs::path> programs = concurrent_programs();
  REQUIRE(programs.size() >= 20);
  gb::SeededChooser rng(20261125);
  const gb::ProtocolKind protocols[] = {gb::ProtocolKind::MSI, gb::ProtocolKind::MESI, gb::ProtocolKind::MOESI,
                                        gb::ProtocolKind::Dragon};
  const gb::StepKind kinds[] = {gb::StepKind::Instruction,    gb::StepKind::Statement,
                                gb::StepKind::BusTransaction, gb::StepKind::SchedulerEvent,
                                gb::StepKind::MemoryAccess,   gb::StepKind::MachineCycle};
  int loaded = 0;
  std::uint64_t stepped = 0;
  for (const fs::path& prog : programs) {
    gb::MachineConfig c;
    c.seed = 1 + rng.choose(1000, gb::ChoiceKind::Scheduler);
    c.gomaxprocs = 1 + static_cast<int>(rng.choose(4, gb::ChoiceKind::Scheduler));
    c.machine.memory.cores = 1 + static_cast<int>(rng.choose(4, gb::ChoiceKind::Scheduler));
    c.machine.memory.protocol = protocols[rng.choose(4, gb::ChoiceKind::Scheduler)];
    c.machine.check_coherence = true;
    std::string diags;
    auto m = gb::Machine::load(prog.filename().string(), read(prog), c, diags);
    INFO(prog.filename().string() << ": seed " << c.seed << ", GOMAXPROCS " << c.gomaxprocs << ", "
                                  << c.machine.memory.cores << " cores, " << gb::protocol_name(c.machine.memory.protocol));
    if (!m) continue;  // the corpus has programs that must not compile; the oracle test covers them
    ++loaded;
    std::optional<gb::Machine> snapshot;
    std::uint64_t snapshot_at = 0;
    int steps = 0;
    while (!m->runtime().finished() && m->runtime().instructions() < 30'000) {
      const gb::StepKind k = kinds[rng.choose(std::size(kinds), gb::ChoiceKind::Scheduler)];
      m->step(k, 0, 2'000);
      ++steps;
      const auto bad = m->runtime().scheduler().check_invariants();
      if (bad) FAIL("after step " << steps << ": " << *bad);
      const auto& v = m->runtime().memory().system().violation();
      if (v) FAIL("after step " << steps << ": coherence violation");
      if (!snapshot && m->runtime().instructions() > 2'000) {
        snapshot = *m;
        snapshot_at = m->runtime().instructions();
      }
    }
    stepped += m->runtime().instructions();
    if (snapshot) {
      const std::uint64_t n = m->runtime().instructions() - snapshot_at;
      gb::Machine again = *snapshot;
      again.run(n);  // whole-run replay of what the steps did
      CHECK(again.runtime().instructions() == m->runtime().instructions());
      CHECK(again.state_hash() == m->state_hash());
    }
  }
  CHECK(loaded >= 20);
  CHECK(stepped > 100'000);  // not vacuous: the programs ran
}
