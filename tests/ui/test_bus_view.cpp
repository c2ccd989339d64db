// The bus panel's model on the built-in mutex example: the latest transaction's parts agree with its
// BusRecord and the protocol's tables (requester, supplier, invalidated caches, fired rows), and the lane of
// recent transactions is the log's tail, newest first.
#include <catch2/catch.hpp>

#include "ui/bus_view.h"
#include "ui/studio_example.h"

using namespace gb;
using namespace gb::ui;

namespace {

StudioModel example(ProtocolKind protocol = ProtocolKind::MESI, int cores = 2) {
  StudioConfig c;
  c.protocol = protocol;
  c.cores = cores;
  c.gomaxprocs = cores;
  return StudioModel(std::string(kExampleFile), std::string(example_program()), c);
}

const vm::BusRecord& last_record(const StudioModel& m) {
  return m.machine()->runtime().memory().bus_log().back();
}

const Protocol& protocol_of(const StudioModel& m) {
  return m.machine()->runtime().memory().system().protocol();
}

}  // namespace

TEST_CASE("bus view: no transaction before the first miss") {
  StudioModel m = example();
  CHECK_FALSE(latest_transaction(m));
  CHECK(recent_transactions(m, 48).empty());
}

TEST_CASE("bus view: the latest transaction's requester, rows and changes are its record's") {
  StudioModel m = example();
  for (int i = 0; i < 60; ++i) {
    m.step(StepKind::BusTransaction);
    const std::optional<BusTransaction> t = latest_transaction(m);
    REQUIRE(t);
    const vm::BusRecord& b = last_record(m);
    CHECK(t->in_last_step);
    CHECK(t->index == m.machine()->runtime().memory().bus_log().size() - 1);
    CHECK(t->record.core == b.core);
    CHECK(t->record.op == b.op);
    CHECK(t->line_address % 64 == 0);
    CHECK(b.addr - t->line_address < 64);
    REQUIRE(t->parts.size() == b.change_count);
    // The requester comes first, its processor row is the table's cell for its state and its core's op.
    REQUIRE_FALSE(t->parts.empty());
    const BusParticipant& req = t->parts.front();
    CHECK(req.requester);
    CHECK(req.core == b.core);
    const Protocol& p = protocol_of(m);
    REQUIRE(t->proc_rows.size() == 1);
    const ProcRow& row = p.proc_rows[static_cast<std::size_t>(t->proc_rows[0])];
    CHECK(row.from == req.from);
    CHECK(row.op == t->op);
    CHECK(row.bus == b.op);
    CHECK((req.to == row.to_alone || req.to == row.to_shared));
    // Every snooper's row is the cell for its state and the request, and says where it went.
    for (std::size_t k = 1; k < t->parts.size(); ++k) {
      const BusParticipant& s = t->parts[k];
      CHECK_FALSE(s.requester);
      REQUIRE(s.snoop_rows.size() == 1);
      const SnoopRow& sr = p.snoop_rows[static_cast<std::size_t>(s.snoop_rows[0])];
      CHECK(sr.from == s.from);
      CHECK(sr.bus == b.op);
      CHECK(sr.to == s.to);
      CHECK(s.invalidated == (s.to == LineState::I));
    }
    // Only a request that fetches a line has a supplier.
    if (carries_line(b.op))
      CHECK(t->supplier != kNoData);
    else
      CHECK(t->supplier == kNoData);
  }
}

TEST_CASE(
    "bus view: a BusRdX on a line another core holds in M takes it from that cache and invalidates it") {
  for (const ProtocolKind kind : {ProtocolKind::MESI, ProtocolKind::MSI}) {
    INFO(protocol_name(kind));
    StudioModel m = example(kind);
    int seen = 0;
    for (int i = 0; i < 3000 && seen < 5 && !m.finished(); ++i) {
      m.step(StepKind::BusTransaction);
      const std::optional<BusTransaction> t = latest_transaction(m);
      REQUIRE(t);
      if (t->record.op != BusOp::BusRdX) continue;
      for (const BusParticipant& s : t->parts) {
        if (s.requester || s.from != LineState::M) continue;
        ++seen;
        CHECK(s.invalidated);
        CHECK(s.flushed);
        CHECK(s.to == LineState::I);
        const short row =
            protocol_of(m).snoop_index[static_cast<int>(LineState::M)][static_cast<int>(BusOp::BusRdX)];
        CHECK(t->snoop_rows == std::vector<short>{row});
        CHECK(t->memory_updated);
        if (kind == ProtocolKind::MESI) {
          // Illinois MESI: the owner's cache supplies the requester directly.
          CHECK(t->supplier == s.core);
          CHECK(s.supplied);
        } else {
          // MSI: the owner flushes to memory and the requester reads memory.
          CHECK(t->supplier == kFromMemory);
          CHECK_FALSE(s.supplied);
        }
        CHECK(t->part(t->record.core)->to == LineState::M);
      }
    }
    CHECK(seen > 0);
  }
}

