// The studio's view state: the frame's own (layout, windows, menus, presentation mode) and, as members, each
// panel's state, declared beside that panel with its draw function (ui/panels/<panel>.h).
#pragma once

#include <string>

#include "../layout.h"
#include "../panel_visibility.h"
#include "compare_panel.h"
#include "cores_panel.h"
#include "explore_panel.h"
#include "lesson_panel.h"
#include "open_dialog.h"
#include "output_panel.h"
#include "panels.h"
#include "scheduler_panel.h"
#include "source_panel.h"
#include "stats_panel.h"
#include "studio_bus_panel.h"
#include "studio_controls_panel.h"
#include "studio_event_log_panel.h"
#include "sync_panel.h"
#include "timeline_panel.h"
#include "variables_panel.h"

namespace gb::ui {

// The bottom row's panels, in the order of its tabs.
struct BottomTab {
  enum : int { Timeline, Events, Sync, Stats, Variables, Runs };
};

// View choices of the studio that are not simulation state.
struct StudioUiState {
  UiState* common = nullptr;  // fonts and scale, shared with the demo's panels

  // [SECTION] Layout and windows
  PanelVisibility panels;                // the View menu's choices
  int bottom_tab = BottomTab::Timeline;  // which bottom panel shows (set it to choose one)
  int bottom_tab_shown = -1;             // which one the tab strip showed last
  bool reset_layout = true;              // put every panel back at its layout rectangle this frame
  float laid_out_w = 0, laid_out_h = 0;  // the window size of the last layout (a resize lays out again)
  float laid_out_scale = 0;              // ... and its UI scale (a new scale lays out again)
  PanelVisibility laid_out_panels;
  bool laid_out_presentation = false;
  bool laid_out_lesson = false, laid_out_notes = false;
  bool presentation = false;  // larger fonts (the app re-rasterises them) and slower animation

  // [SECTION] Menus and requests to the app
  bool quit_requested = false;
  // A message for the menu bar (a file that could not be opened, settings that could not be saved).
  std::string notice;

  // [SECTION] Each panel's own state
  ControlsPanelState controls;
  SourcePanelState source;
  SchedulerPanelState scheduler;
  CoresPanelState cores;
  OutputPanelState output;
  BusPanelState bus;
  TimelinePanelState timeline;
  EventLogPanelState events;
  SyncPanelState sync;
  StatsPanelState stats;
  VariablesPanelState variables;
  RunsPanelState runs;        // the run history (its rows are recorded through the model's on_replace hook)
  ComparePanelState compare;  // Run > Compare
  ExplorePanelState explore;  // Run > Explore
  OpenDialogState open_dialog;
  LessonPanelState lesson;  // the lessons on offer, the open one, the map
};

}  // namespace gb::ui
