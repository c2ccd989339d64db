// The latest bus transaction taken apart with the protocol's tables, and the lane of recent ones
// (bus_view.h).
#include "bus_view.h"

#include <algorithm>

#include "sim/inspect/causes.h"
#include "sim/machine/run_events.h"

namespace gb::ui {

namespace {

void add_unique(std::vector<short>& rows, short row) {
  if (row >= 0 && std::find(rows.begin(), rows.end(), row) == rows.end()) rows.push_back(row);
}

short snoop_index(const Protocol& p, LineState s, BusOp b) {
  return p.snoop_index[static_cast<int>(s)][static_cast<int>(b)];
}

// Whether the last step of the model added the transaction at `index` to the log.
bool made_by_last_step(const StudioModel& model, std::size_t index) {
  const auto& last = model.last_step();
  return last && index >= last->report.bus_from && index < last->report.bus_to &&
         last->report.bus_to == model.machine()->runtime().memory().bus_log().size();
}

}  // namespace

const BusParticipant* BusTransaction::part(int core) const {
  for (const BusParticipant& p : parts)
    if (p.core == core) return &p;
  return nullptr;
}

BusTransaction take_apart(const vm::BusRecord& record, const Protocol& protocol, std::uint32_t block_bytes) {
  BusTransaction t;
  t.record = record;
  t.line_address = block_bytes ? record.addr / block_bytes * block_bytes : record.addr;
  t.text = describe(record);
  int owner = -1;  // the first snooper whose row flushes its dirty copy (as the memory system picks)
  int clean = -1;  // the first that may supply a clean copy
  const SnoopRow* owner_row = nullptr;
  for (std::uint8_t i = 0; i < record.change_count; ++i) {
    const StateChange& c = record.changes[i];
    BusParticipant p;
    p.core = c.core;
    p.from = c.from;
    p.to = c.to;
    p.requester = c.core == record.core;
    if (p.requester) {
      p.proc_row = c.row;
      if (c.row >= 0 && static_cast<std::size_t>(c.row) < protocol.proc_rows.size())
        t.op = protocol.proc_rows[static_cast<std::size_t>(c.row)].op;
      add_unique(t.proc_rows, c.row);
    } else {
      // The record keeps the last row a snooper took; with a second request (BusRd then BusUpd) the first
      // one's row is the cell for its state before the step.
      if (record.then_op != BusOp::None) add_unique(p.snoop_rows, snoop_index(protocol, c.from, record.op));
      add_unique(p.snoop_rows, c.row);
      for (short r : p.snoop_rows) add_unique(t.snoop_rows, r);
      const SnoopRow* first = protocol.snoop(c.from, record.op);
      if (first != nullptr) {
        if (first->supply == Supply::Flush && owner < 0) {
          owner = c.core;
          owner_row = first;
        }
        if (first->supply == Supply::FlushOpt && clean < 0) clean = c.core;
      }
      for (short r : p.snoop_rows)
        if (static_cast<std::size_t>(r) < protocol.snoop_rows.size() &&
            protocol.snoop_rows[static_cast<std::size_t>(r)].take_update)
          p.updated = true;
      p.invalidated = is_valid(c.from) && c.to == LineState::I;
    }
    t.parts.push_back(std::move(p));
  }
  // Requester first, snoopers in core order (the record already has that order; keep it if it ever changes).
  std::stable_sort(t.parts.begin(), t.parts.end(), [](const BusParticipant& a, const BusParticipant& b) {
    return a.requester != b.requester ? a.requester : a.core < b.core;
  });
  if (carries_line(record.op) || owner >= 0) {
    if (owner >= 0) {
      t.memory_updated = owner_row->memory_takes;
      t.supplier = protocol.cache_to_cache ? owner : kFromMemory;
    } else if (clean >= 0 && protocol.cache_to_cache) {
      t.supplier = clean;
    } else {
      t.supplier = kFromMemory;
    }
  }
  for (BusParticipant& p : t.parts) {
    p.flushed = p.core == owner;
    p.supplied = p.core == t.supplier;
  }
  return t;
}

std::optional<BusTransaction> latest_transaction(const StudioModel& model) {
  const Machine* m = model.machine();
  if (m == nullptr || !m->runtime().memory().machine()) return std::nullopt;
  const vm::Memory& mem = m->runtime().memory();
  const auto& log = mem.bus_log();
  if (log.empty()) return std::nullopt;
  const MemorySystem& sys = mem.system();
  BusTransaction t = take_apart(log.back(), sys.protocol(), sys.cache(0).geometry().block_bytes);
  t.index = log.size() - 1;
  t.in_last_step = made_by_last_step(model, t.index);
  inspect::CauseNamer namer(m->runtime(), &model.lines());
  t.cause = namer.describe(t.record.cause, t.record.at);
  return t;
}

std::string last_transaction_on_line(const StudioModel& model, Addr line, std::size_t look_back) {
  const Machine* m = model.machine();
  if (m == nullptr || !m->runtime().memory().machine()) return {};
  const vm::Memory& mem = m->runtime().memory();
  const std::uint32_t block = mem.system().cache(0).geometry().block_bytes;
  const auto& log = mem.bus_log();
  const std::size_t stop = log.size() > look_back ? log.size() - look_back : 0;
  for (std::size_t i = log.size(); i-- > stop;) {
    const vm::BusRecord& b = log[i];
    if (b.addr / block * block != line / block * block) continue;
    inspect::CauseNamer namer(m->runtime(), &model.lines());
    return describe(b) + " <- " + namer.describe(b.cause, b.at);
  }
  return {};
}

std::vector<BusLaneRow> recent_transactions(const StudioModel& model, std::size_t n) {
  std::vector<BusLaneRow> out;
  const Machine* m = model.machine();
  if (m == nullptr || !m->runtime().memory().machine()) return out;
  const auto& log = m->runtime().memory().bus_log();
  const std::size_t first = log.size() > n ? log.size() - n : 0;
  out.reserve(log.size() - first);
  for (std::size_t i = log.size(); i-- > first;) {
    const vm::BusRecord& b = log[i];
    BusLaneRow r;
    r.index = i;
    r.start_ns = b.start_ns;
    r.dur_ns = b.dur_ns;
    r.core = b.core;
    r.op = b.op;
    r.then_op = b.then_op;
    r.addr = b.addr;
    r.changes.assign(b.changes.begin(), b.changes.begin() + b.change_count);
    r.in_last_step = made_by_last_step(model, i);
    out.push_back(std::move(r));
  }
  return out;
}

std::string bus_op_text(BusOp op, BusOp then_op) {
  std::string s(name(op));
  if (then_op != BusOp::None) {
    s += '+';
    s += name(then_op);
  }
  return s;
}

}  // namespace gb::ui
