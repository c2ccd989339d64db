// The invariant checker: SWMR, at most one owner, and the data-value invariant, per line, after a transaction.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>

#include "types.h"

namespace gb {

class MemorySystem;

struct Violation {
  std::string invariant;  // "SWMR", "single owner", "data-value", "memory", "protocol"
  Addr line = 0;
  std::string detail;     // a readable account: which caches hold what, what was expected
  std::string message() const;
};

class InvariantChecker {
 public:
  // The ghost: the last value written to each word, which every valid copy must hold.
  void on_write(Addr line, std::uint32_t word, std::uint32_t words_per_line, Word value) {
    ghost_[line * words_per_line + word] = value;
  }
  Word expected(Addr line, std::uint32_t word, std::uint32_t words_per_line) const {
    const auto it = ghost_.find(line * words_per_line + word);
    return it == ghost_.end() ? 0 : it->second;
  }

  std::optional<Violation> check_line(const MemorySystem& system, Addr line) const;
  // Every line held by any cache or ever written (slower; for tests and explorers).
  std::optional<Violation> check_all(const MemorySystem& system) const;

  std::size_t ghost_words() const { return ghost_.size(); }
  // Forgets the line's words (memory forgot them: they are zeros again, as a line never written).
  void forget(Addr line, std::uint32_t words_per_line) {
    for (std::uint32_t w = 0; w < words_per_line; ++w) ghost_.erase(line * words_per_line + w);
  }

 private:
  std::unordered_map<Addr, Word> ghost_;  // key: line * words_per_line + word
};

}  // namespace gb
