// The studio's panels (a Go program on the Machine), one function per panel file, and the view state they
// share.
#pragma once

#include <cstddef>
#include <cstdint>

#include "../layout.h"
#include "../studio_model.h"
#include "../timeline_view.h"
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
  TimelineView timeline;               // the timeline's window on simulated time
  TimelineIndex timeline_index;        // its per-row indices into the machine's logs
};

void draw_studio_controls_panel(StudioModel& model, StudioUiState& ui, const Rect& r);
void draw_source_panel(StudioModel& model, StudioUiState& ui, const Rect& r);
void draw_scheduler_panel(const StudioModel& model, StudioUiState& ui, const Rect& r);
void draw_cores_panel(const StudioModel& model, StudioUiState& ui, const Rect& r);
void draw_output_panel(const StudioModel& model, StudioUiState& ui, const Rect& r);
void draw_timeline_panel(const StudioModel& model, StudioUiState& ui, const Rect& r);

}  // namespace gb::ui
