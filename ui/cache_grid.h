// The caches as the sets x ways grid shows them (every way, invalid ones too) and memory's side of the lines
// the caches hold (memory's own words, stale when a dirty owner has overtaken them). Plain data; no ImGui.
#pragma once

#include <vector>

#include "coherence/memory_system.h"
#include "studio_model.h"

namespace gb::ui {

// One way of `core`'s cache (core, set and way in range) as the panels show it.
LineView line_view(const MemorySystem& sys, int core, std::uint32_t set, std::uint32_t way);

// Every way of `core`'s cache, valid or not, set-major: entry set * assoc + way. An invalid way keeps the
// tag it last held (its address) and its LRU stamp (0: never used); its words are zero. Empty for a core the
// system does not have.
std::vector<LineView> cache_grid(const MemorySystem& sys, int core);

// One cache that holds a line, and in which state.
struct LineHolder {
  int core = 0;
  LineState state = LineState::I;
  bool operator==(const LineHolder&) const = default;
};

// A line that at least one cache holds, seen from memory.
struct MemoryLineView {
  Addr address = 0;                 // the line's first byte
  std::vector<Word> words;          // memory's own copy (not a cache's)
  std::vector<LineHolder> holders;  // in core order
  bool stale = false;               // MemorySystem::memory_stale: a dirty copy differs from these words
  int owner = -1;                   // the core holding it dirty (M, O, Sm), -1 when none
  LineState owner_state = LineState::I;
  std::vector<Word> owner_words;  // that core's copy, when there is an owner
};

// Every line some cache holds valid, in address order.
std::vector<MemoryLineView> memory_lines(const MemorySystem& sys);

}  // namespace gb::ui
