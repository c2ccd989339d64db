// The stats panel: hits, misses, bus transactions and invalidations per core, the time lost waiting, and
// plots over simulated time; its state is those series, kept up to date incrementally.
#pragma once

#include "../layout.h"
#include "../stats_view.h"
#include "../studio_model.h"
#include "panel_context.h"

namespace gb::ui {

struct StatsPanelState {
  StatsCache cache;
};

void draw_stats_panel(const StudioModel& model, StatsPanelState& s, const PanelContext& ctx, const Rect& r);

}  // namespace gb::ui
