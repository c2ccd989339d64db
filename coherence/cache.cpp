// Victim choice and invalidation for the private cache.
#include "cache.h"

#include <algorithm>

namespace gb {

Cache::Cache(const CacheGeometry& g)
    : geometry_(g),
      sets_(g.sets()),
      words_(g.words_per_line()),
      block_bits_(log2_exact(g.block_bytes)),
      set_mask_(static_cast<Addr>(g.sets()) - 1),
      lines_(static_cast<std::size_t>(g.sets()) * g.assoc),
      data_(lines_.size() * words_, 0) {}

int Cache::victim(Addr line) const {
  const std::uint32_t base = set_of_line(line) * geometry_.assoc;
  int best = -1;
  std::uint64_t best_stamp = 0;
  for (std::uint32_t w = 0; w < geometry_.assoc; ++w) {
    const CacheLine& l = lines_[base + w];
    if (l.state == LineState::I) return static_cast<int>(base + w);
    if (best < 0 || l.lru < best_stamp) {
      best = static_cast<int>(base + w);
      best_stamp = l.lru;
    }
  }
  return best;
}

void Cache::invalidate(int index) {
  lines_[static_cast<std::size_t>(index)].state = LineState::I;
  std::fill_n(data(index), words_, Word{0});
}

}  // namespace gb
