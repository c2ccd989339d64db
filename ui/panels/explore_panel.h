// Run > Explore: the schedule explorer on the studio's program and knobs, in the background with a progress bar;
// what it finds replaces the run and opens at the moment it went wrong (ui/explore_job.h, ui/schedule_open.h).
#pragma once

#include <string>

#include "../explore_job.h"
#include "../layout.h"
#include "../studio_model.h"
#include "panel_context.h"

namespace gb::ui {

struct ExplorePanelState {
  bool open = false;
  int bound = 2;
  int max_schedules = 10'000;
  bool race = false;
  ExploreJob job;
  std::string message;  // the last search's outcome, in words
};

// Applies a finished search's find to `studio` (the schedule's run, sought to where it went wrong) and says what
// happened in st.message; returns true when it found something. Called every frame (cheap when nothing ended).
bool collect_explore(StudioModel& studio, ExplorePanelState& st);

// A window over `area` while st.open.
void draw_explore_window(StudioModel& studio, ExplorePanelState& st, const PanelContext& ctx, const Rect& area);

}  // namespace gb::ui
