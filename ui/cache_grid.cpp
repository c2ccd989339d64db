// cache_grid and memory_lines: read straight from the caches and memory, in the order the panel draws them.
#include "cache_grid.h"

#include <map>

namespace gb::ui {

LineView line_view(const MemorySystem& sys, int core, std::uint32_t set, std::uint32_t way) {
  const Cache& cache = sys.cache(static_cast<CoreId>(core));
  const int index = static_cast<int>(set * cache.assoc() + way);
  const CacheLine& l = cache.line(index);
  LineView v;
  v.set = set;
  v.way = way;
  v.address = l.tag * cache.geometry().block_bytes;
  v.state = l.state;
  v.lru = l.lru;
  v.words.assign(cache.data(index), cache.data(index) + cache.words_per_line());
  v.stale_memory = is_valid(l.state) && sys.memory_stale(l.tag);
  return v;
}

std::vector<LineView> cache_grid(const MemorySystem& sys, int core) {
  std::vector<LineView> out;
  if (core < 0 || core >= sys.cores()) return out;
  const Cache& cache = sys.cache(static_cast<CoreId>(core));
  out.reserve(cache.line_count());
  for (std::uint32_t set = 0; set < cache.sets(); ++set)
    for (std::uint32_t way = 0; way < cache.assoc(); ++way) out.push_back(line_view(sys, core, set, way));
  return out;
}

std::vector<MemoryLineView> memory_lines(const MemorySystem& sys) {
  // Line number -> its view; a map keeps them in address order.
  std::map<Addr, MemoryLineView> lines;
  for (int core = 0; core < sys.cores(); ++core) {
    const Cache& cache = sys.cache(static_cast<CoreId>(core));
    for (std::size_t i = 0; i < cache.line_count(); ++i) {
      const int index = static_cast<int>(i);
      const CacheLine& l = cache.line(index);
      if (!is_valid(l.state)) continue;
      MemoryLineView& v = lines[l.tag];
      v.holders.push_back({core, l.state});
      if (is_dirty(l.state)) {
        v.owner = core;
        v.owner_state = l.state;
        v.owner_words.assign(cache.data(index), cache.data(index) + cache.words_per_line());
      }
    }
  }
  std::vector<MemoryLineView> out;
  out.reserve(lines.size());
  const std::uint32_t block = sys.cores() > 0 ? sys.cache(0).geometry().block_bytes : 0;
  for (auto& [line, v] : lines) {
    v.address = line * block;
    v.words.resize(sys.memory().words_per_line());
    sys.memory().read_line(line, v.words.data());
    v.stale = sys.memory_stale(line);
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace gb::ui
