// The scheduler panel: the Ps with their run queues, the global queue, the Ms and the goroutines' table; its
// state is whether that table lists every goroutine.
#pragma once

#include "../layout.h"
#include "../studio_model.h"
#include "panel_context.h"

namespace gb::ui {

struct SchedulerPanelState {
  bool show_all_gs = false;  // the G table also lists dead and runtime goroutines
  // A lesson's spotlit goroutine is scrolled into the G table's view once (then the reader may scroll away).
  GId spot_seen = kNoG;
  int spot_frames = 0;  // frames left to ask for the scroll
  int spot_row = -1;    // this frame's row to scroll to (-1: none)
};

void draw_scheduler_panel(const StudioModel& model, SchedulerPanelState& s, const PanelContext& ctx,
                          const Rect& r);

}  // namespace gb::ui
