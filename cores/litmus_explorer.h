// Exhaustive exploration of a litmus test under SC or TSO: every interleaving of the cores' steps and every
// point at which a buffered store drains, each run through a real MemorySystem so the coherence protocol
// acts.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "coherence/bus_op.h"
#include "coherence/cache_geometry.h"
#include "coherence/checker.h"
#include "coherence/protocol.h"
#include "litmus.h"

namespace gb {

// SC: a store goes straight to the cache. TSO: a store enters the core's FIFO store buffer and drains later.
enum class MemoryModel : std::uint8_t { SC, TSO };

constexpr std::string_view name(MemoryModel m) {
  return m == MemoryModel::SC ? "SC" : "TSO";
}
// Parses "sc" or "tso" (any case).
std::optional<MemoryModel> parse_memory_model(std::string_view text);

// One action of one core in an execution: the next op of its program, or the drain of its oldest buffered
// store.
struct LitmusStep {
  CoreId core = 0;
  bool drain = false;       // the action wrote the oldest store-buffer entry to the cache
  MicroOp op;               // the op executed (for a drain: a Store of the drained word)
  Word value = 0;           // Load and Rmw: the word read; Store and drain: the word written
  bool buffered = false;    // a TSO store that went into the store buffer, not the cache
  bool forwarded = false;   // a load served by the core's own store buffer
  BusOp bus = BusOp::None;  // the bus request the cache access made, None for a hit or no access
  bool operator==(const LitmusStep&) const = default;
};

struct LitmusOptions {
  // Each core's private cache. Litmus locations sit on distinct lines of one set-associative cache.
  CacheGeometry geometry{1024, 4, 64};
  std::size_t store_buffer_capacity = 8;
  // Merge searches that reach an equal state. Off, the search walks the whole tree of executions: slower, but
  // the tests use it to check that memoisation changes no outcome and no execution count.
  bool memoise = true;
};

struct LitmusResult {
  // Every final outcome reachable, with the first execution found (depth first, lowest core first) giving it.
  std::map<LitmusOutcome, std::vector<LitmusStep>> outcomes;
  std::uint64_t executions = 0;   // complete executions: distinct sequences of actions from start to finish
  std::uint64_t states = 0;       // search states expanded (distinct states when memoising)
  std::uint64_t transitions = 0;  // actions applied during the search
  // The first coherence invariant broken on the way (none for a correct protocol) and the actions leading to
  // it. The search goes on past it, so `outcomes` shows what a broken protocol lets the program see.
  std::optional<Violation> violation;
  std::vector<LitmusStep> violation_path;

  bool observed(const LitmusOutcome& o) const { return outcomes.count(o) != 0; }
  // The outcomes alone, for comparisons.
  std::vector<LitmusOutcome> outcome_list() const;
};

// Explores every execution of `test` under `model` on caches running `protocol`, with checking on.
// Throws std::invalid_argument for a test that validate() rejects.
LitmusResult explore_litmus(const LitmusTest& test, MemoryModel model, const Protocol& protocol,
                            const LitmusOptions& options = {});

// One step of a witness: "c0: x = 1 -> store buffer", "c1: r2 = x -> 0 [BusRd]", "c0: drain x = 1 [BusUpgr]".
std::string format_step(const LitmusTest& test, const LitmusStep& step);

}  // namespace gb