TEST_CASE("bus view: take_apart finds a clean supplier in MESI and none for an upgrade") {
  Protocol p = make_protocol(ProtocolKind::MESI);
  REQUIRE_FALSE(p.finalize());
  const auto proc = [&](LineState s, ProcOp op) {
    return p.proc_index[static_cast<int>(s)][static_cast<int>(op)];
  };
  const auto snoop = [&](LineState s, BusOp b) {
    return p.snoop_index[static_cast<int>(s)][static_cast<int>(b)];
  };
  vm::BusRecord rd;
  rd.core = 2;
  rd.op = BusOp::BusRd;
  rd.addr = 0xc000000048;
  rd.change_count = 3;
  rd.changes[0] = {2, LineState::I, LineState::S, proc(LineState::I, ProcOp::Read)};
  rd.changes[1] = {0, LineState::S, LineState::S, snoop(LineState::S, BusOp::BusRd)};
  rd.changes[2] = {1, LineState::S, LineState::S, snoop(LineState::S, BusOp::BusRd)};
  const BusTransaction t = take_apart(rd, p, 64);
  CHECK(t.line_address == 0xc000000040);
  CHECK(t.op == ProcOp::Read);
  CHECK(t.supplier == 0);  // the first clean copy in core order answers with FlushOpt
  CHECK_FALSE(t.memory_updated);
  CHECK(t.snoop_rows.size() == 1);
  CHECK_FALSE(t.part(1)->supplied);
  CHECK_FALSE(t.part(1)->invalidated);

  vm::BusRecord up;
  up.core = 1;
  up.op = BusOp::BusUpgr;
  up.change_count = 2;
  up.changes[0] = {1, LineState::S, LineState::M, proc(LineState::S, ProcOp::Write)};
  up.changes[1] = {0, LineState::S, LineState::I, snoop(LineState::S, BusOp::BusUpgr)};
  const BusTransaction u = take_apart(up, p, 64);
  CHECK(u.supplier == kNoData);
  CHECK(u.op == ProcOp::Write);
  CHECK(u.part(0)->invalidated);
  CHECK_FALSE(u.part(0)->supplied);
}

TEST_CASE("bus view: Dragon's write miss (BusRd then BusUpd) fires both snoop rows and updates the copy") {
  Protocol p = make_protocol(ProtocolKind::Dragon);
  REQUIRE_FALSE(p.finalize());
  const auto proc = [&](LineState s, ProcOp op) {
    return p.proc_index[static_cast<int>(s)][static_cast<int>(op)];
  };
  const auto snoop = [&](LineState s, BusOp b) {
    return p.snoop_index[static_cast<int>(s)][static_cast<int>(b)];
  };
  const SnoopRow* first = p.snoop(LineState::Sc, BusOp::BusRd);
  REQUIRE(first != nullptr);
  vm::BusRecord b;
  b.core = 0;
  b.op = BusOp::BusRd;
  b.then_op = BusOp::BusUpd;
  b.change_count = 2;
  b.changes[0] = {0, LineState::I, LineState::Sm, proc(LineState::I, ProcOp::Write)};
  b.changes[1] = {1, LineState::Sc, LineState::Sc, snoop(first->to, BusOp::BusUpd)};
  const BusTransaction t = take_apart(b, p, 64);
  const BusParticipant* s = t.part(1);
  REQUIRE(s != nullptr);
  CHECK(s->snoop_rows.size() == 2);
  CHECK(s->snoop_rows[0] == snoop(LineState::Sc, BusOp::BusRd));
  CHECK(s->updated);
  CHECK_FALSE(s->invalidated);
  CHECK(t.supplier == kFromMemory);  // Dragon has no cache-to-cache supply of a clean line
  CHECK(bus_op_text(b.op, b.then_op) == "BusRd+BusUpd");
}

TEST_CASE("bus view: the lane is the log's tail, newest first, the last step's rows marked") {
  StudioModel m = example();
  for (int i = 0; i < 100000 && m.machine()->runtime().memory().bus_log().size() <= 48; ++i)
    m.step(StepKind::Instruction);
  const auto& log = m.machine()->runtime().memory().bus_log();
  REQUIRE(log.size() > 48);
  const std::vector<BusLaneRow> lane = recent_transactions(m, 48);
  REQUIRE(lane.size() == 48);
  for (std::size_t i = 0; i < lane.size(); ++i) {
    const vm::BusRecord& b = log[log.size() - 1 - i];
    CHECK(lane[i].index == log.size() - 1 - i);
    CHECK(lane[i].core == b.core);
    CHECK(lane[i].op == b.op);
    CHECK(lane[i].addr == b.addr);
    CHECK(lane[i].start_ns == b.start_ns);
    CHECK(lane[i].changes.size() == b.change_count);
  }
  // A step that makes several transactions marks exactly those.
  StepReport r;
  for (int i = 0; i < 200 && r.bus_to - r.bus_from < 2 && !m.finished(); ++i)
    r = m.step(StepKind::SchedulerEvent);
  INFO("finished " << m.finished() << " steps " << m.steps_taken());
  REQUIRE(r.bus_to - r.bus_from >= 2);
  for (const BusLaneRow& row : recent_transactions(m, 64))
    CHECK(row.in_last_step == (row.index >= r.bus_from && row.index < r.bus_to));
  m.step_back(StepKind::SchedulerEvent);
  for (const BusLaneRow& row : recent_transactions(m, 64)) CHECK_FALSE(row.in_last_step);
  CHECK(recent_transactions(m, 3).size() == 3);
}
