// A seeded random multi-core workload with heavy sharing on few lines, for invariant stress tests.
#pragma once

#include <optional>

#include "coherence/chooser.h"
#include "coherence/memory_system.h"

namespace gb::test {

struct RandomRun {
  std::uint64_t operations = 0;
  std::optional<Violation> violation;
};

// Runs `operations` random reads, writes, fetch-adds and evictions over 12 lines of 4 words in a small cache
// (4 sets of 2 ways), so lines are shared, falsely shared, upgraded and evicted constantly.
inline RandomRun run_random(MemorySystem& m, std::uint64_t seed, std::uint64_t operations) {
  SeededChooser rng(seed);
  RandomRun run;
  Word value = 1;
  for (; run.operations < operations; ++run.operations) {
    const CoreId core = static_cast<CoreId>(rng.choose(static_cast<std::size_t>(m.cores()), ChoiceKind::Other));
    const Addr addr = rng.choose(12, ChoiceKind::Other) * 32 + rng.choose(4, ChoiceKind::Other) * 8;
    const std::size_t kind = rng.choose(20, ChoiceKind::Other);
    m.set_cycle(run.operations);
    if (kind < 10) {
      m.read(core, addr);
    } else if (kind < 17) {
      m.write(core, addr, value++);
    } else if (kind < 19) {
      m.fetch_add(core, addr, 1);
    } else {
      m.evict(core, addr);
    }
    if (m.violation()) {
      run.violation = m.violation();
      break;
    }
  }
  return run;
}

inline const CacheGeometry kSmallCache{256, 2, 32};

}  // namespace gb::test
