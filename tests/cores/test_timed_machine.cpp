// TimedMachine: latency arithmetic, bus arbitration through the Chooser, determinism, store buffers, RMW
// atomicity.
#include <catch2/catch.hpp>

#include <vector>

#include "cores/timed_machine.h"

using namespace gb;

namespace {

// Per-core micro-op lists, handed out in order.
class VectorStream final : public OpStream {
 public:
  explicit VectorStream(std::vector<std::vector<MicroOp>> ops) : ops_(std::move(ops)), pos_(ops_.size(), 0) {}
  bool next(CoreId core, MicroOp& op) override {
    const std::size_t c = static_cast<std::size_t>(core);
    if (c >= ops_.size() || pos_[c] >= ops_[c].size()) return false;
    op = ops_[c][pos_[c]++];
    return true;
  }

 private:
  std::vector<std::vector<MicroOp>> ops_;
  std::vector<std::size_t> pos_;
};

MicroOp load(Addr a, int reg = -1) {
  return MicroOp{OpKind::Load, a, 0, 0, static_cast<std::int8_t>(reg)};
}
MicroOp store(Addr a, Word v) {
  return MicroOp{OpKind::Store, a, v, 0, -1};
}
MicroOp rmw(Addr a, Word delta, int reg = -1) {
  return MicroOp{OpKind::Rmw, a, delta, 0, static_cast<std::int8_t>(reg)};
}
MicroOp fence() {
  return MicroOp{OpKind::Fence, 0, 0, 0, -1};
}
MicroOp compute(std::uint32_t cycles) {
  return MicroOp{OpKind::Compute, 0, 0, cycles, -1};
}

constexpr Addr kA = 0x1000;
constexpr Addr kB = 0x2000;
const CacheGeometry kGeometry{1024, 2,
                              64};  // 8 words per line: a cache-to-cache fill costs 8 x 2 = 16 cycles

MemorySystem make_system(ProtocolKind kind, int cores, CacheGeometry g = kGeometry) {
  MemorySystem m(cores, g, make_protocol(kind));
  m.set_checking(true);
  return m;
}

// The word at `addr` as the coherent system holds it: the copy of whichever cache has the line, else memory.
Word coherent_word(const MemorySystem& m, Addr addr) {
  for (int c = 0; c < m.cores(); ++c) {
    const Cache& cache = m.cache(c);
    const int way = cache.find(cache.line_of(addr));
    if (way >= 0 && is_dirty(cache.line(way).state)) return cache.data(way)[cache.word_of(addr)];
  }
  const Cache& any = m.cache(0);
  return m.memory().read_word(any.line_of(addr), any.word_of(addr));
}

}  // namespace

TEST_CASE("one core: a miss costs memory + hit, a hit costs one cycle", "[timed]") {
  MemorySystem m = make_system(ProtocolKind::MESI, 1);
  FirstChooser chooser;
  TimedMachine machine(m, TimedConfig{}, chooser);
  VectorStream s({{load(kA), load(kA), store(kA, 5)}});
  // Miss: the bus is held 100 cycles, the core then takes the hit cycle (101); the hit (102); E -> M silently
  // (103).
  CHECK(machine.run(s) == 103);
  CHECK(machine.core(0).loads == 2);
  CHECK(machine.core(0).stores == 1);
  CHECK(machine.core(0).memory_stall_cycles == 100);
  CHECK(machine.core(0).bus_wait_cycles == 0);
  CHECK(machine.bus_grants() == 1);
  CHECK(machine.bus_busy_cycles() == 100);
}

TEST_CASE("a dirty victim costs a writeback and a fill", "[timed]") {
  MemorySystem m = make_system(ProtocolKind::MESI, 1, CacheGeometry{64, 1, 64});  // one line in all
  FirstChooser chooser;
  TimedMachine machine(m, TimedConfig{}, chooser);
  VectorStream s({{store(kA, 1), load(kB)}});
  // BusRdX from memory (100 + 1), then B evicts the dirty A: writeback 100 + fill 100 + hit 1.
  CHECK(machine.run(s) == 101 + 201);
  CHECK(machine.core(0).memory_stall_cycles == 300);
}

TEST_CASE("a line from a peer cache costs 2 cycles a word, an upgrade costs a bare request", "[timed]") {
  MemorySystem m = make_system(ProtocolKind::MESI, 2);
  FirstChooser chooser;
  TimedMachine machine(m, TimedConfig{}, chooser);
  // Core 0 fills A from memory (ready at 101). Core 1 waits until 200, then reads A: core 0's E copy supplies
  // it (8 words x 2 = 16) -> 217; its store then needs only BusUpgr (2) -> 220.
  VectorStream s({{load(kA)}, {compute(200), load(kA), store(kA, 9)}});
  CHECK(machine.run(s) == 220);
  CHECK(machine.core(0).finish == 101);
  CHECK(machine.core(1).finish == 220);
  CHECK(machine.core(1).memory_stall_cycles == 16 + 2);
  CHECK(machine.core(1).compute_cycles == 200);
  CHECK(m.state_of(0, m.cache(0).line_of(kA)) == LineState::I);
  CHECK(m.state_of(1, m.cache(1).line_of(kA)) == LineState::M);
}

