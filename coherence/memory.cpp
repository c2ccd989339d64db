// Sparse main memory.
#include "memory.h"

#include <algorithm>

namespace gb {

void Memory::read_line(Addr line, Word* out) const {
  const auto it = slots_.find(line);
  if (it == slots_.end()) {
    std::fill_n(out, words_, Word{0});
  } else {
    std::copy_n(line_data(it->second), words_, out);
  }
}

void Memory::write_line(Addr line, const Word* in) {
  auto [it, inserted] = slots_.try_emplace(line, static_cast<std::uint32_t>(slots_.size()));
  if (inserted) words_store_.resize(words_store_.size() + words_, 0);
  std::copy_n(in, words_, &words_store_[static_cast<std::size_t>(it->second) * words_]);
}

std::size_t Memory::forget(const std::vector<Addr>& lines) {
  std::size_t gone = 0;
  for (const Addr line : lines) gone += slots_.erase(line);
  if (gone == 0) return 0;
  // Pack: the kept lines move down in their slot order, so the result does not depend on the map's order.
  std::vector<std::pair<std::uint32_t, Addr>> kept;
  kept.reserve(slots_.size());
  for (const auto& [line, slot] : slots_) kept.emplace_back(slot, line);
  std::sort(kept.begin(), kept.end());
  std::vector<Word> store(kept.size() * words_);
  for (std::size_t i = 0; i < kept.size(); ++i) {
    std::copy_n(line_data(kept[i].first), words_, &store[i * words_]);
    slots_[kept[i].second] = static_cast<std::uint32_t>(i);
  }
  words_store_ = std::move(store);
  return gone;
}

Word Memory::read_word(Addr line, std::uint32_t word) const {
  const auto it = slots_.find(line);
  return it == slots_.end() ? 0 : line_data(it->second)[word];
}

}  // namespace gb
