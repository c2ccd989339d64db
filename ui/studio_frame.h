// One frame of the studio: its keyboard shortcuts, then every panel in the fixed layout. Needs only an ImGui
// frame (no window), so tests draw it headless.
#pragma once

#include "panels/studio_panels.h"
#include "studio_model.h"

namespace gb::ui {

// Between ImGui::NewFrame and ImGui::Render (or EndFrame): handles the keys, then draws the panels.
void draw_studio(StudioModel& model, StudioUiState& ui, float width, float height);

}  // namespace gb::ui
