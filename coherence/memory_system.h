// The coherence engine: N private caches on an atomic snooping bus with memory, executing a protocol table.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "cache.h"
#include "checker.h"
#include "event.h"
#include "memory.h"
#include "protocol.h"
#include "stats.h"

namespace gb {

// What one access did, for the timing model of cores/ and for callers that want the value.
struct AccessResult {
  bool miss = false;              // the line was not present
  BusOp bus = BusOp::None;        // request issued; None = served without the bus
  BusOp then_bus = BusOp::None;   // second request in the same step (Dragon)
  std::int8_t supplier = kNoData; // peer core, kFromMemory or kNoData
  bool writeback = false;         // an eviction wrote a dirty line to memory first
  Word value = 0;                 // the word read, or the word written (fetch_add: the old word)
};

class MemorySystem {
 public:
  MemorySystem(int cores, const CacheGeometry& geometry, Protocol protocol);

  // The core's own read and write of the word at `addr` (8-byte words).
  AccessResult read(CoreId core, Addr addr) { return access(core, ProcOp::Read, addr, 0); }
  AccessResult write(CoreId core, Addr addr, Word value) { return access(core, ProcOp::Write, addr, value); }
  // An atomic read-modify-write: takes the line for writing (M) like a store, adds `delta`; returns the old word.
  AccessResult fetch_add(CoreId core, Addr addr, Word delta) { return access(core, ProcOp::Write, addr, delta, true); }
  // A store of only the bytes under `mask` (a Go int32 or bool inside the 8-byte word); the rest keep their value.
  AccessResult write_masked(CoreId core, Addr addr, Word value, Word mask) {
    return access(core, ProcOp::Write, addr, value, false, mask);
  }
  AccessResult access(CoreId core, ProcOp op, Addr addr, Word value, bool add = false, Word mask = ~Word{0});
  // Performs the access only if it needs no bus (a hit or a silent change); otherwise changes nothing.
  std::optional<AccessResult> access_local(CoreId core, ProcOp op, Addr addr, Word value, bool add = false,
                                           Word mask = ~Word{0});
  // The current value of the word at `addr` as a program would read it (an owner's or any valid copy, else
  // memory), without touching any cache: for debuggers, hashes and the UI.
  Word peek(Addr addr) const;
  // Replaces the line holding `addr` in `core`'s cache, if present (explorers and lessons use it).
  void evict(CoreId core, Addr addr);
  // Memory forgets the lines touching bytes [from, to) that no cache holds, as if never written (they read as zeros
  // again), and so does the checker's ghost: the program's heap gave those pages back, and nothing reads them
  // before writing. Lines a cache holds stay (their values are the cache's business until it evicts them).
  // Returns the lines forgotten.
  std::size_t release(Addr from, Addr to);
  // True if `op` on `addr` would need the bus now (a miss, an upgrade or an update); changes nothing.
  bool needs_bus(CoreId core, ProcOp op, Addr addr) const;

  void set_cycle(Cycle c) { cycle_ = c; }
  Cycle cycle() const { return cycle_; }
  // The sink is not owned and a copy of the system keeps pointing at it: attach it around the steps you record,
  // or set a new one on a copy.
  void set_sink(EventSink* sink) { sink_ = sink; }
  // With checking on, every access updates the ghost and checks the lines it touched.
  void set_checking(bool on) { checking_ = on; }
  bool checking() const { return checking_; }
  const std::optional<Violation>& violation() const { return violation_; }
  const InvariantChecker& checker() const { return checker_; }

  int cores() const { return static_cast<int>(caches_.size()); }
  const Protocol& protocol() const { return protocol_; }
  const Cache& cache(CoreId c) const { return caches_[static_cast<std::size_t>(c)]; }
  const Memory& memory() const { return memory_; }
  const CacheStats& stats(CoreId c) const { return stats_[static_cast<std::size_t>(c)]; }
  std::uint64_t transactions() const { return transactions_; }
  // The state of `line` in `core`'s cache (I when absent).
  LineState state_of(CoreId core, Addr line) const;
  // True when a cache owns `line` dirty and memory holds different data (grey in the UI).
  bool memory_stale(Addr line) const;
  // Hash of caches, memory and counters: equal hashes mean equal machines (for determinism tests).
  std::uint64_t state_hash() const;

 private:
  struct SnoopOutcome {
    bool shared = false;
    std::int8_t supplier = kNoData;
    Supply supply = Supply::None;
    bool memory_updated = false;
  };
  SnoopOutcome snoop_all(CoreId requester, BusOp bus, Addr line, std::uint32_t word, Word value,
                         CoherenceEvent* event);
  void evict_way(CoreId core, int way);
  AccessResult served_locally(CoreId core, ProcOp op, Addr addr, Word value, bool add, Word mask, int way,
                              const ProcRow* row);
  void after_step(Addr line);
  // Reads the word, or writes it (plain store of the bytes under `mask`, or fetch-and-add) and tells the checker;
  // returns the access's value.
  Word store_word(Word* data, Addr line, std::uint32_t word, bool is_write, bool add, Word value, Word mask);
  void emit(CoherenceEvent& e);

  Protocol protocol_;
  std::vector<Cache> caches_;
  std::vector<CacheStats> stats_;
  Memory memory_;
  InvariantChecker checker_;
  std::optional<Violation> violation_;
  std::vector<Word> line_buffer_;  // the line in flight on the bus
  EventSink* sink_ = nullptr;
  Cycle cycle_ = 0;
  std::uint64_t seq_ = 0;
  std::uint64_t transactions_ = 0;
  bool checking_ = false;
};

}  // namespace gb
