// A lesson's text (Markdown, templates already filled in) drawn in the current window, wrapped to its width.
#pragma once

#include <string>

#include "panels.h"

namespace gb::ui {

// Parses once per distinct text (a small cache: the same sections are drawn every frame) and draws it with
// markdown_view.h.
void draw_lesson_text(const std::string& markdown, const UiState& ui);

}  // namespace gb::ui
