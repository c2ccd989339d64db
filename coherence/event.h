// The typed record of one coherence transition: what the UI draws, the CLI prints and tests hash.
#pragma once

#include <array>
#include <cstdint>
#include <string>

#include "bus_op.h"
#include "line_state.h"
#include "types.h"

namespace gb {

// One cache touched by a step: its state before and after, and the table row it took (the requester's processor
// row, or a snooper's snoop row; for Dragon's BusRd+BusUpd, the last of the two).
struct StateChange {
  std::int8_t core = -1;
  LineState from = LineState::I;
  LineState to = LineState::I;
  short row = -1;
  bool operator==(const StateChange&) const = default;
};

// Who put the data on the bus for a line fill.
inline constexpr std::int8_t kFromMemory = -1;
inline constexpr std::int8_t kNoData = -2;

enum class EventKind : std::uint8_t {
  Transaction,  // a request on the bus (BusRd, BusRdX, BusUpgr, BusUpd) and every state change it caused
  Silent,       // a state change with no bus transaction (E -> M on a write)
  Eviction,     // a valid line replaced; a dirty one is written back
};

struct CoherenceEvent {
  EventKind kind = EventKind::Transaction;
  Cycle cycle = 0;
  std::uint64_t seq = 0;       // position in the run: transactions, silent changes and evictions, in order
  CoreId core = 0;             // the requester
  ProcOp op = ProcOp::Read;    // what its core asked for
  Addr addr = 0;
  Addr line = 0;
  BusOp bus = BusOp::None;     // the request
  BusOp then_bus = BusOp::None;  // a second request in the same step (Dragon's BusUpd after a write miss's BusRd)
  short proc_row = -1;         // row of the protocol's processor table that fired
  bool shared_line = false;    // the wired-OR shared signal as sampled
  std::int8_t supplier = kNoData;  // core that supplied the line, kFromMemory, or kNoData (upgrade, update)
  Supply supply = Supply::None;    // how a snooper answered (the strongest answer seen)
  bool writeback = false;      // an eviction wrote the line to memory
  bool memory_updated = false; // memory took the line in this step (writeback, or a Flush memory takes)
  bool memory_stale = false;   // after this step, memory differs from the owner's copy
  Word value = 0;              // the word written (PrWr) or read (PrRd)
  std::uint8_t change_count = 0;
  // Requester first, then every snooper that held a valid copy, in core order (also when its state stayed).
  std::array<StateChange, kMaxCores> changes{};

  // Records core `c`'s change; a second change of the same core in one step (Dragon) extends the first.
  void add_change(CoreId c, LineState from, LineState to, short row) {
    for (std::uint8_t i = 0; i < change_count; ++i) {
      if (changes[i].core == c) {
        changes[i].to = to;
        changes[i].row = row;
        return;
      }
    }
    changes[change_count++] = StateChange{static_cast<std::int8_t>(c), from, to, row};
  }
};

// One line of text per event: "cycle 12 core 1 PrWr 0x1040 BusUpgr: c1 S->M, c0 S->I".
std::string describe(const CoherenceEvent& e);

// Receives events as they happen; the engine calls it only when one is attached, so the fast path pays nothing.
class EventSink {
 public:
  virtual ~EventSink() = default;
  virtual void on_event(const CoherenceEvent& e) = 0;
};

}  // namespace gb
