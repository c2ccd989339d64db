// The random order in which a P visits the others when stealing (runtime/proc.go randomOrder): a random start and
// a stride coprime to the number of Ps, so every P is visited exactly once per pass.
#pragma once

#include <cstdint>
#include <numeric>
#include <vector>

namespace gb {

class StealOrder {
 public:
  explicit StealOrder(std::uint32_t count) : count_(count) {
    for (std::uint32_t i = 1; i <= count; ++i)
      if (std::gcd(i, count) == 1) coprimes_.push_back(i);
  }
  // The visiting order for one pass, from the random value `r` (fastrand in the runtime).
  std::vector<std::uint32_t> pass(std::uint32_t r) const {
    std::vector<std::uint32_t> order;
    if (count_ == 0) return order;
    std::uint32_t pos = r % count_;
    const std::uint32_t inc = coprimes_[r / count_ % coprimes_.size()];
    for (std::uint32_t i = 0; i < count_; ++i) {
      order.push_back(pos);
      pos = (pos + inc) % count_;
    }
    return order;
  }

 private:
  std::uint32_t count_;
  std::vector<std::uint32_t> coprimes_;
};

}  // namespace gb
