// Every cell of every protocol table: the table data against the textbook tables written out independently here,
// and the engine against the table (every row is reached and does what it says; no missing cell is ever reached).
#include <algorithm>
#include <deque>
#include <map>
#include <set>
#include <string>
#include <tuple>

#include <catch2/catch.hpp>

#include "machine_helpers.h"

using namespace gb;
using enum LineState;

namespace {

// The textbook tables (reference/coherence.md sections 2-3), cell by cell.
struct ProcCell {
  LineState from;
  ProcOp op;
  BusOp bus;
  LineState alone, shared;
  bool writeback;
};
struct SnoopCell {
  LineState from;
  BusOp bus;
  LineState to;
  Supply supply;
};

const ProcOp Rd = ProcOp::Read, Wr = ProcOp::Write, Ev = ProcOp::Evict;
const BusOp None = BusOp::None, Rd_ = BusOp::BusRd, RdX = BusOp::BusRdX, Upgr = BusOp::BusUpgr, Upd = BusOp::BusUpd;

struct Expected {
  ProtocolKind kind;
  std::vector<ProcCell> proc;
  std::vector<SnoopCell> snoop;
};

std::vector<Expected> textbook() {
  return {
      {ProtocolKind::MSI,
       {{I, Rd, Rd_, S, S, false}, {I, Wr, RdX, M, M, false}, {S, Rd, None, S, S, false}, {S, Wr, RdX, M, M, false},
        {S, Ev, None, I, I, false}, {M, Rd, None, M, M, false}, {M, Wr, None, M, M, false},
        {M, Ev, None, I, I, true}},
       {{I, Rd_, I, Supply::None}, {I, RdX, I, Supply::None}, {S, Rd_, S, Supply::None}, {S, RdX, I, Supply::None},
        {M, Rd_, S, Supply::Flush}, {M, RdX, I, Supply::Flush}}},
      {ProtocolKind::MESI,
       {{I, Rd, Rd_, E, S, false}, {I, Wr, RdX, M, M, false}, {S, Rd, None, S, S, false},
        {S, Wr, Upgr, M, M, false}, {S, Ev, None, I, I, false}, {E, Rd, None, E, E, false},
        {E, Wr, None, M, M, false}, {E, Ev, None, I, I, false}, {M, Rd, None, M, M, false},
        {M, Wr, None, M, M, false}, {M, Ev, None, I, I, true}},
       {{I, Rd_, I, Supply::None}, {I, RdX, I, Supply::None}, {I, Upgr, I, Supply::None},
        {S, Rd_, S, Supply::FlushOpt}, {S, RdX, I, Supply::FlushOpt}, {S, Upgr, I, Supply::None},
        {E, Rd_, S, Supply::FlushOpt}, {E, RdX, I, Supply::FlushOpt}, {M, Rd_, S, Supply::Flush},
        {M, RdX, I, Supply::Flush}}},
      {ProtocolKind::MOESI,
       {{I, Rd, Rd_, E, S, false}, {I, Wr, RdX, M, M, false}, {S, Rd, None, S, S, false},
        {S, Wr, Upgr, M, M, false}, {S, Ev, None, I, I, false}, {E, Rd, None, E, E, false},
        {E, Wr, None, M, M, false}, {E, Ev, None, I, I, false}, {O, Rd, None, O, O, false},
        {O, Wr, Upgr, M, M, false}, {O, Ev, None, I, I, true}, {M, Rd, None, M, M, false},
        {M, Wr, None, M, M, false}, {M, Ev, None, I, I, true}},
       {{I, Rd_, I, Supply::None}, {I, RdX, I, Supply::None}, {I, Upgr, I, Supply::None},
        {S, Rd_, S, Supply::FlushOpt}, {S, RdX, I, Supply::FlushOpt}, {S, Upgr, I, Supply::None},
        {E, Rd_, S, Supply::FlushOpt}, {E, RdX, I, Supply::FlushOpt}, {O, Rd_, O, Supply::Flush},
        {O, RdX, I, Supply::Flush}, {O, Upgr, I, Supply::None}, {M, Rd_, O, Supply::Flush},
        {M, RdX, I, Supply::Flush}}},
      {ProtocolKind::Dragon,
       {{I, Rd, Rd_, E, Sc, false}, {I, Wr, Rd_, M, Sm, false}, {E, Rd, None, E, E, false},
        {E, Wr, None, M, M, false}, {E, Ev, None, I, I, false}, {Sc, Rd, None, Sc, Sc, false},
        {Sc, Wr, Upd, M, Sm, false}, {Sc, Ev, None, I, I, false}, {Sm, Rd, None, Sm, Sm, false},
        {Sm, Wr, Upd, M, Sm, false}, {Sm, Ev, None, I, I, true}, {M, Rd, None, M, M, false},
        {M, Wr, None, M, M, false}, {M, Ev, None, I, I, true}},
       {{I, Rd_, I, Supply::None}, {I, Upd, I, Supply::None}, {E, Rd_, Sc, Supply::None},
        {Sc, Rd_, Sc, Supply::None}, {Sc, Upd, Sc, Supply::None}, {Sm, Rd_, Sm, Supply::Flush},
        {Sm, Upd, Sc, Supply::None}, {M, Rd_, Sm, Supply::Flush}}},
  };
}

}  // namespace

