// Runs a memory trace through the coherence engine (functional) or the cores (timing): the engine behind
// `gopherbus-cli trace`, kept apart from argument parsing so tests and benchmarks call it directly.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "coherence/checker.h"
#include "coherence/event.h"
#include "coherence/protocol.h"
#include "coherence/stats.h"
#include "cores/latencies.h"
#include "cores/timed_machine.h"

namespace gb {

enum class TraceFormat { SmpCache, Cs4223 };

struct TraceOptions {
  TraceFormat format = TraceFormat::SmpCache;
  std::vector<std::string> files;  // smp_cache: one file; cs4223: one per core, in core order
  ProtocolKind protocol = ProtocolKind::MESI;
  int cores = 4;
  CacheGeometry geometry;
  bool timing = false;             // cycle timing; always on for cs4223 unless `functional`
  bool functional = false;         // cs4223 only: interleave the cores round-robin, no clock
  bool check = false;
  std::vector<std::string> bugs;
  std::uint64_t seed = 1;          // bus arbitration among waiting cores
  Latencies latencies;
  bool store_buffers = false;
};

struct TraceResult {
  int exit_code = 0;                 // 0 ok, 1 invariant violation, 2 bad input
  std::string error;                 // for exit code 2: "file:line: problem"
  std::optional<Violation> violation;
  std::uint64_t violation_at = 0;    // 1-based record number (smp_cache) or micro-op count at the violation
  std::vector<CacheStats> stats;
  std::vector<CoreTiming> timing;    // timing mode
  bool timed = false;
  Cycle cycles = 0;
  Cycle bus_busy_cycles = 0;
  std::uint64_t bus_transactions = 0;
  std::uint64_t references = 0;      // loads and stores
  std::uint64_t records = 0;         // every trace record, compute included
  std::uint64_t state_hash = 0;
  std::string protocol_name;
};

// Checks options that do not need the files (geometry, cores, bugs); returns the problem or nothing.
std::optional<std::string> validate(const TraceOptions& options);

// `progress` (optional) is called now and then with the records processed so far.
TraceResult run_trace(const TraceOptions& options, EventSink* events,
                      const std::function<void(std::uint64_t)>& progress = {});

}  // namespace gb
