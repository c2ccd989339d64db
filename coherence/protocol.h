// A coherence protocol as data: a processor-side table and a snoop-side table that one engine executes.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bus_op.h"
#include "line_state.h"

namespace gb {

// One cell of the processor-side table: what a cache in `from` does on its own core's `op`.
struct ProcRow {
  LineState from;
  ProcOp op;
  BusOp bus = BusOp::None;         // request put on the bus; None = a hit or a silent transition
  LineState to_alone;              // next state when the shared line stays low
  LineState to_shared;             // next state when another cache raised it
  BusOp then_if_shared = BusOp::None;  // a second request issued only if shared (Dragon's write miss: BusRd, BusUpd)
  bool writeback = false;          // Evict: the line is written to memory
  std::string_view why;            // one line for the UI and the event log
};

// One cell of the snoop-side table: what a cache holding the line in `from` does when it sees `bus`.
struct SnoopRow {
  LineState from;
  BusOp bus;
  LineState to;
  Supply supply = Supply::None;    // FlushOpt = may supply a clean copy; Flush = supplies its dirty copy
  bool memory_takes = false;       // a Flush also updates memory
  bool take_update = false;        // BusUpd: copy the broadcast word
  std::string_view why;
};

struct Protocol {
  std::string name;
  std::vector<LineState> states;   // the states this protocol uses, in display order
  std::vector<BusOp> requests;     // the bus requests it issues
  // True when a miss may be served by a peer cache (Illinois MESI, MOESI). False when a snooper's Flush goes to
  // memory and the requester reads memory afterwards (Solihin's MSI and Dragon, as smp_cache counts them).
  bool cache_to_cache = false;
  std::vector<ProcRow> proc_rows;
  std::vector<SnoopRow> snoop_rows;

  // Dense lookup, built by finalize(): row index or -1 (a cell that cannot happen in this protocol).
  std::array<std::array<short, kProcOpCount>, kLineStateCount> proc_index{};
  std::array<std::array<short, kBusOpCount>, kLineStateCount> snoop_index{};

  // Builds the lookup and validates the table; returns an error message for a malformed table.
  std::optional<std::string> finalize();

  bool uses(LineState s) const;
  const ProcRow* proc(LineState s, ProcOp op) const {
    const short i = proc_index[static_cast<int>(s)][static_cast<int>(op)];
    return i < 0 ? nullptr : &proc_rows[static_cast<std::size_t>(i)];
  }
  const SnoopRow* snoop(LineState s, BusOp b) const {
    const short i = snoop_index[static_cast<int>(s)][static_cast<int>(b)];
    return i < 0 ? nullptr : &snoop_rows[static_cast<std::size_t>(i)];
  }
  ProcRow* proc_mut(LineState s, ProcOp op);
  SnoopRow* snoop_mut(LineState s, BusOp b);
};

enum class ProtocolKind { MSI, MESI, MOESI, Dragon };

Protocol make_msi();
Protocol make_mesi();
Protocol make_moesi();
Protocol make_dragon();
Protocol make_protocol(ProtocolKind kind);

// Parses "msi", "mesi", "moesi", "dragon" (any case).
std::optional<ProtocolKind> parse_protocol(std::string_view text);
std::string_view protocol_name(ProtocolKind kind);

}  // namespace gb
