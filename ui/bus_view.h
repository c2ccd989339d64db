// The studio's bus panel as plain data: the latest bus transaction taken apart (requester, who supplied the
// line, who was invalidated or updated, each cache's state change and the protocol rows that fired) and the
// lane of recent transactions. No ImGui.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "coherence/event.h"
#include "coherence/protocol.h"
#include "studio_model.h"

namespace gb::ui {

// One cache the transaction touched (the requester, or a snooper that held a valid copy).
struct BusParticipant {
  int core = 0;
  LineState from = LineState::I;
  LineState to = LineState::I;
  bool requester = false;
  bool supplied = false;  // this cache put the line on the bus (Flush or FlushOpt) and the requester took it
  bool flushed = false;   // this cache put its dirty copy on the bus (for memory, or for the requester)
  bool invalidated = false;       // a valid copy went to I
  bool updated = false;           // it took the broadcast word (Dragon's BusUpd)
  short proc_row = -1;            // the requester's processor-table row
  std::vector<short> snoop_rows;  // a snooper's snoop-table rows (two for Dragon's BusRd + BusUpd)
};

// The latest transaction taken apart for the animation and the highlighted table rows.
struct BusTransaction {
  std::size_t index = 0;  // in bus_log()
  vm::BusRecord record;
  Addr line_address = 0;
  ProcOp op = ProcOp::Read;  // what the requester's core asked for (from its processor row)
  // kFromMemory, kNoData (an upgrade or update carries no line), or the core whose cache supplied the line.
  int supplier = kNoData;
  bool memory_updated = false;        // a dirty Flush that memory took
  bool in_last_step = false;          // the last step made it
  std::vector<BusParticipant> parts;  // the requester first, then snoopers in core order
  std::vector<short> proc_rows;       // every processor-table row that fired (the requester's)
  std::vector<short> snoop_rows;      // every snoop-table row that fired, without repeats
  std::string text;                   // describe(): "core 0 BusRdX 0xc000000048, core 0 I->M, core 1 M->I"
  std::string cause;  // the access that made it (latest_transaction): "G6 main.deposit:17 store main.balance"
  const BusParticipant* part(int core) const;
};

// Takes `record` apart with the protocol's tables (the record keeps each cache's row; the supplier follows
// the memory system's rule: a dirty owner's Flush wins, else a clean FlushOpt when the protocol allows
// cache-to- cache transfers, else memory).
BusTransaction take_apart(const vm::BusRecord& record, const Protocol& protocol, std::uint32_t block_bytes);

// The newest transaction of the model's run; nullopt before the first.
std::optional<BusTransaction> latest_transaction(const StudioModel& model);

// The newest transaction on the line at `line` among the last `look_back` of the run, in words with its cause
// ("core 0 BusRdX 0xc000000010, core 0 I->M, core 1 M->I <- G6 main.deposit:17 store main.balance", for a cache
// line's tooltip); empty when none.
std::string last_transaction_on_line(const StudioModel& model, Addr line, std::size_t look_back = 100'000);

// One row of the lane of recent transactions.
struct BusLaneRow {
  std::size_t index = 0;
  std::int64_t start_ns = 0;
  std::uint32_t dur_ns = 0;
  int core = 0;
  BusOp op = BusOp::None;
  BusOp then_op = BusOp::None;
  Addr addr = 0;
  std::vector<StateChange> changes;
  bool in_last_step = false;
};

// The newest `n` transactions, newest first (bounded work: reads only those n records).
std::vector<BusLaneRow> recent_transactions(const StudioModel& model, std::size_t n);

// "BusRd", or "BusRd+BusUpd" for Dragon's pair.
std::string bus_op_text(BusOp op, BusOp then_op);

}  // namespace gb::ui
