// The output panel: the program's stdout and stderr and how it ended; its state is how much it has shown.
#pragma once

#include <cstddef>
#include <cstdint>

#include "../layout.h"
#include "../studio_model.h"
#include "panel_context.h"

namespace gb::ui {

struct OutputPanelState {
  std::size_t seen = SIZE_MAX;  // the output's size when last drawn: it scrolls to the end when that changes
};

void draw_output_panel(const StudioModel& model, OutputPanelState& s, const PanelContext& ctx, const Rect& r);

}  // namespace gb::ui
