// The timer heap: lazy deletion of stopped timers, slots reused with a generation so a stale id stops nothing.
#include "scheduler/vm/timers.h"

#include <algorithm>

namespace gb::vm {

namespace {
struct Later {
  template <class T>
  bool operator()(const T& a, const T& b) const {
    return a.when != b.when ? a.when > b.when : a.seq > b.seq;
  }
};
}  // namespace

std::int64_t TimerQueue::add(const Timer& t) {
  std::uint32_t slot;
  if (!free_.empty()) {
    slot = free_.back();
    free_.pop_back();
  } else {
    slot = static_cast<std::uint32_t>(timers_.size());
    timers_.emplace_back();
  }
  Timer& s = timers_[slot];
  const std::uint32_t gen = s.generation + 1;
  s = t;
  s.generation = gen;
  s.active = true;
  ++active_;
  heap_.push_back(HeapItem{t.when, seq_++, slot, gen});
  std::push_heap(heap_.begin(), heap_.end(), Later{});
  return static_cast<std::int64_t>((std::uint64_t{gen} << 32) | (slot + 1u));
}

bool TimerQueue::stop(std::int64_t id) {
  const auto u = static_cast<std::uint64_t>(id);
  const std::uint32_t slot = static_cast<std::uint32_t>(u & 0xFFFFFFFFu) - 1u;
  const auto gen = static_cast<std::uint32_t>(u >> 32);
  if (slot >= timers_.size()) return false;
  Timer& t = timers_[slot];
  if (!t.active || t.generation != gen) return false;
  t.active = false;
  --active_;
  free_.push_back(slot);
  drop_stale();
  return true;
}

void TimerQueue::drop_stale() {
  while (!heap_.empty()) {
    const HeapItem& h = heap_.front();
    const Timer& t = timers_[h.slot];
    if (t.active && t.generation == h.generation) return;
    std::pop_heap(heap_.begin(), heap_.end(), Later{});
    heap_.pop_back();
  }
}

std::optional<std::int64_t> TimerQueue::next_when() const {
  if (heap_.empty()) return std::nullopt;
  return heap_.front().when;
}

std::optional<Timer> TimerQueue::pop_due(std::int64_t now) {
  drop_stale();
  if (heap_.empty() || heap_.front().when > now) return std::nullopt;
  const HeapItem h = heap_.front();
  std::pop_heap(heap_.begin(), heap_.end(), Later{});
  heap_.pop_back();
  Timer t = timers_[h.slot];
  timers_[h.slot].active = false;
  --active_;
  free_.push_back(h.slot);
  drop_stale();
  return t;
}

}  // namespace gb::vm
