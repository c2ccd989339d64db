// Timing parameters of the cores and the bus. Defaults follow the NUS CS4223 assignment model (1-cycle hit,
// 100-cycle memory, 2 cycles per word cache-to-cache), which reference/coherence.md marks unverified.
#pragma once

#include <cstdint>

#include "coherence/memory_system.h"

namespace gb {

struct Latencies {
  std::uint32_t hit = 1;              // an access served by the core's own cache or store buffer
  std::uint32_t memory = 100;         // a line fill from memory, or a dirty line written back
  std::uint32_t c2c_per_word = 2;     // cache-to-cache transfer, per 64-bit word of the line
  std::uint32_t bus_request = 2;      // a request with no line attached (BusUpgr, BusUpd)
};

// Cycles the bus is held by the transaction behind `r`: a dirty victim's writeback, then the line fill from memory
// or from a peer (per word), or a request without data; Dragon's second request adds its own cost.
inline std::uint32_t transaction_latency(const Latencies& l, const AccessResult& r, std::uint32_t words_per_line) {
  std::uint32_t lat = r.writeback ? l.memory : 0;
  if (carries_line(r.bus)) {
    lat += r.supplier >= 0 ? l.c2c_per_word * words_per_line : l.memory;
  } else {
    lat += l.bus_request;
  }
  if (r.then_bus != BusOp::None) lat += l.bus_request;
  return lat;
}

}  // namespace gb