TEST_CASE("two cores missing in the same cycle are serialised on the bus, and the Chooser picks the order",
          "[timed]") {
  const VectorStream program({{load(kA)}, {load(kB)}});
  SECTION("the first alternative: core 0 wins") {
    MemorySystem m = make_system(ProtocolKind::MESI, 2);
    FirstChooser chooser;
    TimedMachine machine(m, TimedConfig{}, chooser);
    VectorStream s = program;
    CHECK(machine.run(s) == 201);
    CHECK(machine.core(0).finish == 101);
    CHECK(machine.core(1).finish == 201);  // waited 100 for the bus, then its own 100, then the hit cycle
    CHECK(machine.core(1).bus_wait_cycles == 100);
    CHECK(machine.core(0).bus_wait_cycles == 0);
    CHECK(machine.contended_grants() == 1);
    CHECK(machine.bus_busy_cycles() == 200);
  }
  SECTION("a script picking alternative 1: core 1 wins") {
    MemorySystem m = make_system(ProtocolKind::MESI, 2);
    ScriptedChooser chooser({1});
    TimedMachine machine(m, TimedConfig{}, chooser);
    VectorStream s = program;
    CHECK(machine.run(s) == 201);
    CHECK(machine.core(1).finish == 101);
    CHECK(machine.core(0).finish == 201);
    CHECK(machine.core(0).bus_wait_cycles == 100);
    CHECK(chooser.exhausted());
  }
}

TEST_CASE("same seed, same cycles and state hash, timing results are deterministic", "[timed][determinism]") {
  // A contended workload: 4 cores, loads, stores and RMWs over 3 lines, with store buffers on.
  std::vector<std::vector<MicroOp>> ops(4);
  SeededChooser gen(7);
  for (auto& core : ops) {
    for (int i = 0; i < 300; ++i) {
      const Addr a = 0x40 * (gen.next() % 3);
      switch (gen.next() % 4) {
        case 0:
          core.push_back(load(a, 0));
          break;
        case 1:
          core.push_back(store(a, gen.next() % 100));
          break;
        case 2:
          core.push_back(rmw(a, 1));
          break;
        default:
          core.push_back(compute(static_cast<std::uint32_t>(gen.next() % 5)));
          break;
      }
    }
  }
  struct Run {
    Cycle cycles;
    std::uint64_t hash;
    std::uint64_t contended;
    std::vector<Cycle> finish;
  };
  auto run = [&](std::uint64_t seed) {
    MemorySystem m = make_system(ProtocolKind::MOESI, 4);
    SeededChooser chooser(seed);
    TimedConfig config;
    config.store_buffers = true;
    TimedMachine machine(m, config, chooser);
    VectorStream s(ops);
    Run r{machine.run(s), m.state_hash(), machine.contended_grants(), {}};
    for (int c = 0; c < 4; ++c) r.finish.push_back(machine.core(c).finish);
    CHECK_FALSE(m.violation());
    return r;
  };
  const Run a = run(42), b = run(42);
  CHECK(a.cycles == b.cycles);
  CHECK(a.hash == b.hash);
  CHECK(a.finish == b.finish);
  CHECK(a.contended > 0);  // the seed really was asked
}

TEST_CASE("a store buffer forwards a load of the buffered word, a fence waits for the drain",
          "[timed][tso]") {
  TimedConfig tso;
  tso.store_buffers = true;
  SECTION("forwarding: the load sees its own store before the cache does") {
    MemorySystem m = make_system(ProtocolKind::MESI, 1);
    FirstChooser chooser;
    TimedMachine machine(m, tso, chooser);
    VectorStream s({{store(kA, 5), load(kA, 0)}});
    // The store retires into the buffer (1), the load is forwarded (2), then the buffer drains at the end:
    // BusRdX from memory (100 + 1).
    CHECK(machine.run(s) == 103);
    CHECK(machine.reg(0, 0) == 5);
    CHECK(machine.core(0).forwarded_loads == 1);
    CHECK(machine.core(0).drains == 1);
    CHECK(coherent_word(m, kA) == 5);
  }
  SECTION("a fence drains the buffer before the next op runs") {
    MemorySystem m = make_system(ProtocolKind::MESI, 1);
    FirstChooser chooser;
    TimedMachine machine(m, tso, chooser);
    VectorStream s({{store(kA, 7), fence(), load(kA, 0)}});
    // Store into the buffer (1); the fence drains it: BusRdX (1 + 100 + 1 = 102); the load now hits the
    // cache (103) and is not forwarded.
    CHECK(machine.run(s) == 103);
    CHECK(machine.core(0).fences == 1);
    CHECK(machine.core(0).drains == 1);
    CHECK(machine.core(0).forwarded_loads == 0);
    CHECK(machine.reg(0, 0) == 7);
  }
}

