// The micro-ops a core executes: what a Go statement becomes by the time it reaches the memory system.
#pragma once

#include <cstdint>
#include <string_view>

#include "coherence/types.h"

namespace gb {

enum class OpKind : std::uint8_t {
  Load,     // read the word at addr into a register
  Store,    // write value to the word at addr (through the store buffer when one is on)
  Rmw,      // atomic read-modify-write: drains the store buffer, needs the line in M; adds value
  Fence,    // waits until the store buffer is empty
  Compute,  // `cycles` of work with no memory access
};

constexpr std::string_view name(OpKind k) {
  constexpr std::string_view names[] = {"load", "store", "rmw", "fence", "compute"};
  return names[static_cast<int>(k)];
}

// Registers a core has for the values its loads return (litmus outcomes); a micro-op names one or none.
inline constexpr int kRegisters = 16;

struct MicroOp {
  OpKind kind = OpKind::Compute;
  Addr addr = 0;
  Word value = 0;           // Store: the word stored; Rmw: the amount added
  std::uint32_t cycles = 0; // Compute: how long
  std::int8_t reg = -1;     // Load/Rmw: register (0..kRegisters-1) that receives the value read, -1 = none
  bool operator==(const MicroOp&) const = default;
};

}  // namespace gb
