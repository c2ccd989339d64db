// One private L1 cache: set-associative, LRU, write-back, write-allocate; lines hold real 64-bit words.
#pragma once

#include <cstdint>
#include <vector>

#include "cache_geometry.h"
#include "line_state.h"
#include "types.h"

namespace gb {

struct CacheLine {
  Addr tag = 0;           // the line address (address >> block bits); kept whole so the UI can show it directly
  std::uint64_t lru = 0;  // stamp of the last own access; the smallest valid stamp in a set is the LRU victim
  LineState state = LineState::I;
};

class Cache {
 public:
  explicit Cache(const CacheGeometry& g);

  const CacheGeometry& geometry() const { return geometry_; }
  std::uint32_t sets() const { return sets_; }
  std::uint32_t assoc() const { return geometry_.assoc; }
  std::uint32_t words_per_line() const { return words_; }

  Addr line_of(Addr addr) const { return addr >> block_bits_; }
  std::uint32_t set_of_line(Addr line) const { return static_cast<std::uint32_t>(line & set_mask_); }
  std::uint32_t word_of(Addr addr) const {
    return words_ == 1 ? 0 : static_cast<std::uint32_t>((addr >> 3) & (words_ - 1));
  }

  // Index of the way holding `line` in a valid state, or -1.
  int find(Addr line) const {
    const std::uint32_t base = set_of_line(line) * geometry_.assoc;
    for (std::uint32_t w = 0; w < geometry_.assoc; ++w) {
      const CacheLine& l = lines_[base + w];
      if (l.tag == line && l.state != LineState::I) return static_cast<int>(base + w);
    }
    return -1;
  }
  // The way a new copy of `line` goes to: an invalid way first, otherwise the least recently used.
  int victim(Addr line) const;

  CacheLine& line(int index) { return lines_[static_cast<std::size_t>(index)]; }
  const CacheLine& line(int index) const { return lines_[static_cast<std::size_t>(index)]; }
  Word* data(int index) { return &data_[static_cast<std::size_t>(index) * words_]; }
  const Word* data(int index) const { return &data_[static_cast<std::size_t>(index) * words_]; }
  std::size_t line_count() const { return lines_.size(); }

  void touch(int index) { lines_[static_cast<std::size_t>(index)].lru = ++clock_; }
  // Invalid lines hold no data: clearing it keeps state hashes and the explorer's state space honest.
  void invalidate(int index);

 private:
  CacheGeometry geometry_;
  std::uint32_t sets_;
  std::uint32_t words_;
  unsigned block_bits_;
  Addr set_mask_;
  std::uint64_t clock_ = 0;
  std::vector<CacheLine> lines_;
  std::vector<Word> data_;
};

}  // namespace gb
