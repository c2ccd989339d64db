// Exhaustive explorer of the one-block, 1-bit-data, atomic-bus model (reference/coherence.md section 7), driven
// through the real engine and protocol table, so its state counts check the table the simulator runs.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "checker.h"
#include "protocol.h"

namespace gb {

struct ExplorerResult {
  std::uint64_t states = 0;       // distinct reachable states (projection: per-cache state and value, memory, ghost)
  std::uint64_t transitions = 0;  // enabled rules fired: per cache a load miss or an eviction, stores of 0 and 1
  std::optional<Violation> violation;  // the first violation found, breadth first
  std::vector<std::string> path;       // the actions leading to it ("c0 load", "c1 store 1", "c0 evict")
};

// Breadth-first search over every reachable state of `caches` caches. Stops at the first violation.
ExplorerResult explore_one_block(const Protocol& protocol, int caches);

}  // namespace gb
