// The variables panel: a goroutine's call stack and a frame's variables (sim/inspect/variables.h); its state
// is which goroutine and which of its frames it shows.
#pragma once

#include <cstdint>
#include <string>

#include "../layout.h"
#include "../studio_model.h"
#include "panel_context.h"
#include "scheduler/g_status.h"

namespace gb::ui {

struct VariablesPanelState {
  GId chosen = kNoG;                      // the goroutine picked in the combo; kNoG: the one that ran last
  std::uint32_t depth = 0;                // the frame clicked in the call stack (0: innermost)
  bool frame_clicked = false;             // else the innermost frame of package main is shown
  std::uint64_t seen_steps = UINT64_MAX;  // the machine moved since: the frame choice starts over
  std::string spot_seen;  // a lesson's spotlit local variable picks its goroutine once ("alice")
};

void draw_variables_panel(const StudioModel& model, VariablesPanelState& s, const PanelContext& ctx,
                          const Rect& r);

}  // namespace gb::ui
