// Shared vocabulary of every layer: simulated time, addresses, data words and core ids.
#pragma once

#include <cstdint>

namespace gb {

using Cycle = std::uint64_t;
using Addr = std::uint64_t;
using Word = std::uint64_t;  // caches and memory carry real 64-bit values, so the data-value invariant is checkable
using CoreId = int;

// Upper bound on cores in one machine; events keep their per-core state changes in a fixed array of this size.
inline constexpr int kMaxCores = 16;

}  // namespace gb
