// One function per panel; each draws a fixed-position ImGui window from the model and may send it commands.
#pragma once

#include <cstddef>
#include <string>

#include "../demo_model.h"
#include "../fonts.h"
#include "../layout.h"

namespace gb::ui {

// What the panels share that is not simulation state: view choices and pending requests to the app.
struct UiState {
  FontSet* fonts = nullptr;
  float scale = 1.0f;
  float scale_request = 1.0f;  // the slider's value; applied when the user confirms
  bool rebuild_fonts = false;  // set by the controls panel, done by the app between frames
  std::string config_error;    // the last rejected knob change, shown inline
  std::size_t log_seen_steps = static_cast<std::size_t>(-1);    // scroll the log when the cursor moves
  std::size_t table_seen_steps = static_cast<std::size_t>(-1);  // scroll the protocol table likewise
};

void draw_controls_panel(DemoModel& model, UiState& ui, const Rect& r);
void draw_cache_panel(DemoModel& model, UiState& ui, const Rect& r);
void draw_bus_panel(const DemoModel& model, UiState& ui, const Rect& r);
void draw_memory_panel(const DemoModel& model, UiState& ui, const Rect& r);
void draw_protocol_panel(const DemoModel& model, UiState& ui, const Rect& r);
void draw_event_log_panel(const DemoModel& model, UiState& ui, const Rect& r);

}  // namespace gb::ui
