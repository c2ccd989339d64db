// The map of the path: concurrency → goroutines → locks → message queue → single core → multi-core → MESI
// and the bus as columns joined by arrows, the Go classics in a row below, every lesson a card with its level
// and the checkpoints the student has reached. A click opens the lesson. With no program given, the studio
// opens on it (File > Lessons opens it too).
#pragma once

#include "../layout.h"
#include "../studio_model.h"
#include "lesson_panel.h"
#include "panel_context.h"

namespace gb::ui {

void draw_lesson_map(StudioModel& model, LessonPanelState& s, const PanelContext& ctx, const Rect& r);

}  // namespace gb::ui
