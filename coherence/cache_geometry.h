// Size, associativity and block size of one private cache, and the address arithmetic they imply.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "types.h"

namespace gb {

struct CacheGeometry {
  std::uint64_t size_bytes = 8192;
  std::uint32_t assoc = 8;
  std::uint32_t block_bytes = 64;

  std::uint32_t sets() const { return static_cast<std::uint32_t>(size_bytes / block_bytes / assoc); }
  // Lines carry whole 64-bit words; a block smaller than a word still holds one word.
  std::uint32_t words_per_line() const { return block_bytes < 8 ? 1 : block_bytes / 8; }

  // Null when valid; otherwise why not (each value a non-zero power of two, at least one set).
  std::optional<std::string> validate() const;
};

constexpr bool is_power_of_two(std::uint64_t v) { return v != 0 && (v & (v - 1)) == 0; }

constexpr unsigned log2_exact(std::uint64_t v) {
  unsigned n = 0;
  while (v > 1) {
    v >>= 1;
    ++n;
  }
  return n;
}

}  // namespace gb
