// The studio's panels (a Go program on the Machine), one function per panel file, and the view state they
// share.
#pragma once

#include <cstddef>
#include <cstdint>

#include "../layout.h"
#include "../stats_view.h"
#include "../studio_model.h"
#include "panels.h"

namespace gb::ui {

// View choices of the studio that are not simulation state.
struct StudioUiState {
  UiState* common = nullptr;                 // fonts and scale, shared with the demo's panels
  StepKind step_kind = StepKind::Statement;  // what Right arrow steps by
  bool show_all_gs = false;                  // the G table also lists dead and runtime goroutines
  std::uint64_t source_seen_steps =
      UINT64_MAX;  // scroll the source to the current line when the machine moves
  bool source_scroll_pending = false;
  std::size_t output_seen = SIZE_MAX;  // scroll the output to the end when it grows
  // The bus panel's animation of one transaction (requester -> bus -> snoopers -> data back) lasts this long;
  // a presentation mode can slow it.
  float bus_animation_seconds = 0.6f;
  float bus_phase = 1.0f;                 // 0..1 through the animation; 1 = at rest, showing the outcome
  std::size_t bus_animated = SIZE_MAX;    // the bus_log() index the animation last started for
  std::uint64_t bus_animated_steps = 0;   // ... and the model's steps_taken() then (a re-step replays it)
  std::uint64_t bus_table_seen = UINT64_MAX;  // scroll the protocol table to the fired rows when they change
  StatsCache stats;                       // the stats panel's series, kept up to date incrementally
};

void draw_studio_controls_panel(StudioModel& model, StudioUiState& ui, const Rect& r);
void draw_source_panel(StudioModel& model, StudioUiState& ui, const Rect& r);
void draw_scheduler_panel(const StudioModel& model, StudioUiState& ui, const Rect& r);
void draw_cores_panel(const StudioModel& model, StudioUiState& ui, const Rect& r);
void draw_output_panel(const StudioModel& model, StudioUiState& ui, const Rect& r);
void draw_studio_bus_panel(const StudioModel& model, StudioUiState& ui, const Rect& r);
void draw_stats_panel(const StudioModel& model, StudioUiState& ui, const Rect& r);

}  // namespace gb::ui
