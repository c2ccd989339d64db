// Compare (Run > Compare): the studio's program on the two sides of a pair, stepped to the same point, their
// counters side by side with the worse one coloured; and the Runs tab: one row per run of the studio, kept
// across restarts, the run going on last.
#pragma once

#include <memory>
#include <string>

#include "../compare_model.h"
#include "../layout.h"
#include "../run_summary.h"
#include "../studio_model.h"
#include "panel_context.h"

namespace gb::ui {

struct ComparePanelState {
  bool open = false;
  std::string preset_id;  // the pair chosen (ComparePreset::id); empty: the first on offer
  char condition[160] = "exit";
  int steps = 10;
  std::unique_ptr<CompareModel>
      compare;               // made from the studio's program when the window opens or a pair is chosen
  StudioConfig made_config;  // the studio's config it was made from
  std::string error;
  // The open lesson's pairs (its claims over two runs of its program), offered before the program's own.
  std::vector<ComparePreset> lesson_pairs;
};

// The pairs the window offers: the lesson's, then the program's knobs' and the machine's.
std::vector<ComparePreset> pairs_on_offer(const StudioModel& studio, const ComparePanelState& st);

// A window over `area` while st.open; the studio is only read (its program and knobs seed the pair).
void draw_compare_window(const StudioModel& studio, ComparePanelState& st, const PanelContext& ctx,
                         const Rect& area);
// (Re)makes st.compare from the studio's program and config with the preset st.preset_id; false with st.error
// when no pair of that id applies.
bool make_compare(const StudioModel& studio, ComparePanelState& st);

struct RunsPanelState {
  RunHistory history;
};

void draw_runs_panel(const StudioModel& model, RunsPanelState& st, const PanelContext& ctx, const Rect& r);

}  // namespace gb::ui
