// Runtime timers on the simulated clock (runtime/time.go): time.Sleep's, time.After/NewTimer's channel sends and
// time.AfterFunc's goroutines. Since Go 1.14 each P keeps its own heap, ordered by (when, creation order): a timer
// goes on the heap of the P that set it, that P runs it in schedule(), and a spinning M runs other Ps' due timers
// on its last stealing pass. The flat engine (no Ms) keeps every timer on heap 0 and runs them from any P.
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
  int heap = 0;        // the P whose heap holds it
};

class TimerQueue {
 public:
  // Puts `t` on P `heap`'s heap. Returns the timer's id (slot and generation, never 0).
  std::int64_t add(const Timer& t, int heap);
  // Stops a pending timer: true if it was pending (time.Timer.Stop's result).
  bool stop(std::int64_t id);
  // The earliest pending timer of any P, or of P `heap`.
  std::optional<std::int64_t> next_when() const;
  std::optional<std::int64_t> next_when(int heap) const;
  // P `heap`'s earliest pending timer due at or before `now`, removed from the queue.
  std::optional<Timer> pop_due(std::int64_t now, int heap);
  // moveTimers: a P removed by GOMAXPROCS hands its timers to another.
  void move(int from, int to);
  std::size_t pending() const { return active_; }
  std::size_t pending(int heap) const;
  const std::vector<Timer>& slots() const { return timers_; }

 private:
  struct HeapItem {
    std::int64_t when;
    std::uint64_t seq;
    std::uint32_t slot;
    std::uint32_t generation;
  };
  std::vector<HeapItem>& heap(int p);
  void drop_stale(std::vector<HeapItem>& h);
  bool live(const HeapItem& item) const;

  std::vector<Timer> timers_;
  std::vector<std::uint32_t> free_;
  std::vector<std::vector<HeapItem>> heaps_;  // per P
  std::uint64_t seq_ = 0;
  std::size_t active_ = 0;
};

}  // namespace gb::vm
