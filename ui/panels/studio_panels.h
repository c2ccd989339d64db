// The studio's panels (a Go program on the Machine), one function per panel file, and the view state they
// share.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "../event_log_view.h"
#include "../layout.h"
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
  // Channels and locks: the chosen channel (index in Vm::channels()) and mutex (its state word), and the heap
  // mutexes seen so far in this run (they stay listed when nobody is in Lock).
  std::size_t sync_chan = SIZE_MAX;
  Word sync_mutex = 0;
  std::vector<Word> sync_known_mutexes;
  const void* sync_run = nullptr;  // the Session they were seen in
  // Event log: the incremental index, its filter, and the event last clicked.
  EventLogView events;
  EventFilter event_filter;
  char event_text[96] = {};
  bool events_follow = true;  // scroll to the latest event that has happened when the machine moves
  std::uint64_t events_seen_steps = UINT64_MAX;
  EventLayer event_selected_layer = EventLayer::Bus;
  std::uint32_t event_selected_index = UINT32_MAX;
};

void draw_studio_controls_panel(StudioModel& model, StudioUiState& ui, const Rect& r);
void draw_source_panel(StudioModel& model, StudioUiState& ui, const Rect& r);
void draw_scheduler_panel(const StudioModel& model, StudioUiState& ui, const Rect& r);
void draw_cores_panel(const StudioModel& model, StudioUiState& ui, const Rect& r);
void draw_output_panel(const StudioModel& model, StudioUiState& ui, const Rect& r);
void draw_sync_panel(StudioModel& model, StudioUiState& ui, const Rect& r);
void draw_studio_event_log_panel(StudioModel& model, StudioUiState& ui, const Rect& r);

}  // namespace gb::ui
