// A P's local run queue (256-entry ring plus runnext) and the global run queue, with the transfer rules of
// runtime/proc.go: runqput, runqputslow, runqget, runqgrab/runqsteal and globrunqget. The simulation is single
// threaded, so the CAS retry loops of the real code have no counterpart here.
#pragma once

#include <array>
#include <cstdint>
#include <deque>
#include <optional>
#include <vector>

#include "g_status.h"

namespace gb {

class GlobalRunQueue;

// What runqget returns: the G and whether it inherits the current time slice (it came from runnext).
struct Dequeued {
  GId g = kNoG;
  bool inherit_time = false;
};

class LocalRunQueue {
 public:
  static constexpr std::uint32_t kCapacity = 256;

  // runqput: with `next`, g takes runnext and the previous occupant goes to the tail. A full ring sends half of
  // it (128 Gs, oldest first) plus the G being queued to `global` in one batch (runqputslow).
  void put(GId g, bool next, GlobalRunQueue& global);
  // runqget: runnext first (inherits the time slice), then the head of the ring.
  std::optional<Dequeued> get();
  // runqsteal from `victim`: takes half of its ring, rounded up; with `steal_runnext` and an empty ring, its
  // runnext. The last G taken is returned to run now; the rest join this queue's tail.
  std::optional<GId> steal_from(LocalRunQueue& victim, bool steal_runnext);

  std::uint32_t size() const { return tail_ - head_; }  // ring entries, runnext not included
  bool empty() const { return head_ == tail_ && runnext_ == kNoG; }
  GId runnext() const { return runnext_; }
  // The ring's Gs from head to tail, for display and invariant checks.
  std::vector<GId> entries() const;
  bool contains(GId g) const;

 private:
  void push_tail(GId g) {
    ring_[tail_ % kCapacity] = g;
    ++tail_;
  }

  std::array<GId, kCapacity> ring_{};
  std::uint32_t head_ = 0;
  std::uint32_t tail_ = 0;
  GId runnext_ = kNoG;
};

// The global queue: an unbounded FIFO shared by all Ps.
class GlobalRunQueue {
 public:
  void put(GId g) { queue_.push_back(g); }
  void put_front(GId g) { queue_.push_front(g); }
  // globrunqget: takes n = size/gomaxprocs + 1, capped by the size, by `max` if max > 0, and by half a local ring
  // (128); returns the first and moves the other n-1 to `local`'s tail.
  std::optional<GId> get(LocalRunQueue& local, int gomaxprocs, int max);
  std::size_t size() const { return queue_.size(); }
  bool empty() const { return queue_.empty(); }
  const std::deque<GId>& entries() const { return queue_; }

 private:
  std::deque<GId> queue_;
};

}  // namespace gb
