// Small drawing helpers the panels share: fixed windows, state chips, monospace text.
#pragma once

#include <imgui.h>

#include "../layout.h"
#include "../theme.h"
#include "panels.h"

namespace gb::ui {

// Begins a fixed, titled window covering `r`; always pair with ImGui::End().
bool begin_panel(const char* title, const Rect& r);
// Fills the current table cell with the state's colour and writes its name centred in white.
void state_cell(LineState s);
// A small coloured box with the state's name, inline in text.
void state_chip(LineState s);
void push_mono(const UiState& ui);
void pop_mono(const UiState& ui);
void text_coloured(Rgb c, const char* text);
// A goroutine's id ("G6") in a box of its colour, inline; `filled` for a running G, outlined otherwise.
void g_chip(int g, bool filled = true);
// The same chip drawn at `p` without a layout item; returns its width.
float draw_g_chip(ImDrawList* dl, ImVec2 p, int g, bool filled);
// The width g_chip takes for `g` (to lay out rows of chips).
float g_chip_width(int g);

}  // namespace gb::ui
