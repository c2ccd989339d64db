// Bus transactions of a snooping bus, and the processor-side operations that cause them.
#pragma once

#include <cstdint>
#include <string_view>

namespace gb {

// Requests a cache puts on the bus. Flush and FlushOpt are replies (a snooper supplying the line); they are
// recorded as the supply of a transaction, see Supply.
enum class BusOp : std::uint8_t { None, BusRd, BusRdX, BusUpgr, BusUpd, Flush, FlushOpt };
inline constexpr int kBusOpCount = 7;

constexpr std::string_view name(BusOp b) {
  constexpr std::string_view names[] = {"-", "BusRd", "BusRdX", "BusUpgr", "BusUpd", "Flush", "FlushOpt"};
  return names[static_cast<int>(b)];
}

// A snooped request that brings a whole line to the requester.
constexpr bool carries_line(BusOp b) { return b == BusOp::BusRd || b == BusOp::BusRdX; }

// What a snooping cache does with its copy: nothing, a clean cache-to-cache supply, or a dirty flush.
enum class Supply : std::uint8_t { None, FlushOpt, Flush };

constexpr std::string_view name(Supply s) {
  constexpr std::string_view names[] = {"-", "FlushOpt", "Flush"};
  return names[static_cast<int>(s)];
}

// Processor-side events of one cache: its own core's read and write, and the replacement of a line.
enum class ProcOp : std::uint8_t { Read, Write, Evict };
inline constexpr int kProcOpCount = 3;

constexpr std::string_view name(ProcOp op) {
  constexpr std::string_view names[] = {"PrRd", "PrWr", "Evict"};
  return names[static_cast<int>(op)];
}

}  // namespace gb
