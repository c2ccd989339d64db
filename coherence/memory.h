// Main memory: a sparse store of lines; a line never written holds zeros.
#pragma once

#include <unordered_map>
#include <vector>

#include "types.h"

namespace gb {

class Memory {
 public:
  explicit Memory(std::uint32_t words_per_line) : words_(words_per_line) {}

  std::uint32_t words_per_line() const { return words_; }
  void read_line(Addr line, Word* out) const;
  void write_line(Addr line, const Word* in);
  Word read_word(Addr line, std::uint32_t word) const;
  // Lines that have ever been written, for the checker and state hashes.
  const std::unordered_map<Addr, std::uint32_t>& written_lines() const { return slots_; }
  const Word* line_data(std::uint32_t slot) const { return &words_store_[static_cast<std::size_t>(slot) * words_]; }
  // Forgets `lines` (they read as zeros again) and packs the store, keeping the others' order; returns how many
  // were held.
  std::size_t forget(const std::vector<Addr>& lines);

 private:
  std::uint32_t words_;
  std::unordered_map<Addr, std::uint32_t> slots_;  // line -> slot in words_store_
  std::vector<Word> words_store_;
};

}  // namespace gb
