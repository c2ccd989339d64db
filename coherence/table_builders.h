// Small helpers that make the protocol tables in protocols/ read like the tables in a textbook.
#pragma once

#include "protocol.h"

namespace gb::table {

// A hit: the state does not change and nothing goes on the bus.
constexpr ProcRow hit(LineState s, ProcOp op, std::string_view why) {
  return ProcRow{s, op, BusOp::None, s, s, BusOp::None, false, why};
}
// A change of state with no bus transaction (E -> M on a write).
constexpr ProcRow silent(LineState s, ProcOp op, LineState to, std::string_view why) {
  return ProcRow{s, op, BusOp::None, to, to, BusOp::None, false, why};
}
// A request on the bus; the next state may depend on the shared line.
constexpr ProcRow request(LineState s, ProcOp op, BusOp bus, LineState alone, LineState shared,
                          std::string_view why) {
  return ProcRow{s, op, bus, alone, shared, BusOp::None, false, why};
}
constexpr ProcRow evict(LineState s, bool writeback, std::string_view why) {
  return ProcRow{s, ProcOp::Evict, BusOp::None, LineState::I, LineState::I, BusOp::None, writeback, why};
}
constexpr SnoopRow snoop(LineState s, BusOp bus, LineState to, std::string_view why, Supply supply = Supply::None,
                         bool memory_takes = false, bool take_update = false) {
  return SnoopRow{s, bus, to, supply, memory_takes, take_update, why};
}

}  // namespace gb::table
