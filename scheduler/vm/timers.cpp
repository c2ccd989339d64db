// The per-P timer heaps: lazy deletion of stopped timers, slots reused with a generation so a stale id stops
// nothing, and one sequence number across all heaps so equal deadlines keep their creation order.
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

std::vector<TimerQueue::HeapItem>& TimerQueue::heap(int p) {
  const auto i = static_cast<std::size_t>(std::max(p, 0));
  if (i >= heaps_.size()) heaps_.resize(i + 1);
  return heaps_[i];
}

bool TimerQueue::live(const HeapItem& item) const {
  const Timer& t = timers_[item.slot];
  return t.active && t.generation == item.generation;
}

std::int64_t TimerQueue::add(const Timer& t, int p) {
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
  s.heap = std::max(p, 0);
  ++active_;
  std::vector<HeapItem>& h = heap(p);
  h.push_back(HeapItem{t.when, seq_++, slot, gen});
  std::push_heap(h.begin(), h.end(), Later{});
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
  drop_stale(heap(t.heap));
  return true;
}

void TimerQueue::drop_stale(std::vector<HeapItem>& h) {
  while (!h.empty() && !live(h.front())) {
    std::pop_heap(h.begin(), h.end(), Later{});
    h.pop_back();
  }
}

std::optional<std::int64_t> TimerQueue::next_when() const {
  std::optional<std::int64_t> next;
  for (const auto& h : heaps_)
    if (!h.empty() && (!next || h.front().when < *next)) next = h.front().when;
  return next;
}

std::optional<std::int64_t> TimerQueue::next_when(int p) const {
  const auto i = static_cast<std::size_t>(p);
  if (p < 0 || i >= heaps_.size() || heaps_[i].empty()) return std::nullopt;
  return heaps_[i].front().when;
}

std::size_t TimerQueue::pending(int p) const {
  const auto i = static_cast<std::size_t>(p);
  if (p < 0 || i >= heaps_.size()) return 0;
  return static_cast<std::size_t>(
      std::count_if(heaps_[i].begin(), heaps_[i].end(), [&](const HeapItem& item) { return live(item); }));
}

std::optional<Timer> TimerQueue::pop_due(std::int64_t now, int p) {
  std::vector<HeapItem>& h = heap(p);
  drop_stale(h);
  if (h.empty() || h.front().when > now) return std::nullopt;
  const HeapItem item = h.front();
  std::pop_heap(h.begin(), h.end(), Later{});
  h.pop_back();
  Timer t = timers_[item.slot];
  timers_[item.slot].active = false;
  --active_;
  free_.push_back(item.slot);
  drop_stale(h);
  return t;
}

void TimerQueue::move(int from, int to) {
  if (from == to || from < 0 || static_cast<std::size_t>(from) >= heaps_.size()) return;
  std::vector<HeapItem> items = std::move(heaps_[static_cast<std::size_t>(from)]);
  heaps_[static_cast<std::size_t>(from)].clear();
  std::vector<HeapItem>& dst = heap(to);
  for (const HeapItem& item : items) {
    if (!live(item)) continue;
    timers_[item.slot].heap = to;
    dst.push_back(item);
    std::push_heap(dst.begin(), dst.end(), Later{});
  }
}

}  // namespace gb::vm
