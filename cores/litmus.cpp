// The litmus catalogue (reference/coherence.md section 8) and how its programs and outcomes are written out.
#include "litmus.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

namespace gb {

namespace {

// Every location on its own 64-byte line, so no test is disturbed by false sharing and each line's coherence
// traffic is the test's own.
constexpr Addr kX = 0x000;
constexpr Addr kY = 0x040;
constexpr Addr kData = 0x080;
constexpr Addr kFlag = 0x0c0;

MicroOp store(Addr addr, Word value) {
  return MicroOp{OpKind::Store, addr, value, 0, -1};
}
MicroOp load(Addr addr, int reg) {
  return MicroOp{OpKind::Load, addr, 0, 0, static_cast<std::int8_t>(reg)};
}
MicroOp rmw(Addr addr, Word delta) {
  return MicroOp{OpKind::Rmw, addr, delta, 0, -1};
}
MicroOp fence() {
  return MicroOp{OpKind::Fence, 0, 0, 0, -1};
}

std::vector<LitmusTest> build_catalogue() {
  const std::vector<LitmusLocation> xy{{kX, "x"}, {kY, "y"}};
  const std::vector<LitmusLocation> mp{{kData, "data"}, {kFlag, "flag"}};
  std::vector<LitmusTest> tests;

  tests.push_back(LitmusTest{"sb",
                             "SB",
                             "store buffering: each core stores, then loads the other's location",
                             xy,
                             {{store(kX, 1), load(kY, 0)}, {store(kY, 1), load(kX, 0)}},
                             {{0, 0, "r1"}, {1, 0, "r2"}},
                             {0, 0},
                             true});

  // The fence (x86 MFENCE) waits for the store buffer to drain, restoring the Store->Load order TSO drops.
  tests.push_back(LitmusTest{"sb-fence",
                             "SB+fences",
                             "store buffering with a fence between each core's store and load",
                             xy,
                             {{store(kX, 1), fence(), load(kY, 0)}, {store(kY, 1), fence(), load(kX, 0)}},
                             {{0, 0, "r1"}, {1, 0, "r2"}},
                             {0, 0},
                             false});

  // Go's atomic stores and adds compile to LOCK-prefixed instructions on amd64: an RMW drains the buffer and
  // owns the line in M, so it orders like a fence. This is why sync/atomic gives Go programs SC for atomics.
  tests.push_back(LitmusTest{"sb-rmw",
                             "SB+rmws",
                             "store buffering where each store is an atomic add (Go's atomic.AddInt64)",
                             xy,
                             {{rmw(kX, 1), load(kY, 0)}, {rmw(kY, 1), load(kX, 0)}},
                             {{0, 0, "r1"}, {1, 0, "r2"}},
                             {0, 0},
                             false});

  // Each core reads its own store early through the buffer (forwarding) yet misses the other's: TSO allows
  // it, and it shows that a store is visible to its own core before it is visible to any other.
  tests.push_back(
      LitmusTest{"sb-fwd",
                 "SB+forwarding",
                 "store buffering where each core first reads back its own store",
                 xy,
                 {{store(kX, 1), load(kX, 0), load(kY, 1)}, {store(kY, 1), load(kY, 0), load(kX, 1)}},
                 {{0, 0, "r1"}, {0, 1, "r2"}, {1, 0, "r3"}, {1, 1, "r4"}},
                 {1, 0, 1, 0},
                 true});

  tests.push_back(
      LitmusTest{"mp",
                 "MP",
                 "message passing: publish data, then raise a flag; the reader checks the flag first",
                 mp,
                 {{store(kData, 1), store(kFlag, 1)}, {load(kFlag, 0), load(kData, 1)}},
                 {{1, 0, "r1"}, {1, 1, "r2"}},
                 {1, 0},
                 false});

  tests.push_back(
      LitmusTest{"mp-fence",
                 "MP+fences",
                 "message passing with a fence in the writer and in the reader",
                 mp,
                 {{store(kData, 1), fence(), store(kFlag, 1)}, {load(kFlag, 0), fence(), load(kData, 1)}},
                 {{1, 0, "r1"}, {1, 1, "r2"}},
                 {1, 0},
                 false});

  tests.push_back(LitmusTest{"lb",
                             "LB",
                             "load buffering: each core loads, then stores to the location the other loads",
                             xy,
                             {{load(kX, 0), store(kY, 1)}, {load(kY, 0), store(kX, 1)}},
                             {{0, 0, "r1"}, {1, 0, "r2"}},
                             {1, 1},
                             false});

  // Independent reads of independent writes: two readers must agree on the order of two writes. TSO is
  // multi-copy atomic (a store reaches every other core at once, when it drains), so this stays forbidden.
  tests.push_back(
      LitmusTest{"iriw",
                 "IRIW",
                 "two writers, two readers reading the two locations in opposite orders",
                 xy,
                 {{store(kX, 1)}, {store(kY, 1)}, {load(kX, 0), load(kY, 1)}, {load(kY, 0), load(kX, 1)}},
                 {{2, 0, "r1"}, {2, 1, "r2"}, {3, 0, "r3"}, {3, 1, "r4"}},
                 {1, 0, 1, 0},
                 false});
  return tests;
}

bool same_id(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char p, char q) {
           return std::tolower(static_cast<unsigned char>(p)) == std::tolower(static_cast<unsigned char>(q));
         });
}

}  // namespace

