// Small helpers for coherence tests: build a system, drive one block, record events.
#pragma once

#include <vector>

#include "coherence/memory_system.h"

namespace gb::test {

// Records every event, for assertions on what a step did.
class Recorder final : public EventSink {
 public:
  void on_event(const CoherenceEvent& e) override { events.push_back(e); }
  std::vector<CoherenceEvent> events;
  const CoherenceEvent& last() const { return events.back(); }
  // The last bus transaction, skipping evictions and silent changes.
  const CoherenceEvent* last_transaction() const {
    for (auto it = events.rbegin(); it != events.rend(); ++it)
      if (it->kind == EventKind::Transaction) return &*it;
    return nullptr;
  }
};

inline MemorySystem make_system(ProtocolKind kind, int cores, CacheGeometry g = {1024, 2, 64}) {
  MemorySystem m(cores, g, make_protocol(kind));
  m.set_checking(true);
  return m;
}

inline constexpr Addr kLineA = 0x1040;

}  // namespace gb::test
