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

Word Memory::read_word(Addr line, std::uint32_t word) const {
  const auto it = slots_.find(line);
  return it == slots_.end() ? 0 : line_data(it->second)[word];
}

}  // namespace gb
