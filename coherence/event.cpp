// Text rendering of coherence events for the CLI's --events log and the UI's event list.
#include "event.h"

#include <fmt/format.h>

namespace gb {

std::string describe(const CoherenceEvent& e) {
  std::string out = fmt::format("cycle {} core {} {} 0x{:x} line 0x{:x}", e.cycle, e.core, name(e.op), e.addr,
                                e.line);
  switch (e.kind) {
    case EventKind::Transaction:
      out += fmt::format(" {}", name(e.bus));
      if (e.then_bus != BusOp::None) out += fmt::format("+{}", name(e.then_bus));
      out += e.shared_line ? " shared" : " alone";
      break;
    case EventKind::Silent: out += " silent"; break;
    case EventKind::Eviction: out += e.writeback ? " evict writeback" : " evict"; break;
  }
  out += ":";
  for (std::uint8_t i = 0; i < e.change_count; ++i) {
    const StateChange& c = e.changes[i];
    out += fmt::format(" c{} {}->{}", c.core, name(c.from), name(c.to));
  }
  if (e.supplier >= 0) {
    out += fmt::format("; data from c{} ({})", e.supplier, name(e.supply));
  } else if (e.supplier == kFromMemory) {
    out += "; data from memory";
    if (e.supply == Supply::Flush) out += " after a Flush";
  }
  if (e.memory_updated) out += "; memory updated";
  if (e.memory_stale) out += "; memory stale";
  return out;
}

}  // namespace gb
