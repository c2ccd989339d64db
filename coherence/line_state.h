// The stable states a cache line can be in, across MSI, MESI, MOESI and Dragon.
#pragma once

#include <cstdint>
#include <string_view>

namespace gb {

// One enum for every protocol keeps the engine and the UI protocol-agnostic; each protocol table says which
// states it uses. Dragon's Sc/Sm are kept distinct from MESI's S and MOESI's O because their meaning differs.
enum class LineState : std::uint8_t { I, S, E, O, M, Sc, Sm };
inline constexpr int kLineStateCount = 7;

constexpr std::string_view name(LineState s) {
  constexpr std::string_view names[] = {"I", "S", "E", "O", "M", "Sc", "Sm"};
  return names[static_cast<int>(s)];
}

constexpr bool is_valid(LineState s) { return s != LineState::I; }
// Dirty states make their cache the owner: memory may be stale while one exists.
constexpr bool is_dirty(LineState s) { return s == LineState::M || s == LineState::O || s == LineState::Sm; }
// Exclusive states allow no other valid copy (the SWMR check).
constexpr bool is_exclusive(LineState s) { return s == LineState::M || s == LineState::E; }
constexpr bool is_shared_state(LineState s) {
  return s == LineState::S || s == LineState::O || s == LineState::Sc || s == LineState::Sm;
}

}  // namespace gb