TEST_CASE("SB on the timed machine: store buffers show r1=r2=0, fences take it away", "[timed][tso]") {
  auto run = [](bool fences, std::uint64_t seed) {
    MemorySystem m = make_system(ProtocolKind::MESI, 2);
    SeededChooser chooser(seed);
    TimedConfig config;
    config.store_buffers = true;
    TimedMachine machine(m, config, chooser);
    std::vector<std::vector<MicroOp>> ops{{store(kA, 1), load(kB, 0)}, {store(kB, 1), load(kA, 0)}};
    if (fences) {
      ops[0].insert(ops[0].begin() + 1, fence());
      ops[1].insert(ops[1].begin() + 1, fence());
    }
    VectorStream s(ops);
    machine.run(s);
    CHECK_FALSE(m.violation());
    return std::pair<Word, Word>{machine.reg(0, 0), machine.reg(1, 0)};
  };
  for (std::uint64_t seed = 1; seed <= 8; ++seed) {
    INFO("seed " << seed);
    CHECK(run(false, seed) == std::pair<Word, Word>{0, 0});  // both stores still sit in the buffers
    CHECK(run(true, seed) != std::pair<Word, Word>{0, 0});
  }
}

TEST_CASE("RMWs are atomic: two cores each add 1 a thousand times and no add is lost", "[timed][rmw]") {
  for (const ProtocolKind kind :
       {ProtocolKind::MSI, ProtocolKind::MESI, ProtocolKind::MOESI, ProtocolKind::Dragon}) {
    for (const bool buffers : {false, true}) {
      MemorySystem m = make_system(kind, 2);
      SeededChooser chooser(3);
      TimedConfig config;
      config.store_buffers = buffers;
      TimedMachine machine(m, config, chooser);
      std::vector<std::vector<MicroOp>> ops(2);
      for (auto& core : ops)
        for (int i = 0; i < 1000; ++i) core.push_back(rmw(kA, 1, 0));
      VectorStream s(ops);
      machine.run(s);
      INFO(m.protocol().name << (buffers ? " with store buffers" : ""));
      CHECK_FALSE(m.violation());
      CHECK(coherent_word(m, kA) == 2000);
      CHECK(machine.core(0).rmws == 1000);
      CHECK(machine.core(1).rmws == 1000);
      // Each RMW returns the old word, so the last one any core saw is 1999.
      CHECK(std::max(machine.reg(0, 0), machine.reg(1, 0)) == 1999);
    }
  }
}

TEST_CASE("store buffers never change what a core sees of its own words", "[timed][tso]") {
  // Each core works on its own lines (words of a line shared only within the core), so buffering may change
  // timing but never a value: every register and every final word must match the unbuffered run.
  SeededChooser gen(11);
  for (int trial = 0; trial < 20; ++trial) {
    std::vector<std::vector<MicroOp>> ops(3);
    for (std::size_t c = 0; c < ops.size(); ++c) {
      for (int i = 0; i < 60; ++i) {
        const Addr a = 0x1000 * (c + 1) + 0x40 * (gen.next() % 2) + 8 * (gen.next() % 3);
        const int reg = static_cast<int>(gen.next() % 4);
        switch (gen.next() % 5) {
          case 0:
          case 1: ops[c].push_back(load(a, reg)); break;
          case 2: ops[c].push_back(store(a, gen.next() % 1000)); break;
          case 3: ops[c].push_back(rmw(a, 3, reg)); break;
          default: ops[c].push_back(gen.next() % 2 ? fence() : compute(2)); break;
        }
      }
    }
    auto run = [&](bool buffers) {
      MemorySystem m = make_system(ProtocolKind::MESI, 3, CacheGeometry{256, 2, 64});  // small: evictions too
      SeededChooser chooser(5);
      TimedConfig config;
      config.store_buffers = buffers;
      config.store_buffer_capacity = 4;
      TimedMachine machine(m, config, chooser);
      VectorStream s(ops);
      machine.run(s);
      CHECK_FALSE(m.violation());
      std::vector<Word> seen;
      for (int c = 0; c < 3; ++c)
        for (int r = 0; r < 4; ++r) seen.push_back(machine.reg(c, r));
      for (std::size_t c = 0; c < ops.size(); ++c)
        for (Addr line = 0; line < 2; ++line)
          for (Addr w = 0; w < 3; ++w) seen.push_back(coherent_word(m, 0x1000 * (c + 1) + 0x40 * line + 8 * w));
      return seen;
    };
    INFO("trial " << trial);
    CHECK(run(true) == run(false));
  }
}
