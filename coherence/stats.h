// Per-cache counters, with smp_cache's definitions (reference/coherence.md section 5).
#pragma once

#include <cstdint>

namespace gb {

struct CacheStats {
  std::uint64_t reads = 0;
  std::uint64_t read_misses = 0;
  std::uint64_t writes = 0;
  std::uint64_t write_misses = 0;   // writes to a line not present; an S -> M upgrade is not a miss
  std::uint64_t writebacks = 0;     // dirty lines written to memory when replaced
  std::uint64_t c2c_transfers = 0;  // lines this cache received from a peer cache
  std::uint64_t interventions = 0;  // E or M went to a shared state on a snooped request
  std::uint64_t invalidations = 0;  // a valid line went to I on a snooped request
  std::uint64_t flushes = 0;        // this cache put a dirty line on the bus for a snooped request
  std::uint64_t bus_rd = 0;         // requests this cache issued
  std::uint64_t bus_rdx = 0;
  std::uint64_t bus_upgr = 0;
  std::uint64_t bus_upd = 0;
  std::uint64_t memory_reads = 0;   // line fills this cache took from memory
  std::uint64_t silent_upgrades = 0;  // E -> M with no bus transaction

  std::uint64_t misses() const { return read_misses + write_misses; }
  std::uint64_t accesses() const { return reads + writes; }
  std::uint64_t bus_requests() const { return bus_rd + bus_rdx + bus_upgr + bus_upd; }
};

}  // namespace gb
