// The run-queue transfer rules of runtime/proc.go, as plain data operations.
#include "run_queues.h"

#include <algorithm>

namespace gb {

void LocalRunQueue::put(GId g, bool next, GlobalRunQueue& global) {
  if (next) {
    const GId kicked = runnext_;
    runnext_ = g;
    if (kicked == kNoG) return;
    g = kicked;  // the previous runnext goes to the tail like any other G
  }
  if (size() < kCapacity) {
    push_tail(g);
    return;
  }
  // runqputslow: move the older half of the full ring, then g, to the global queue as one batch.
  const std::uint32_t half = kCapacity / 2;
  for (std::uint32_t i = 0; i < half; ++i) global.put(ring_[(head_ + i) % kCapacity]);
  head_ += half;
  global.put(g);
}

std::optional<Dequeued> LocalRunQueue::get() {
  if (runnext_ != kNoG) {
    const GId g = runnext_;
    runnext_ = kNoG;
    return Dequeued{g, true};
  }
  if (head_ == tail_) return std::nullopt;
  const GId g = ring_[head_ % kCapacity];
  ++head_;
  return Dequeued{g, false};
}

std::optional<GId> LocalRunQueue::steal_from(LocalRunQueue& victim, bool steal_runnext) {
  std::uint32_t n = victim.size();
  n -= n / 2;  // half, rounded up
  if (n == 0) {
    if (!steal_runnext || victim.runnext_ == kNoG) return std::nullopt;
    const GId g = victim.runnext_;
    victim.runnext_ = kNoG;
    return g;
  }
  // Take the victim's n oldest; the last of them runs now, the others queue here in order.
  for (std::uint32_t i = 0; i + 1 < n; ++i) push_tail(victim.ring_[(victim.head_ + i) % kCapacity]);
  const GId run_now = victim.ring_[(victim.head_ + n - 1) % kCapacity];
  victim.head_ += n;
  return run_now;
}

std::vector<GId> LocalRunQueue::entries() const {
  std::vector<GId> out;
  for (std::uint32_t i = head_; i != tail_; ++i) out.push_back(ring_[i % kCapacity]);
  return out;
}

bool LocalRunQueue::contains(GId g) const {
  if (runnext_ == g) return true;
  for (std::uint32_t i = head_; i != tail_; ++i)
    if (ring_[i % kCapacity] == g) return true;
  return false;
}

std::optional<GId> GlobalRunQueue::get(LocalRunQueue& local, int gomaxprocs, int max) {
  if (queue_.empty()) return std::nullopt;
  const int size = static_cast<int>(queue_.size());
  int n = size / std::max(gomaxprocs, 1) + 1;
  n = std::min(n, size);
  if (max > 0) n = std::min(n, max);
  n = std::min(n, static_cast<int>(LocalRunQueue::kCapacity / 2));
  const GId first = queue_.front();
  queue_.pop_front();
  for (int i = 1; i < n; ++i) {
    const GId g = queue_.front();
    queue_.pop_front();
    local.put(g, false, *this);  // cannot overflow in practice: findRunnable asks only with room to spare
  }
  return first;
}

}  // namespace gb
