// The timeline panel: which G ran where and when, the bus transactions and the wake-ups, on a zoomable time
// axis; its state is the view on time and the query it last made.
#pragma once

#include <optional>

#include "../event_log_view.h"
#include "../layout.h"
#include "../studio_model.h"
#include "../timeline_view.h"

namespace gb::ui {

struct TimelinePanelState {
  TimelineView view;     // the window on simulated time
  TimelineIndex index;   // per-row indices into the machine's logs
  TimelineFrame frame;   // the last query's result
  TimelineFrameKey key;  // ... and what it was asked
};

// Returns the moment a click on a stretch or a bus tick chose (the frame moves the machine there, as the
// event log's rows do), if any.
std::optional<LogEvent> draw_timeline_panel(const StudioModel& model, TimelinePanelState& st, const Rect& r);

}  // namespace gb::ui
