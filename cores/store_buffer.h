// A per-core FIFO store buffer (TSO): stores wait here, loads take the youngest matching entry.
#pragma once

#include <cstddef>
#include <deque>
#include <optional>

#include "coherence/types.h"

namespace gb {

struct BufferedStore {
  Addr addr;
  Word value;
  bool operator==(const BufferedStore&) const = default;
};

class StoreBuffer {
 public:
  explicit StoreBuffer(std::size_t capacity = 8) : capacity_(capacity) {}

  bool empty() const { return entries_.empty(); }
  bool full() const { return entries_.size() >= capacity_; }
  std::size_t size() const { return entries_.size(); }
  std::size_t capacity() const { return capacity_; }
  void push(Addr addr, Word value) { entries_.push_back(BufferedStore{addr & ~Addr{7}, value}); }
  const BufferedStore& oldest() const { return entries_.front(); }
  BufferedStore pop() {
    BufferedStore s = entries_.front();
    entries_.pop_front();
    return s;
  }
  // Store-to-load forwarding: the youngest entry for the same word, if any.
  std::optional<Word> forward(Addr addr) const {
    const Addr word = addr & ~Addr{7};
    for (auto it = entries_.rbegin(); it != entries_.rend(); ++it)
      if (it->addr == word) return it->value;
    return std::nullopt;
  }
  const std::deque<BufferedStore>& entries() const { return entries_; }
  bool operator==(const StoreBuffer&) const = default;

 private:
  std::size_t capacity_;
  std::deque<BufferedStore> entries_;
};

}  // namespace gb
