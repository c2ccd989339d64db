// A lesson's text (Markdown, templates already filled in) drawn in the current window, wrapped to its width.
#pragma once

#include <string>

#include "panels.h"

namespace gb::ui {

// Parses once per distinct text (a small cache: the same sections are drawn every frame) and draws it with
// markdown_view.h.
// `width`: the wrap width in pixels (0: the rest of the window's content region).
void draw_lesson_text(const std::string& markdown, const UiState& ui, float width = 0.0f, float line_spacing = 1.45f);

}  // namespace gb::ui
