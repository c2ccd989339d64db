// FNV-1a over 64-bit values: the state and event hashes that determinism tests compare.
#pragma once

#include <cstdint>

#include "event.h"

namespace gb {

class Fnv1a {
 public:
  void add(std::uint64_t v) {
    for (int i = 0; i < 8; ++i) {
      h_ ^= (v >> (8 * i)) & 0xff;
      h_ *= 0x100000001b3ULL;
    }
  }
  std::uint64_t value() const { return h_; }

 private:
  std::uint64_t h_ = 0xcbf29ce484222325ULL;
};

// An event sink that folds every field of every event into one hash.
class EventHasher final : public EventSink {
 public:
  void on_event(const CoherenceEvent& e) override {
    h_.add(static_cast<std::uint64_t>(e.kind));
    h_.add(e.cycle);
    h_.add(e.seq);
    h_.add(static_cast<std::uint64_t>(e.core));
    h_.add(static_cast<std::uint64_t>(e.op));
    h_.add(e.addr);
    h_.add(static_cast<std::uint64_t>(e.bus) << 8 | static_cast<std::uint64_t>(e.then_bus));
    h_.add(static_cast<std::uint64_t>(static_cast<std::uint16_t>(e.proc_row)));
    h_.add(static_cast<std::uint64_t>(e.shared_line) | static_cast<std::uint64_t>(e.writeback) << 1 |
           static_cast<std::uint64_t>(e.memory_updated) << 2 | static_cast<std::uint64_t>(e.memory_stale) << 3);
    h_.add(static_cast<std::uint64_t>(static_cast<std::uint8_t>(e.supplier)));
    h_.add(e.value);
    for (std::uint8_t i = 0; i < e.change_count; ++i) {
      const StateChange& c = e.changes[i];
      h_.add(static_cast<std::uint64_t>(static_cast<std::uint8_t>(c.core)) << 16 |
             static_cast<std::uint64_t>(c.from) << 8 | static_cast<std::uint64_t>(c.to));
    }
    ++count_;
  }
  std::uint64_t value() const { return h_.value(); }
  std::uint64_t count() const { return count_; }

 private:
  Fnv1a h_;
  std::uint64_t count_ = 0;
};

}  // namespace gb
