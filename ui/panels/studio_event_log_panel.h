// The studio's event log: every recorded event in words, filtered by layer, goroutine and text; its state is
// the incremental index, the filter, following and the event last clicked.
#pragma once

#include <cstdint>
#include <optional>

#include "../event_log_view.h"
#include "../layout.h"
#include "../studio_model.h"
#include "panel_context.h"

namespace gb::ui {

struct EventLogPanelState {
  EventLogView log;  // the incremental index of the machine's logs
  EventFilter filter;
  char text[96] = {};  // the filter's words as typed
  bool follow = true;  // scroll to the latest event that has happened when the machine moves
  std::uint64_t seen_steps = UINT64_MAX;  // the machine's steps_taken() when the log last followed it
  EventLayer selected_layer = EventLayer::Bus;
  std::uint32_t selected_index = UINT32_MAX;
};

// Returns the event a click chose (the frame moves the whole machine to the moment it has just happened), if
// any.
std::optional<LogEvent> draw_studio_event_log_panel(const StudioModel& model, EventLogPanelState& s,
                                                    const PanelContext& ctx, const Rect& r);

}  // namespace gb::ui