TEST_CASE("protocol tables hold exactly the textbook cells", "[tables]") {
  for (const Expected& x : textbook()) {
    Protocol p = make_protocol(x.kind);
    REQUIRE_FALSE(p.finalize());
    INFO(p.name);
    CHECK(p.proc_rows.size() == x.proc.size());
    CHECK(p.snoop_rows.size() == x.snoop.size());
    for (const ProcCell& c : x.proc) {
      INFO(name(c.from) << " " << name(c.op));
      const ProcRow* r = p.proc(c.from, c.op);
      REQUIRE(r != nullptr);
      CHECK(r->bus == c.bus);
      CHECK(r->to_alone == c.alone);
      CHECK(r->to_shared == c.shared);
      CHECK(r->writeback == c.writeback);
      CHECK_FALSE(r->why.empty());
    }
    for (const SnoopCell& c : x.snoop) {
      INFO(name(c.from) << " snoops " << name(c.bus));
      const SnoopRow* r = p.snoop(c.from, c.bus);
      REQUIRE(r != nullptr);
      CHECK(r->to == c.to);
      CHECK(r->supply == c.supply);
    }
    // Cells the textbook leaves out are impossible: the table must not define them either.
    for (LineState s : p.states)
      for (BusOp b : p.requests) {
        const bool expected = std::any_of(x.snoop.begin(), x.snoop.end(),
                                          [&](const SnoopCell& c) { return c.from == s && c.bus == b; });
        INFO(name(s) << " snoops " << name(b));
        CHECK((p.snoop(s, b) != nullptr) == expected);
      }
  }
}

TEST_CASE("Dragon's write miss to a shared line is BusRd followed by BusUpd", "[tables]") {
  Protocol p = make_dragon();
  REQUIRE_FALSE(p.finalize());
  CHECK(p.proc(I, Wr)->then_if_shared == BusOp::BusUpd);
  CHECK(p.snoop(Sc, BusOp::BusUpd)->take_update);
  CHECK(p.snoop(Sm, BusOp::BusUpd)->take_update);
}

namespace {

// A configuration of one block in three caches, by state.
std::string key_of(const MemorySystem& m) {
  std::string k;
  for (int c = 0; c < m.cores(); ++c) k.push_back(static_cast<char>(m.state_of(c, m.cache(0).line_of(test::kLineA))));
  return k;
}

}  // namespace

TEST_CASE("the engine executes every table row, and no undefined cell is ever reached", "[tables][engine]") {
  for (ProtocolKind kind : {ProtocolKind::MSI, ProtocolKind::MESI, ProtocolKind::MOESI, ProtocolKind::Dragon}) {
    MemorySystem start = test::make_system(kind, 3);
    const Protocol& p = start.protocol();
    INFO(p.name);
    const Addr line = start.cache(0).line_of(test::kLineA);
    std::set<int> proc_rows_hit, snoop_rows_hit;
    std::set<std::string> seen{key_of(start)};
    std::deque<MemorySystem> frontier{start};
    Word value = 1;
    while (!frontier.empty()) {
      const MemorySystem current = frontier.front();
      frontier.pop_front();
      for (int c = 0; c < 3; ++c)
        for (ProcOp op : {ProcOp::Read, ProcOp::Write, ProcOp::Evict}) {
          MemorySystem next = current;
          test::Recorder rec;
          next.set_sink(&rec);
          const LineState from = current.state_of(c, line);
          if (op == ProcOp::Evict && !is_valid(from)) continue;
          std::vector<LineState> before;
          for (int q = 0; q < 3; ++q) before.push_back(current.state_of(q, line));
          if (op == ProcOp::Evict) {
            next.evict(c, test::kLineA);
          } else {
            next.access(c, op, test::kLineA, value++);
          }
          REQUIRE_FALSE(next.violation());
          // The requester's row: the bus op issued and the next state taken are the row's.
          const ProcRow* row = p.proc(from, op);
          REQUIRE(row != nullptr);
          proc_rows_hit.insert(current.protocol().proc_index[static_cast<int>(from)][static_cast<int>(op)]);
          bool other_valid = false;
          for (int q = 0; q < 3; ++q) other_valid |= q != c && is_valid(before[static_cast<std::size_t>(q)]);
          const LineState after = next.state_of(c, line);
          if (op == ProcOp::Evict) {
            CHECK(after == I);
          } else if (row->bus == BusOp::None) {
            CHECK(after == row->to_alone);
            CHECK(next.transactions() == current.transactions());
          } else {
            CHECK(after == (other_valid ? row->to_shared : row->to_alone));
            const CoherenceEvent* t = rec.last_transaction();
            REQUIRE(t != nullptr);
            CHECK(t->bus == row->bus);
            // Every snooper took the row for its state and the bus op(s) it saw.
            for (int q = 0; q < 3; ++q) {
              if (q == c || !is_valid(before[static_cast<std::size_t>(q)])) continue;
              LineState s = before[static_cast<std::size_t>(q)];
              const SnoopRow* sr = p.snoop(s, row->bus);
              REQUIRE(sr != nullptr);
              snoop_rows_hit.insert(p.snoop_index[static_cast<int>(s)][static_cast<int>(row->bus)]);
              s = sr->to;
              if (row->then_if_shared != BusOp::None && is_valid(s)) {
                const SnoopRow* sr2 = p.snoop(s, row->then_if_shared);
                REQUIRE(sr2 != nullptr);
                snoop_rows_hit.insert(p.snoop_index[static_cast<int>(s)][static_cast<int>(row->then_if_shared)]);
                s = sr2->to;
              }
              CHECK(next.state_of(q, line) == s);
            }
          }
          if (seen.insert(key_of(next)).second) frontier.push_back(next);
        }
    }
    // Every processor row of a valid or invalid state was taken; every snoop row of a valid state was taken.
    CHECK(proc_rows_hit.size() == p.proc_rows.size());
    std::size_t valid_snoop_rows = 0;
    for (const SnoopRow& r : p.snoop_rows) valid_snoop_rows += is_valid(r.from);
    CHECK(snoop_rows_hit.size() == valid_snoop_rows);
  }
}
