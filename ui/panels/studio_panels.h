// The studio's panels (a Go program on the Machine), one function per panel file, and the view state they
// share.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "../file_browser.h"
#include <vector>

#include "../event_log_view.h"
#include "../layout.h"
#include "../panel_visibility.h"
#include "../stats_view.h"
#include "../studio_model.h"
#include "../timeline_view.h"
#include "panels.h"

namespace gb::ui {

// The bottom row's panels, in the order of its tabs.
struct BottomTab {
  enum : int { Timeline, Events, Sync, Stats };
};

// How the cores panel shows the caches: each core's valid lines as a list, each core's whole cache as a
// sets x ways grid of state squares, or memory's copy of every line a cache holds (stale ones greyed).
struct CacheView {
  enum : int { Lines, Grid, Memory };
};

// View choices of the studio that are not simulation state.
struct StudioUiState {
  UiState* common = nullptr;                 // fonts and scale, shared with the demo's panels
  StepKind step_kind = StepKind::Statement;  // what Right arrow steps by
  BusOp step_bus_op = BusOp::BusRdX;         // what a StepKind::BusOp step waits for
  bool show_all_gs = false;                  // the G table also lists dead and runtime goroutines
  std::uint64_t source_seen_steps =
      UINT64_MAX;  // scroll the source to the current line when the machine moves
  bool source_scroll_pending = false;
  std::size_t output_seen = SIZE_MAX;  // scroll the output to the end when it grows

  // [SECTION] Layout and windows
  PanelVisibility panels;     // the View menu's choices
  int bottom_tab = BottomTab::Timeline;  // which bottom panel shows (set it to choose one)
  int bottom_tab_shown = -1;             // which one the tab strip showed last
  int cache_view = CacheView::Lines;     // the cores panel's view of the caches
  bool hex_words = false;                // raw memory words in hex, else decimal (View > Hex words, H)
  bool reset_layout = true;   // put every panel back at its layout rectangle this frame
  float laid_out_w = 0, laid_out_h = 0;  // the window size of the last layout (a resize lays out again)
  float laid_out_scale = 0;              // ... and its UI scale (a new scale lays out again)
  PanelVisibility laid_out_panels;
  bool laid_out_presentation = false;
  bool presentation = false;  // larger fonts (the app re-rasterises them) and slower animation
  bool quit_requested = false;
  bool open_dialog_requested = false;  // File > Open: the dialog opens on the next frame
  // [SECTION] Opening and editing programs
  std::optional<FileBrowser> browser;  // the open dialog's directory (kept between openings)
  std::string open_name;               // the file name field
  std::string open_error;              // why the last pick could not be opened, shown in the dialog
  bool editing = false;                // the source panel is an editor
  std::string edit_text;               // the editor's text (the program is replaced only by Run)
  // A message for the menu bar (a file that could not be opened, settings that could not be saved).
  std::string notice;
  TimelineView timeline;               // the timeline's window on simulated time
  TimelineIndex timeline_index;        // its per-row indices into the machine's logs
  TimelineFrame timeline_frame;        // the last query's result, and what it was asked
  TimelineFrameKey timeline_key;
  // The bus panel's animation of one transaction (requester -> bus -> snoopers -> data back) lasts this long;
  // a presentation mode can slow it.
  float bus_animation_seconds = 0.6f;
  float bus_phase = 1.0f;                 // 0..1 through the animation; 1 = at rest, showing the outcome
  std::size_t bus_animated = SIZE_MAX;    // the bus_log() index the animation last started for
  std::uint64_t bus_animated_steps = 0;   // ... and the model's steps_taken() then (a re-step replays it)
  std::uint64_t bus_table_seen = UINT64_MAX;  // scroll the protocol table to the fired rows when they change
  StatsCache stats;                       // the stats panel's series, kept up to date incrementally
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

// The argument a step of `kind` takes (StudioModel::step): the chosen bus operation for StepKind::BusOp, else 0.
inline std::uint32_t step_arg(StepKind kind, const StudioUiState& ui) {
  return kind == StepKind::BusOp ? static_cast<std::uint32_t>(ui.step_bus_op) : 0u;
}

void draw_studio_controls_panel(StudioModel& model, StudioUiState& ui, const Rect& r);
void draw_source_panel(StudioModel& model, StudioUiState& ui, const Rect& r);
void draw_scheduler_panel(const StudioModel& model, StudioUiState& ui, const Rect& r);
void draw_cores_panel(const StudioModel& model, StudioUiState& ui, const Rect& r);
// File > Open: a modal dialog listing directories and Go files; a pick that cannot be read says why and keeps
// the running program.
void draw_open_dialog(StudioModel& model, StudioUiState& ui);
// Turns the source panel into an editor of the current program's text.
void start_editing(const StudioModel& model, StudioUiState& ui);
void draw_output_panel(const StudioModel& model, StudioUiState& ui, const Rect& r);
// A click on a stretch or a bus tick moves the machine there (the event log's jump).
void draw_timeline_panel(StudioModel& model, StudioUiState& ui, const Rect& r);
void draw_studio_bus_panel(const StudioModel& model, StudioUiState& ui, const Rect& r);
void draw_stats_panel(const StudioModel& model, StudioUiState& ui, const Rect& r);
void draw_sync_panel(StudioModel& model, StudioUiState& ui, const Rect& r);
void draw_studio_event_log_panel(StudioModel& model, StudioUiState& ui, const Rect& r);

}  // namespace gb::ui
