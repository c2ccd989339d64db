// One frame of the studio: its keyboard shortcuts, then the menu bar and every panel in the layout. Needs only an ImGui
// frame (no window), so tests draw it headless.
#pragma once

#include "panels/studio_panels.h"
#include "studio_model.h"

namespace gb::ui {

// Between ImGui::NewFrame and ImGui::Render (or EndFrame): handles the keys, then draws the menu bar and the
// panels.
void draw_studio(StudioModel& model, StudioUiState& ui, float width, float height);
// After the open lesson moved to a checkpoint: the controls step by the kind it suggests, and the bottom tab
// holding what its spotlight names comes forward.
void arrived_at_checkpoint(StudioUiState& ui);
// Where the panels go this frame (below the menu bar, the hidden ones left out): what draw_studio uses.
// `use`: what the program uses, for presentation mode's folding (by default everything).
StudioLayout studio_layout(const StudioUiState& ui, float width, float height, const ProgramUse& use = {});

}  // namespace gb::ui
