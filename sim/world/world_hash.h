// FNV-1a (64-bit) for the outside world: the key -> partition hash and the state_hash() of every world
// object.
#pragma once

#include <cstdint>
#include <string_view>

namespace gb {

inline constexpr std::uint64_t kFnvOffsetBasis = 0xcbf29ce484222325ULL;
inline constexpr std::uint64_t kFnvPrime = 0x100000001b3ULL;

// FNV-1a over the bytes of `s`. Chosen for the partitioner because it is tiny, has published test vectors and
// gives the same answer on every platform (Kafka's murmur2 would too, but the lesson only needs "stable").
constexpr std::uint64_t fnv1a64(std::string_view s) {
  std::uint64_t h = kFnvOffsetBasis;
  for (const char c : s) {
    h ^= static_cast<std::uint8_t>(c);
    h *= kFnvPrime;
  }
  return h;
}

// Folds plain values into one FNV-1a hash, byte by byte so the result does not depend on host endianness.
class WorldHasher {
 public:
  void add(std::uint64_t v) {
    for (int i = 0; i < 8; ++i) {
      h_ ^= (v >> (8 * i)) & 0xff;
      h_ *= kFnvPrime;
    }
  }
  void add_signed(std::int64_t v) { add(static_cast<std::uint64_t>(v)); }
  // The length goes first so that ("ab","c") and ("a","bc") hash differently.
  void add(std::string_view s) {
    add(static_cast<std::uint64_t>(s.size()));
    for (const char c : s) {
      h_ ^= static_cast<std::uint8_t>(c);
      h_ *= kFnvPrime;
    }
  }
  std::uint64_t value() const { return h_; }

 private:
  std::uint64_t h_ = kFnvOffsetBasis;
};

}  // namespace gb
