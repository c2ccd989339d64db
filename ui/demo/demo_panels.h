// The hand-stepped coherence demo's panels (`gopherbus --demo`): one function per panel, each drawing a
// fixed-position window from the DemoModel over a trace of reads, writes and evictions, apart from the studio's.
#pragma once

#include "../layout.h"
#include "../panels/panels.h"
#include "demo_model.h"

namespace gb::ui {

void draw_controls_panel(DemoModel& model, UiState& ui, const Rect& r);
void draw_cache_panel(DemoModel& model, UiState& ui, const Rect& r);
void draw_bus_panel(const DemoModel& model, UiState& ui, const Rect& r);
void draw_memory_panel(const DemoModel& model, UiState& ui, const Rect& r);
void draw_protocol_panel(const DemoModel& model, UiState& ui, const Rect& r);
void draw_event_log_panel(const DemoModel& model, UiState& ui, const Rect& r);

}  // namespace gb::ui
