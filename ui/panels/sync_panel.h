// The channels and locks panel: the run's channels and sync.Mutexes, one of each decoded; its state is which
// ones are chosen and the heap mutexes seen so far.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "../layout.h"
#include "../studio_model.h"
#include "panel_context.h"

namespace gb::ui {

struct SyncPanelState {
  std::size_t chan = SIZE_MAX;      // the chosen channel (an index in Vm::channels())
  Word mutex = 0;                   // the chosen mutex (its state word)
  std::vector<Word> known_mutexes;  // heap mutexes seen in this run (they stay listed when nobody is in Lock)
  const void* run = nullptr;        // the Session they were seen in
};

void draw_sync_panel(const StudioModel& model, SyncPanelState& s, const PanelContext& ctx, const Rect& r);

}  // namespace gb::ui
