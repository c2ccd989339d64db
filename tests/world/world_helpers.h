// Helpers shared by the world tests: keys that land on a chosen partition, and event counting.
#pragma once

#include <string>
#include <vector>

#include "sim/world/broker.h"
#include "sim/world/world_text.h"

namespace gb::test {

// The n-th key (in "k0", "k1", ... order) that the partitioner sends to partition p of `partitions`.
inline std::string key_for(PartitionId p, int partitions, int n = 0) {
  for (int i = 0;; ++i) {
    std::string k = cat({"k", std::to_string(i)});
    if (Broker::partition_for(k, partitions) == p && n-- == 0) return k;
  }
}

inline int count(const std::vector<WorldEvent>& events, WorldEventKind kind) {
  int n = 0;
  for (const WorldEvent& e : events) n += e.kind == kind;
  return n;
}

inline std::vector<std::int64_t> offsets(const PollResult& r, PartitionId p) {
  std::vector<std::int64_t> out;
  for (const Delivery& d : r.messages)
    if (d.partition == p) out.push_back(d.offset);
  return out;
}

constexpr Nanos kMs = 1'000'000;

}  // namespace gb::test