const std::vector<LitmusTest>& litmus_tests() {
  static const std::vector<LitmusTest> tests = build_catalogue();
  return tests;
}

const LitmusTest* find_litmus(std::string_view id) {
  for (const LitmusTest& t : litmus_tests())
    if (same_id(t.id, id)) return &t;
  return nullptr;
}

std::optional<std::string> validate(const LitmusTest& test) {
  if (test.threads.empty()) return fmt::format("{}: no threads", test.id);
  if (test.threads.size() > static_cast<std::size_t>(kMaxCores))
    return fmt::format("{}: {} threads, at most {}", test.id, test.threads.size(), kMaxCores);
  for (std::size_t c = 0; c < test.threads.size(); ++c) {
    for (const MicroOp& op : test.threads[c]) {
      if (op.reg >= kLitmusRegisters)
        return fmt::format("{}: core {} uses register {}, only 0..{} exist", test.id, c, op.reg,
                           kLitmusRegisters - 1);
    }
  }
  if (test.forbidden.size() != test.observed.size())
    return fmt::format("{}: the forbidden outcome names {} values for {} observed registers", test.id,
                       test.forbidden.size(), test.observed.size());
  for (const LitmusRegister& r : test.observed) {
    if (r.core < 0 || static_cast<std::size_t>(r.core) >= test.threads.size())
      return fmt::format("{}: observed register {} is on core {}, which has no thread", test.id, r.name,
                         r.core);
    const auto& ops = test.threads[static_cast<std::size_t>(r.core)];
    const bool written = std::any_of(ops.begin(), ops.end(), [&](const MicroOp& op) {
      return (op.kind == OpKind::Load || op.kind == OpKind::Rmw) && op.reg == r.reg;
    });
    if (!written) return fmt::format("{}: observed register {} is never loaded into", test.id, r.name);
  }
  return std::nullopt;
}

std::string location_name(const LitmusTest& test, Addr addr) {
  for (const LitmusLocation& l : test.locations)
    if (l.addr == addr) return l.name;
  return fmt::format("[{:#x}]", addr);
}

std::string register_name(const LitmusTest& test, CoreId core, int reg) {
  for (const LitmusRegister& r : test.observed)
    if (r.core == core && r.reg == reg) return r.name;
  return fmt::format("c{}.r{}", core, reg);
}

std::string format_op(const LitmusTest& test, CoreId core, const MicroOp& op) {
  switch (op.kind) {
    case OpKind::Load:
      return fmt::format("{} = {}", register_name(test, core, op.reg), location_name(test, op.addr));
    case OpKind::Store:
      return fmt::format("{} = {}", location_name(test, op.addr), op.value);
    case OpKind::Rmw: {
      const std::string call = fmt::format("fetch_add({}, {})", location_name(test, op.addr), op.value);
      return op.reg < 0 ? call : fmt::format("{} = {}", register_name(test, core, op.reg), call);
    }
    case OpKind::Fence:
      return "fence";
    case OpKind::Compute:
      return fmt::format("compute {}", op.cycles);
  }
  return "?";
}

std::string format_thread(const LitmusTest& test, CoreId core) {
  std::string text;
  for (const MicroOp& op : test.threads[static_cast<std::size_t>(core)]) {
    if (!text.empty()) text += "; ";
    text += format_op(test, core, op);
  }
  return text;
}

std::string format_outcome(const LitmusTest& test, const LitmusOutcome& outcome) {
  std::string text;
  for (std::size_t i = 0; i < outcome.size() && i < test.observed.size(); ++i) {
    if (!text.empty()) text += ' ';
    text += fmt::format("{}={}", test.observed[i].name, outcome[i]);
  }
  return text;
}

}  // namespace gb
