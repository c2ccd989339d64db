// Cores on a clock: each core runs its own micro-op stream against the memory system; hits take the hit
// latency, and cores that need the bus wait for it and are picked by the Chooser when several are waiting.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "coherence/chooser.h"
#include "coherence/memory_system.h"
#include "latencies.h"
#include "op_stream.h"
#include "store_buffer.h"

namespace gb {

struct CoreTiming {
  std::uint64_t loads = 0, stores = 0, rmws = 0, fences = 0, computes = 0;
  Cycle compute_cycles = 0;
  Cycle bus_wait_cycles = 0;      // cycles spent waiting for the bus to be granted
  Cycle memory_stall_cycles = 0;  // cycles spent in granted transactions
  std::uint64_t forwarded_loads = 0;  // loads served from the core's own store buffer
  std::uint64_t drains = 0;           // store-buffer entries written to the cache
  Cycle finish = 0;                   // the cycle the core's stream ended
};

struct TimedConfig {
  Latencies latencies;
  bool store_buffers = false;      // TSO: stores retire into a per-core FIFO buffer
  std::size_t store_buffer_capacity = 8;
};

class TimedMachine {
 public:
  TimedMachine(MemorySystem& memory, const TimedConfig& config, Chooser& chooser);

  // Runs every stream to its end and drains every store buffer (or stops at the memory system's first invariant
  // violation when it checks). Returns the cycle the last core finished.
  // `progress`, if given, is called about every 2^20 micro-ops with the micro-ops done so far.
  Cycle run(OpStream& streams, const std::function<void(std::uint64_t)>& progress = {});

  const CoreTiming& core(CoreId c) const { return timing_[static_cast<std::size_t>(c)]; }
  Cycle bus_busy_cycles() const { return bus_busy_; }
  std::uint64_t bus_grants() const { return grants_; }
  std::uint64_t contended_grants() const { return contended_; }
  // Register values written by Load and Rmw micro-ops that named a register (out-of-range names are ignored).
  Word reg(CoreId c, int r) const { return regs_[static_cast<std::size_t>(c)][static_cast<std::size_t>(r)]; }

 private:
  struct Pending {
    bool has_op = false;
    bool ended = false;
    MicroOp op;
  };
  // The memory action a core wants next: an access (drain or op) or nothing (stream done or op handled).
  struct Action {
    bool memory = false;
    bool drain = false;   // the access writes back the oldest store-buffer entry
    ProcOp proc = ProcOp::Read;
    Addr addr = 0;
    Word value = 0;
    bool add = false;
  };
  // Advances `core` at time `now` through operations that need no bus; returns the bus access it waits for.
  std::optional<Action> advance(CoreId core, Cycle now, OpStream& streams);
  Action action_for(CoreId core) const;
  void complete(CoreId core, const Action& a, const AccessResult& r);
  // Performs a bus access that won arbitration at `now`; the bus is held for the transaction's latency.
  void grant(CoreId winner, const Action& action, Cycle now);
  void wait_for_bus(CoreId core, Cycle now);
  void set_reg(std::size_t core, std::int8_t r, Word value) {
    if (r >= 0 && r < kRegisters) regs_[core][static_cast<std::size_t>(r)] = value;
  }

  MemorySystem& memory_;
  TimedConfig config_;
  Chooser& chooser_;
  std::vector<Pending> pending_;
  std::vector<StoreBuffer> buffers_;
  std::vector<Cycle> ready_;
  std::vector<CoreTiming> timing_;
  std::vector<std::array<Word, kRegisters>> regs_;
  std::vector<bool> done_;
  Cycle bus_free_ = 0;
  Cycle bus_busy_ = 0;
  std::uint64_t grants_ = 0;
  std::uint64_t contended_ = 0;
  std::uint64_t ops_done_ = 0;
};

}  // namespace gb
