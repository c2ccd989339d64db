// The outside world's seeded PRNG (splitmix64): one 64-bit word of plain data, so copying an object copies
// its future.
#pragma once

#include <cmath>
#include <cstdint>

namespace gb {

// Each world object owns one of these instead of sharing a generator, so that how often one object draws
// never changes what another one sees (adding a consumer must not change the payment amounts).
struct SplitMix64 {
  std::uint64_t state = 0;

  std::uint64_t next() {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  // Uniform in [0, 1), 53 bits.
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  // Uniform in [0, n) for n >= 1. Plain modulo: the bias is below 2^-40 for the small n used here.
  std::uint64_t below(std::uint64_t n) { return n <= 1 ? 0 : next() % n; }
  // Uniform in [lo, hi], inclusive; lo <= hi.
  std::int64_t between(std::int64_t lo, std::int64_t hi) {
    const std::uint64_t span = static_cast<std::uint64_t>(hi) - static_cast<std::uint64_t>(lo) + 1;
    return span == 0 ? static_cast<std::int64_t>(next())  // the whole int64 range
                     : lo + static_cast<std::int64_t>(below(span));
  }
  // Exponentially distributed with the given mean; 1 - unit() is in (0, 1], so the log is finite.
  double exponential(double mean) { return -std::log(1.0 - unit()) * mean; }
};

}  // namespace gb
