// Runtime timers on the simulated clock (runtime/time.go): time.Sleep's, time.After/NewTimer's channel sends and
// time.AfterFunc's goroutines. One heap ordered by (when, creation order) for all Ps — a simplification of Go's
// per-P heaps that is equivalent while timers run only when some P schedules.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "scheduler/g_status.h"
#include "scheduler/vm/bytecode.h"

namespace gb::vm {

enum class TimerKind : std::uint8_t { Sleep, Runtime };  // Runtime: time.startTimer (chan and/or func)

struct Timer {
  std::int64_t when = 0;
  TimerKind kind = TimerKind::Sleep;
  GId g = kNoG;        // Sleep: the sleeper
  Word chan = 0;       // Runtime: the channel to send the time on (non-blocking), or 0
  Word func = 0;       // Runtime: closure to run in a new goroutine, or 0
  std::uint32_t generation = 0;
  bool active = false;
};

class TimerQueue {
 public:
  // Returns the timer's id (slot and generation, never 0).
  std::int64_t add(const Timer& t);
  // Stops a pending timer: true if it was pending (time.Timer.Stop's result).
  bool stop(std::int64_t id);
  std::optional<std::int64_t> next_when() const;
  // The earliest pending timer due at or before `now`, removed from the queue.
  std::optional<Timer> pop_due(std::int64_t now);
  std::size_t pending() const { return active_; }
  const std::vector<Timer>& slots() const { return timers_; }

 private:
  struct HeapItem {
    std::int64_t when;
    std::uint64_t seq;
    std::uint32_t slot;
    std::uint32_t generation;
  };
  void drop_stale();

  std::vector<Timer> timers_;
  std::vector<std::uint32_t> free_;
  std::vector<HeapItem> heap_;
  std::uint64_t seq_ = 0;
  std::size_t active_ = 0;
};

}  // namespace gb::vm
