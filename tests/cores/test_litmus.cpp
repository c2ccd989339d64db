// Litmus tests under SC and TSO on every protocol: the exact outcome sets, the execution counts, the
// witnesses.
#include <catch2/catch.hpp>

#include <functional>
#include <set>
#include <stdexcept>

#include "coherence/bugs.h"
#include "cores/litmus_explorer.h"

using namespace gb;

namespace {

using Outcomes = std::vector<LitmusOutcome>;  // sorted, as LitmusResult::outcome_list() gives them

const std::vector<ProtocolKind> kAllProtocols{ProtocolKind::MSI, ProtocolKind::MESI, ProtocolKind::MOESI,
                                              ProtocolKind::Dragon};

const LitmusTest& test_named(std::string_view id) {
  const LitmusTest* t = find_litmus(id);
  REQUIRE(t != nullptr);
  return *t;
}

// The outcome sets of reference/coherence.md section 8 and the x86-TSO paper, written out by hand.
struct Expected {
  std::string id;
  Outcomes sc;
  Outcomes tso;
};

const std::vector<Expected>& expected_sets() {
  static const std::vector<Expected> table = [] {
    const Outcomes sb_sc{{0, 1}, {1, 0}, {1, 1}};
    const Outcomes sb_tso{{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    const Outcomes fwd_sc{{1, 0, 1, 1}, {1, 1, 1, 0}, {1, 1, 1, 1}};
    const Outcomes fwd_tso{{1, 0, 1, 0}, {1, 0, 1, 1}, {1, 1, 1, 0}, {1, 1, 1, 1}};
    const Outcomes mp{{0, 0}, {0, 1}, {1, 1}};
    const Outcomes lb{{0, 0}, {0, 1}, {1, 0}};
    Outcomes iriw;  // every combination but the one where the readers disagree on the order of the writes
    for (Word bits = 0; bits < 16; ++bits) {
      const LitmusOutcome o{bits >> 3 & 1, bits >> 2 & 1, bits >> 1 & 1, bits & 1};
      if (o != LitmusOutcome{1, 0, 1, 0}) iriw.push_back(o);
    }
    return std::vector<Expected>{{"sb", sb_sc, sb_tso},    {"sb-fence", sb_sc, sb_sc},
                                 {"sb-rmw", sb_sc, sb_sc}, {"sb-fwd", fwd_sc, fwd_tso},
                                 {"mp", mp, mp},           {"mp-fence", mp, mp},
                                 {"lb", lb, lb},           {"iriw", iriw, iriw}};
  }();
  return table;
}

// An oracle that knows nothing of caches: one flat memory, every interleaving, and under TSO a FIFO buffer
// per core with drains as separate actions. Coherent caches must be invisible to the memory model, so the
// explorer that runs the real protocols must find exactly what this finds.
std::set<LitmusOutcome> flat_oracle(const LitmusTest& t, MemoryModel model) {
  struct Core {
    std::size_t pc = 0;
    std::vector<std::pair<Addr, Word>> buffer;
    std::vector<Word> regs = std::vector<Word>(kLitmusRegisters, 0);
  };
  std::set<LitmusOutcome> found;
  std::function<void(std::map<Addr, Word>, std::vector<Core>)> go = [&](std::map<Addr, Word> mem,
                                                                        std::vector<Core> cores) {
    bool moved = false;
    for (std::size_t c = 0; c < cores.size(); ++c) {
      const auto& prog = t.threads[c];
      if (!cores[c].buffer.empty()) {  // drain the oldest entry
        auto m2 = mem;
        auto c2 = cores;
        m2[c2[c].buffer.front().first] = c2[c].buffer.front().second;
        c2[c].buffer.erase(c2[c].buffer.begin());
        go(m2, c2);
        moved = true;
      }
      if (cores[c].pc >= prog.size()) continue;
      const MicroOp op = prog[cores[c].pc];
      const bool waits = (op.kind == OpKind::Fence || op.kind == OpKind::Rmw) && !cores[c].buffer.empty();
      if (waits) continue;
      auto m2 = mem;
      auto c2 = cores;
      Core& me = c2[c];
      ++me.pc;
      if (op.kind == OpKind::Load) {
        Word v = m2[op.addr];
        for (const auto& e : me.buffer)
          if (e.first == op.addr) v = e.second;  // the youngest matching entry wins: it is last
        me.regs[static_cast<std::size_t>(op.reg)] = v;
      } else if (op.kind == OpKind::Store) {
        if (model == MemoryModel::TSO) {
          me.buffer.emplace_back(op.addr, op.value);
        } else {
          m2[op.addr] = op.value;
        }
      } else if (op.kind == OpKind::Rmw) {
        if (op.reg >= 0) me.regs[static_cast<std::size_t>(op.reg)] = m2[op.addr];
        m2[op.addr] += op.value;
      }
      go(m2, c2);
      moved = true;
    }
    if (!moved) {
      LitmusOutcome o;
      for (const LitmusRegister& r : t.observed)
        o.push_back(cores[static_cast<std::size_t>(r.core)].regs[static_cast<std::size_t>(r.reg)]);
      found.insert(o);
    }
  };
  go({}, std::vector<Core>(t.threads.size()));
  return found;
}

}  // namespace

TEST_CASE("the catalogue holds SB, SB+fences, SB+rmws, SB+forwarding, MP, MP+fences, LB and IRIW",
          "[litmus]") {
  std::vector<std::string> ids;
  for (const LitmusTest& t : litmus_tests()) {
    ids.push_back(t.id);
    INFO(t.id);
    CHECK_FALSE(validate(t));
  }
  CHECK(ids ==
        std::vector<std::string>{"sb", "sb-fence", "sb-rmw", "sb-fwd", "mp", "mp-fence", "lb", "iriw"});
  CHECK(find_litmus("SB-Fence") == find_litmus("sb-fence"));
  CHECK(find_litmus("nope") == nullptr);
}

TEST_CASE("litmus programs and outcomes print in the reference's notation", "[litmus]") {
  const LitmusTest& sb = test_named("sb");
  CHECK(format_thread(sb, 0) == "x = 1; r1 = y");
  CHECK(format_thread(sb, 1) == "y = 1; r2 = x");
  CHECK(format_outcome(sb, sb.forbidden) == "r1=0 r2=0");
  CHECK(format_thread(test_named("sb-fence"), 0) == "x = 1; fence; r1 = y");
  CHECK(format_thread(test_named("sb-rmw"), 1) == "fetch_add(y, 1); r2 = x");
  CHECK(format_thread(test_named("mp"), 1) == "r1 = flag; r2 = data");
}

TEST_CASE("every litmus test gives exactly its textbook outcome set under SC and TSO, on every protocol",
          "[litmus]") {
  for (const ProtocolKind kind : kAllProtocols) {
    const Protocol protocol = make_protocol(kind);
    for (const Expected& e : expected_sets()) {
      const LitmusTest& t = test_named(e.id);
      INFO(protocol.name << " " << t.name);
      const LitmusResult sc = explore_litmus(t, MemoryModel::SC, protocol);
      const LitmusResult tso = explore_litmus(t, MemoryModel::TSO, protocol);
      CHECK_FALSE(sc.violation);
      CHECK_FALSE(tso.violation);
      CHECK(sc.outcome_list() == e.sc);
      CHECK(tso.outcome_list() == e.tso);
      // SC never shows the forbidden outcome; TSO shows it exactly when the reference says TSO allows it.
      CHECK_FALSE(sc.observed(t.forbidden));
      CHECK(tso.observed(t.forbidden) == t.tso_allows);
    }
  }
}

SCENARIO("SB: the store-buffering outcome r1=r2=0 needs store buffers and no fence", "[litmus][sb]") {
  for (const ProtocolKind kind : kAllProtocols) {
    const Protocol protocol = make_protocol(kind);
    GIVEN("SB on " << protocol.name) {
      const LitmusTest& sb = test_named("sb");
      WHEN("stores go straight to the cache (SC)") {
        const LitmusResult r = explore_litmus(sb, MemoryModel::SC, protocol);
        THEN("three outcomes, and 0/0 is never seen") {
          CHECK(r.outcome_list() == Outcomes{{0, 1}, {1, 0}, {1, 1}});
        }
      }
      WHEN("stores wait in FIFO store buffers (TSO)") {
        const LitmusResult r = explore_litmus(sb, MemoryModel::TSO, protocol);
        THEN("0/0 appears, and its witness has both loads before either drain") {
          CHECK(r.outcome_list() == Outcomes{{0, 0}, {0, 1}, {1, 0}, {1, 1}});
          const std::vector<LitmusStep>& w = r.outcomes.at({0, 0});
          REQUIRE(w.size() == 6);  // two buffered stores, two loads, two drains
          int loads_done = 0;
          for (const LitmusStep& s : w) {
            if (s.op.kind == OpKind::Load && !s.drain) {
              CHECK(s.value == 0);
              CHECK_FALSE(s.forwarded);
              ++loads_done;
            }
            if (s.drain) {
              CHECK(loads_done == 2);
              // The drain is a real write through the protocol: the line comes in for writing over the bus.
              CHECK(s.bus != BusOp::None);
            }
          }
        }
      }
      WHEN("a fence separates each store from the load") {
        const LitmusResult r = explore_litmus(test_named("sb-fence"), MemoryModel::TSO, protocol);
        THEN("0/0 is gone again") {
          CHECK_FALSE(r.observed({0, 0}));
        }
      }
    }
  }
}

TEST_CASE("MP never shows r1=1 r2=0 and LB never shows r1=r2=1, with or without store buffers", "[litmus]") {
  for (const ProtocolKind kind : {ProtocolKind::MSI, ProtocolKind::MESI}) {
    const Protocol protocol = make_protocol(kind);
    for (const MemoryModel model : {MemoryModel::SC, MemoryModel::TSO}) {
      INFO(protocol.name << " " << name(model));
      CHECK_FALSE(explore_litmus(test_named("mp"), model, protocol).observed({1, 0}));
      CHECK_FALSE(explore_litmus(test_named("mp-fence"), model, protocol).observed({1, 0}));
      // Under TSO a load is never delayed past a later store of the same core, so LB's 1/1 stays impossible.
      CHECK_FALSE(explore_litmus(test_named("lb"), model, protocol).observed({1, 1}));
    }
  }
}

TEST_CASE("SB+forwarding: a core reads its own buffered store before anyone else can", "[litmus]") {
  const LitmusTest& t = test_named("sb-fwd");
  const LitmusResult r = explore_litmus(t, MemoryModel::TSO, make_mesi());
  REQUIRE(r.observed(t.forbidden));
  int forwarded = 0;
  for (const LitmusStep& s : r.outcomes.at(t.forbidden)) forwarded += s.forwarded ? 1 : 0;
  CHECK(forwarded == 2);
}

TEST_CASE("the caches are invisible to the memory model: the explorer agrees with a flat-memory oracle",
          "[litmus]") {
  for (const ProtocolKind kind : kAllProtocols) {
    const Protocol protocol = make_protocol(kind);
    for (const LitmusTest& t : litmus_tests()) {
      for (const MemoryModel model : {MemoryModel::SC, MemoryModel::TSO}) {
        INFO(protocol.name << " " << t.name << " " << name(model));
        const std::set<LitmusOutcome> oracle = flat_oracle(t, model);
        const Outcomes list = explore_litmus(t, model, protocol).outcome_list();
        CHECK(std::set<LitmusOutcome>(list.begin(), list.end()) == oracle);
      }
    }
  }
}

TEST_CASE("execution counts are the number of interleavings of steps and drains", "[litmus]") {
  const Protocol mesi = make_mesi();
  // SC: two threads of two ops interleave in C(4,2) = 6 ways. TSO: each thread is store, then its load and
  // its drain in either order (2 x 2), and the two 3-action threads interleave in C(6,3) = 20 ways: 80.
  CHECK(explore_litmus(test_named("sb"), MemoryModel::SC, mesi).executions == 6);
  CHECK(explore_litmus(test_named("sb"), MemoryModel::TSO, mesi).executions == 80);
  // An RMW drains nothing (the buffer is empty) and goes straight to the cache, so TSO adds no drain points.
  CHECK(explore_litmus(test_named("sb-rmw"), MemoryModel::TSO, mesi).executions == 6);
  // LB under TSO: each thread is load, store, drain in that order: C(6,3) = 20.
  CHECK(explore_litmus(test_named("lb"), MemoryModel::TSO, mesi).executions == 20);
  // IRIW under SC: 6 ops with the readers' pairs ordered: 6! / (2! 2!) = 180.
  CHECK(explore_litmus(test_named("iriw"), MemoryModel::SC, mesi).executions == 180);
}

TEST_CASE("memoisation changes no outcome, no witness and no execution count", "[litmus]") {
  LitmusOptions tree;
  tree.memoise = false;
  for (const ProtocolKind kind : {ProtocolKind::MESI, ProtocolKind::Dragon}) {
    const Protocol protocol = make_protocol(kind);
    for (const LitmusTest& t : litmus_tests()) {
      for (const MemoryModel model : {MemoryModel::SC, MemoryModel::TSO}) {
        INFO(protocol.name << " " << t.name << " " << name(model));
        const LitmusResult merged = explore_litmus(t, model, protocol);
        const LitmusResult full = explore_litmus(t, model, protocol, tree);
        CHECK(merged.outcomes == full.outcomes);
        CHECK(merged.executions == full.executions);
        CHECK(merged.states <= full.states);
      }
    }
  }
}

TEST_CASE("every witness replays to its outcome: the loads in it read the outcome's values", "[litmus]") {
  const Protocol mesi = make_mesi();
  for (const LitmusTest& t : litmus_tests()) {
    for (const MemoryModel model : {MemoryModel::SC, MemoryModel::TSO}) {
      const LitmusResult r = explore_litmus(t, model, mesi);
      for (const auto& [outcome, witness] : r.outcomes) {
        INFO(t.name << " " << name(model) << " " << format_outcome(t, outcome));
        std::map<std::pair<CoreId, int>, Word> regs;
        for (const LitmusStep& s : witness)
          if (!s.drain && s.op.reg >= 0) regs[{s.core, s.op.reg}] = s.value;
        for (std::size_t i = 0; i < t.observed.size(); ++i)
          CHECK(regs[{t.observed[i].core, t.observed[i].reg}] == outcome[i]);
      }
    }
  }
}

TEST_CASE("a store buffer of one entry still explores every execution without deadlock", "[litmus]") {
  LitmusOptions small;
  small.store_buffer_capacity = 1;
  const Protocol mesi = make_mesi();
  for (const LitmusTest& t : litmus_tests()) {
    INFO(t.name);
    CHECK(explore_litmus(t, MemoryModel::TSO, mesi, small).outcomes.size() ==
          explore_litmus(t, MemoryModel::TSO, mesi).outcomes.size());
  }
  // MP's writer can no longer hold both stores at once, yet the outcomes are unchanged.
  CHECK(explore_litmus(test_named("mp"), MemoryModel::TSO, mesi, small).executions <
        explore_litmus(test_named("mp"), MemoryModel::TSO, mesi).executions);
}

TEST_CASE("a planted protocol bug shows up as a coherence violation during the litmus search",
          "[litmus][bugs]") {
  Protocol p = make_mesi();
  REQUIRE_FALSE(inject_bug(p, "s-ignores-busrdx"));
  // IRIW: both readers hold x in S; the writer's BusRdX should invalidate them, but a stale S copy survives.
  const LitmusResult r = explore_litmus(test_named("iriw"), MemoryModel::SC, p);
  REQUIRE(r.violation);
  CHECK(r.violation->invariant == "SWMR");
  REQUIRE_FALSE(r.violation_path.empty());
  CHECK(r.violation_path.back().bus == BusOp::BusRdX);
  // The correct table finds nothing on the same test.
  CHECK_FALSE(explore_litmus(test_named("iriw"), MemoryModel::SC, make_mesi()).violation);
}

TEST_CASE("a broken protocol breaks SC: with M owners that never flush, SB shows r1=r2=0 without buffers",
          "[litmus][bugs]") {
  Protocol p = make_mesi();
  REQUIRE_FALSE(inject_bug(p, "m-no-flush"));
  const LitmusResult r = explore_litmus(test_named("sb"), MemoryModel::SC, p);
  CHECK(r.violation);
  CHECK(r.observed({0, 0}));  // each load reads stale memory under the other core's dirty line
}

TEST_CASE("malformed litmus tests are rejected, not explored", "[litmus]") {
  LitmusTest bad = test_named("sb");
  bad.threads[0][1].reg = kLitmusRegisters;
  CHECK(validate(bad));
  CHECK_THROWS_AS(explore_litmus(bad, MemoryModel::SC, make_mesi()), std::invalid_argument);

  LitmusTest arity = test_named("sb");
  arity.forbidden = {0};
  CHECK(validate(arity));

  LitmusTest unwritten = test_named("sb");
  unwritten.observed.push_back({0, 3, "r9"});
  unwritten.forbidden.push_back(0);
  CHECK(validate(unwritten));
}

TEST_CASE("memory models parse and print", "[litmus]") {
  CHECK(parse_memory_model("TSO") == MemoryModel::TSO);
  CHECK(parse_memory_model("sc") == MemoryModel::SC);
  CHECK_FALSE(parse_memory_model("arm"));
  CHECK(name(MemoryModel::TSO) == "TSO");
}
